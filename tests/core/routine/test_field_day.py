"""The first field day after setting up: today while its field day is ahead, else the next
working day on China's calendar (never a weekend or a holiday)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core.routine.field_day import first_field_day


@pytest.mark.parametrize(
    ("now", "day"),
    [
        (datetime(2026, 12, 4, 8, 10), date(2026, 12, 4)),  # Friday morning: today
        (datetime(2026, 12, 4, 16, 30), date(2026, 12, 7)),  # Friday after 15:00: Monday
        (datetime(2026, 12, 5, 9, 0), date(2026, 12, 7)),  # Saturday: Monday
        (datetime(2026, 9, 30, 17, 0), date(2026, 10, 8)),  # before National Day: after it
        (datetime(2026, 10, 3, 9, 0), date(2026, 10, 8)),  # in the holiday
    ],
)
def test_first_field_day(now: datetime, day: date) -> None:
    assert first_field_day(now) == day
