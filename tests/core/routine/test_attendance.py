"""出勤: a day marked 请假 (with its type), 会议, 培训 or 其他公务 is left out of the completion
rate and 出勤天数 (week figures, Thursday workbook and department views alike), its unvisited
stops come back in the next plan, setting and clearing it are audited; a working day with no
plan, no record and no entry is shown as 未说明. Expectations are computed by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.reports.week_rows import gather, totals
from fieldbook.core.routine.attendance import UNEXPLAINED, attendance_rules
from fieldbook.core.server.department import weeks_table
from fieldbook.core.store import audit
from fieldbook.core.store.models import (
    AttendanceDay,
    Customer,
    Manager,
    Plan,
    PlanStop,
    Visit,
)

W48 = "2026-W48"  # Friday 2026-11-20 .. Thursday 2026-11-26: five working days
FIELD_DAYS = (date(2026, 11, 20), date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 26))
LEAVE_DAY = date(2026, 11, 25)  # the Wednesday


def _day_of_stops(j: Journal, day: date, customers: list[str], visited: int) -> None:
    """A plan of ``day`` holding ``customers``; the first ``visited`` of them visited (a
    finished visit each, 10 minutes), the rest still planned."""
    with j.writing("plan") as s:
        m = j.current_manager_id(s)
        plan = Plan(manager_id=m, plan_date=day, target_size=30)
        s.add(plan)
        s.flush()
        for n, cid in enumerate(customers):
            state = "visited" if n < visited else "planned"
            stop = PlanStop(plan_id=plan.id, customer_id=cid, position=n, state=state)
            s.add(stop)
            s.flush()
            if n < visited:
                at = datetime.combine(day, time(8, 0)) + timedelta(minutes=10 * n)
                s.add(
                    Visit(
                        manager_id=m,
                        customer_id=cid,
                        plan_stop_id=stop.id,
                        visit_date=day,
                        status="done",
                        shop_status="open",
                        arrived_at=at,
                        left_at=at + timedelta(minutes=9),
                        finished_at=at,
                    )
                )


@pytest.fixture
def thirty(journal: Journal) -> list[str]:
    """Thirty active customers of the manager (no route: plans are made by hand here)."""
    with journal.writing("customers") as s:
        m = journal.current_manager_id(s)
        rows = [Customer(manager_id=m, code=f"C{n:03d}", shop_name=f"店{n}") for n in range(30)]
        s.add_all(rows)
        s.flush()
        return [c.id for c in rows]


@pytest.fixture
def leave_week(journal: Journal, thirty: list[str]) -> Journal:
    """Four working days of 30 stops with 27 visited each, and Wednesday's 30 stops on a
    sick-leave day (none visited)."""
    for day in FIELD_DAYS:
        _day_of_stops(journal, day, thirty, 27)
    _day_of_stops(journal, LEAVE_DAY, thirty, 0)
    journal.attendance.set(LEAVE_DAY, "leave", leave_type="sick", note="发烧")
    return journal


def test_a_leave_day_is_left_out_of_the_rate_and_the_days_in_the_field(leave_week: Journal) -> None:
    f = leave_week.weeks.figures(W48)
    # 4 × 30 planned, 4 × 27 visited: 108 / 120 = 90 % (not 108 / 150 = 72 %)
    assert (f.planned, f.visited) == (120, 108)
    assert f.completion_rate == pytest.approx(0.90)
    assert f.days_in_field == 4
    assert (f.days_excused, f.days_unexplained) == (1, 0)
    wednesday = next(d for d in f.days if d.day == LEAVE_DAY)
    assert (wednesday.attendance, wednesday.leave_type, wednesday.excused) == (
        "leave",
        "sick",
        True,
    )
    assert (wednesday.planned, wednesday.visited) == (30, 0)  # still listed on its day


def test_a_day_marked_after_its_visits_leaves_the_times_line_too(leave_week: Journal) -> None:
    """A day with visits, marked 会议 afterwards (the morning in the field, the afternoon at a
    meeting): out of 出勤天数, and so out of the week's 工作时间 line — not graded as a field
    day whose return was 未记录."""
    view = leave_week.weeks.get(W48)
    assert [t.day for t in view.times] == list(FIELD_DAYS)  # the leave day had no visits
    leave_week.attendance.set(FIELD_DAYS[0], "meeting", note="区局例会")
    view = leave_week.weeks.get(W48)
    assert [t.day for t in view.times] == list(FIELD_DAYS[1:])
    assert view.figures.days_in_field == 3


def test_the_workbook_adds_up_to_the_same_numbers(leave_week: Journal) -> None:
    start, end = date(2026, 11, 20), date(2026, 11, 26)
    period = gather(leave_week, start, end)
    t = totals(period)
    f = leave_week.weeks.figures(W48)
    assert (t.planned, t.visited, t.days_in_field) == (f.planned, f.visited, f.days_in_field)
    assert t.completion == pytest.approx(0.90)
    assert (t.days_excused, t.days_unexplained) == (1, 0)
    wednesday = next(r for r in period.days if r[0] == LEAVE_DAY)
    assert wednesday[-1] == "请假（病假）"


def test_the_department_views_leave_it_out_and_show_it(leave_week: Journal) -> None:
    (row,) = [r for r in weeks_table(leave_week, date(2026, 11, 20), date(2026, 11, 26))]
    assert (row.planned, row.visited) == (120, 108)
    assert row.completion == pytest.approx(0.90)
    assert [(m.day, m.label) for m in row.marks] == [(LEAVE_DAY, "请假（病假）")]
    assert (row.days_excused, row.days_unexplained) == (1, 0)


def test_a_cleared_day_counts_again(leave_week: Journal) -> None:
    leave_week.attendance.clear(LEAVE_DAY)
    f = leave_week.weeks.figures(W48)
    assert (f.planned, f.visited, f.days_excused) == (150, 108, 0)
    assert f.completion_rate == pytest.approx(0.72)


def test_a_working_day_with_nothing_is_unexplained(world: Journal) -> None:
    # the profile was made on Thursday 2026-12-03 (whatever the tests' clock: days before a
    # profile are never unexplained); it is now Thursday 2026-12-10
    with world.writing() as s:
        for manager in s.scalars(select(Manager)):
            manager.created_at = datetime(2026, 12, 3, 9, 30)
    friday, monday = date(2026, 12, 4), date(2026, 12, 7)
    with clock.pinned(datetime(2026, 12, 10, 9, 0)):
        world.plans.build(monday)  # the Monday route: 5 stops, none visited
        world.attendance.set(friday, "meeting", note="区局例会")
        f = world.weeks.figures("2026-W50")  # Friday 12-04 .. Thursday 12-10
        marks = {d.day: d.attendance for d in f.days if d.attendance}
        # Tuesday and Wednesday: no plan, no visit, no log, no entry; Thursday is today
        assert marks == {
            friday: "meeting",
            date(2026, 12, 8): UNEXPLAINED,
            date(2026, 12, 9): UNEXPLAINED,
        }
        assert (f.days_excused, f.days_unexplained) == (1, 2)
        assert (f.planned, f.visited, f.completion_rate) == (5, 0, 0.0)  # Monday only
        (row,) = weeks_table(world, friday, date(2026, 12, 10))
        assert [m.label for m in row.marks] == ["会议", "未说明", "未说明"]
        assert (row.days_excused, row.days_unexplained) == (1, 2)


def test_the_stops_of_a_leave_day_come_back_first_and_beyond_the_target(
    world: Journal, open_answers: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monday, tuesday = date(2026, 12, 7), date(2026, 12, 8)
    # room for all four beyond the target (the cap itself: the next test)
    four = replace(attendance_rules(), carry_over_extra=4)
    monkeypatch.setattr("fieldbook.core.routine.plan_candidates.attendance_rules", lambda: four)
    plan = world.plans.build(monday)
    assert len(plan.stops) == 5
    first = plan.stops[0]
    v = world.visits.start(first.customer_id, at=datetime(2026, 12, 7, 8, 0))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, open_answers)
    world.visits.finish(v.id, at=datetime(2026, 12, 7, 8, 9))  # visited before leaving
    world.attendance.set(monday, "leave", leave_type="personal")
    # the day's stops are not skipped: they stay planned, and the visit made stays
    states = [s.state for s in world.plans.get(monday).stops]
    assert states == ["visited", "planned", "planned", "planned", "planned"]
    # a Tuesday plan sized to its own route (3 stops) still takes Monday's 4 unvisited stops
    tue = world.plans.build(tuesday, target=3)
    carried = [s for s in tue.stops if "carried_over" in s.reasons]
    assert len(tue.stops) == 3 + 4
    assert sorted(s.shop_name for s in carried) == ["周一店2", "周一店3", "周一店4", "周一店5"]
    assert {s.reason_note for s in carried} == {"12月7日请假（事假）未走访"}


def test_a_plan_takes_at_most_carry_over_extra_of_them_beyond_its_target(
    world: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monday, tuesday = date(2026, 12, 7), date(2026, 12, 8)
    world.plans.build(monday)
    world.attendance.set(monday, "meeting")
    two = replace(attendance_rules(), carry_over_extra=2)
    monkeypatch.setattr("fieldbook.core.routine.plan_candidates.attendance_rules", lambda: two)
    tue = world.plans.build(tuesday, target=3)
    assert len(tue.stops) == 3 + 2  # the other three wait (未排入的顺延客户)
    assert len(world.plans.waiting(tuesday)) == 3


def test_without_a_mark_a_full_plan_takes_no_carried_over_stops(world: Journal) -> None:
    monday, tuesday = date(2026, 12, 7), date(2026, 12, 8)
    world.plans.build(monday)
    tue = world.plans.build(tuesday, target=3)
    assert len(tue.stops) == 3  # the ordinary rule: carried over only below the target


def _row_id(j: Journal, day: date) -> str:
    with j.reading() as s:
        row = s.scalars(select(AttendanceDay).where(AttendanceDay.day == day)).one()
        return row.id


def test_setting_changing_and_clearing_are_audited(world: Journal) -> None:
    day = date(2026, 12, 7)
    world.attendance.set(day, "training", note="新品培训")
    world.attendance.set(day, "training", note="新品培训")  # the same again: nothing recorded
    world.attendance.set(day, "leave", leave_type="annual")
    world.attendance.clear(day)
    assert world.attendance.get(day) is None
    entries = audit.history(world, "attendance", _row_id(world, day))
    changes = [(e.field, e.old_value, e.new_value) for e in entries]
    assert changes == [
        ("kind", None, "training"),
        ("note", None, "新品培训"),
        ("kind", "training", "leave"),
        ("leave_type", None, "annual"),
        ("note", "新品培训", None),
        ("kind", "leave", None),
        ("leave_type", "annual", None),
    ]
    assert entries[0].reason == "出勤：2026-12-07 培训（新品培训）"
    assert entries[-1].reason == "出勤：2026-12-07 取消标记"
    assert audit.verify(world).ok


def test_bad_input_is_refused_and_nothing_is_saved(world: Journal) -> None:
    monday, sunday = date(2026, 12, 7), date(2026, 12, 6)
    with pytest.raises(InvalidValue) as kind:
        world.attendance.set(monday, "holiday")
    assert kind.value.data["field"] == "kind"
    with pytest.raises(InvalidValue) as typed:
        world.attendance.set(monday, "leave")  # a leave names its type
    assert typed.value.data["field"] == "leave_type"
    with pytest.raises(InvalidValue) as weekend:
        world.attendance.set(sunday, "meeting")
    assert weekend.value.data["field"] == "day"
    with pytest.raises(InvalidValue) as long_note:
        world.attendance.set(monday, "meeting", note="长" * 201)
    assert long_note.value.data["field"] == "note"
    assert world.attendance.get(monday) is None
    mark = world.attendance.set(monday, "meeting", leave_type="sick")  # not a leave: no type
    assert (mark.kind, mark.leave_type) == ("meeting", "")
    world.attendance.clear(sunday)  # nothing there: nothing to do
