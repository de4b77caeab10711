"""A damaged database file at start-up: ``Journal.open`` raises ``DatabaseDamaged`` instead of
migrating or writing into it, the file (and its -wal/-shm) is moved aside byte for byte, the
newest GOOD backup is offered, ``fieldbook check`` says so (exit 1) and ``fieldbook backup
restore`` brings the data back."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from damage import PAGE, flip_page_headers, root_pages
from faults import integrity

from fieldbook.cli.main import main
from fieldbook.core.journal import Journal
from fieldbook.core.store.backup import backup_file, list_backups
from fieldbook.core.store.check import quick_check
from fieldbook.core.store.recovery import DatabaseDamaged, open_or_quarantine


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corrupt_backup(path: Path) -> None:
    os.chmod(path, 0o600)
    flip_page_headers(path, root_pages(path, "customers"))


@pytest.fixture
def backed_up(demo_db: Path) -> tuple[Path, Path]:
    """The demo database with two good backups and a newer damaged one."""
    backup_file(demo_db, label="manual")
    good = backup_file(demo_db, label="auto")
    corrupt_backup(backup_file(demo_db, label="auto"))
    return demo_db, good


@pytest.mark.parametrize("damage", ["flipped", "truncated", "garbage"])
def test_damaged_file_is_moved_aside_and_the_newest_good_backup_offered(
    backed_up: tuple[Path, Path], damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db, good = backed_up
    if damage == "flipped":
        flip_page_headers(db, root_pages(db, "customers", "visits", "visit_skus"))
    elif damage == "truncated":
        os.truncate(db, db.stat().st_size // 3)
    else:
        db.write_bytes(os.urandom(3 * PAGE + 17))
    digest = sha(db)

    assert main(["--db", str(db), "check"]) == 1  # check only reports; it moves nothing
    assert "数据库有问题" in capsys.readouterr().err and sha(db) == digest

    with pytest.raises(DatabaseDamaged) as info:
        Journal.open(f"sqlite:///{db}")
    moved = info.value.moved_to
    assert moved is not None and moved.name.startswith("fieldbook.sqlite3.damaged-")
    assert not db.exists()
    assert sha(moved) == digest  # moved untouched
    assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert info.value.backup is not None and info.value.backup.path == good  # not the damaged one
    assert info.value.backup.customers == 150

    assert main(["--db", str(db), "backup", "restore", str(good)]) == 0
    assert "已从备份恢复" in capsys.readouterr().out
    assert main(["--db", str(db), "check"]) == 0
    j = Journal.open(f"sqlite:///{db}")
    try:
        assert j.customers.count(everyone=True) == 150
    finally:
        j.close()
    assert integrity(db) == "ok" and sha(moved) == digest


def test_cli_reports_the_moved_file_and_the_backup(
    backed_up: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, good = backed_up
    flip_page_headers(db, root_pages(db, "customers"))
    assert main(["--db", str(db), "customers", "list"]) == 1
    err = capsys.readouterr().err
    assert "数据库文件已损坏，已原样移到" in err and str(good) in err


def test_a_moved_file_never_overwrites_an_earlier_one(backed_up: tuple[Path, Path]) -> None:
    db, good = backed_up
    flip_page_headers(db, root_pages(db, "customers"))
    first = open_or_quarantine(db)
    assert first is not None and first.moved_to is not None
    db.write_bytes(b"not a database at all, and more than a header" * 100)
    second = open_or_quarantine(db)
    assert second is not None and second.moved_to is not None
    assert second.moved_to != first.moved_to and first.moved_to.exists()
    assert second.backup is not None and second.backup.path == good


CRASH_WITH_WAL = r"""
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint=0")
con.execute("UPDATE customers SET notes = 'only in the wal'")
print("committed", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_wal_and_shm_move_with_the_damaged_file(demo_db: Path) -> None:
    import subprocess
    import sys

    # a crash leaves committed rows in the -wal; then the main file gets damaged
    pages = root_pages(demo_db, "visits")
    out = subprocess.run([sys.executable, "-c", CRASH_WITH_WAL, str(demo_db)], capture_output=True)
    assert out.stdout == b"committed\n"
    flip_page_headers(demo_db, pages)
    wal = demo_db.with_name(demo_db.name + "-wal")
    assert wal.stat().st_size > 0
    digests = {suffix: sha(demo_db.with_name(demo_db.name + suffix)) for suffix in ("", "-wal")}
    result = open_or_quarantine(demo_db)
    assert result is not None and result.moved_to is not None
    assert [p.name for p in result.moved] == [
        result.moved_to.name,
        result.moved_to.name + "-wal",
        result.moved_to.name + "-shm",
    ]
    assert sha(result.moved[0]) == digests[""] and sha(result.moved[1]) == digests["-wal"]
    assert not wal.exists() and not demo_db.exists()
    assert result.backup is None
    # the moved copy still holds the rows that were only in its -wal
    con = sqlite3.connect(f"file:{result.moved_to}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT notes FROM customers LIMIT 1").fetchone()[0] == "only in the wal"
    finally:
        con.close()


def test_quick_check_is_read_only_and_sees_the_damage(demo_db: Path) -> None:
    assert quick_check(demo_db).ok
    flip_page_headers(demo_db, root_pages(demo_db, "customers"))
    digest = sha(demo_db)
    check = quick_check(demo_db)
    assert not check.ok and check.complete and check.problems
    assert sha(demo_db) == digest
    assert list_backups(demo_db) == []
