"""Engines and transactions.

SQLite follows DESIGN.md §5: WAL, synchronous=FULL, foreign keys on every connection, a
busy timeout, and SQLAlchemy's documented pysqlite recipe (the driver's own transaction
handling is switched off and we emit BEGIN ourselves) so that transactions, SAVEPOINTs and DDL
really are transactional. Write transactions start with BEGIN IMMEDIATE so two writers queue
on the busy timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session

from fieldbook.core.paths import create_private_file, ensure_private_dir, sqlite_path

BUSY_TIMEOUT_MS = 10_000
_WRITE = "fieldbook_write"


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Disable pysqlite's own BEGIN handling (the documented recipe).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
    finally:
        cur.close()


def _on_begin(conn: Any) -> None:
    if conn.get_execution_options().get(_WRITE):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for ``url``; SQLite files are created private (0600) first."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, **kwargs)
    path = sqlite_path(url)
    if path is not None:
        if not path.parent.exists():
            ensure_private_dir(path.parent)
        create_private_file(path)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


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
    """One use case = one transaction: committed when the block ends, rolled back on error."""
    write_engine = engine.execution_options(**{_WRITE: True})
    with Session(write_engine, expire_on_commit=False) as session, session.begin():
        yield session


def refresh_statistics(session: Session) -> None:
    """After a bulk write (an import, demo data), give SQLite's planner fresh statistics so it
    chooses a table scan over an unselective index (one manager's laptop) and the index on a
    department database. PostgreSQL's autovacuum keeps its own statistics."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("ANALYZE"))
