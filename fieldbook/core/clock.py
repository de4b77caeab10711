"""Local wall-clock time. Visits, plans and logs are about the user's working day (Asia/Shanghai
for the users), so the core stores naive local times; tests pass explicit times instead of
patching the clock."""

from __future__ import annotations

from datetime import date, datetime


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def today() -> date:
    return now().date()
