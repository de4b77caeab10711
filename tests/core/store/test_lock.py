"""One writer per database: the lock file (across processes: tests/reliability/test_locks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldbook.core.store.lock import DatabaseInUse, DatabaseLock


def test_lock_in_one_process(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "f.sqlite3"
    lock = DatabaseLock.acquire(path)
    assert DatabaseLock.held_here(path) and lock.path.name == "f.sqlite3.lock"
    with pytest.raises(DatabaseInUse):
        DatabaseLock.acquire(path)
    lock.release()
    lock.release()  # twice is harmless
    assert not DatabaseLock.held_here(path)
    with DatabaseLock.acquire(path):
        pass
