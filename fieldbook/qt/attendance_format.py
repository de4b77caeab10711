"""How 出勤 is worded on screen: a day's attendance kind (请假 with its type, 会议, 培训, 其他公务)
or 未说明, in the interface language (the names are ``schema/reference/attendance.toml`` and its
``.en.toml``: decision 0016)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from fieldbook.core.display_names import display_name
from fieldbook.core.routine.attendance import UNEXPLAINED, attendance_rules
from fieldbook.qt.formatting import listing, short_date
from fieldbook.qt.i18n import ui_language


def kind_name(kind: str) -> str:
    """``请假``, ``会议``, ``未说明`` (``Leave`` …)."""
    rules = attendance_rules()
    chinese = rules.unexplained if kind == UNEXPLAINED else rules.kinds.get(kind, kind)
    return display_name("attendance.kinds", kind, ui_language(), chinese)


def leave_type_name(code: str) -> str:
    """``病假`` (``Sick leave``)."""
    rules = attendance_rules()
    return display_name("attendance.leave_types", code, ui_language(), rules.leave_types.get(code))


def mark_text(kind: str, leave_type: str = "") -> str:
    """``请假（病假）``, ``会议``, ``未说明``; empty for a field day."""
    if not kind:
        return ""
    name = kind_name(kind)
    if not leave_type:
        return name
    typed = leave_type_name(leave_type)
    return f"{name}（{typed}）" if ui_language() != "en" else f"{name} ({typed})"


def marked_days_text(days: Iterable[tuple[date, str, str]]) -> str:
    """``12月3日 请假（病假）、12月4日 未说明``: (day, kind, leave type) of the marked days."""
    return listing(f"{short_date(d)} {mark_text(k, t)}" for d, k, t in days)
