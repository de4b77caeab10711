"""The weekly report: report weeks, figures computed from the week, submit snapshots,
read-only afterwards with audited corrections, the department's review, last week's plan."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.routine.week import label_for, report_period
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store import audit

W48 = "2026-W48"  # Friday 2026-11-20 .. Thursday 2026-11-26


def test_report_weeks() -> None:
    assert report_period(W48) == (date(2026, 11, 20), date(2026, 11, 26))
    assert label_for(date(2026, 11, 26)) == W48  # the Thursday it is written
    assert label_for(date(2026, 11, 20)) == W48  # a Friday belongs to the next Thursday's week
    assert label_for(date(2026, 11, 27)) == "2026-W49"
    with pytest.raises(InvalidValue):
        report_period("2026-48")


@pytest.fixture
def week(world: Journal, open_answers: dict[str, object], tmp_path: Path) -> Journal:
    monday = date(2026, 11, 23)
    plan = world.plans.build(monday)
    for n, stop in enumerate(plan.stops[:4]):
        v = world.visits.start(stop.customer_id, at=datetime(2026, 11, 23, 8, 10 * n))
        world.visits.set_shop_status(v.id, "open")
        extra = {"price_tags": "无价签"} if n == 0 else {}
        world.visits.save_answers(v.id, {**open_answers, **extra})
        world.visits.finish(v.id, at=datetime(2026, 11, 23, 8, 10 * n + 8))
    world.plans.skip_stop(plan.stops[4].id, "关门未遇")
    tuesday = world.plans.build(date(2026, 11, 24))
    assert tuesday.stops
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["订单日期", "客户编码", "卷烟代码", "订购量(条)", "金额"])
    ws.append(["2026-11-23", "M001", "13100101", 2, 763.20])
    ws.append(["2026-11-23", "M002", "13600111", 5, 485.00])
    ws.append(["2026-11-16", "M001", "13100101", 1, 381.60])  # the week before
    wb.save(tmp_path / "o.xlsx")
    assert import_orders(world, tmp_path / "o.xlsx").applied
    world.slips.create(
        SlipInput("no_order", "连续未订货", world.customers.by_code("M003").id),
        at=datetime(2026, 11, 24, 15, 0),
    )
    return world


def test_figures_come_from_the_week(week: Journal) -> None:
    f = week.weeks.figures(W48)
    # Monday's 5 stops + Tuesday's 3 route stops and Monday's skipped one carried over
    assert (f.planned, f.visited) == (5 + 4, 4)
    assert f.completion_rate == pytest.approx(4 / 9)
    assert f.customers_covered == 4 and f.customers_active == 9
    assert f.average_minutes == 8.0 and f.days_in_field == 1
    assert (f.cartons, f.amount_fen) == (7, 124820)
    assert (f.previous_cartons, f.previous_amount_fen) == (1, 38160)
    monday = next(d for d in f.days if d.day == date(2026, 11, 23))
    assert (monday.due, monday.ordered, monday.cartons) == (5, 2, 7)
    assert f.findings == {"价签问题": 1}
    assert f.slips["phone"]["opened"] == 1 and f.slips["market"]["opened"] == 1
    assert "X001 无线路店" in f.not_visited


def test_submit_snapshots_then_read_only_with_audited_corrections(week: Journal) -> None:
    week.weeks.save(
        W48, narrative={"work_done": "完成周一线路走访"}, next_plan={"other": "推广新品"}
    )
    with pytest.raises(InvalidValue):
        week.weeks.save(W48, narrative={"nope": "x"})
    view = week.weeks.submit(W48)
    assert view.status == "submitted" and view.figures.visited == 4
    with pytest.raises(InvalidValue):
        week.weeks.save(W48, narrative={"work_done": "改"})
    # later visits do not move the snapshot
    stop = week.plans.get(date(2026, 11, 24)).stops[0]  # type: ignore[union-attr]
    week.plans.skip_stop(stop.id, "时间不够")
    assert week.weeks.get(W48).figures.visited == 4
    fixed = week.weeks.correct(W48, "work_done", "完成周一、周二线路走访", reason="漏写周二")
    assert fixed.narrative["work_done"] == "完成周一、周二线路走访"
    assert [(c.field, c.reason) for c in fixed.corrections] == [("narrative.work_done", "漏写周二")]
    assert audit.verify(week).ok


def test_review_and_history(week: Journal) -> None:
    with pytest.raises(InvalidValue):
        week.weeks.review(W48, "approved")  # nothing submitted yet
    week.weeks.submit(W48)
    with pytest.raises(InvalidValue):
        week.weeks.review(W48, "returned", "")  # a return needs a comment
    view = week.weeks.review(W48, "returned", "请补充不订货原因", reviewer="市场部 赵")
    assert (view.status, view.review, view.review_comment) == (
        "reviewed",
        "returned",
        "请补充不订货原因",
    )
    assert week.weeks.history() == [(W48, "reviewed", "returned")]


def test_next_plan_can_start_from_last_week(week: Journal) -> None:
    week.weeks.save(W48, next_plan={"brands": ["黄金叶(硬乐途中支)"], "other": "走访重点客户"})
    assert week.weeks.plan_from_last_week("2026-W49") == {
        "brands": ["黄金叶(硬乐途中支)"],
        "other": "走访重点客户",
    }


def test_figures_refresh_after_thursdays_orders_until_reviewed(
    week: Journal, tmp_path: Path
) -> None:
    # the report is written at 14:00 on Thursday; that day's orders come in after 15:00
    with pytest.raises(InvalidValue) as info:
        week.weeks.refresh_figures(W48)  # no report yet
    assert info.value.detail == "no_week_report"
    week.weeks.save(W48, narrative={"work_done": "完成周一线路走访"})
    with pytest.raises(InvalidValue) as info:
        week.weeks.refresh_figures(W48)  # a draft shows live figures: nothing to refresh
    assert info.value.detail == "week_not_submitted"
    assert week.weeks.submit(W48).figures.cartons == 7
    same = week.weeks.refresh_figures(W48)  # nothing changed: nothing recorded
    assert same.figures.cartons == 7 and same.corrections == ()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["订单日期", "客户编码", "卷烟代码", "订购量(条)", "金额"])
    ws.append(["2026-11-26", "M003", "13100101", 3, 1144.80])  # Thursday's
    wb.save(tmp_path / "thursday.xlsx")
    assert import_orders(week, tmp_path / "thursday.xlsx").applied
    assert week.weeks.get(W48).figures.cartons == 7  # the snapshot holds until refreshed
    view = week.weeks.refresh_figures(W48)
    assert (view.status, view.figures.cartons, view.figures.amount_fen) == (
        "submitted",
        7 + 3,
        124820 + 114480,
    )
    fields = {c.field for c in view.corrections}
    assert {"figures.cartons", "figures.amount_fen"} <= fields
    assert {c.reason for c in view.corrections} == {"周四订单导入后重新计算周报数字"}
    week.weeks.review(W48, "approved")
    with pytest.raises(InvalidValue) as info:
        week.weeks.refresh_figures(W48)
    assert info.value.detail == "week_reviewed"
    assert audit.verify(week).ok
