"""A titled section of the work log and week pages (当天情况, 经济指标, 更正记录, 本周数据, ...):
a group box with the pages' section look (``#daySection`` in their style sheet)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QWidget


class SectionBox(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("daySection")
