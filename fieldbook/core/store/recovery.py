"""What happens when a database is damaged: it is MOVED aside, never repaired in place.

- :func:`check_on_open` — the start-up check of ``Journal.open`` (``check.quick_check`` within
  its budget, then the schema): a damaged file is quarantined and ``DatabaseDamaged`` raised.
- :func:`quarantine` / :func:`open_or_quarantine` — a damaged file is moved aside with its
  ``-wal``/``-shm`` to ``<name>.damaged-<stamp>`` (never overwritten, never deleted, its bytes
  untouched: it is only ever opened read-only) and the newest good backup is offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldbook.core.errors import DatabaseError
from fieldbook.core.sqlite_files import move_aside
from fieldbook.core.store import crypto, schema_check
from fieldbook.core.store.backup import BackupInfo, newest_good_backup
from fieldbook.core.store.check import STARTUP_BUDGET_MS, QuickCheck, quick_check
from fieldbook.core.store.db import sqlite_path
from fieldbook.core.store.lock import DatabaseInUse, DatabaseLock


@dataclass(frozen=True)
class QuarantineResult:
    path: Path  # where the database was
    moved_to: Path | None  # None when another process holds the database: nothing was moved
    moved: tuple[Path, ...]  # every file moved (the database first, then -wal/-shm)
    problems: tuple[str, ...]
    backup: BackupInfo | None  # the newest backup that passes quick_check, to offer
    in_use_by: int | None = None


class DatabaseDamaged(DatabaseError):
    """The database file is damaged: it was moved aside untouched (``moved_to``) and
    ``backup`` (or None) is the newest good backup to restore."""

    code = "database_damaged"

    def __init__(self, result: QuarantineResult) -> None:
        if result.moved_to is None:
            detail = "database_damaged_in_use"
        elif result.backup is None:
            detail = "database_damaged_no_backup"
        else:
            detail = "database_damaged"
        super().__init__(
            detail,
            moved_to=str(result.moved_to or ""),
            backup=str(result.backup.path) if result.backup else "",
            pid=result.in_use_by or 0,
        )
        self.result = result
        self.moved_to = result.moved_to
        self.backup = result.backup


def quarantine(
    db_path: Path, problems: tuple[str, ...] = (), *, passphrase: str | None = None
) -> QuarantineResult:
    """Move a damaged database aside (unless another process holds it) and find the newest
    good backup to offer."""
    db_path = Path(db_path)
    lock = None
    if not DatabaseLock.held_here(db_path):
        try:
            lock = DatabaseLock.acquire(db_path)
        except DatabaseInUse as exc:
            backup = newest_good_backup(db_path, passphrase=passphrase)
            return QuarantineResult(db_path, None, (), problems, backup, in_use_by=exc.pid)
    try:
        moved = move_aside(db_path, "damaged")
    finally:
        if lock is not None:
            lock.release()
    backup = newest_good_backup(db_path, passphrase=passphrase)
    return QuarantineResult(db_path, moved[0] if moved else None, tuple(moved), problems, backup)


def open_or_quarantine(
    db_path: Path, *, passphrase: str | None = None, budget_ms: float | None = None
) -> QuarantineResult | None:
    """None when the file is missing, new (empty) or passes ``quick_check``; otherwise it is
    moved aside and the result says where, and which backup to offer."""
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    check = quick_check(db_path, passphrase=passphrase, budget_ms=budget_ms)
    if check.ok:
        return None
    return quarantine(db_path, check.problems, passphrase=passphrase)


def check_on_open(
    url: str, budget_ms: float = STARTUP_BUDGET_MS, *, script_location: Path | None = None
) -> QuickCheck | None:
    """The start-up check of ``Journal.open``: None for non-SQLite and new files; raises
    ``DatabaseDamaged`` (file moved aside) or ``WrongPassphrase`` (nothing touched). A sound
    file's schema is then compared with what the migrations create at its revision
    (``schema_check``): ``DatabaseTooNew``, ``NotFieldbookDatabase`` or ``SchemaMismatch``,
    nothing touched."""
    path = sqlite_path(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    passphrase = crypto.url_passphrase(url)

    def schema(con: Any) -> None:
        schema_check.require(schema_check.inspect_connection(con, script_location), path)

    check = quick_check(path, passphrase=passphrase, budget_ms=budget_ms, then=schema)
    if check.ok:
        return check
    raise DatabaseDamaged(quarantine(path, check.problems, passphrase=passphrase))
