"""What --db points at, its passphrase, and the checks made before any work: arguments that
are not text, the database --db names, every file the command will write.

Imported when a command runs (never for ``--help``); it opens no database (no SQLAlchemy)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from fieldbook.cli.common import UsageError
from fieldbook.core.errors import InvalidValue
from fieldbook.core.outputs import check_output, protect_database
from fieldbook.core.paths import resolve_db_url
from fieldbook.core.store import dbfile
from fieldbook.core.store.crypto import PASSPHRASE_ENV, WrongPassphrase, encrypted_url
from fieldbook.core.store.db import sqlite_path

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
