"""The market department's workbook across managers, re-opened with calamine: the summary per
manager equals the sum of that manager's week rows, charts are native, open slips are all
listed; the spot-check CLI (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from demo_databases import Demo
from python_calamine import CalamineWorkbook

from fieldbook.cli import main as cli
from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.reports.department import (
    SHEET_CHANGES,
    SHEET_OPEN,
    SHEET_SUMMARY,
    SHEET_WEEKS,
)
from fieldbook.core.reports.targets_block import SHEET_TARGETS
from fieldbook.core.server import department

TODAY = date(2026, 11, 30)


@pytest.fixture
def many(make_demo: Callable[[Demo], str]) -> str:
    return make_demo(Demo(seed=6, managers=3, weeks=4, customers_per_manager=30, today=TODAY))


def test_summary_equals_the_weeks_and_charts_are_native(many: str, tmp_path: Path) -> None:
    out = tmp_path / "市场部.xlsx"
    assert (
        cli.main(
            [
                "--db",
                many,
                "export",
                "department",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == [
        SHEET_SUMMARY,
        SHEET_WEEKS,
        SHEET_OPEN,
        SHEET_CHANGES,
        SHEET_TARGETS,
    ]
    summary = book.get_sheet_by_name(SHEET_SUMMARY).to_python()
    weeks = book.get_sheet_by_name(SHEET_WEEKS).to_python()
    assert len(summary) == 1 + 3
    for row in summary[1:]:
        mine = [w for w in weeks[1:] if w[0] == row[0]]
        assert row[2] == sum(w[5] for w in mine)  # planned
        assert row[3] == sum(w[6] for w in mine)  # visited
        assert row[6] == sum(w[8] for w in mine)  # cartons
        assert row[7] == pytest.approx(sum(w[9] for w in mine))  # amount
    assert sum(r[6] for r in summary[1:]) > 0
    j = Journal.open(many)
    try:
        expected = sum(
            len(department.inbox(j, d, today=clock.today()))
            for d in ("market", "monopoly", "distribution", "phone")
        )
    finally:
        j.close()
    assert len(book.get_sheet_by_name(SHEET_OPEN).to_python()) == 1 + expected
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2
        assert "各经理汇总" in z.read(charts[0]).decode()  # the series read the summary's cells
        assert all('<min val="0"/>' in z.read(n).decode() for n in charts)  # axes from zero
    bad = ["--db", many, "export", "department", "--from", "2026-11-30", "--to", "2026-11-01"]
    assert cli.main([*bad, "-o", str(tmp_path / "x.xlsx")]) == 2


def test_spot_check_from_the_command_line(
    many: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    show = ["--db", many, "spotcheck", "show", "--manager", "QTH002", "--month", "2026-11"]
    assert cli.main(show) == 2
    assert "还没有抽查" in capsys.readouterr().err
    draw = ["--db", many, "spotcheck", "draw", "--manager", "QTH002", "--month", "2026-11"]
    assert cli.main([*draw, "--checker", "市场部 李主任", "--size", "5", "--seed", "9"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("抽查 ") and "随机种子 9" in out[0] and len(out) == 1 + 5
    assert cli.main(show) == 0
    assert capsys.readouterr().out.splitlines() == out  # the same check, not a new draw
    report = tmp_path / "抽查.xlsx"
    export = ["--db", many, "export", "spotcheck", "--manager", "QTH002", "--month", "2026-11"]
    assert cli.main([*export, "-o", str(report)]) == 0
    assert CalamineWorkbook.from_path(str(report)).sheet_names == ["抽查记录", "抽查明细"]
    assert cli.main([*draw, "--checker", "  "]) == 2


def test_any_managers_week_from_a_shared_database(many: str, tmp_path: Path) -> None:
    j = Journal.open(many)
    try:
        other = j.for_manager("QTH003")
        assert other.profile.get().code == "QTH003"
        other.close()  # a view: the journal's engine stays open
        assert j.profile.get().code == "QTH001"
        with pytest.raises(InvalidValue):
            j.for_manager("NOBODY")
    finally:
        j.close()
    out = tmp_path / "周报-QTH003.xlsx"
    args = ["--db", many, "export", "week", "--week", "2026-W48", "--manager", "QTH003"]
    assert cli.main([*args, "-o", str(out)]) == 0
    summary = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("周报").to_python()
    assert any("QTH003" in str(c) for row in summary for c in row)
    assert not any("QTH001" in str(c) for row in summary for c in row)
    mine = tmp_path / "周报-QTH001.xlsx"
    assert cli.main([*args[:-1], "QTH001", "-o", str(mine)]) == 0
    visits_3 = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("走访明细").to_python()
    visits_1 = CalamineWorkbook.from_path(str(mine)).get_sheet_by_name("走访明细").to_python()
    # another manager's visits: numbered by their own days, at other shops (decision 0024)
    assert {(r[0], r[2]) for r in visits_3[1:]}.isdisjoint({(r[0], r[2]) for r in visits_1[1:]})
    assert len(visits_3) > 1 and len(visits_1) > 1
    assert cli.main([*args[:-1], "NOBODY", "-o", str(tmp_path / "x.xlsx")]) == 2
