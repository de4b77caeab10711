"""The day's progress: the plan over capacity is a fact apart from the pace; the day clock
starts at the first arrival; no verdict before it, none on a day to come, the result on a day
gone (plan.toml: 07:30–15:00, 10 minutes a shop + 3 of travel, target 30)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.routine.day_progress import DayProgress, Pace, day_progress
from fieldbook.core.routine.plan import plan_rules

DAY = date(2026, 11, 30)  # a Monday


@dataclass(frozen=True)
class Stop:
    state: str = "planned"
    arrived_at: datetime | None = None
    left_at: datetime | None = None


def at(hm: str, day: date = DAY) -> datetime:
    return datetime.fromisoformat(f"{day} {hm}")


def visited(n: int, start: str = "07:40") -> list[Stop]:
    """``n`` visits of 10 minutes, one every 13 minutes from ``start``."""
    first = at(start)
    return [
        Stop(
            "visited",
            first + timedelta(minutes=13 * i),
            first + timedelta(minutes=13 * i + 10),
        )
        for i in range(n)
    ]


def progress(stops: list[Stop], now: datetime, target: int = 30) -> DayProgress:
    return day_progress(DAY, stops, target, now, plan_rules())


def test_before_the_first_arrival_there_is_no_clock_and_no_verdict() -> None:
    p = progress([Stop()] * 36, at("07:35"))
    assert p.pace is Pace.NOT_STARTED and not p.behind
    assert p.over_capacity and (p.planned, p.target) == (36, 30)  # the other fact, kept apart
    assert p.minutes_elapsed is None and p.minutes_left is None and p.first_arrival is None
    assert p.minutes_needed == 36 * 13


def test_on_pace_the_clock_runs_from_the_first_arrival() -> None:
    p = progress([*visited(1), *[Stop()] * 4], at("09:00"))
    assert p.pace is Pace.ON_PACE and not p.over_capacity
    assert p.first_arrival == at("07:40")
    assert p.minutes_elapsed == 80  # from 07:40, not from 07:30
    assert p.minutes_left == 6 * 60 and p.minutes_needed == 4 * 13


def test_behind_when_what_remains_does_not_fit_before_the_end() -> None:
    p = progress([*visited(10), *[Stop()] * 10], at("14:00"))
    assert p.pace is Pace.BEHIND and p.behind and not p.over_capacity
    assert (p.minutes_needed, p.minutes_left) == (130, 60)
    late = progress([*visited(10), Stop()], at("15:20"))
    assert late.pace is Pace.BEHIND and late.minutes_left == 0


def test_over_capacity_but_on_pace() -> None:
    p = progress([*visited(24), *[Stop()] * 12], at("12:00"))
    assert p.over_capacity and p.pace is Pace.ON_PACE
    assert p.minutes_needed == 12 * 13 <= p.minutes_left == 180  # type: ignore[operator]


def test_a_visit_in_progress_starts_the_clock() -> None:
    first = Stop("planned", at("07:50"))  # arrived, not finished yet
    p = progress([first, *[Stop()] * 29], at("08:00"))
    assert p.pace is Pace.ON_PACE and p.first_arrival == at("07:50")
    assert p.minutes_elapsed == 10 and p.done == 0


def test_a_day_to_come_has_no_pace() -> None:
    p = progress([Stop()] * 36, at("16:00", DAY - timedelta(days=3)))
    assert p.pace is Pace.FUTURE and not p.behind
    assert p.over_capacity and p.minutes_elapsed is None and p.minutes_left is None


def test_a_day_gone_has_its_result() -> None:
    stops = [*visited(20), Stop("skipped"), *[Stop()] * 3, Stop("removed")]
    p = progress(stops, at("09:00", DAY + timedelta(days=1)))
    assert p.pace is Pace.PAST and not p.behind and p.minutes_left is None
    assert (p.planned, p.done, p.skipped, p.remaining) == (24, 20, 1, 3)
    assert p.last_departure == at("07:40") + timedelta(minutes=13 * 19 + 10)
    assert p.minutes_elapsed == 13 * 19 + 10  # first arrival to last departure


def test_the_plan_page_reads_it_on_the_pinned_clock(
    world: Journal, open_answers: dict[str, object]
) -> None:
    plan = world.plans.build(DAY)
    with clock.pinned(at("07:35"), running=False):
        before = plan.progress(clock.now())
        assert before.pace is Pace.NOT_STARTED and before.minutes_elapsed is None
    v = world.visits.start(plan.stops[0].customer_id, at=at("07:40"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, open_answers)
    world.visits.finish(v.id, at=at("07:52"))
    plan = world.plans.get(DAY)
    assert plan is not None
    with clock.pinned(at("08:00"), running=False):
        p = plan.progress(clock.now())
    assert p.pace is Pace.ON_PACE and p.minutes_elapsed == 20 and p.done == 1
    with clock.pinned(at("08:00", DAY - timedelta(days=1)), running=False):
        assert plan.progress(clock.now()).pace is Pace.FUTURE
