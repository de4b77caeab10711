"""Confidential data (DESIGN.md §5): under a permissive umask (022) every file Fieldbook
creates — database, -wal/-shm, backups, lock file, exports, restored and moved-aside files,
encrypted copies — is 0600 and its folders 0700; an existing database left 0644 is made 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from fieldbook.core import clock
from fieldbook.core.demo.generate import generate_demo
from fieldbook.core.journal import Journal
from fieldbook.core.reports.plan_sheet import export_plan
from fieldbook.core.sqlite_files import backup_dir_for
from fieldbook.core.store import crypto
from fieldbook.core.store.backup import create_backup
from fieldbook.core.store.lock import DatabaseLock
from fieldbook.core.store.recovery import open_or_quarantine
from fieldbook.core.store.restore import restore_backup


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.slow  # generates a demo database
def test_every_file_fieldbook_creates_is_private(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "new" / "data"
    db = data / "fieldbook.sqlite3"
    journal = Journal.open(f"sqlite:///{db}")
    try:
        generate_demo(journal, seed=1, weeks=1)
        assert mode(data) == 0o700
        side = [db.with_name(db.name + s) for s in ("-wal", "-shm")]
        assert all(p.exists() for p in side)  # open: the WAL files are there
        for path in (db, *side):
            assert mode(path) == 0o600, path.name
        backup = create_backup(journal.engine, label="manual")
        assert mode(backup_dir_for(db)) == 0o700 and mode(backup) == 0o600
        export = tmp_path / "路线单.xlsx"
        export_plan(journal, clock.today() + timedelta(days=1), export)
        assert mode(export) == 0o600
    finally:
        journal.close()

    with DatabaseLock.acquire(db) as lock:
        assert mode(lock.path) == 0o600
        result = restore_backup(db, backup)
    assert mode(db) == 0o600
    assert result.safety_backup is not None and mode(result.safety_backup) == 0o600
    assert result.replaced and all(mode(p) == 0o600 for p in result.replaced)

    os.chmod(db, 0o644)  # damaged, and readable by others: moved aside private
    with open(db, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xa5" * 4096)
    quarantined = open_or_quarantine(db)
    assert quarantined is not None and quarantined.moved
    assert all(mode(p) == 0o600 for p in quarantined.moved)

    if crypto.available():
        copy = tmp_path / "encrypted.sqlite3"
        crypto.encrypt_database(backup, copy, "口令 passphrase")
        assert mode(copy) == 0o600


def test_an_existing_world_readable_database_is_made_private(
    db_path: Path, umask_022: None
) -> None:
    os.chmod(db_path, 0o644)
    Journal.open(f"sqlite:///{db_path}").close()
    assert mode(db_path) == 0o600
