"""出勤 in the workbooks, re-opened with python-calamine: the Thursday workbook's 按日 sheet names
each day out of the field (and each 未说明 day) in its 出勤 column and the summary counts them;
the department workbook lists them per manager and week."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from python_calamine import CalamineWorkbook

from fieldbook.core.journal import Journal
from fieldbook.core.reports.department import export_department
from fieldbook.core.reports.week import export_week
from fieldbook.core.reports.week_rows import SHEET_DAYS

MON = date(2026, 11, 30)  # in 2026-W49: Friday 11-27 .. Thursday 12-03


def _rows(path: Path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_the_week_workbook_names_the_days_out_of_the_field(world: Journal, tmp_path: Path) -> None:
    world.plans.build(MON)
    world.attendance.set(MON, "leave", leave_type="sick", note="发烧")
    path = export_week(world, "2026-W49", tmp_path / "week.xlsx")
    days = _rows(path, SHEET_DAYS)
    head = next(r for r in days if "出勤" in r)
    column = head.index("出勤")
    by_day = {str(r[0])[:10]: r[column] for r in days if str(r[0]).startswith("2026-")}
    assert by_day["2026-11-30"] == "请假（病假）"
    assert by_day["2026-12-01"] == ""
    summary = [c for r in _rows(path, "周报") for c in r]
    at = summary.index("请假/会议/培训/公务（天）")
    assert summary[at + 1] == 1
    planned = summary[summary.index("拜访计划（户）") + 1]
    assert planned == 0  # Monday's five stops are not counted


def test_the_department_workbook_lists_them(world: Journal, tmp_path: Path) -> None:
    world.attendance.set(MON, "training", note="新品培训")
    path = export_department(world, MON, MON, tmp_path / "dept.xlsx", today=MON)
    weeks = _rows(path, "周明细")
    head = next(r for r in weeks if "出勤" in r)
    row = next(r for r in weeks if r[0] == "QTH001")
    assert row[head.index("出勤")] == "11-30 培训"
    summary = _rows(path, "各经理汇总")
    head = next(r for r in summary if "请假/公务（天）" in r)
    row = next(r for r in summary if r[0] == "QTH001")
    assert row[head.index("请假/公务（天）")] == 1
