"""The day's progress under its plan: what was done, the day clock and the pace — the one
home of the verdict the plan page, the CLI and the day's report word.

Two facts are kept apart:
- **over capacity**: the plan holds more stops than the day's target (36 planned, 30 a day) —
  a fact of the plan, true before the day starts and after it ends;
- **the pace**, which exists only on the day itself and only once the day clock runs: the
  clock starts at the first arrival at a shop (not at ``day_start``); the day is **behind**
  when the stops still to visit, at ``minutes_per_shop`` + ``travel_minutes`` each, do not fit
  in the time left before ``day_end``. Before the first arrival there is no clock and no
  verdict; a day still to come has no pace; a day gone has its result.

The time model (the working window, the minutes a stop takes) is read from the rules passed
in (``plan.toml``), so a richer day (lunch, the way back, being back at 15:00) changes
``pace_of`` and ``minutes_needed`` here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
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
    def day_start(self) -> time: ...
    @property
    def day_end(self) -> time: ...
    @property
    def minutes_per_shop(self) -> int: ...
    @property
    def travel_minutes(self) -> int: ...


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
    window_minutes: int  # day_start–day_end
    #: The day clock, from the first arrival: to now on the day itself, to the last departure
    #: on a day gone; None before the first arrival and on a day to come.
    minutes_elapsed: int | None
    #: On the day itself once the clock runs: minutes until day_end (0 after it); else None.
    minutes_left: int | None
    minutes_needed: int  # for what remains, at minutes_per_shop + travel

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


def minutes_needed(stops_left: int, rules: DayRules) -> int:
    """The time the stops still to visit take."""
    return stops_left * (rules.minutes_per_shop + rules.travel_minutes)


def pace_of(
    day: date, now: datetime, first_arrival: datetime | None, needed: int, rules: DayRules
) -> tuple[Pace, int | None]:
    """The verdict on ``day`` at ``now`` and the minutes left before the day's end (None when
    there is no verdict)."""
    if day > now.date():
        return Pace.FUTURE, None
    if day < now.date():
        return Pace.PAST, None
    if first_arrival is None:
        return Pace.NOT_STARTED, None
    left = _minutes(now, datetime.combine(day, rules.day_end))
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
    needed = minutes_needed(remaining, rules)
    pace, left = pace_of(day, now, first, needed, rules)
    elapsed: int | None = None
    if first is not None and pace in (Pace.ON_PACE, Pace.BEHIND):
        elapsed = _minutes(first, now)
    elif first is not None and last is not None and pace is Pace.PAST:
        elapsed = _minutes(first, last)
    window = _minutes(datetime.combine(day, rules.day_start), datetime.combine(day, rules.day_end))
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
        window_minutes=window,
        minutes_elapsed=elapsed,
        minutes_left=left,
        minutes_needed=needed,
    )
