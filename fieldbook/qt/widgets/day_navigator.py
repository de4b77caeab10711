"""A page's top line for a day: its heading, ◀ date ▶ 今天 (previous/next working day, back to
today), and the day in words after them (the plan page: the date and its routes)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class DayNavigator(QWidget):
    #: ◀ (the previous working day).
    previous = Signal()
    #: ▶ (the next working day).
    next = Signal()
    #: 今天.
    today = Signal()
    #: A date picked in the calendar.
    picked = Signal(object)

    def __init__(self, title: QLabel, date_name: str, parent: QWidget | None = None) -> None:
        """``title``: the page's heading; ``date_name``: what the date box is called (for
        screen readers)."""
        super().__init__(parent)
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        self.heading = title
        top.addWidget(self.heading)
        top.addSpacing(16)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("上一个工作日（Alt+←）"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumHeight(30)
        self.date_edit.setAccessibleName(date_name)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("下一个工作日（Alt+→）"))
        self.today_button = QPushButton(self.tr("今天"))
        self.today_button.setToolTip(self.tr("回到今天（Alt+Home）"))
        for w in (self.prev_button, self.date_edit, self.next_button, self.today_button):
            top.addWidget(w)
        self.day_label = QLabel()
        self.day_label.setObjectName("summaryLine")
        top.addSpacing(10)
        top.addWidget(self.day_label, 1)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.today_button.clicked.connect(self.today)
        self.date_edit.dateChanged.connect(self._date_picked)

    def show_day(self, day: date) -> None:
        """Show ``day`` in the date box (without emitting ``picked``)."""
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)

    def show_title(self, heading: str, day_text: str) -> None:
        self.heading.setText(heading)
        self.day_label.setText(day_text)

    def _date_picked(self, value: QDate) -> None:
        self.picked.emit(date(value.year(), value.month(), value.day()))
