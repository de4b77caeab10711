"""What ``--db`` may point at: a Fieldbook database, or (for a command that creates one) a new
path. Anything else — a folder, a device, a text file, someone else's SQLite database, a path
that does not exist given to a command that only reads — is refused before anything touches
it: no chmod, no lock file, no migration, no "damaged" rename.

A file that is not SQLite at all is taken for a *damaged* Fieldbook database (moved aside by the
start-up check, the newest good backup offered) only when there is evidence it was one: it has
Fieldbook backups beside it, or it is the default database in the user's data folder.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from fieldbook.core.errors import PathRefused
from fieldbook.core.paths import DB_FILENAME, default_data_folder
from fieldbook.core.sqlite_files import (
    BACKUPS_FOLDER,
    SIDE_SUFFIXES,
    SQLITE_MAGIC,
    holds_a_database,
    looks_encrypted,
)
from fieldbook.core.store import crypto
from fieldbook.core.store.backup import list_backups
from fieldbook.core.store.db import sqlite_path
from fieldbook.core.store.schema_check import NotFieldbookDatabase

BACKENDS = ("sqlite", "postgresql")
#: Tables every Fieldbook database has had since the first migration (another program that
#: also uses Alembic has an ``alembic_version`` too).
FIELDBOOK_TABLES = frozenset({"alembic_version", "managers", "customers"})


class DatabaseRefused(PathRefused):
    """``--db`` points at something that is not a Fieldbook database (exit 2)."""

    code = "database_refused"


def check_url(url: str) -> None:
    """Refuse a URL whose scheme Fieldbook does not speak (one line, exit 2)."""
    if "\x00" in url or "%00" in url:
        raise DatabaseRefused("db_bad_url", url.replace("\x00", "\\0"))
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except (ArgumentError, ValueError) as exc:
        raise DatabaseRefused("db_bad_url", _shown(url)) from exc
    if backend not in BACKENDS:
        raise DatabaseRefused("db_unknown_scheme", _shown(url))
    try:
        _ = parsed.port  # a port that is not a number
        dialect = parsed.get_dialect()()
        dialect.create_connect_args(parsed)  # the query string's options, e.g. timeout=abc
    except (ArgumentError, NoSuchModuleError, ValueError, TypeError) as exc:
        raise DatabaseRefused("db_bad_url", _shown(url)) from exc


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url.split("@")[-1]


def _looks_like_ours(path: Path) -> bool:
    if list_backups(path):
        return True
    if path.name != DB_FILENAME:
        return False
    return os.path.realpath(path.parent) == os.path.realpath(default_data_folder())


def vet(url: str, *, create: bool) -> None:
    """Raise :class:`DatabaseRefused` unless ``url`` is a PostgreSQL URL, an in-memory database,
    a Fieldbook SQLite database (damaged ones included, see the module doc), or — with
    ``create`` — a path where a new one may be made (nothing there, or an empty file; a
    missing folder is made, private)."""
    check_url(url)
    path = sqlite_path(url)
    if path is None:
        return
    if _is_side_file(path):  # existing or not: a database there would wreck its owner
        raise DatabaseRefused("db_side_file", path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if not create:
            raise DatabaseRefused("db_missing", path) from None
        return
    except OSError as exc:  # a path through a file, too long, not allowed
        raise DatabaseRefused("db_unreachable", path) from exc
    if stat.S_ISDIR(st.st_mode):
        raise DatabaseRefused("db_is_directory", path)
    if not stat.S_ISREG(st.st_mode):
        raise DatabaseRefused("db_not_regular", path)
    if path.parent.name == BACKUPS_FOLDER and holds_a_database(path.parent.parent):
        raise DatabaseRefused("db_is_backup", path)
    if st.st_nlink > 1:  # another name for the same file (a backup's, say): SQLite's locks
        raise DatabaseRefused("db_hard_linked", path)  # and our backups assume one name
    if st.st_size == 0:
        if not create:
            raise DatabaseRefused("db_empty", path)
        return
    if crypto.url_passphrase(url) is not None and looks_encrypted(path):
        return  # ciphertext from the first byte: the passphrase check decides
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseRefused("db_unreadable", path) from exc
    if head != SQLITE_MAGIC:
        if looks_encrypted(path):
            return  # an encrypted database asked for without its passphrase: that is said next
        if _looks_like_ours(path):
            return  # a damaged Fieldbook database: the start-up check takes over
        raise DatabaseRefused("db_not_sqlite", path)
    tables = _tables(path)
    if tables is None:
        return  # SQLite, but unreadable: damaged; the start-up check takes over
    if "alembic_version" in tables and tables >= FIELDBOOK_TABLES:
        return  # ours (a revision this version does not know is said by the migration step)
    if not tables and create:
        return  # an empty SQLite database: Fieldbook may set it up
    if not tables:
        raise DatabaseRefused("db_empty", path)
    raise NotFieldbookDatabase("not_fieldbook_database", file=str(path))


def _tables(path: Path) -> set[str] | None:
    """The file's table names, read without leaving anything beside it: a WAL-mode file with
    no -wal is opened immutable (a read-only open would create -wal and -shm)."""
    resolved = path.resolve()
    wal_mode = _header_byte(resolved, 18) == 2
    has_wal = resolved.with_name(resolved.name + "-wal").exists()
    query = "immutable=1" if wal_mode and not has_wal else "mode=ro"
    try:
        con = sqlite3.connect(f"{resolved.as_uri()}?{query}", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return {str(r[0]) for r in rows}


def _header_byte(path: Path, offset: int) -> int | None:
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            byte = fh.read(1)
    except OSError:
        return None
    return byte[0] if byte else None


def _is_side_file(path: Path) -> bool:
    """``x.sqlite3-wal`` / ``-shm`` / ``-journal`` / ``.lock`` beside an existing database."""
    for suffix in SIDE_SUFFIXES:
        if path.name.endswith(suffix) and path.name != suffix:
            owner = path.with_name(path.name.removesuffix(suffix))
            if owner.is_file():
                return True
    return False
