"""Backups with SQLite's online backup API: written to a temporary name, checked with
``integrity_check``, then renamed into place (never a plain copy of the live file)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from fieldbook.core.db import engine_path
from fieldbook.core.errors import DatabaseError
from fieldbook.core.paths import ensure_private_dir

SUFFIX = ".sqlite3"


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def create_backup(engine: Engine, *, label: str = "manual", dest_dir: Path | None = None) -> Path:
    """Back up the SQLite database behind ``engine``; returns the backup's path."""
    path = engine_path(engine)
    if path is None:
        raise DatabaseError("backups are only made of SQLite files")
    return backup_file(path, label=label, dest_dir=dest_dir)


def backup_file(db_path: Path, *, label: str = "manual", dest_dir: Path | None = None) -> Path:
    dest_dir = ensure_private_dir(dest_dir or backup_dir_for(db_path))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = dest_dir / f"{db_path.stem}-{stamp}-{label}{SUFFIX}"
    tmp = dest_dir / f".{final.name}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                result = dst.execute("PRAGMA integrity_check").fetchone()
                if result is None or result[0] != "ok":
                    raise DatabaseError("backup failed its integrity check", path=str(tmp))
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, final)
        dir_fd = os.open(dest_dir, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return final


def list_backups(db_path: Path, dest_dir: Path | None = None) -> list[Path]:
    folder = dest_dir or backup_dir_for(db_path)
    if not folder.exists():
        return []
    return sorted(p for p in folder.glob(f"{db_path.stem}-*{SUFFIX}") if not p.name.startswith("."))
