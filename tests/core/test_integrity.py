"""Integrity checks, quarantine of a damaged file, the writer lock, failed saves (the fault
injection itself is in tests/reliability)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.store import check, db, recovery
from fieldbook.core.store.check import full_check, quick_check
from fieldbook.core.store.lock import DatabaseInUse, DatabaseLock
from fieldbook.core.store.recovery import open_or_quarantine
from fieldbook.core.store.sidefiles import move_aside


def test_quick_check_of_a_sound_database(journal: Journal, db_path: Path) -> None:
    assert journal.startup_check is not None and journal.startup_check.ok
    journal.close()
    check = quick_check(db_path)
    assert check.ok and check.complete and check.problems == ()
    assert open_or_quarantine(db_path) is None


def test_budget_stops_the_check_only_at_the_current_schema(db_path: Path) -> None:
    check = quick_check(db_path, budget_ms=0)
    assert check.ok and not check.complete
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0001_foundation'")
    con.commit()
    con.close()
    assert quick_check(db_path, budget_ms=0).complete  # about to be migrated: checked fully


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 200)
    check = quick_check(path)
    assert not check.ok and check.problems
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert open_or_quarantine(empty) is None
    assert open_or_quarantine(tmp_path / "missing.sqlite3") is None


def test_full_check_reports_every_foreign_key_problem(
    journal: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldbook.cli.main import main

    journal.close()
    assert full_check(db_path).ok
    assert main(["--db", str(db_path), "check"]) == 0
    con = sqlite3.connect(db_path)  # foreign keys are off on a raw connection
    for n in (1, 2):
        con.execute(
            "INSERT INTO routes (id, manager_id, name, created_at, updated_at) "
            f"VALUES ('r{n}', 'ghost', '幽灵线路{n}', '2026-01-01', '2026-01-01')"
        )
    con.commit()
    con.close()
    report = full_check(db_path)
    assert not report.ok and report.integrity == ()
    assert [(p.table, p.parent) for p in report.foreign_keys] == [("routes", "managers")] * 2
    assert len(report.lines()) == 2
    assert main(["--db", str(db_path), "check"]) == 1
    assert capsys.readouterr().err.count("routes rowid") == 2


def test_move_aside_never_overwrites(tmp_path: Path) -> None:
    db_file = tmp_path / "f.sqlite3"
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    taken = tmp_path / f"f.sqlite3.damaged-{stamp}"
    taken.write_bytes(b"an earlier one")
    db_file.write_bytes(b"this one")
    (tmp_path / "f.sqlite3-wal").write_bytes(b"wal")
    moved = move_aside(db_file, "damaged")
    assert taken.read_bytes() == b"an earlier one"
    assert moved[0].read_bytes() == b"this one" and moved[0] != taken
    assert moved[1].name == moved[0].name + "-wal" and moved[1].read_bytes() == b"wal"
    assert not db_file.exists()


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


def test_check_on_open_ignores_new_and_other_databases(tmp_path: Path) -> None:
    assert recovery.check_on_open(f"sqlite:///{tmp_path / 'new.sqlite3'}") is None
    assert recovery.check_on_open("sqlite://") is None
    assert recovery.check_on_open("postgresql://u@h/db") is None


class Coded(Exception):
    def __init__(self, code: int, text: str = "") -> None:
        super().__init__(text)
        self.sqlite_errorcode = code


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (Coded(13), "disk_full"),
        (Coded(8), "read_only"),
        (Coded(5), "locked"),
        (Coded(6), "locked"),
        (Coded(10 | (3 << 8)), "io"),  # SQLITE_IOERR_WRITE
        (Coded(11), "io"),
        (Coded(19), None),  # a constraint: not a failed save
        (Exception("database or disk is full"), "disk_full"),
        (Exception("attempt to write a readonly database"), "read_only"),
        (Exception("database is locked"), "locked"),
        (Exception("disk I/O error"), "io"),
        (Exception("UNIQUE constraint failed"), None),
    ],
)
def test_save_failure_reasons(exc: Exception, reason: str | None) -> None:
    assert db.save_failure_reason(exc) == reason


def test_write_to_a_read_only_database_fails_cleanly(journal: Journal, db_path: Path) -> None:
    from fieldbook.core.master.customers import CustomerInput

    journal.close()
    ro = Journal(db.make_engine(f"sqlite:///file:{db_path}?mode=ro&uri=true"))
    try:
        with pytest.raises(db.SaveFailed) as info:
            ro.customers.create(CustomerInput(code="RO1", shop_name="只读"))
        assert info.value.reason == "read_only"
        assert ro.customers.count(everyone=True) == 0
    finally:
        ro.close()


def test_constraint_errors_are_not_failed_saves(journal: Journal) -> None:
    from sqlalchemy.exc import IntegrityError

    from fieldbook.core.store.models import Customer

    with pytest.raises(IntegrityError), journal.writing() as s:
        s.add(Customer(manager_id="nobody", code="1", shop_name="x", search_text=""))


def test_wording_of_failed_saves() -> None:
    from fieldbook.messages import describe_error

    assert describe_error(db.SaveFailed("disk_full")).startswith("磁盘已满：这次修改没有保存")
    for reason in ("read_only", "locked", "io"):
        assert "之前保存的内容都在" in describe_error(db.SaveFailed(reason))
    assert "disk is full" in describe_error(db.SaveFailed("disk_full"), lang="en")


def test_a_big_file_is_checked_table_by_table_within_the_budget(
    journal: Journal, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite walks a whole b-tree in one VM step, so the budget is kept between tables; the
    per-table form skips the free-list checks, so it is never reported complete."""
    journal.close()
    monkeypatch.setattr(check, "BYTES_PER_MS", 0)  # every file counts as big
    spent = quick_check(db_path, budget_ms=0)
    assert spent.ok and not spent.complete and spent.problems == ()
    long = quick_check(db_path, budget_ms=60_000)
    assert long.ok and not long.complete  # every table checked, the whole file still owed

    damage_root_page(db_path, "routes")
    damaged = quick_check(db_path, budget_ms=60_000)
    assert not damaged.ok and damaged.problems
    assert quick_check(db_path).problems  # the whole-file check agrees


def test_a_table_too_big_for_the_budget_left_is_left_to_the_whole_check(
    journal: Journal, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check of one big table cannot be interrupted: a table whose estimated time does not
    fit in what is left of the budget is skipped, and the result is never complete."""
    journal.close()
    monkeypatch.setattr(check, "BYTES_PER_MS", 0)  # every file counts as big
    damage_root_page(db_path, "routes")
    estimates = check.estimated_ms
    monkeypatch.setattr(
        check, "estimated_ms", lambda con, t: 1e9 if t == "routes" else estimates(con, t)
    )
    skipped = quick_check(db_path, budget_ms=60_000)
    assert skipped.ok and not skipped.complete  # routes was not read
    assert quick_check(db_path).problems  # the whole check finds it


def damage_root_page(db_path: Path, table: str) -> None:
    """Overwrite the page header of ``table``'s root page (quick_check finds it)."""
    con = sqlite3.connect(db_path)
    (page,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(db_path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(bytes([0xA5] * 24))
