"""修改记录 of a customer: the audit trail of its licence number, status, grade, route and
order day (and what a completed slip or a move to another manager changed) — when, which
field, before → after, and why — newest first. Also the wording of those fields and values
for the department's list of changes made outside a slip."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.qt.formatting import weekday_long_names
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.widgets.history_pane import HistoryPane

if TYPE_CHECKING:
    from fieldbook.core.store.audit import AuditRecord

translate = QCoreApplication.translate


def field_label(field: str) -> str:
    """A customer field as people call it."""
    labels = {
        "licence_no": translate("CustomerHistory", "许可证号"),
        "status": translate("CustomerHistory", "经营状态"),
        "grade": translate("CustomerHistory", "档位"),
        "route": translate("CustomerHistory", "线路"),
        "route_id": translate("CustomerHistory", "线路"),
        "route_position": translate("CustomerHistory", "线路顺序"),
        "order_weekday": translate("CustomerHistory", "订货日"),
        "suspended_until": translate("CustomerHistory", "恢复营业日期"),
        "manager": translate("CustomerHistory", "客户经理"),
        "created": translate("CustomerHistory", "新增客户"),
    }
    return labels.get(field, field)


def value_text(field: str, value: Any) -> str:
    """A stored value as shown: a status by name, an order day as a weekday."""
    if value is None or value == "":
        return translate("CustomerHistory", "（空）")
    if field == "status":
        return vocabulary().status_name(str(value), ui_language())
    if field == "order_weekday" and str(value).isdigit() and 1 <= int(value) <= 7:
        return weekday_long_names()[int(value)]
    return str(value)


def change_text(field: str, old: Any, new: Any) -> str:
    return translate("CustomerHistory", "{old} → {new}").format(
        old=value_text(field, old), new=value_text(field, new)
    )


def entry_html(entry: AuditRecord) -> str:
    reason = translate("CustomerHistory", "原因：") + entry.reason
    return (
        f"<b>{html.escape(entry.at.strftime('%Y-%m-%d %H:%M'))}</b>　"
        f"{html.escape(field_label(entry.field))}<br>"
        f"{html.escape(change_text(entry.field, entry.old_value, entry.new_value))}<br>"
        f"<span style='color:#5b6472'>{html.escape(reason)}</span>"
    )


class CustomerHistory(HistoryPane):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("customerHistory", parent)
        self.entries: list[AuditRecord] = []

    def set_entries(self, entries: Sequence[AuditRecord]) -> None:
        self.entries = list(entries)
        self.show_entries(
            (entry_html(e) for e in reversed(self.entries)),
            self.tr(
                "还没有修改记录。许可证号、经营状态、档位、线路和订货日的修改会连同原因记在这里。"
            ),
        )
