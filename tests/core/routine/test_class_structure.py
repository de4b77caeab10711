"""卷烟结构: classes in class order (empty ones included), shares, the headline shares and
their change against the period before — checked against hand-computed values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sample_data import WORLD_MONDAY_ORDERS as DAY
from sample_data import orders_workbook

from fieldbook.core.journal import Journal
from fieldbook.core.routine.class_structure import (
    build,
    headline_text,
    headlines_of,
    period_before,
    points_text,
    row_change_points,
    structure,
)
from fieldbook.core.routine.indicators import day_indicators
from fieldbook.core.routine.orders import import_orders

MON = date(2026, 11, 30)


def test_every_class_in_class_order_with_its_change_against_the_period_before() -> None:
    # now: 一类 10 条, 三类 30 条 (二类, 四类, 五类 none); before: 一类 20, 二类 20
    rows = build({3: (30, 300000), 1: (10, 250000)}, {1: (20, 0), 2: (20, 0)})
    assert [r.name for r in rows] == ["一类", "二类", "三类", "四类", "五类"]
    assert [r.cartons for r in rows] == [10, 0, 30, 0, 0]
    assert [r.share for r in rows] == [0.25, 0.0, 0.75, 0.0, 0.0]
    assert [r.before_share for r in rows] == [0.5, 0.5, 0.0, 0.0, 0.0]
    assert rows[0].change_points == pytest.approx(-25.0)
    assert rows[1].change_points == pytest.approx(-50.0)
    assert rows[2].change_points == pytest.approx(75.0)
    assert rows[0].amount_fen == 250000
    top, top3 = headlines_of(rows)
    assert (top.name, top.share, top.before_share) == ("一二类占比", 0.25, 1.0)
    assert top.change_points == pytest.approx(-75.0)
    assert (top3.name, top3.share, top3.before_share) == ("一二三类占比", 1.0, 1.0)
    assert headline_text(rows, "上周") == (
        "一二类占比 25.0%（较上周 -75.0 个百分点）；一二三类占比 100.0%（较上周 持平）"
    )


def test_no_orders_before_means_no_change_is_told_and_unclassified_comes_last() -> None:
    rows = build({None: (5, 1000), 2: (15, 2000)}, {})
    assert [r.name for r in rows][-1] == "未分类" and len(rows) == 6
    assert rows[1].share == 0.75 and rows[1].before_share is None
    assert rows[1].change_points is None
    assert headlines_of(rows)[0].share == 0.75 and headlines_of(rows)[0].change_points is None
    assert points_text(None) == "—"
    empty = build({}, {1: (3, 0)})
    assert all(r.share == 0.0 for r in empty) and headlines_of(empty)[0].share is None
    assert all(r.change_points is None for r in empty)  # no orders now: no change to tell


def test_a_snapshot_taken_before_the_comparison_existed_still_reads() -> None:
    # the day log's snapshot of an older version: code, name, cartons, share only
    old = [
        {"code": 1, "name": "一类", "cartons": 2, "share": 0.1},
        {"code": 3, "name": "三类", "cartons": 18, "share": 0.9},
    ]
    assert row_change_points(old[0]) is None
    top = headlines_of(old)[0]
    assert top.share == pytest.approx(0.1) and top.before_share is None
    assert "较上周 —" in headline_text(old, "上周")


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        # a whole calendar month: the month before (February has 28 days in 2027)
        (date(2027, 3, 1), date(2027, 3, 31), (date(2027, 2, 1), date(2027, 2, 28))),
        (date(2027, 1, 1), date(2027, 1, 31), (date(2026, 12, 1), date(2026, 12, 31))),
        # a report week (Friday to Thursday): the seven days before
        (date(2026, 11, 27), date(2026, 12, 3), (date(2026, 11, 20), date(2026, 11, 26))),
        # one day: the day before; part of a month: the same length before
        (MON, MON, (date(2026, 11, 29), date(2026, 11, 29))),
        (date(2026, 12, 1), date(2026, 12, 10), (date(2026, 11, 21), date(2026, 11, 30))),
    ],
)
def test_the_period_before(start: date, end: date, before: tuple[date, date]) -> None:
    assert period_before(start, end) == before


def test_the_day_compares_with_the_same_weekday_last_week(world: Journal, tmp_path: Path) -> None:
    # last Monday: 4 条 of 一类 (13100101); this Monday (DAY): 一类 2, 二类 3, 三类 15 of 20
    last_week = [["2026-11-23", "M001", "", "13100101", "", 4, 1526.40]]
    import_orders(world, orders_workbook(tmp_path / "a.xlsx", last_week))
    import_orders(world, orders_workbook(tmp_path / "b.xlsx", DAY))
    rows = day_indicators(world, MON).structure
    assert [r.name for r in rows] == ["一类", "二类", "三类", "四类", "五类"]
    assert [r.cartons for r in rows] == [2, 3, 15, 0, 0]
    assert [r.before_cartons for r in rows] == [4, 0, 0, 0, 0]
    assert rows[0].change_points == pytest.approx((0.1 - 1.0) * 100)
    top = headlines_of(rows)[0]
    assert top.share == pytest.approx(0.25) and top.change_points == pytest.approx(-75.0)
    # the week (Friday 11-27 .. Thursday 12-03) against the seven days before it
    with world.reading() as s:
        week = structure(s, world.current_manager_id(s), date(2026, 11, 27), date(2026, 12, 3))
    assert [r.cartons for r in week] == [2, 3, 15, 0, 0]
    assert [r.before_cartons for r in week] == [4, 0, 0, 0, 0]
