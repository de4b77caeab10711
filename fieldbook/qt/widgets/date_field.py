"""A date typed as text (2026-12-01, 2026/12/1, 2026年12月1日), empty allowed, with a 今天
button. Unlike a QDateEdit it can be empty, so "required" means something."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.xlsx.importing import parse_date


class DateField(QWidget):
    changed = Signal()

    def __init__(
        self,
        field: str,
        today: Callable[[], date] = clock.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self._today = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("如 2026-12-01"))
        self.edit.setMaxLength(20)
        self.edit.setMinimumHeight(30)
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("今天"))
        self.today_button.setToolTip(self.tr("填入今天的日期"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.today_button)
        self.today_button.clicked.connect(lambda: self.set_value(self._today()))
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def value(self) -> date | None:
        """The date typed, None when empty; InvalidValue("date_format") when not a date."""
        text = self.text()
        if not text:
            return None
        try:
            return parse_date(text)
        except InvalidValue:
            raise InvalidValue("date_format", field=self.field, value=text) from None

    def set_value(self, day: date | None) -> None:
        self.edit.setText(day.isoformat() if day is not None else "")

    def setAccessibleName(self, name: str) -> None:
        self.edit.setAccessibleName(name)
