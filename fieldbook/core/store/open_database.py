"""What a front end may ask of an open database without touching its engine: the passphrase it
was opened with, whether it is the department's server, and a backup of it.

The functions take anything holding an ``engine`` (the journal, a journal's manager view), so
the desktop app and the command line never reach into SQLAlchemy themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import Engine

from fieldbook.core.store import crypto
from fieldbook.core.store.backup import create_backup


class OpenDatabase(Protocol):
    """Anything holding the engine of an open database (the journal)."""

    @property
    def engine(self) -> Engine: ...


def engine_passphrase(engine: Engine) -> str | None:
    """The passphrase an encrypted database was opened with (None for a plain one)."""
    url = engine.url
    return (url.password or "") if url.drivername == crypto.CIPHER_DRIVER else None


def passphrase(db: OpenDatabase) -> str | None:
    """The passphrase of an encrypted database (None for a plain file)."""
    return engine_passphrase(db.engine)


def is_server(db: OpenDatabase) -> bool:
    """True on the department's PostgreSQL server."""
    return db.engine.dialect.name == "postgresql"


def backup(db: OpenDatabase, *, label: str) -> Path:
    """Back up the database (online backup API, checked, renamed; the folder thinned)."""
    return create_backup(db.engine, label=label)
