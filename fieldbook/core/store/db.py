"""Engines and transactions.

SQLite follows DESIGN.md §5: WAL, synchronous=FULL, foreign keys on every connection, a
busy timeout, and SQLAlchemy's documented pysqlite recipe (the driver's own transaction
handling is switched off and we emit BEGIN ourselves) so that transactions, SAVEPOINTs and DDL
really are transactional. Write transactions start with BEGIN IMMEDIATE so two writers queue
on the busy timeout instead of failing on a lock upgrade.

A write that the database refuses (disk full, read-only file, locked past the busy timeout, an
I/O error) is rolled back whole and raised as ``SaveFailed`` with a ``reason`` the UI words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from fieldbook.core.errors import DatabaseError
from fieldbook.core.paths import create_private_file, ensure_private_dir, make_private
from fieldbook.core.text import clean_data

BUSY_TIMEOUT_MS = 10_000
_WRITE = "fieldbook_write"


class SaveFailed(DatabaseError):
    """A write was refused by the database and rolled back whole; what was saved before is
    intact. ``reason``: ``disk_full``, ``read_only``, ``locked`` or ``io``."""

    code = "save_failed"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason, reason=reason)
        self.reason = reason


# SQLite primary result codes (https://sqlite.org/rescode.html) → SaveFailed reasons.
_REASONS = {13: "disk_full", 8: "read_only", 5: "locked", 6: "locked"}
_IO_CODES = {10, 11, 14, 15, 26}  # IOERR, CORRUPT, CANTOPEN, PROTOCOL, NOTADB
_MESSAGES = (
    ("disk is full", "disk_full"),
    ("readonly database", "read_only"),
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("disk i/o error", "io"),
    ("malformed", "io"),
    ("not a database", "io"),
    ("unable to open", "io"),
)


def save_failure_reason(exc: BaseException) -> str | None:
    """The ``SaveFailed`` reason for a driver error, or None when it is not a failed save (a
    constraint, a programming error)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary in _REASONS:
            return _REASONS[primary]
        return "io" if primary in _IO_CODES else None
    text_ = str(exc).lower()  # drivers without error codes (sqlcipher3 builds, old Pythons)
    return next((reason for needle, reason in _MESSAGES if needle in text_), None)


def _on_connect(dbapi_connection: Any, _record: Any, *, busy_timeout_ms: int) -> None:
    # Disable pysqlite's own BEGIN handling (the documented recipe).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        # Nothing in the schema may call a function with side effects (schema_check).
        cur.execute("PRAGMA trusted_schema=OFF")
    finally:
        cur.close()


def _on_begin(conn: Any) -> None:
    if conn.get_execution_options().get(_WRITE):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _clean_parameters(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
) -> tuple[str, Any]:
    """The door every text passes on its way into the database: each text parameter of every
    statement, on every backend, is put through ``clean_free_text`` (no control characters
    but tab and line feed, no lone surrogates, no bidi overrides; see
    fieldbook.core.text). Whatever path a text takes (a dialog, the CLI, an import, a
    sync, the demo), what is stored is clean: an Excel export never meets a character it
    cannot write, a terminal never an escape sequence, PostgreSQL never a NUL it refuses.
    Parameters of queries pass the same door, so a lookup matches what was stored.
    Strings inside JSON text are escaped there; ``models.JsonText`` cleans those."""
    return statement, clean_data(parameters)


def make_engine(url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, **kwargs: Any) -> Engine:
    """Create an engine for ``url``; SQLite files are created private (0600) first, and an
    existing one is made private. ``sqlite+pysqlcipher://:KEY@/path`` opens an encrypted file
    (the key is applied before our pragmas)."""
    if not url.startswith("sqlite"):
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
        event.listen(engine, "before_cursor_execute", _clean_parameters, retval=True)
        return engine
    path = sqlite_path(url)
    if path is not None and "mode=ro" not in url:
        if not path.parent.exists():
            ensure_private_dir(path.parent)
        create_private_file(path)
        if path.is_file():  # never chmod a folder or a device handed over as a database
            try:
                make_private(path)
            except OSError:  # not ours to change (a shared, read-only file): leave it
                pass
    if url.startswith("sqlite+pysqlcipher") and "poolclass" not in kwargs:
        # The dialect defaults to one connection per thread; a read opened inside a write
        # (same thread) would then share, and end, the write's transaction.
        kwargs["poolclass"] = QueuePool
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", functools.partial(_on_connect, busy_timeout_ms=busy_timeout_ms))
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "before_cursor_execute", _clean_parameters, retval=True)
    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file::memory:"):
        return None
    if parsed.database.startswith("file:"):  # a URI filename (?uri=true): file:/path?mode=ro
        return Path(unquote(urlsplit(parsed.database).path))
    return Path(parsed.database)


def engine_path(engine: Engine) -> Path | None:
    return sqlite_path(str(engine.url))


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reading: one transaction, rolled back at the end."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
        finally:
            session.rollback()


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One use case = one transaction: committed when the block ends, rolled back on error.

    A write the database refuses (at BEGIN, during the block or at COMMIT) is rolled back and
    raised as ``SaveFailed``; nothing of it is left behind."""
    write_engine = engine.execution_options(**{_WRITE: True})
    try:
        with Session(write_engine, expire_on_commit=False) as session, session.begin():
            yield session
    except DBAPIError as exc:
        reason = save_failure_reason(exc.orig) if exc.orig is not None else None
        if reason is None:
            raise
        raise SaveFailed(reason, str(exc.orig)) from exc


def refresh_statistics(session: Session) -> None:
    """After a bulk write (an import, demo data), give SQLite's planner fresh statistics so it
    chooses a table scan over an unselective index (one manager's laptop) and the index on a
    department database. PostgreSQL's autovacuum keeps its own statistics."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("ANALYZE"))
