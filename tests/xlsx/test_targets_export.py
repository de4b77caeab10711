"""月度任务 in the exports, re-opened with python-calamine: the work log, the week and the month
workbooks each carry 时间进度 and 任务完成率 with the gap sentence — the same lines as ``log
show`` (routine.targets.progress_lines); 「未设任务」 when there is none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from python_calamine import CalamineWorkbook
from sample_data import orders_workbook

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.reports.day import export_day
from fieldbook.core.reports.week import export_month, export_week
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.routine.targets import progress_lines

MON = date(2026, 11, 30)  # the last working day of 2026-11 (21 working days)
LINES = [["2026-11-30", "M001", "周一店1", "13100101", "中华(硬)", 20, 7632.00]]


def _texts(path: Path, sheet: str) -> list[str]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return [str(cell) for row in rows for cell in row if cell not in ("", None)]


def test_every_export_carries_the_months_progress(world: Journal, tmp_path: Path) -> None:
    assert import_orders(world, orders_workbook(tmp_path / "o.xlsx", LINES)).applied
    world.targets.set(TargetInput("2026-11", cartons=400, amount_fen=15_000_000))
    expected = progress_lines(world.targets.progress(MON))
    assert expected[1] == (
        "全月 任务完成率 销量 5.0%（20/400 条（8.0 箱）），金额 5.1%（0.76/15.00 万元）："
        "落后时间进度 95.0 个百分点，尚差 380 条，本月已无剩余工作日"
    )
    with clock.pinned(clock.now().replace(year=2026, month=12, day=3), running=False):
        day = _texts(export_day(world, MON, tmp_path / "day.xlsx"), "工作日志")
        week = _texts(export_week(world, "2026-W49", tmp_path / "week.xlsx"), "周报")
        month = _texts(export_month(world, "2026-11", tmp_path / "month.xlsx"), "月报")
    for texts in (day, month):
        assert "月度任务（任务完成率对比时间进度）　截至 2026年11月30日" in texts
        assert all(line in texts for line in expected)
    # the report week 2026-W49 ends on Thursday 3 December: December has no target
    assert "月度任务（任务完成率对比时间进度）　截至 2026年12月3日" in week
    assert "全月 任务完成率 未设任务" in week
