"""China's official working-day calendar (法定工作日): Monday–Friday, plus the make-up working
days (调休上班), minus the official holidays.

The holiday data comes from the maintained ``chinese-calendar`` package (import name
``chinese_calendar``); no holiday list is kept here. For a year the package has no data for, the
functions fall back to plain Monday–Friday and never raise; :func:`calendar_covers` tells the UI
when to warn "节假日数据未覆盖该年份".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache

import chinese_calendar

from fieldbook.core.errors import InvalidValue

_ONE_DAY = timedelta(days=1)

#: First and last year the installed ``chinese-calendar`` has official data for (the package's own
#: rule: any year between the earliest and the latest year in its holiday table).
FIRST_COVERED_YEAR: int = min(chinese_calendar.holidays).year
LAST_COVERED_YEAR: int = max(chinese_calendar.holidays).year

_CHINESE_NAMES: dict[str, str] = {h.value: h.chinese for h in chinese_calendar.Holiday}


def _as_date(day: date) -> date:
    return day.date() if isinstance(day, datetime) else day


def calendar_covers(day: date) -> bool:
    """Whether the holiday data covers ``day``'s year (else only Monday–Friday is known)."""
    return FIRST_COVERED_YEAR <= day.year <= LAST_COVERED_YEAR


def is_working_day(day: date) -> bool:
    """Whether ``day`` is an official working day (make-up Saturdays/Sundays included)."""
    return _working(_as_date(day), chinese_calendar.is_workday)


@cache
def _working(day: date, is_workday: Callable[[date], bool]) -> bool:
    """``is_working_day`` of a date, worked out once per date and calendar function (the
    package takes ~0.5 ms a call; the department views ask for every day of a year)."""
    if calendar_covers(day):
        try:
            return bool(is_workday(day))
        except NotImplementedError:  # the package knows no data for this year after all
            pass
    return day.weekday() < 5


def next_working_day(day: date) -> date:
    """The first working day strictly after ``day``."""
    day = _as_date(day) + _ONE_DAY
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def previous_working_day(day: date) -> date:
    """The last working day strictly before ``day``."""
    day = _as_date(day) - _ONE_DAY
    while not is_working_day(day):
        day -= _ONE_DAY
    return day


def add_working_days(day: date, n: int) -> date:
    """The due date ``n`` working days after ``day`` (e.g. a slip's "+3 working days").

    Rule: for ``n >= 1`` the result is the n-th working day strictly after ``day`` — ``day`` itself
    is never counted, whether or not it is a working day (so Saturday + 1 is Monday). For ``n == 0``
    the result is ``day`` when it is a working day, else the next working day.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    day = _as_date(day)
    if n == 0:
        return day if is_working_day(day) else next_working_day(day)
    for _ in range(n):
        day = next_working_day(day)
    return day


def working_days_between(start: date, end: date) -> list[date]:
    """The working days from ``start`` to ``end``, both inclusive (empty when end < start)."""
    day, end = _as_date(start), _as_date(end)
    days: list[date] = []
    while day <= end:
        if is_working_day(day):
            days.append(day)
        day += _ONE_DAY
    return days


def holiday_name(day: date) -> str | None:
    """The Chinese name (e.g. 国庆节) of the official holiday ``day`` falls in, else None.

    Ordinary weekends, make-up working days and uncovered years give None.
    """
    day = _as_date(day)
    if not calendar_covers(day):
        return None
    english = chinese_calendar.holidays.get(day)
    if english is None:
        return None
    return _CHINESE_NAMES.get(english)


def month_range(month: str) -> tuple[date, date]:
    """The first and last day of the calendar month ``YYYY-MM``; ``InvalidValue`` ("month")
    for anything else."""
    try:
        year, mon = (int(x) for x in month.split("-"))
        start = date(year, mon, 1)
        nxt = date(year + (mon == 12), mon % 12 + 1, 1)  # 9999-12 has no next month
    except ValueError:
        raise InvalidValue("month", field="month", value=month) from None
    return start, nxt - timedelta(days=1)
