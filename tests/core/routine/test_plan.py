"""Building and changing a day's plan: the weekday's route, carry-over, follow-ups due,
holidays and make-up working days, reasons, target size, reordering, GPS ordering."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.day_progress import Pace
from fieldbook.core.store.models import FollowUp

MON = date(2026, 11, 30)
TUE = date(2026, 12, 1)


def names(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.shop_name for s in plan.stops]


def test_plan_holds_the_weekdays_route_in_order(world: Journal) -> None:
    plan = world.plans.build(MON)
    assert names(plan) == [f"周一店{n}" for n in range(1, 6)]
    assert all(s.reasons == ("route",) and s.state == "planned" for s in plan.stops)
    assert plan.working_day and plan.target_size == 30
    tuesday = world.plans.build(TUE)
    # Tuesday's route first; Monday's stops, never visited, are carried over after it.
    assert names(tuesday)[:3] == ["周二店1", "周二店2", "周二店3"]
    assert [s.reasons for s in tuesday.stops[3:]] == [("carried_over",)] * 5


def test_build_is_idempotent(world: Journal) -> None:
    first = world.plans.build(MON)
    again = world.plans.build(MON)
    assert first.id == again.id and [s.id for s in first.stops] == [s.id for s in again.stops]


def test_inactive_customers_are_not_planned(world: Journal) -> None:
    from dataclasses import replace

    from fieldbook.core.master.customer_changes import ChangeBasis
    from fieldbook.core.master.customers import input_from_row

    row = world.customers.by_code("M002")
    world.customers.update(
        row.id, replace(input_from_row(row), status="suspended"), ChangeBasis(reason="店主外出")
    )
    assert "周一店2" not in names(world.plans.build(MON))


def test_skipped_stops_are_carried_over_with_the_reason(world: Journal) -> None:
    plan = world.plans.build(MON)
    world.plans.skip_stop(plan.stops[1].id, "关门未遇")
    world.plans.remove_stop(plan.stops[2].id, "本周已走访")
    tomorrow = world.plans.build(TUE)
    carried = {s.shop_name: s for s in tomorrow.stops if "carried_over" in s.reasons}
    # skipped and never-touched stops come back in their old order; removed ones do not
    assert list(carried) == ["周一店1", "周一店2", "周一店4", "周一店5"]
    assert carried["周一店2"].reason_note == "11月30日未走访（关门未遇）"
    assert carried["周一店1"].reason_note == "11月30日未走访"


def test_visited_stops_are_not_carried_over(
    world: Journal, open_answers: dict[str, object]
) -> None:
    plan = world.plans.build(MON)
    for stop in plan.stops:
        v = world.visits.start(stop.customer_id, at=datetime(2026, 11, 30, 8, 0))
        world.visits.set_shop_status(v.id, "open")
        world.visits.save_answers(v.id, open_answers)
        world.visits.finish(v.id, at=datetime(2026, 11, 30, 8, 10))
    assert names(world.plans.build(TUE)) == ["周二店1", "周二店2", "周二店3"]


def test_target_size_limits_carry_overs_and_the_rest_wait(world: Journal) -> None:
    plan = world.plans.build(MON)
    for stop in plan.stops:
        world.plans.skip_stop(stop.id, "时间不够")
    tomorrow = world.plans.build(TUE, target=5)
    assert len(tomorrow.stops) == 5  # 3 route stops + 2 oldest carry-overs
    waiting = world.plans.waiting(TUE)
    assert len(waiting) == 3 and all("未走访" in note for _, _, note in waiting)
    with pytest.raises(InvalidValue):
        world.plans.build(date(2026, 12, 2), target=0)


def test_follow_ups_due_bring_the_customer_into_the_plan(world: Journal) -> None:
    x = world.customers.by_code("X001")
    m1 = world.customers.by_code("M001")
    with world.writing() as s:
        manager_id = world.current_manager_id(s)
        s.add(FollowUp(manager_id=manager_id, customer_id=x.id, text="回复要货诉求", due_date=MON))
        s.add(FollowUp(manager_id=manager_id, customer_id=m1.id, text="复查价签", due_date=MON))
        s.add(FollowUp(manager_id=manager_id, customer_id=x.id, text="以后再说", due_date=TUE))
    plan = world.plans.build(MON)
    by_name = {s.shop_name: s for s in plan.stops}
    assert by_name["无线路店"].reasons == ("follow_up",)
    assert by_name["无线路店"].reason_note == "回复要货诉求"
    assert by_name["周一店1"].reasons == ("route", "follow_up")
    assert by_name["周一店1"].followups_open == 1


def test_holidays_and_make_up_working_days(world: Journal) -> None:
    national_day = world.plans.build(date(2026, 10, 5))  # a Monday inside the National Day holiday
    assert not national_day.working_day and national_day.holiday == "国庆节"
    assert national_day.stops == ()
    previous = world.plans.build(date(2026, 10, 9))  # Friday: no route on Friday here
    assert previous.working_day and previous.stops == ()
    monday_before = world.plans.build(date(2026, 9, 28))
    world.plans.skip_stop(monday_before.stops[0].id, "关门未遇")
    make_up = world.plans.build(date(2026, 10, 10))  # Saturday, an official make-up working day
    assert make_up.working_day
    # the make-up Saturday has no route of its own: the stops still owed come back
    assert names(make_up) == ["周一店1", "周一店2", "周一店3", "周一店4", "周一店5"]
    assert all(s.reasons == ("carried_over",) for s in make_up.stops)
    assert make_up.stops[0].reason_note == "9月28日未走访（关门未遇）"
    weekend = world.plans.build(date(2026, 10, 11))  # an ordinary Sunday
    assert not weekend.working_day and weekend.stops == ()


def test_reorder_move_add_remove_restore(world: Journal) -> None:
    plan = world.plans.build(MON)
    ids = [s.id for s in plan.stops]
    plan = world.plans.reorder(plan.id, list(reversed(ids)))
    assert names(plan)[0] == "周一店5"
    plan = world.plans.move(plan.stops[0].id, +2)
    assert names(plan)[:3] == ["周一店4", "周一店3", "周一店5"]
    with pytest.raises(InvalidValue):
        world.plans.reorder(plan.id, ids[:2])
    x = world.customers.by_code("X001")
    plan = world.plans.add_stop(plan.id, x.id, "客户来电要求上门")
    assert plan.stops[-1].reasons == ("added",) and plan.stops[-1].reason_note == "客户来电要求上门"
    with pytest.raises(InvalidValue):
        world.plans.add_stop(plan.id, x.id)
    with pytest.raises(InvalidValue) as info:
        world.plans.remove_stop(plan.stops[-1].id, "  ")
    assert info.value.detail == "reason_required"
    plan = world.plans.remove_stop(plan.stops[-1].id, "客户取消")
    assert plan.stops[-1].state == "removed" and len(plan.active_stops) == 5
    plan = world.plans.restore_stop(plan.stops[-1].id)
    assert plan.stops[-1].state == "planned"


def test_next_stop_and_progress(world: Journal, open_answers: dict[str, object]) -> None:
    plan = world.plans.build(MON)
    first = plan.stops[0]
    v = world.visits.start(first.customer_id, at=datetime(2026, 11, 30, 7, 40))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, open_answers)
    world.visits.finish(v.id, at=datetime(2026, 11, 30, 7, 52))
    world.plans.skip_stop(plan.stops[1].id, "关门未遇")
    plan = world.plans.get(MON)
    assert plan is not None
    assert plan.next_stop() == plan.stops[2]
    assert plan.next_stop(after=plan.stops[3].id) == plan.stops[4]
    p = plan.progress(datetime(2026, 11, 30, 8, 0))
    assert (p.planned, p.done, p.skipped, p.remaining) == (5, 1, 1, 3)
    assert p.first_arrival == datetime(2026, 11, 30, 7, 40)
    assert p.average_minutes == 12.0 and p.minutes_elapsed == 20  # from the first arrival
    # 3 shops × 10 + lunch 30 (not taken yet) + the trip back 45 (decision 0018)
    assert p.minutes_needed == 3 * 10 + 30 + 45 and p.pace is Pace.ON_PACE


def test_optimise_orders_by_distance_and_keeps_unlocated_stops(world: Journal) -> None:
    from dataclasses import replace

    from fieldbook.core.master.customers import input_from_row

    coords = {"M001": 45.80, "M002": 45.70, "M003": None, "M004": 45.75, "M005": 45.65}
    for code, lat in coords.items():
        row = world.customers.by_code(code)
        world.customers.update(
            row.id, replace(input_from_row(row), gps_lat=lat, gps_lon=130.9 if lat else None)
        )
    plan = world.plans.build(MON)
    plan = world.plans.optimise(plan.id, start=(45.81, 130.9))
    assert names(plan) == ["周一店1", "周一店4", "周一店3", "周一店2", "周一店5"]
