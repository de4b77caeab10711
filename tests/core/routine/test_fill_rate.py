"""需求量 and 订货量 kept apart by the orders import, and 满足率 from them, by hand: only over
the lines that give a demand; no demand data, no rate (never a fake 100 %)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sample_data import WORLD_MONDAY_ORDERS, orders_workbook

from fieldbook.core.journal import Journal
from fieldbook.core.reports.week_rows import gather
from fieldbook.core.routine.indicators import day_indicators
from fieldbook.core.routine.orders import import_orders

MON = date(2026, 11, 30)
BOTH = ["订单日期", "客户编码", "客户名称", "卷烟代码", "卷烟名称", "需求量", "订货量", "金额"]
#: 中华 asked 5 got 2; 红塔山 asked 5 got 5; 双喜 no demand given; 白沙 asked 12 got 10.
WITH_DEMAND: list[list[object]] = [
    ["2026-11-30", "M001", "周一店1", "13100101", "中华(硬)", 5, 2, 763.20],
    ["2026-11-30", "M001", "周一店1", "13600111", "红塔山(硬经典100)", 5, 5, 485.00],
    ["2026-11-30", "M002", "周一店2", "14400131", "广州双喜(硬经典1906)", None, 3, 451.56],
    ["2026-11-30", "T001", "周二店1", "13600112", "白沙(硬精品)", 12, 10, 880.00],
]


def test_fill_rate_is_supplied_over_demand_of_the_lines_with_a_demand(
    world: Journal, tmp_path: Path
) -> None:
    path = orders_workbook(tmp_path / "o.xlsx", WITH_DEMAND, header=BOTH)
    report = import_orders(world, path)
    assert report.applied and report.problems == []
    f = day_indicators(world, MON).figures
    assert (f.cartons, f.amount_fen) == (20, 257976)  # 订货量 as before
    assert (f.demand, f.supplied) == (22, 17)  # 5+5+12 asked, 2+5+10 got
    assert f.fill_rate == pytest.approx(17 / 22)


def test_no_demand_in_the_file_means_no_fill_rate(world: Journal, tmp_path: Path) -> None:
    import_orders(world, orders_workbook(tmp_path / "o.xlsx", WORLD_MONDAY_ORDERS))
    f = day_indicators(world, MON).figures
    assert (f.cartons, f.demand, f.supplied) == (20, 0, 0)
    assert f.fill_rate is None


def test_a_file_with_only_demand_has_its_orders_there(world: Journal, tmp_path: Path) -> None:
    """One quantity column is 订货量, whatever its header: as before 需求量 was kept apart."""
    header = ["订单日期", "客户编码", "客户名称", "卷烟代码", "卷烟名称", "需求量", "金额"]
    report = import_orders(
        world, orders_workbook(tmp_path / "o.xlsx", WORLD_MONDAY_ORDERS, header=header)
    )
    assert report.applied and report.problems == []
    f = day_indicators(world, MON).figures
    assert (f.cartons, f.fill_rate) == (20, None)


def test_a_bad_demand_is_a_problem_of_its_row(world: Journal, tmp_path: Path) -> None:
    rows = [list(WITH_DEMAND[0]), list(WITH_DEMAND[1])]
    rows[1][5] = "很多"
    report = import_orders(world, orders_workbook(tmp_path / "o.xlsx", rows, header=BOTH))
    assert [(p.row, p.column) for p in report.problems] == [(4, "需求量")]
    assert not report.applied


def test_the_week_shows_the_fill_rate_where_demand_exists(world: Journal, tmp_path: Path) -> None:
    import_orders(world, orders_workbook(tmp_path / "o.xlsx", WITH_DEMAND, header=BOTH))
    f = world.weeks.figures("2026-W49")  # Friday 11-27 .. Thursday 12-03
    assert (f.cartons, f.demand, f.supplied) == (20, 22, 17)
    assert f.fill_rate == pytest.approx(17 / 22)
    period = gather(world, date(2026, 11, 27), date(2026, 12, 3))  # the week workbook's
    assert (period.demand, period.supplied) == (22, 17)


def test_a_week_without_demand_has_no_fill_rate(world: Journal, tmp_path: Path) -> None:
    import_orders(world, orders_workbook(tmp_path / "o.xlsx", WORLD_MONDAY_ORDERS))
    f = world.weeks.figures("2026-W49")
    assert (f.cartons, f.fill_rate) == (20, None)
    assert gather(world, date(2026, 11, 27), date(2026, 12, 3)).demand == 0
