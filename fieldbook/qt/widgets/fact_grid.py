"""Caption · value lines (the work log's 当天情况, the week's 本周数据): a line is made the first
time its key is shown and kept, so a reload only changes texts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


class FactGrid(QGridLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(5)
        self.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}

    def line(self, row: int, key: str, caption: str) -> QLabel:
        """The value label of ``key`` (at ``row`` when new), its caption set to ``caption``."""
        if key not in self.values:
            title = QLabel()
            title.setObjectName("factTitle")
            value = QLabel()
            value.setObjectName("factValue")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            self.addWidget(value, row, 1)
            self.captions[key], self.values[key] = title, value
        self.captions[key].setText(caption)
        return self.values[key]
