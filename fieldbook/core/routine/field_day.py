"""The first day in the field after setting up (the welcome's import or demo data).

Setting up is done before going out: the first field day is today when today is a working day
(China's calendar: ``workdays``) and its field day has not ended yet (back at the office:
``back_by`` of plan.toml), else the next working day — never a weekend or an official
holiday. A Friday afternoon's setup starts on Monday; the evening before the National Day
holiday's, on the first day after it.
"""

from __future__ import annotations

from datetime import date, datetime

from fieldbook.core import workdays
from fieldbook.core.routine.plan import plan_rules


def first_field_day(now: datetime) -> date:
    """The first working day whose field work is still ahead at ``now``."""
    today = now.date()
    if workdays.is_working_day(today) and now.time() < plan_rules().back_by(today):
        return today
    return workdays.next_working_day(today)
