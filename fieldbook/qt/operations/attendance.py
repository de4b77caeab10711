"""What the 出勤 bar hands to the DB worker: a day's attendance entry, set or cleared."""

from __future__ import annotations

from datetime import date

from fieldbook.core.journal import Journal
from fieldbook.core.routine.attendance import DayMark


def attendance_of(j: Journal, day: date) -> DayMark | None:
    return j.attendance.get(day)


def set_attendance(j: Journal, day: date, kind: str, leave_type: str, note: str) -> DayMark:
    return j.attendance.set(day, kind, leave_type=leave_type, note=note)


def clear_attendance(j: Journal, day: date) -> None:
    j.attendance.clear(day)
