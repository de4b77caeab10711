"""`fieldbook week show` lists the week's days out of the field (请假 with its type, 会议 …)."""

from __future__ import annotations

from datetime import date

from fieldbook.cli.week import week_lines
from fieldbook.core.journal import Journal


def test_week_show_lists_the_marked_days(world: Journal) -> None:
    world.attendance.set(date(2026, 11, 30), "leave", leave_type="compensatory")
    lines = week_lines(world.weeks.get("2026-W49"))
    assert "请假/公务、未说明：11-30 请假（调休）" in lines
    world.attendance.clear(date(2026, 11, 30))
    assert not any(x.startswith("请假/公务") for x in week_lines(world.weeks.get("2026-W49")))
