"""Two processes and one database: a writer holding the database past the busy timeout makes a
save fail as ``SaveFailed("locked")`` with nothing written, and the retry works once it lets
go; the ``DatabaseLock`` of a running app refuses a second process (naming the holder's pid)
and is taken over when its holder was killed."""

from __future__ import annotations

import os
import signal
import stat
import time
from pathlib import Path

import pytest
from faults import expect_line, integrity, spawn

from fieldbook.cli.main import main
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.store import db
from fieldbook.core.store.backup import backup_file
from fieldbook.core.store.lock import DatabaseInUse, DatabaseLock
from fieldbook.core.store.restore import restore_backup

HOLD_WRITE = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE settings SET value = value")
print("holding", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
con.close()
print("released", flush=True)
"""

HOLD_LOCK = r"""
import sys
from pathlib import Path
from fieldbook.core.store.lock import DatabaseLock
lock = DatabaseLock.acquire(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.readline()
"""


def test_save_while_another_writer_holds_the_database(demo_db: Path) -> None:
    child = spawn(HOLD_WRITE, str(demo_db))
    expect_line(child, "holding")
    journal = Journal(db.make_engine(f"sqlite:///{demo_db}", busy_timeout_ms=200))
    try:
        before = journal.customers.count(everyone=True)
        started = time.monotonic()
        with pytest.raises(db.SaveFailed) as info:
            journal.customers.create(CustomerInput(code="LOCK001", shop_name="锁测试店"))
        waited = time.monotonic() - started
        assert info.value.reason == "locked"
        assert 0.15 < waited < 5
        assert journal.customers.count(everyone=True) == before  # nothing half-written

        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        expect_line(child, "released")
        child.wait(timeout=10)
        row = journal.customers.create(CustomerInput(code="LOCK001", shop_name="锁测试店"))
        assert journal.customers.by_code("LOCK001").id == row.id
        assert journal.customers.count(everyone=True) == before + 1
    finally:
        journal.close()
        if child.poll() is None:
            child.kill()
    assert integrity(demo_db) == "ok"


def test_database_lock_between_processes(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = backup_file(demo_db, label="manual")
    child = spawn(HOLD_LOCK, str(demo_db))
    try:
        expect_line(child, "held")
        with pytest.raises(DatabaseInUse) as info:
            DatabaseLock.acquire(demo_db)
        assert info.value.pid == child.pid
        assert DatabaseLock.holder(demo_db) == child.pid
        before = demo_db.read_bytes()
        with pytest.raises(DatabaseInUse):
            restore_backup(demo_db, backup)
        assert demo_db.read_bytes() == before  # the restore changed nothing
        assert main(["--db", str(demo_db), "backup", "restore", str(backup)]) == 1
        assert "数据库正被另一个程序使用" in capsys.readouterr().err
        assert main(["--db", str(demo_db), "demo"]) == 1
        assert f"数据库正被另一个程序使用（进程 {child.pid}）" in capsys.readouterr().err
        assert main(["--db", str(demo_db), "profile", "set", "--name", "甲", "--code", "X"]) == 1
    finally:
        os.kill(child.pid, signal.SIGKILL)  # a crash: the lock file stays, its lock goes
        child.wait()
    lock_file = DatabaseLock.lock_path(demo_db)
    assert lock_file.exists() and DatabaseLock.holder(demo_db) == child.pid  # stale
    with DatabaseLock.acquire(demo_db) as lock:  # taken over
        assert lock.held and DatabaseLock.holder(demo_db) == os.getpid()
        assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
        with pytest.raises(DatabaseInUse):  # one holder per process too
            DatabaseLock.acquire(demo_db)
        result = restore_backup(demo_db, backup)  # this process holds it: allowed
        assert result.restored_from == backup
    assert not DatabaseLock.held_here(demo_db)
    assert integrity(demo_db) == "ok"
