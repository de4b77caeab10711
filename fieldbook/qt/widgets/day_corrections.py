"""更正记录 of a submitted work log: when, which section, old → new, and why (newest first);
and the box that shows a record's corrections (the weekly report's too)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.routine.daylog import LIST_SECTIONS, TEXT_SECTIONS
from fieldbook.qt.daylog_format import section_value_text
from fieldbook.qt.widgets.read_only_table import ReadOnlyTable
from fieldbook.qt.widgets.section_box import SectionBox

if TYPE_CHECKING:
    from fieldbook.core.store.audit import AuditRecord

translate = QCoreApplication.translate


def section_label(field: str) -> str:
    if field == "returned_at":  # the time back at the office (decision 0018)
        return translate("DayLogSections", "回到单位")
    name = field.removeprefix("sections.")
    labels = {**TEXT_SECTIONS, **LIST_SECTIONS}
    return translate("DayLogSections", labels[name]) if name in labels else name


def _value_text(field: str, value: object) -> str:
    """A corrected value in one line: a time as ``14:40``, a section as the section shows."""
    if field == "returned_at" and isinstance(value, str) and value:
        return value[11:16]  # "2026-11-30 14:40:00" → "14:40"
    return section_value_text(value)


class DayCorrections(ReadOnlyTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [self.tr("时间"), self.tr("部分"), self.tr("原内容 → 新内容"), self.tr("原因")],
            (96, 120, 0, 150),
            stretch=2,
            parent=parent,
        )
        self.setObjectName("dayCorrections")
        self.setAccessibleName(self.tr("更正记录"))
        self.entries: list[AuditRecord] = []

    def set_entries(self, entries: Sequence[AuditRecord]) -> None:
        self.entries = list(entries)
        shown = list(reversed(self.entries))
        self.setRowCount(len(shown))
        for n, entry in enumerate(shown):
            change = translate("DayCorrections", "{old} → {new}").format(
                old=_value_text(entry.field, entry.old_value),
                new=_value_text(entry.field, entry.new_value),
            )
            cells = (
                entry.at.strftime("%m-%d %H:%M"),
                section_label(entry.field),
                change,
                entry.reason,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(n, column, item)
        self.setVisible(bool(shown))
        rows = min(len(shown), 6)
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + max(rows, 1) * 26 + 2 * self.frameWidth() + 2)

    def rows_text(self) -> list[tuple[str, ...]]:
        return [
            tuple(self.item(r, c).text() for c in range(self.columnCount()))  # type: ignore[union-attr]
            for r in range(self.rowCount())
        ]


class CorrectionsBox(SectionBox):
    """更正记录 of a submitted record: the ``entries`` table, or ``empty_text`` while there are
    none."""

    def __init__(
        self, entries: DayCorrections, empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("更正记录"), parent)
        self.entries = entries
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("hintLabel")
        self.empty.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.entries)
        box.addWidget(self.empty)

    def show_entries(self, entries: Sequence[AuditRecord], *, shown: bool) -> None:
        """The record's corrections; the box ``shown`` or not (a draft has none to show)."""
        self.entries.set_entries(entries)
        self.empty.setVisible(not entries)
        self.setVisible(shown)
