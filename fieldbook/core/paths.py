"""Where Fieldbook keeps its data, and how files are created private (0700 / 0600)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from fieldbook import APP_NAME

DB_ENV = "FIELDBOOK_DB"
DATA_ENV = "FIELDBOOK_DATA_DIR"
DB_FILENAME = "fieldbook.sqlite3"


def default_data_folder() -> Path:
    """Where the data lives unless told otherwise: $FIELDBOOK_DATA_DIR, else the per-user
    data directory (not created here)."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The per-user data directory (created 0700)."""
    return ensure_private_dir(default_data_folder())


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def default_db_url() -> str:
    return sqlite_url(data_dir() / DB_FILENAME)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def resolve_db_url(arg: str | None) -> str:
    """Turn ``--db PATH_OR_URL`` (or $FIELDBOOK_DB) into a SQLAlchemy URL."""
    value = arg or os.environ.get(DB_ENV)
    if not value:
        return default_db_url()
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser())


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist yet (whatever the umask)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, 0o600)


def make_private(path: Path) -> None:
    if path.exists():
        os.chmod(path, 0o600)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
