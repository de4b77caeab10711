"""fieldbook.core.workdays: China's official working-day calendar (via chinese-calendar)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest

from fieldbook.core import workdays
from fieldbook.core.workdays import (
    add_working_days,
    calendar_covers,
    holiday_name,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)

SAT, SUN = 5, 6

# The 2026 make-up working days (调休上班) for National Day, as the package has them
# (checked against chinese_calendar.workdays in test_makeup_days_come_from_the_package).
NATIONAL_DAY_MAKEUP_2026 = [date(2026, 9, 20), date(2026, 10, 10)]  # a Sunday and a Saturday
SPRING_FESTIVAL_MAKEUP_2026 = [date(2026, 2, 14), date(2026, 2, 28)]  # two Saturdays


def test_covered_years_come_from_the_package() -> None:
    assert workdays.FIRST_COVERED_YEAR == 2004
    assert workdays.LAST_COVERED_YEAR >= 2026
    assert calendar_covers(date(2026, 10, 1))
    assert calendar_covers(date(2004, 1, 1))
    assert not calendar_covers(date(2003, 12, 31))
    assert not calendar_covers(date(workdays.LAST_COVERED_YEAR + 1, 1, 1))


def test_makeup_days_come_from_the_package() -> None:
    for day in NATIONAL_DAY_MAKEUP_2026:
        assert chinese_calendar.workdays[day] == chinese_calendar.Holiday.national_day.value
    for day in SPRING_FESTIVAL_MAKEUP_2026:
        assert chinese_calendar.workdays[day] == chinese_calendar.Holiday.spring_festival.value


def test_national_day_2026_is_seven_holidays() -> None:
    golden_week = [date(2026, 10, 1) + timedelta(days=i) for i in range(7)]
    assert [d.weekday() for d in golden_week] == [3, 4, 5, 6, 0, 1, 2]  # Thu … Wed
    for day in golden_week:
        assert not is_working_day(day), day
        assert holiday_name(day) == "国庆节", day
    assert is_working_day(date(2026, 9, 30))  # the Wednesday before
    assert is_working_day(date(2026, 10, 8))  # the Thursday after
    assert holiday_name(date(2026, 10, 8)) is None


@pytest.mark.parametrize("day", NATIONAL_DAY_MAKEUP_2026 + SPRING_FESTIVAL_MAKEUP_2026)
def test_makeup_weekend_days_are_working_days(day: date) -> None:
    assert day.weekday() in (SAT, SUN)
    assert is_working_day(day)
    assert holiday_name(day) is None  # a working day, not a holiday


def test_spring_festival_2026() -> None:
    festival = [date(2026, 2, 15) + timedelta(days=i) for i in range(9)]  # 2-15 … 2-23
    for day in festival:
        assert not is_working_day(day), day
        assert holiday_name(day) == "春节", day
    # weekdays inside it are holidays, not working days
    assert date(2026, 2, 16).weekday() == 0 and not is_working_day(date(2026, 2, 16))
    assert is_working_day(date(2026, 2, 13))  # Friday before
    assert is_working_day(date(2026, 2, 24))  # Tuesday after
    assert next_working_day(date(2026, 2, 14)) == date(2026, 2, 24)
    assert previous_working_day(date(2026, 2, 24)) == date(2026, 2, 14)  # the make-up Saturday


def test_ordinary_weekend_and_weekdays() -> None:
    sat, sun, mon = date(2026, 3, 14), date(2026, 3, 15), date(2026, 3, 16)
    assert (sat.weekday(), sun.weekday(), mon.weekday()) == (SAT, SUN, 0)
    assert not is_working_day(sat)
    assert not is_working_day(sun)
    assert is_working_day(mon)
    assert holiday_name(sat) is None
    assert next_working_day(date(2026, 3, 13)) == mon
    assert previous_working_day(mon) == date(2026, 3, 13)
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 15)) == [
        date(2026, 3, 9) + timedelta(days=i) for i in range(5)
    ]


def test_next_and_previous_working_day_skip_national_day() -> None:
    assert next_working_day(date(2026, 9, 30)) == date(2026, 10, 8)
    assert next_working_day(date(2026, 10, 3)) == date(2026, 10, 8)
    assert previous_working_day(date(2026, 10, 8)) == date(2026, 9, 30)
    # strictly after/before, even from a working day
    assert next_working_day(date(2026, 10, 8)) == date(2026, 10, 9)
    assert previous_working_day(date(2026, 10, 9)) == date(2026, 10, 8)
    # the make-up Saturday is the next working day after Friday 10-09
    assert next_working_day(date(2026, 10, 9)) == date(2026, 10, 10)


def test_add_working_days_across_national_day() -> None:
    # 9-30 + 3: 10-01 … 10-07 are holidays; then 10-08 (Thu), 10-09 (Fri), 10-10 (make-up Sat)
    assert add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert add_working_days(date(2026, 9, 30), 4) == date(2026, 10, 12)  # Sunday 10-11 skipped
    # from a holiday: the day itself is not counted
    assert add_working_days(date(2026, 10, 1), 1) == date(2026, 10, 8)


def test_add_working_days_zero_and_weekend_start() -> None:
    assert add_working_days(date(2026, 9, 30), 0) == date(2026, 9, 30)  # working: itself
    assert add_working_days(date(2026, 10, 1), 0) == date(2026, 10, 8)  # holiday: next one
    assert add_working_days(date(2026, 3, 14), 0) == date(2026, 3, 16)  # Saturday: Monday
    assert add_working_days(date(2026, 3, 14), 1) == date(2026, 3, 16)  # Saturday + 1: Monday
    assert add_working_days(date(2026, 3, 14), 3) == date(2026, 3, 18)
    with pytest.raises(ValueError, match="n must be >= 0"):
        add_working_days(date(2026, 3, 14), -1)


def test_working_days_between_national_day_inclusive() -> None:
    got = working_days_between(date(2026, 9, 28), date(2026, 10, 11))
    assert got == [
        date(2026, 9, 28),
        date(2026, 9, 29),
        date(2026, 9, 30),
        date(2026, 10, 8),
        date(2026, 10, 9),
        date(2026, 10, 10),
    ]
    # both ends inclusive
    assert working_days_between(date(2026, 10, 10), date(2026, 10, 10)) == [date(2026, 10, 10)]
    assert working_days_between(date(2026, 10, 11), date(2026, 10, 11)) == []
    assert working_days_between(date(2026, 10, 9), date(2026, 10, 8)) == []


def test_datetime_is_accepted() -> None:
    assert not is_working_day(datetime(2026, 10, 1, 9, 30))
    assert next_working_day(datetime(2026, 9, 30, 18, 0)) == date(2026, 10, 8)
    assert holiday_name(datetime(2026, 10, 1, 9, 30)) == "国庆节"


def test_uncovered_year_falls_back_to_monday_to_friday() -> None:
    year = workdays.LAST_COVERED_YEAR + 1
    with pytest.raises(NotImplementedError):  # what the package itself does
        chinese_calendar.is_workday(date(year, 10, 1))
    oct1 = date(year, 10, 1)
    assert not calendar_covers(oct1)
    monday = oct1 + timedelta(days=-oct1.weekday())
    week = [monday + timedelta(days=i) for i in range(7)]
    assert [is_working_day(d) for d in week] == [True] * 5 + [False] * 2
    assert holiday_name(oct1) is None
    assert next_working_day(week[4]) == monday + timedelta(days=7)
    assert add_working_days(week[5], 1) == monday + timedelta(days=7)
    assert previous_working_day(monday + timedelta(days=7)) == week[4]
    # also before the first covered year
    assert is_working_day(date(2003, 10, 1))  # a Wednesday; National Day had no data then
    assert not is_working_day(date(2003, 10, 4))  # Saturday


def test_crossing_into_an_uncovered_year_does_not_crash() -> None:
    last = date(workdays.LAST_COVERED_YEAR, 12, 31)
    days = working_days_between(last - timedelta(days=3), last + timedelta(days=10))
    assert days and all(d.weekday() < 5 or calendar_covers(d) for d in days)
    assert add_working_days(last, 5) > last


def test_package_error_for_unknown_year_is_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_data(day: date) -> bool:
        raise NotImplementedError(f"no available data for year {day.year}")

    monkeypatch.setattr(chinese_calendar, "is_workday", no_data)
    assert is_working_day(date(2026, 10, 1))  # a Thursday: weekday fallback
    assert not is_working_day(date(2026, 10, 10))  # a Saturday: weekday fallback


def test_month_range_refuses_a_month_without_a_next() -> None:
    from fieldbook.core.errors import InvalidValue
    from fieldbook.core.workdays import month_range

    assert month_range("2026-12") == (date(2026, 12, 1), date(2026, 12, 31))
    with pytest.raises(InvalidValue):
        month_range("9999-12")
