"""The day's progress under its plan: what was done, the day clock and the pace — the one
home of the verdict the plan page, the CLI and the day's report word, and of the time model's
arithmetic (decision 0018).

Two facts are kept apart:
- **over capacity**: the plan holds more stops than the day's target (36 planned, 30 a day) —
  a fact of the plan, true before the day starts and after it ends;
- **the pace**, which exists only on the day itself and only once the day clock runs: the
  clock starts at the first arrival at a shop (not at 07:30); the day is **on pace** when what
  is still ahead — the stops left at ``minutes_per_shop`` each, lunch if it is still to take,
  and the trip back to the office — fits before the time the manager is due back
  (``back_by``: 15:00, Thursday 14:00). 「进度正常」 means "back at the office in time".
  Before the first arrival there is no clock and no verdict; a day still to come has no pace;
  a day gone has its result.

Lunch is budgeted (``lunch_minutes``) until a break that long between two shops was taken
inside ``lunch_window``, or the window is over; a break going on now counts for what it has
lasted. Once every stop is done only the trip back is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from itertools import pairwise
from typing import Protocol


class Pace(StrEnum):
    FUTURE = "future"  # a day still to come: the plan's size only, no pace
    NOT_STARTED = "not_started"  # the day itself, before the first arrival: no clock, no verdict
    ON_PACE = "on_pace"  # what remains fits in the time left
    BEHIND = "behind"  # what remains does not fit before the day's end
    PAST = "past"  # a day gone: its result


class StopTimes(Protocol):
    """What the progress reads of a plan stop (``plan.StopView`` has it)."""

    @property
    def state(self) -> str: ...
    @property
    def arrived_at(self) -> datetime | None: ...
    @property
    def left_at(self) -> datetime | None: ...


class DayRules(Protocol):
    """The time model the pace is judged by (``plan.PlanRules`` has it)."""

    @property
    def arrive_in_area(self) -> time: ...
    @property
    def minutes_per_shop(self) -> int: ...
    @property
    def trip_back_minutes(self) -> int: ...
    @property
    def lunch_minutes(self) -> int: ...
    @property
    def lunch_window(self) -> tuple[time, time]: ...
    def back_by(self, day: date) -> time: ...


@dataclass(frozen=True)
class DayProgress:
    day: date
    pace: Pace
    planned: int  # stops in the plan, removed ones excluded
    done: int
    skipped: int
    remaining: int
    target: int
    over_capacity: bool  # more stops planned than the target: a fact of the plan, not the pace
    first_arrival: datetime | None  # at any shop of the plan (a visit in progress counts)
    last_departure: datetime | None
    minutes_in_shops: int
    average_minutes: float | None
    back_by: time  # due back at the office (15:00; Thursday 14:00)
    window_minutes: int  # arrive_in_area–back_by
    #: The day clock, from the first arrival: to now on the day itself, to the last departure
    #: on a day gone; None before the first arrival and on a day to come.
    minutes_elapsed: int | None
    #: On the day itself once the clock runs: minutes until back_by (0 after it); else None.
    minutes_left: int | None
    minutes_needed: int  # what is still ahead: shops_minutes + lunch_minutes + trip_back_minutes
    shops_minutes: int  # the stops left at minutes_per_shop each
    lunch_minutes: int  # lunch still to take (0 once taken, after its window, or all done)
    trip_back_minutes: int  # the trip back to the office

    @property
    def behind(self) -> bool:
        return self.pace is Pace.BEHIND


def minutes_in_shop(arrived: datetime | None, left: datetime | None) -> float | None:
    """How long a visit took, in minutes; None without both times or when ``left`` is before
    ``arrived``."""
    if arrived and left and left >= arrived:
        return (left - arrived).total_seconds() / 60
    return None


def _minutes(start: datetime, end: datetime) -> int:
    return max(int((end - start).total_seconds() // 60), 0)


def shops_minutes(stops_left: int, rules: DayRules) -> int:
    """The time the stops still to visit take."""
    return stops_left * rules.minutes_per_shop


def lunch_left(day: date, now: datetime, stops: Sequence[StopTimes], rules: DayRules) -> int:
    """The lunch still to take at ``now`` (minutes): all of it until a break of
    ``lunch_minutes`` between two shops started in ``lunch_window``; the part not yet had of a
    break going on now (no visit in progress, the last departure in the window); none once
    the window is over."""
    opens, closes = (datetime.combine(day, t) for t in rules.lunch_window)
    if now >= closes:
        return 0
    times = sorted(
        ((s.arrived_at, s.left_at) for s in stops if s.arrived_at is not None), key=lambda t: t[0]
    )
    for (_a, left), (arrived, _l) in pairwise(times):
        if left is not None and left >= opens and _minutes(left, arrived) >= rules.lunch_minutes:
            return 0
    departures = [left for _a, left in times if left is not None]
    in_shop = any(left is None for _a, left in times)
    if departures and not in_shop and max(departures) >= opens:
        return max(rules.lunch_minutes - _minutes(max(departures), now), 0)
    return rules.lunch_minutes


def field_minutes(
    day: date, first: datetime | None, last: datetime | None, rules: DayRules
) -> int | None:
    """在片区工作时间: first arrival to last departure, less lunch when that span reaches into
    the lunch window (the regulation's half hour, not the gap measured); None without both."""
    if first is None or last is None or last < first:
        return None
    first, last = first.replace(second=0, microsecond=0), last.replace(second=0, microsecond=0)
    opens, closes = (datetime.combine(day, t) for t in rules.lunch_window)
    lunch = rules.lunch_minutes if first < closes and last > opens else 0
    return max(_minutes(first, last) - lunch, 0)


def pace_of(
    day: date, now: datetime, first_arrival: datetime | None, needed: int, rules: DayRules
) -> tuple[Pace, int | None]:
    """The verdict on ``day`` at ``now`` and the minutes left before the manager is due back
    at the office (None when there is no verdict)."""
    if day > now.date():
        return Pace.FUTURE, None
    if day < now.date():
        return Pace.PAST, None
    if first_arrival is None:
        return Pace.NOT_STARTED, None
    left = _minutes(now, datetime.combine(day, rules.back_by(day)))
    return (Pace.ON_PACE if needed <= left else Pace.BEHIND), left


def day_progress(
    day: date, stops: Sequence[StopTimes], target: int, now: datetime, rules: DayRules
) -> DayProgress:
    """The progress of the plan of ``day`` with ``stops`` and ``target``, at ``now``."""
    active = [s for s in stops if s.state != "removed"]
    done = [s for s in active if s.state == "visited"]
    remaining = sum(1 for s in active if s.state == "planned")
    arrivals = [s.arrived_at for s in active if s.arrived_at]
    departures = [s.left_at for s in active if s.left_at]
    durations = [
        m for m in (minutes_in_shop(s.arrived_at, s.left_at) for s in done) if m is not None
    ]
    first = min(arrivals) if arrivals else None
    last = max(departures) if departures else None
    shops = shops_minutes(remaining, rules)
    lunch = lunch_left(day, now, active, rules) if remaining else 0
    needed = shops + lunch + rules.trip_back_minutes
    pace, left = pace_of(day, now, first, needed, rules)
    elapsed: int | None = None
    if first is not None and pace in (Pace.ON_PACE, Pace.BEHIND):
        elapsed = _minutes(first, now)
    elif first is not None and last is not None and pace is Pace.PAST:
        elapsed = _minutes(first, last)
    back_by = rules.back_by(day)
    window = _minutes(datetime.combine(day, rules.arrive_in_area), datetime.combine(day, back_by))
    return DayProgress(
        day=day,
        pace=pace,
        planned=len(active),
        done=len(done),
        skipped=sum(1 for s in active if s.state == "skipped"),
        remaining=remaining,
        target=target,
        over_capacity=len(active) > target,
        first_arrival=first,
        last_departure=last,
        minutes_in_shops=round(sum(durations)),
        average_minutes=round(sum(durations) / len(durations), 1) if durations else None,
        back_by=back_by,
        window_minutes=window,
        minutes_elapsed=elapsed,
        minutes_left=left,
        minutes_needed=needed,
        shops_minutes=shops,
        lunch_minutes=lunch,
        trip_back_minutes=rules.trip_back_minutes,
    )
