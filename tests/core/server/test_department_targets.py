"""任务进度 for the department: one row a manager, 任务完成率 beside 时间进度 with the gap, and
「未设任务」 (never 0 %) for a manager without a target."""

from __future__ import annotations

from datetime import date

from fieldbook.core.journal import Journal
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.server.department_targets import targets_rows, targets_table
from fieldbook.core.store.models import Manager


def test_every_manager_with_or_without_a_target(world: Journal) -> None:
    with world.writing("profile") as s:
        s.add(Manager(code="QTH002", name="李四"))
    world.targets.set(TargetInput("2025-10", cartons=1800, amount_fen=40_000_000))
    rows = targets_table(world, date(2025, 10, 15))
    assert targets_rows(rows) == [
        # no orders of the 15th yet: 5 of 18 working days elapsed, not 6
        ["王建国（QTH001）", "27.8%", "0.0%", "0.0%", "落后时间进度 27.8 个百分点，日均需 139 条"],
        ["李四（QTH002）", "27.8%", "未设任务", "未设任务", "未设任务"],
    ]
