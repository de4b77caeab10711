"""On the server the department views' weeks are summed by the database (``department_weeks``:
the day summaries joined to a calendar of the days shown); they equal the same weeks summed
from the managers' days in Python (the laptop's way), figure for figure, 出勤 marks included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from demo_databases import Demo
from sqlalchemy import select, text, update

from fieldbook.core.journal import Journal
from fieldbook.core.routine.attendance import UNEXPLAINED
from fieldbook.core.server import department as dept
from fieldbook.core.store.models import AttendanceDay, DayLog, Manager, Plan

pytestmark = pytest.mark.postgresql

TODAY = date(2026, 11, 30)
LOGGED = date(2026, 10, 14)  # a Wednesday before the demo's weeks
DEMO = Demo(seed=5, managers=3, weeks=3, customers_per_manager=30, today=TODAY)


@pytest.fixture
def server(open_demo: Callable[[Demo], Journal]) -> Journal:
    """The demo on the server, with days out of the field (one of them a cleared entry, one a
    day with plans) and weeks before the demo's data (未说明 working days)."""
    journal = open_demo(DEMO)
    with journal.writing("attendance") as s:
        ids = list(s.scalars(select(Manager.id).order_by(Manager.code)))
        s.execute(update(Manager).values(created_at=datetime(2026, 9, 1, 8, 0)))
        worked = s.scalars(
            select(Plan.plan_date).where(Plan.manager_id == ids[0]).order_by(Plan.plan_date)
        ).all()
        entries = [
            (ids[0], worked[2], "leave", "sick"),
            (ids[0], worked[5], "meeting", ""),
            (ids[1], worked[3], "", ""),  # cleared: counts as a field day
            (ids[2], TODAY - timedelta(days=40), "training", ""),
        ]
        for m, day, kind, leave_type in entries:
            s.add(AttendanceDay(manager_id=m, day=day, kind=kind, leave_type=leave_type))
        s.add(DayLog(manager_id=ids[1], log_date=LOGGED))  # a day worked without a plan
    return journal


def _python_weeks(
    monkeypatch: pytest.MonkeyPatch, journal: Journal, start: date, end: date
) -> list[dept.ManagerWeek]:
    """The same view summed per day in Python (as on a laptop)."""
    with monkeypatch.context() as m:
        m.setattr(dept, "summarised", lambda _s: False)
        return dept.weeks_table(journal, start, end)


@pytest.mark.parametrize("tags_kept", [True, False], ids=["tags summarised", "tags raw"])
def test_the_servers_weeks_equal_the_days_summed(
    server: Journal, monkeypatch: pytest.MonkeyPatch, tags_kept: bool
) -> None:
    if not tags_kept:  # the summaries count another answer than the configuration's
        with server.writing("department") as s:
            s.execute(text("UPDATE day_figures_settings SET tags_item = 'elsewhere'"))
    start, end = TODAY - timedelta(days=63), TODAY
    rows = dept.weeks_table(server, start, end)
    assert rows == _python_weeks(monkeypatch, server, start, end)
    marks = [mark for r in rows for mark in r.marks]
    assert {m.kind for m in marks} >= {"leave", "meeting", "training", UNEXPLAINED}
    assert sum(r.planned for r in rows) > 0 and sum(r.cartons for r in rows) > 0
    assert sum(r.prices.tag_visits for r in rows) > 0
    ids = [m for _, m in sorted({(r.manager_code, r.manager_id) for r in rows})]
    logged = [r for r in rows if r.manager_id == ids[1] and r.start <= LOGGED <= r.end]
    assert [m.day for m in logged[0].marks if m.day == LOGGED] == []  # worked, not 未说明
    one = ids[0]
    assert dept.weeks_table(server, start, end, manager_ids=[one]) == [
        r for r in rows if r.manager_id == one
    ]
