"""Where Fieldbook keeps its data, and how files are created private (0700 / 0600)."""

from __future__ import annotations

import os
from pathlib import Path

from fieldbook import APP_NAME

DB_ENV = "FIELDBOOK_DB"
DATA_ENV = "FIELDBOOK_DATA_DIR"
DB_FILENAME = "fieldbook.sqlite3"


def data_dir() -> Path:
    """The per-user data directory (created 0700)."""
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(path)


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


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file::memory:"):
        return None
    if parsed.database.startswith("file:"):  # a URI filename (?uri=true): file:/path?mode=ro
        from urllib.parse import unquote, urlsplit

        return Path(unquote(urlsplit(parsed.database).path))
    return Path(parsed.database)


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
