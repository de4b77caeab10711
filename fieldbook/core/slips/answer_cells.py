"""The cells of a slip register sent back: a delivery state (name or code), a department
(name or code), a 处理时间 (a date, a datetime, an Excel serial number or text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from fieldbook.core.errors import InvalidValue
from fieldbook.core.slips.deliveries import RETURNED
from fieldbook.core.slips.rules import department_code, slip_rules
from fieldbook.core.text import clean_text

_DATETIME_RE = re.compile(
    r"(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})\D{0,2}?(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?"
)


def _state_codes() -> dict[str, str]:
    """Name or code → state code."""
    states = slip_rules().states
    codes = {name: code for code, name in states.items()}
    codes.update({code: code for code in states})
    codes.update({"已退回": RETURNED, "落实": "done", "已办结": "done"})
    return codes


def parse_state(value: object) -> str | None:
    text = clean_text(value).replace(" ", "")
    if not text:
        return None
    code = _state_codes().get(text) or _state_codes().get(text.lower())
    if code is None:
        names = [n for c, n in slip_rules().states.items() if c != "pending"]
        raise InvalidValue("unknown_slip_state", value=text, allowed=names)
    return code


def parse_state_lenient(value: object) -> str | None:
    try:
        return parse_state(value)
    except InvalidValue:
        return None


def parse_department(value: object) -> str:
    text = clean_text(value)
    return department_code(text) if text else ""


@dataclass(frozen=True)
class When:
    at: datetime
    has_time: bool


def parse_when(value: object) -> When | None:
    """A 处理时间 cell: a date/datetime cell, an Excel serial number, or text such as
    2026-12-01 09:30, 2026/12/1 9:30 or 2026年12月1日 9时30分 (a date alone has no time)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return When(value.replace(microsecond=0, tzinfo=None), True)
    if isinstance(value, date):
        return When(datetime.combine(value, time()), False)
    if isinstance(value, int | float) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        if 1 <= value < 2958466:
            moment = from_excel(value)
            if isinstance(moment, datetime):
                return When(moment.replace(microsecond=0), value != int(value))
        raise InvalidValue("datetime_format", value=clean_text(value))
    text = clean_text(value).replace("时", ":").replace("分", "").replace("秒", "")
    if not text:
        return None
    found = _DATETIME_RE.fullmatch(text.strip())
    if found is None:
        raise InvalidValue("datetime_format", value=clean_text(value))
    year, month, day, hour, minute, second = found.groups()
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        raise InvalidValue("datetime_format", value=clean_text(value)) from None
    return When(moment, hour is not None)


def same_text(a: str, b: str) -> bool:
    """Equal but for width, spacing and line breaks (not a conflict)."""
    return clean_text(a).replace(" ", "") == clean_text(b).replace(" ", "")
