"""How a work log reads as text, the same in its export and on the command line: the names of
its states, the order of its sections, a section's label and a section's value as one text."""

from __future__ import annotations

from typing import Any

from fieldbook.core.routine.daylog import LIST_SECTIONS, TEXT_SECTIONS

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
    """A section's value as one text (lists: one row a line)."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):
        return (
            "\n".join(row_text(name, r) if isinstance(r, dict) else str(r) for r in value)
            or "（空）"
        )
    return str(value)


def section_label(name: str) -> str:
    return TEXT_SECTIONS.get(name) or LIST_SECTIONS.get(name) or name
