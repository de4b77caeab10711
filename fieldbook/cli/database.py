"""The database a command works on: where --db points, its passphrase, the checks made before
any work, the writer lock of a write command, and :func:`open_journal` — the one way the
command line opens a journal.

Heavy (the core's storage): imported when a command runs, never for ``--help``."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from fieldbook.cli.common import EXIT_OK, UsageError, err
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.paths import resolve_db_url, sqlite_path
from fieldbook.core.store import dbfile
from fieldbook.core.store.crypto import PASSPHRASE_ENV, WrongPassphrase, encrypted_url
from fieldbook.core.store.integrity import DatabaseLock
from fieldbook.core.store.outputs import check_output, protect_database

Submitted = TypeVar("Submitted")

#: The arguments that name a file the command writes (checked before any work).
OUTPUT_ARGUMENTS = ("output", "screenshot")


def passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-env VAR, else $FIELDBOOK_PASSPHRASE, else None."""
    name = getattr(args, "passphrase_env", None)
    value = os.environ.get(name or PASSPHRASE_ENV)
    if name and not value:
        raise WrongPassphrase("passphrase_env_unset", name=name)
    return value or None


def db_url(args: argparse.Namespace) -> str:
    """The database URL of --db (the default when not given), with the passphrase when set."""
    url = resolve_db_url(args.db)
    secret = passphrase(args)
    if secret is None:
        return url
    return encrypted_url(url, secret)


def db_file(args: argparse.Namespace) -> Path:
    """The SQLite file behind --db (backups, checks and restores work on files)."""
    path = sqlite_path(resolve_db_url(args.db))
    if path is None:
        raise InvalidValue("encryption_needs_file")
    return path


def creates_database(args: argparse.Namespace) -> bool:
    """Whether the command may make a new database where --db points (else it must exist)."""
    return bool(getattr(args, "creates_database", False))


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
) -> Submitted | None:
    """Run ``submit`` under the writer lock. When the core refuses because the record was
    already submitted (``InvalidValue`` with detail ``already``): ``refusal`` on stderr, None."""
    with writer_lock(args), journal_for(args) as journal:
        try:
            return submit(journal)
        except InvalidValue as exc:
            if exc.detail != already:
                raise
            err(refusal)
            return None


def vet_arguments(args: argparse.Namespace, argv: Sequence[str]) -> None:
    """Everything the command line can check before any work: arguments that are not text,
    what --db points at, and every file the command will write (UsageError / the core's
    DatabaseRefused / OutputRefused: one line, exit 2)."""
    for n, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise UsageError(f"第 {n} 个参数不是有效的 UTF-8 文本：{shown!r}") from None
    url = db_url(args)
    dbfile.vet(url, create=creates_database(args))
    path = sqlite_path(url)
    if path is not None:
        protect_database(path)  # before the outputs are checked: its backups are off limits
    for name in OUTPUT_ARGUMENTS:
        value = getattr(args, name, None)
        if value is not None:
            check_output(value)
