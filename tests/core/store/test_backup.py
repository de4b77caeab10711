"""Backups: made with the backup API and checked, listed with what they hold (read from the
file), thinned to daily/weekly/monthly copies, due every 30 minutes after a change, restored
with the current file moved aside."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.sqlite_files import backup_dir_for
from fieldbook.core.store.backup import (
    STAMP,
    BackupPolicy,
    backup_due,
    backup_file,
    backup_policy,
    backups_to_delete,
    create_backup,
    list_backups,
    list_backups_info,
    newest_good_backup,
    thin_backups,
)
from fieldbook.core.store.restore import BackupDamaged, restore_backup

POLICY = BackupPolicy(daily=12, weekly=10, monthly=9, keep_recent_minutes=60)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def named(db: Path, made: datetime, label: str = "auto") -> Path:
    folder = backup_dir_for(db)
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{db.stem}-{made.strftime(STAMP)}-{label}.sqlite3"
    path.write_bytes(b"")
    return path


def test_policy_comes_from_the_reference_file() -> None:
    policy = backup_policy()
    assert (policy.daily, policy.weekly, policy.monthly) == (12, 10, 9)
    assert policy.interval_minutes == 30 and policy.keep_recent_minutes == 60


def test_backup_is_checked_private_and_not_in_wal_mode(world: Journal, db_path: Path) -> None:
    path = create_backup(world.engine, label="manual")
    assert path.parent == backup_dir_for(db_path) and path.name.endswith("-manual.sqlite3")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    header = path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback-journal format: opens without -wal/-shm
    assert sorted(p.name for p in backup_dir_for(db_path).iterdir()) == [
        path.name,
        "fieldbook-audit-heads.jsonl",  # the audit chain's head at each backup (item 8)
    ]
    with pytest.raises(ValueError):
        backup_file(db_path, label="../escape")


def test_list_reads_counts_from_each_file_newest_first(world: Journal, db_path: Path) -> None:
    first = create_backup(world.engine)
    world.customers.create(CustomerInput(code="N001", shop_name="新店"))
    second = create_backup(world.engine)
    folder = backup_dir_for(db_path)
    (folder / f".{second.name}.tmp").write_bytes(b"half a backup")
    (folder / "fieldbook-old-20260101-000000-000000-manual.sqlite3").write_bytes(b"")
    (folder / "notes.txt").write_text("not a backup")
    damaged = named(db_path, clock.now() + timedelta(seconds=5), "manual")
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))

    assert list_backups(db_path) == [first, second, damaged]
    infos = list_backups_info(db_path)
    assert [i.path for i in infos] == [damaged, second, first]
    assert not infos[0].readable and infos[0].problem and infos[0].customers is None
    assert (infos[1].customers, infos[2].customers) == (10, 9)
    assert infos[1].visits == 0 and infos[1].plans == 0 and infos[1].label == "manual"
    assert infos[1].size == second.stat().st_size
    good = newest_good_backup(db_path)
    assert good is not None and good.path == second


def test_thinning_keeps_daily_weekly_monthly_copies() -> None:
    start = datetime(2025, 1, 1, 0, 30)
    backups = [(Path(f"b{i}"), start + timedelta(hours=6 * i)) for i in range(4 * 500)]
    newest = backups[-1][1]
    backups.append((Path("recent"), newest + timedelta(minutes=20)))
    now = newest + timedelta(minutes=40)
    doomed = set(backups_to_delete(backups, now, POLICY))
    kept = [(p, t) for p, t in backups if p not in doomed]

    assert Path("recent") in {p for p, _ in kept} and backups[-2][0] in {p for p, _ in kept}
    days = sorted({t.date() for _, t in backups}, reverse=True)[:12]
    for day in days:  # the newest backup of each of the last 12 days
        newest_of_day = max(t for _, t in backups if t.date() == day)
        assert newest_of_day in {t for _, t in kept}
    weeks = {tuple(t.isocalendar())[:2] for _, t in kept}
    months = {(t.year, t.month) for _, t in kept}
    assert len(weeks) >= 10 and len(months) == 9
    assert len(kept) <= 2 + 12 + 10 + 9
    oldest_month = min(months)
    assert all((t.year, t.month) >= oldest_month for _, t in kept)


def test_thinning_never_deletes_the_newest_or_a_recent_backup() -> None:
    now = datetime(2026, 11, 30, 12, 0)
    recent = [(Path(f"r{i}"), now - timedelta(minutes=i * 5)) for i in range(12)]
    policy = BackupPolicy(daily=0, weekly=0, monthly=0, keep_recent_minutes=60)
    assert set(backups_to_delete(recent, now, policy)) == set()
    old = [(Path("old"), now - timedelta(days=400))]
    assert backups_to_delete(old, now, policy) == []  # the newest, however old


def test_thin_backups_deletes_files_and_stale_temporaries(db_path: Path) -> None:
    now = datetime(2026, 11, 30, 12, 0)
    paths = [named(db_path, now - timedelta(days=d, minutes=m)) for d in range(20) for m in (5, 90)]
    folder = backup_dir_for(db_path)
    stale = folder / f".{db_path.stem}-20261001-000000-000000-auto.sqlite3.tmp"
    fresh = folder / f".{db_path.stem}-20261130-115900-000000-auto.sqlite3.tmp"
    # a copy killed while SQLite switched it out of WAL leaves its own -wal/-shm too
    stale_wal = stale.with_name(stale.name + "-wal")
    stale_shm = stale.with_name(stale.name + "-shm")
    for tmp in (stale, fresh, stale_wal, stale_shm):
        tmp.write_bytes(b"x")
    old = (now - timedelta(days=2)).timestamp()
    for tmp in (stale, stale_wal, stale_shm):
        os.utime(tmp, (old, old))
    os.utime(fresh, (now.timestamp(), now.timestamp()))
    deleted = thin_backups(db_path, now=now, policy=POLICY)
    assert stale in deleted and fresh.exists() and not stale.exists()
    assert not stale_wal.exists() and not stale_shm.exists()
    left = list_backups(db_path)
    assert len(left) == 12 + 1  # the newest of each of 12 days + of an older ISO week (46)
    assert set(left) | {p for p in deleted if p in paths} == set(paths)


def test_backup_due(db_path: Path) -> None:
    now = datetime(2026, 11, 30, 12, 0)
    assert not backup_due(db_path, None, now=now)  # nothing changed
    assert backup_due(db_path, now - timedelta(minutes=1), now=now)  # no backup yet
    named(db_path, now - timedelta(minutes=10))
    assert not backup_due(db_path, now - timedelta(minutes=1), now=now)  # too soon
    assert backup_due(db_path, now - timedelta(minutes=1), now=now + timedelta(minutes=25))
    assert not backup_due(db_path, now - timedelta(minutes=20), now=now + timedelta(hours=5))
    assert backup_due(db_path, now - timedelta(minutes=1), timedelta(0), now=now)  # on exit


def test_restore_moves_the_current_file_aside(world: Journal, db_path: Path) -> None:
    backup = create_backup(world.engine)
    world.customers.create(CustomerInput(code="LATE01", shop_name="备份后新增"))
    world.close()
    current = sha(db_path)

    result = restore_backup(db_path, backup)
    assert result.replaced and result.replaced[0].name.startswith("fieldbook.sqlite3.replaced-")
    assert sha(result.replaced[0]) == current  # kept, not deleted
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert not db_path.with_name(db_path.name + "-shm").exists()
    assert sha(db_path) == sha(backup) and stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert result.safety_backup is not None and "pre-restore" in result.safety_backup.name
    con = sqlite3.connect(result.safety_backup)
    assert con.execute("SELECT count(*) FROM customers WHERE code='LATE01'").fetchone()[0] == 1
    con.close()
    j = Journal.open(f"sqlite:///{db_path}")
    try:
        assert j.customers.count(everyone=True) == 9
    finally:
        j.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    world: Journal, db_path: Path
) -> None:
    world.close()
    bad = named(db_path, clock.now())
    bad.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    before = sha(db_path)
    with pytest.raises(BackupDamaged):
        restore_backup(db_path, bad)
    with pytest.raises(BackupDamaged):
        restore_backup(db_path, db_path.parent / "missing.sqlite3")
    assert sha(db_path) == before and list_backups(db_path) == [bad]
    assert sorted(p.name for p in db_path.parent.iterdir() if p.is_file()) == [
        "fieldbook.sqlite3",
        "fieldbook.sqlite3.lock",
    ]


def test_cli_backup_create_list_restore(
    world: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldbook.cli.main import main

    world.close()
    db = str(db_path)
    assert main(["--db", db, "backup", "create"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert main(["--db", db, "backup", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    fields = lines[1].split("\t")
    assert fields[0] == str(made) and fields[2] == "manual" and fields[4:7] == ["9", "0", "0"]
    assert fields[7] == "0 条 000000000000"  # the audit chain's head when it was made
    assert main(["--db", db, "backup", "restore", str(made)]) == 0
    assert "已从备份恢复" in capsys.readouterr().out


def test_a_restore_that_fails_half_way_puts_the_current_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil as shutil_module

    from fieldbook.core.store import backup as backup_module
    from fieldbook.core.store import restore as restore_module

    path = tmp_path / "live.sqlite3"
    j = Journal.open(f"sqlite:///{path}")
    j.profile.save(ProfileInput(code="A1", name="甲"))
    made = backup_module.create_backup(j.engine)
    j.profile.save(ProfileInput(code="A1", name="乙"))  # the live file differs from the backup
    j.close()
    before = path.read_bytes()

    def broken_copy(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil_module, "copyfileobj", broken_copy)
    with pytest.raises(OSError):
        restore_module.restore_backup(path, made)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("live.sqlite3.replaced-*"))
