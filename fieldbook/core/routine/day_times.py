"""The day's times against the regulation (decision 0018), the one computation the work log's
facts and the week report read: 到达片区 (the first arrival at an open shop), 在片区工作时间 (first
arrival to last departure, less lunch), 户均分钟 (the average time in a shop) and 回到单位 (the
time recorded on the day's log), with the day's standards (Thursday's own)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.routine.day_progress import field_minutes, minutes_in_shop
from fieldbook.core.routine.plan import plan_rules
from fieldbook.core.routine.visit_findings import ABSENT
from fieldbook.core.store.models import DayLog, Visit


@dataclass(frozen=True)
class DayTimes:
    day: date
    first_arrival: datetime | None
    last_departure: datetime | None
    average_minutes: float | None  # in a shop, 关门未遇 not counted
    field_minutes: int | None  # 在片区工作时间
    returned_at: datetime | None  # 回到单位, as recorded
    arrive_by: time  # the day's standards: 07:30 …
    back_by: time  # … 15:00 (Thursday 14:00) …
    field_standard: int  # … 300 minutes (Thursday 240)

    @property
    def start_late_minutes(self) -> int | None:
        """The first arrival after ``arrive_by`` (negative: before), in whole minutes."""
        return late_minutes(self.first_arrival, datetime.combine(self.day, self.arrive_by))

    @property
    def return_late_minutes(self) -> int | None:
        """The return after ``back_by`` (negative: before); None when not recorded."""
        return late_minutes(self.returned_at, datetime.combine(self.day, self.back_by))


def late_minutes(at: datetime | None, due: datetime) -> int | None:
    """``at`` after ``due`` in whole minutes, as the times are shown (07:35 is 5 minutes after
    07:30, whatever the seconds)."""
    if at is None:
        return None
    at, due = at.replace(second=0, microsecond=0), due.replace(second=0, microsecond=0)
    return round((at - due).total_seconds() / 60)


def times_of(
    day: date,
    visits: Sequence[tuple[datetime | None, datetime | None, str]],
    returned: datetime | None,
) -> DayTimes:
    """The times of ``day`` from its finished visits (arrived, left, shop status)."""
    rules = plan_rules()
    real = [(a, b) for a, b, status in visits if status != ABSENT]
    arrivals = sorted(a for a, _b in real if a)
    departures = sorted(b for _a, b in real if b)
    minutes = [m for m in (minutes_in_shop(a, b) for a, b in real) if m is not None]
    first = arrivals[0] if arrivals else None
    last = departures[-1] if departures else None
    return DayTimes(
        day=day,
        first_arrival=first,
        last_departure=last,
        average_minutes=round(sum(minutes) / len(minutes), 1) if minutes else None,
        field_minutes=field_minutes(day, first, last, rules),
        returned_at=returned,
        arrive_by=rules.arrive_in_area,
        back_by=rules.back_by(day),
        field_standard=rules.field_minutes_on(day),
    )


def week_times(s: Session, manager_id: str, start: date, end: date) -> list[DayTimes]:
    """The times of each day from ``start`` to ``end`` with a finished visit or a recorded
    return, in date order."""
    visits: dict[date, list[tuple[datetime | None, datetime | None, str]]] = defaultdict(list)
    for day, arrived, left, status in s.execute(
        select(Visit.visit_date, Visit.arrived_at, Visit.left_at, Visit.shop_status).where(
            Visit.manager_id == manager_id,
            Visit.visit_date.between(start, end),
            Visit.status == "done",
        )
    ):
        visits[day].append((arrived, left, status or ""))
    returns: dict[date, datetime] = {}
    for day, returned in s.execute(
        select(DayLog.log_date, DayLog.returned_at).where(
            DayLog.manager_id == manager_id,
            DayLog.log_date.between(start, end),
            DayLog.returned_at.is_not(None),
        )
    ):
        if returned is not None:
            returns[day] = returned
    days = sorted(set(visits) | set(returns))
    return [times_of(day, visits.get(day, []), returns.get(day)) for day in days]


@dataclass(frozen=True)
class WeekTimes:
    """A week's times in a few numbers (the week report's line)."""

    days: int
    arrived_late: int
    returned_on_time: int
    returned_late: tuple[tuple[date, str, int], ...]  # (day, "15:20", minutes late)
    return_not_recorded: int
    field_below: int  # days with less time in the area than the standard
    field_average: int | None  # minutes


def week_summary(times: Sequence[DayTimes]) -> WeekTimes:
    field = [t.field_minutes for t in times if t.field_minutes is not None]
    late = tuple(
        (t.day, t.returned_at.strftime("%H:%M"), t.return_late_minutes)
        for t in times
        if t.returned_at is not None
        and t.return_late_minutes is not None
        and t.return_late_minutes > 0
    )
    recorded = sum(t.returned_at is not None for t in times)
    return WeekTimes(
        days=len(times),
        arrived_late=sum((t.start_late_minutes or 0) > 0 for t in times),
        returned_on_time=recorded - len(late),
        returned_late=late,
        return_not_recorded=len(times) - recorded,
        field_below=sum(
            t.field_minutes is not None and t.field_minutes < t.field_standard for t in times
        ),
        field_average=round(sum(field) / len(field)) if field else None,
    )


def week_summary_text(w: WeekTimes) -> str:
    """``5 天：到达片区迟到 1 天；回到单位按时 3 天、晚 1 天（12-03 14:20 晚 20 分钟）、未记录
    1 天；在片区工作平均 6小时2分，不足标准 0 天`` (the export's line)."""
    if not w.days:
        return "本周没有走访记录"
    late = "、".join(f"{d:%m-%d} {hm} 晚 {n} 分钟" for d, hm, n in w.returned_late)
    parts = [
        f"{w.days} 天：到达片区迟到 {w.arrived_late} 天",
        f"回到单位按时 {w.returned_on_time} 天、晚 {len(w.returned_late)} 天"
        + (f"（{late}）" if late else "")
        + f"、未记录 {w.return_not_recorded} 天",
    ]
    if w.field_average is not None:
        hours, rest = divmod(w.field_average, 60)
        parts.append(f"在片区工作平均 {hours}小时{rest}分，不足标准 {w.field_below} 天")
    return "；".join(parts)
