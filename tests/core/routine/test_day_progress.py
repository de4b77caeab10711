"""The day's progress: the plan over capacity is a fact apart from the pace; the day clock
starts at the first arrival; no verdict before it, none on a day to come, the result on a day
gone. The time model (plan.toml, decision 0018): in the area at 07:30, back at the office by
15:00 (Thursday 14:00); what is still ahead is 10 minutes a shop + lunch 30 (until taken, or
13:00) + the trip back 45; target 30."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.routine.day_progress import DayProgress, Pace, day_progress, field_minutes
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
    assert p.minutes_needed == 36 * 10 + 30 + 45  # shops + lunch + the trip back = 435


def test_on_pace_the_clock_runs_from_the_first_arrival() -> None:
    p = progress([*visited(1), *[Stop()] * 4], at("09:00"))
    assert p.pace is Pace.ON_PACE and not p.over_capacity
    assert p.first_arrival == at("07:40")
    assert p.minutes_elapsed == 80  # from 07:40, not from 07:30
    # 09:00 → 15:00 = 360; 4 shops 40 + lunch 30 + back 45 = 115
    assert p.minutes_left == 6 * 60 and p.minutes_needed == 115
    assert (p.shops_minutes, p.lunch_minutes, p.trip_back_minutes) == (40, 30, 45)


def test_behind_when_what_remains_does_not_fit_before_the_end() -> None:
    p = progress([*visited(10), *[Stop()] * 10], at("14:00"))
    assert p.pace is Pace.BEHIND and p.behind and not p.over_capacity
    # 14:00: lunch no longer budgeted (its window closed at 13:00): 10 × 10 + 45 = 145 > 60
    assert (p.minutes_needed, p.minutes_left, p.lunch_minutes) == (145, 60, 0)
    late = progress([*visited(10), Stop()], at("15:20"))
    assert late.pace is Pace.BEHIND and late.minutes_left == 0


def test_over_capacity_but_on_pace() -> None:
    # 32 planned (target 30), 6 done by 09:00: 26 × 10 + 30 + 45 = 335 ≤ 360 to 15:00
    p = progress([*visited(6), *[Stop()] * 26], at("09:00"))
    assert p.over_capacity and p.pace is Pace.ON_PACE
    assert p.minutes_needed == 335 <= p.minutes_left == 360  # type: ignore[operator]


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


# --- the time model: lunch, the trip back, Thursday (decision 0018) ---------------------------

THURSDAY = date(2026, 12, 3)


def tight(n: int, start: str = "07:30", day: date = DAY) -> list[Stop]:
    """``n`` visits of 8 minutes, one every 10 minutes from ``start`` (the regulation's pace)."""
    first = at(start, day)
    return [
        Stop("visited", first + timedelta(minutes=10 * i), first + timedelta(minutes=10 * i + 8))
        for i in range(n)
    ]


def test_the_pace_at_a_few_clock_times() -> None:
    # 11:00, 21 done (last left 10:58), 9 left: 90 + 30 lunch + 45 back = 165 ≤ 240 → 正常
    p = progress([*tight(21), *[Stop()] * 9], at("11:00"))
    assert (p.minutes_needed, p.minutes_left, p.pace) == (165, 240, Pace.ON_PACE)
    # 13:30, 20 done, 10 left: lunch no longer budgeted; 100 + 45 = 145 > 90 → 落后
    p = progress([*tight(20), *[Stop()] * 10], at("13:30"))
    assert (p.minutes_needed, p.minutes_left, p.pace) == (145, 90, Pace.BEHIND)
    # 2 left: 20 + 45 = 65 — at 13:50 (70 left) 正常, at 14:00 (60 left) 落后
    assert progress([*tight(28), Stop(), Stop()], at("13:50")).pace is Pace.ON_PACE
    assert progress([*tight(28), Stop(), Stop()], at("14:00")).pace is Pace.BEHIND
    # all done: only the trip back is ahead (no lunch budgeted)
    done = progress(tight(30), at("12:40"))
    assert (done.minutes_needed, done.lunch_minutes) == (45, 0)


def test_lunch_is_budgeted_until_taken() -> None:
    morning = tight(20)  # last left 10:48
    # a break of 35 minutes from 11:10 (in the window): lunch taken
    after = [
        Stop("visited", at("11:00"), at("11:10")),
        Stop("visited", at("11:45"), at("11:55")),
    ]
    p = progress([*morning, *after, *[Stop()] * 8], at("12:00"))
    assert p.lunch_minutes == 0 and p.minutes_needed == 80 + 45
    # a break going on now: left the shop at 11:55, at 12:15 → 20 had, 10 still to take
    p = progress([*morning, Stop("visited", at("11:45"), at("11:55")), *[Stop()] * 9], at("12:15"))
    assert p.lunch_minutes == 10
    # 3 minutes after leaving a shop in the window: the break so far counts, 27 still ahead
    p = progress([*morning, Stop("visited", at("11:45"), at("11:55")), *[Stop()] * 9], at("11:58"))
    assert p.lunch_minutes == 27
    # inside a shop: the whole half hour is still ahead
    p = progress([*morning, Stop("planned", at("11:45")), *[Stop()] * 9], at("12:15"))
    assert p.lunch_minutes == 30


def test_thursday_is_back_by_two() -> None:
    # the same 2 stops left at 13:00: 20 + 45 = 65; Monday has 120 left (15:00), Thursday 60
    monday = progress([*tight(20), Stop(), Stop()], at("13:00"))
    assert monday.pace is Pace.ON_PACE and monday.minutes_left == 120
    stops = [*tight(20, day=THURSDAY), Stop(), Stop()]
    thursday = day_progress(THURSDAY, stops, 24, at("13:00", THURSDAY), plan_rules())
    assert thursday.pace is Pace.BEHIND and thursday.minutes_left == 60
    assert thursday.back_by.strftime("%H:%M") == "14:00"
    assert plan_rules().target_on(THURSDAY) == 24 and plan_rules().target_on(DAY) == 30


def test_field_minutes_less_lunch() -> None:
    rules = plan_rules()
    # 07:32–14:10 spans the lunch window: 398 − 30 = 368 minutes in the area
    assert field_minutes(DAY, at("07:32"), at("14:10"), rules) == 368
    # a morning only (07:30–10:40) does not reach 11:00: no lunch deducted, 190
    assert field_minutes(DAY, at("07:30"), at("10:40"), rules) == 190
    assert field_minutes(DAY, None, at("10:40"), rules) is None
