"""修改记录: the audit trail of one finished visit — when, which field, old → new, and why —
newest first, beside the visit it corrects."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldbook.core.routine.checklist_names import checklist_names
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.widgets.history_pane import HistoryPane
from fieldbook.qt.widgets.visit_history import answer_text

if TYPE_CHECKING:
    from fieldbook.core.routine.checklist import Checklist, Item
    from fieldbook.core.store.audit import AuditRecord

translate = QCoreApplication.translate
TIME_FIELDS = {"arrived_at": "到店时间", "left_at": "离店时间"}


def _t(text: str) -> str:
    return translate("RecordHistory", text)


def field_label(field: str, checklist: Checklist | None) -> str:
    if field in TIME_FIELDS:
        return _t(TIME_FIELDS[field])
    if field.startswith("photos."):  # a photo added to or removed from a finished visit
        return _t("店面照片")
    if field.startswith("answers.") and checklist is not None:
        item_id = field.removeprefix("answers.")
        return checklist_names(checklist, ui_language()).item(item_id)  # unknown: the id
    return field


def value_text(field: str, value: Any, checklist: Checklist | None = None) -> str:
    if value is None or value == "" or value == []:
        return _t("（空）")
    if field in TIME_FIELDS and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).strftime("%H:%M")
        except ValueError:
            return value
    item = _item(field, checklist)
    if checklist is not None and item is not None:
        return answer_text(value, item, checklist_names(checklist, ui_language()))
    return answer_text(value)


def _item(field: str, checklist: Checklist | None) -> Item | None:
    """The checklist item an ``answers.<id>`` field records (None: another field, or an item
    of another template version)."""
    if checklist is None or not field.startswith("answers."):
        return None
    item_id = field.removeprefix("answers.")
    return next((i for i in checklist.items if i.id == item_id), None)


def entry_html(entry: AuditRecord, checklist: Checklist | None) -> str:
    label = field_label(entry.field, checklist)
    change = _t("{old} → {new}").format(
        old=value_text(entry.field, entry.old_value, checklist),
        new=value_text(entry.field, entry.new_value, checklist),
    )
    return (
        f"<b>{html.escape(entry.at.strftime('%m-%d %H:%M'))}</b>　{html.escape(label)}<br>"
        f"{html.escape(change)}<br>"
        f"<span style='color:#5b6472'>{html.escape(_t('原因：') + entry.reason)}</span>"
    )


class RecordHistory(HistoryPane):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("recordHistory", parent)
        self.entries: list[AuditRecord] = []

    def set_entries(self, entries: Sequence[AuditRecord], checklist: Checklist | None) -> None:
        self.entries = list(entries)
        self.show_entries(
            (entry_html(e, checklist) for e in reversed(self.entries)),
            _t("还没有修改记录。完成后的更正会连同原因记在这里。"),
        )
