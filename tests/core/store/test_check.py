"""Is the database sound: ``quick_check`` (within a budget at start-up, table by table on a
big file) and ``full_check`` (fault injection: tests/reliability)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldbook.cli.main import main
from fieldbook.core.journal import Journal
from fieldbook.core.store import check
from fieldbook.core.store.check import full_check, quick_check
from fieldbook.core.store.recovery import open_or_quarantine


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
