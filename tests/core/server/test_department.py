"""The departments' views across managers (SQLite and PostgreSQL alike): every figure of the
week table equals a direct count of that manager's week; reviews; a department's inbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from demo_databases import Demo
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.class_structure import headlines_of, structure
from fieldbook.core.routine.week import label_for, report_period
from fieldbook.core.server import department as dept
from fieldbook.core.slips.suggestions import dismiss_in
from fieldbook.core.store.models import (
    AttendanceDay,
    FollowUp,
    OrderLine,
    Plan,
    PlanStop,
    Slip,
    SlipDelivery,
    SlipSuggestion,
    Visit,
    WeekReport,
)

TODAY = date(2026, 11, 30)

DEMO = Demo(seed=3, managers=3, weeks=3, customers_per_manager=40, today=TODAY)


@pytest.fixture
def server(open_demo: Callable[[Demo], Journal]) -> Journal:
    return open_demo(DEMO)


def count_stops(
    s: Session, manager_id: str, period: tuple[date, date], state: ColumnElement[bool]
) -> int:
    """The plan stops of ``manager_id`` in ``period`` whose state meets ``state``, counted
    directly — but for days out of the field (请假, 会议 …: routine.attendance)."""
    away = select(AttendanceDay.day).where(
        AttendanceDay.manager_id == manager_id, AttendanceDay.kind != ""
    )
    return (
        s.scalar(
            select(func.count(PlanStop.id))
            .join(Plan, Plan.id == PlanStop.plan_id)
            .where(
                Plan.manager_id == manager_id,
                Plan.plan_date.between(*period),
                Plan.plan_date.not_in(away),
                state,
            )
        )
        or 0
    )


def test_every_figure_equals_a_direct_count(server: Journal) -> None:
    start, end = TODAY - timedelta(days=21), TODAY
    rows = dept.weeks_table(server, start, end)
    managers = {r.manager_id for r in rows}
    assert len(managers) == 3
    labels = {r.label for r in rows}
    assert label_for(start) in labels and label_for(end) in labels
    assert sum(r.visited for r in rows) > 0 and sum(r.cartons for r in rows) > 0
    with server.reading() as s:
        for r in rows:
            a, b = report_period(r.label)
            planned = count_stops(s, r.manager_id, (a, b), PlanStop.state != "removed")
            visited = count_stops(s, r.manager_id, (a, b), PlanStop.state == "visited")
            cartons = s.scalar(
                select(func.coalesce(func.sum(OrderLine.cartons), 0)).where(
                    OrderLine.manager_id == r.manager_id, OrderLine.order_date.between(a, b)
                )
            )
            findings = s.scalar(
                select(func.count(Visit.id)).where(
                    Visit.manager_id == r.manager_id,
                    Visit.visit_date.between(a, b),
                    Visit.status == "done",
                    Visit.findings != "[]",
                )
            )
            report = s.scalars(
                select(WeekReport).where(
                    WeekReport.manager_id == r.manager_id, WeekReport.week_label == r.label
                )
            ).first()
            assert (r.planned, r.visited, r.cartons, r.visits_with_findings) == (
                planned,
                visited,
                cartons,
                findings,
            ), r.label
            assert r.report_status == (report.status if report else "none")
            # 一二类占比: the week page's computation of the same manager and week
            top = headlines_of(structure(s, r.manager_id, a, b))[0].share
            assert r.top_share == (pytest.approx(top) if top is not None else None), r.label


def test_reviews_need_a_submitted_report_and_a_reason_to_return(server: Journal) -> None:
    last_week = label_for(TODAY - timedelta(days=7))
    server.weeks.save(last_week, narrative={"work_done": "走访三条线路"})
    server.weeks.submit(last_week)
    server.weeks.save(label_for(TODAY), narrative={"work_done": "本周进行中"})
    with server.reading() as s:
        submitted = s.scalars(
            select(WeekReport.id).where(WeekReport.status.in_(("submitted", "reviewed")))
        ).first()
        draft = s.scalars(select(WeekReport.id).where(WeekReport.status == "draft")).first()
    assert submitted is not None
    with pytest.raises(InvalidValue):
        dept.review_week(server, submitted, "returned", "  ", reviewer="李主任")
    with pytest.raises(InvalidValue):
        dept.review_week(server, submitted, "maybe", reviewer="李主任")
    dept.review_week(server, submitted, "returned", "补充下周重点客户", reviewer="李主任")
    with server.reading() as s:
        back = s.get(WeekReport, submitted)
        assert (back.status, back.review, back.reviewer) == ("reviewed", "returned", "李主任")
        assert back.review_comment == "补充下周重点客户"
    assert draft is not None
    with pytest.raises(InvalidValue):
        dept.review_week(server, draft, "approved", reviewer="李主任")
    rows = dept.weeks_table(server, TODAY - timedelta(days=7), TODAY)
    statuses = {r.label: r.report_status for r in rows if r.report_id is not None}
    assert statuses == {last_week: "reviewed", label_for(TODAY): "draft"}


def test_a_department_inbox_lists_what_was_sent_to_it(server: Journal) -> None:
    with server.reading() as s:
        expected = s.scalar(
            select(func.count(SlipDelivery.id)).where(
                SlipDelivery.department == "phone",
                SlipDelivery.state.not_in(("pending", "done")),
            )
        )
        overdue = s.scalar(
            select(func.count(SlipDelivery.id))
            .join(Slip, Slip.id == SlipDelivery.slip_id)
            .where(
                SlipDelivery.department == "phone",
                SlipDelivery.state.not_in(("pending", "done")),
                Slip.due_date < TODAY,
            )
        )
        open_followups = s.scalar(select(func.count(FollowUp.id)).where(FollowUp.status == "open"))
    rows = dept.inbox(server, "phone", today=TODAY)
    assert len(rows) == expected
    assert sum(r.overdue for r in rows) == overdue
    assert [r.due_date for r in rows] == sorted(r.due_date for r in rows)
    assert all(r.manager.endswith("）") and r.number.startswith("FK-") for r in rows)
    everything = dept.inbox(server, "phone", include_done=True, today=TODAY)
    assert len(everything) >= len(rows)
    with pytest.raises(InvalidValue):
        dept.inbox(server, "nowhere")
    assert len(dept.followups(server, today=TODAY)) == open_followups
    overview = dept.managers_overview(server, TODAY - timedelta(days=7), TODAY, today=TODAY)
    assert sum(m.open_followups for m in overview) == open_followups
    assert len(overview) == 3 and all(len(m.weeks) >= 1 for m in overview)


def test_dismissed_suggestions_equal_a_direct_count(server: Journal) -> None:
    """Issue 16: the department view counts each manager's dismissed suggestions (violations
    apart) in the week they were dismissed."""
    start, end = TODAY - timedelta(days=35), TODAY
    with server.writing("slips") as s:  # a few more, dismissed on the last days
        open_ = s.execute(
            select(SlipSuggestion, Visit.manager_id, Visit.visit_date)
            .join(Visit, Visit.id == SlipSuggestion.visit_id)
            .where(SlipSuggestion.status == "suggested")
            .order_by(Visit.visit_date, SlipSuggestion.id)
        ).all()
        for sug, manager_id, day in open_[:6]:
            reason = "复查无误" if sug.category == "violation" else "已当面核实，无需反馈"
            dismiss_in(s, sug, manager_id, reason, datetime.combine(day, time(16)))
    rows = dept.weeks_table(server, start, end)
    assert sum(r.suggestions_dismissed for r in rows) >= min(len(open_), 6) > 0
    with server.reading() as s:
        for r in rows:
            a, b = report_period(r.label)
            dismissed = (
                s.execute(
                    select(SlipSuggestion.category)
                    .join(Visit, Visit.id == SlipSuggestion.visit_id)
                    .where(
                        Visit.manager_id == r.manager_id,
                        SlipSuggestion.status == "dismissed",
                        SlipSuggestion.dismissed_at >= datetime.combine(a, time.min),
                        SlipSuggestion.dismissed_at <= datetime.combine(b, time.max),
                    )
                )
                .scalars()
                .all()
            )
            assert r.suggestions_dismissed == len(dismissed), r.label
            assert r.violations_dismissed == dismissed.count("violation"), r.label
