"""The database a command works on: :func:`open_journal` — the one way the command line opens a
journal —, the writer lock of a write command, and what commands do with an open journal
(export a file, submit once). Where --db points and the checks before any work:
:mod:`fieldbook.cli.vetting`.

Heavy (the core's storage): imported when a command runs, never for ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.vetting import creates_database, db_url
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.paths import resolve_db_url
from fieldbook.core.store.db import sqlite_path
from fieldbook.core.store.lock import DatabaseLock

Submitted = TypeVar("Submitted")


def open_journal(args: argparse.Namespace) -> Journal:
    """The journal on the database of --db (made there only by a command that creates one)."""
    return Journal.open(db_url(args), create=creates_database(args))


@contextmanager
def journal_for(args: argparse.Namespace) -> Iterator[Journal]:
    """:func:`open_journal`, closed when the block ends."""
    journal = open_journal(args)
    try:
        yield journal
    finally:
        journal.close()


def export_file(args: argparse.Namespace, export: Callable[[Journal], Path]) -> int:
    """Run ``export`` on the journal and print the file it wrote (exit 0)."""
    with journal_for(args) as journal:
        path = export(journal)
    print(path)
    return EXIT_OK


@contextmanager
def writer_lock(args: argparse.Namespace) -> Iterator[None]:
    """Hold the database's writer lock for a write command (DatabaseInUse: exit 1)."""
    path = sqlite_path(resolve_db_url(args.db))
    if path is None:
        yield
        return
    with DatabaseLock.acquire(path):
        yield


def submit_once(
    args: argparse.Namespace,
    submit: Callable[[Journal], Submitted],
    *,
    already: str,
    refusal: str,
    done: Callable[[Submitted], str],
) -> int:
    """Run ``submit`` under the writer lock and print ``done`` of what it returns (exit 0).
    When the core refuses because the record was already submitted (``InvalidValue`` with
    detail ``already``): ``refusal`` on stderr, exit 2."""
    with writer_lock(args), journal_for(args) as journal:
        try:
            submitted = submit(journal)
        except InvalidValue as exc:
            if exc.detail != already:
                raise
            err(refusal)
            return EXIT_INPUT
    print(done(submitted))
    return EXIT_OK
