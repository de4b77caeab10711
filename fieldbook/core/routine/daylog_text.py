"""How a work log reads as text, the same in its export and on the command line: the names of
its states, the order of its sections, a section's label and a section's value as one text,
the day's times against their standards (``time_facts``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldbook.core.routine.daylog import LIST_SECTIONS, TEXT_SECTIONS, DayFacts
from fieldbook.core.routine.plan import plan_rules

#: The log's one field outside its sections a correction can change: the time back at the office.
RETURNED_AT = "returned_at"
#: The states of a work log (and of a week report, which has the same three before review).
STATUS_NAMES = {"none": "草稿（尚未填写）", "draft": "草稿", "submitted": "已提交"}
# The order of the day: 15:00 orders and log, 15:40 maintenance, next day, 16:00 meeting.
SECTION_ORDER = (
    "phone_staff",
    "indicator_analysis",
    "problems",
    "escalations",
    "customer_maintenance",
    "mutual_control",
    "supply_info",
    "tomorrow",
    "meeting_notes",
)


def row_text(name: str, row: dict[str, Any]) -> str:
    """One row of a list section as one line."""
    if name == "mutual_control":
        return f"{row.get('customer_code', '')} {row.get('type', '')}：{row.get('text', '')}"
    if name == "supply_info":
        return f"{row.get('sku', '')}：{row.get('note', '')}"
    return str(row.get("text", row.get("note", "")))


def section_text(name: str, value: Any) -> str:
    """A section's value as one text (lists: one row a line; 回到单位 as ``14:40``)."""
    if value is None or value == "":
        return "（空）"
    if name == RETURNED_AT and isinstance(value, str):
        return value[11:16]
    if isinstance(value, list):
        return (
            "\n".join(row_text(name, r) if isinstance(r, dict) else str(r) for r in value)
            or "（空）"
        )
    return str(value)


def section_label(name: str) -> str:
    if name == RETURNED_AT:
        return "回到单位"
    return TEXT_SECTIONS.get(name) or LIST_SECTIONS.get(name) or name


@dataclass(frozen=True)
class TimeFact:
    """One of the day's times against its standard, as the export and the CLI word it
    (decision 0018): ``到达片区 07:41 | 标准 07:30 | 晚 11 分钟``."""

    key: str
    label: str
    value: str
    standard: str
    verdict: str
    ok: bool


def _clock(off: int | None, late: str, early: str) -> tuple[str, bool]:
    if off is None:
        return "无记录", True
    if off > 0:
        return f"{late} {off} 分钟", False
    return (f"{early} {-off} 分钟" if off < 0 else "准时"), True


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}小时{rest}分" if rest else f"{hours}小时"


def time_facts(facts: DayFacts) -> list[TimeFact]:
    """到达片区 (vs 07:30), 在片区工作时间 (vs 5 h), 户均分钟 (vs 10), 回到单位 (vs 15:00;
    Thursday 14:00). A log submitted before the standards were kept is judged by the rules."""
    rules = plan_rules()
    arrive_by = facts.arrive_by or rules.arrive_in_area.strftime("%H:%M")
    back_by = facts.back_by or rules.back_by(facts.day).strftime("%H:%M")
    field_std = facts.field_standard or rules.field_minutes_on(facts.day)
    arrival = _clock(facts.start_late_minutes, "晚", "早")
    if facts.field_minutes is None:
        field, field_value = ("无记录", True), "—"
    else:
        short = field_std - facts.field_minutes
        field = (f"少 {short} 分钟", False) if short > 0 else ("达标", True)
        field_value = (
            f"{_hours(facts.field_minutes)}（{facts.first_arrival}–{facts.last_departure}）"
        )
    if facts.average_minutes is None:
        average, average_value = ("无记录", True), "—"
    else:
        low = facts.average_minutes < rules.minutes_per_shop
        average = ("偏短", False) if low else ("达标", True)
        average_value = f"{facts.average_minutes:g} 分钟"
    back = _clock(facts.return_late_minutes, "晚", "早") if facts.returned_at else ("未记录", False)
    return [
        TimeFact("first_arrival", "到达片区", facts.first_arrival or "—", arrive_by, *arrival),
        TimeFact("field_time", "在片区工作时间", field_value, _hours(field_std), *field),
        TimeFact("average", "户均分钟", average_value, f"{rules.minutes_per_shop} 分钟", *average),
        TimeFact("returned", "回到单位", facts.returned_at or "—", back_by, *back),
    ]
