"""Corrections of a submitted weekly report: the bar asking for the reason (保存更正) and
更正记录 (when, which field, old → new, why; newest first), as for the work log."""

from __future__ import annotations

from typing import Any

from fieldbook.qt.widgets.day_corrections import DayCorrections
from fieldbook.qt.widgets.week_editors import field_label, field_text


class WeekCorrections(DayCorrections):
    """更正记录 of a weekly report: the same table, the week's field names and values."""

    def set_entries(self, entries: Any) -> None:
        super().set_entries(entries)
        for row, entry in enumerate(reversed(list(entries))):
            change = f"{field_text(entry.old_value)} → {field_text(entry.new_value)}"
            for column, text in ((1, field_label(entry.field)), (2, change)):
                item = self.item(row, column)
                if item is not None:
                    item.setText(text)
                    item.setToolTip(text)
