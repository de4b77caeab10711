"""The carried-over customers that did not fit into the day's plan (未排入的顺延客户), with 添加
(or Enter in the list) to put the selected one in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SHOWN_ROWS = 3


class WaitingBox(QWidget):
    #: Add the selected customer: (customer id, note).
    add_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("sectionLabel")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("未排入的顺延客户"))
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setToolTip(self.tr("把选中的顺延客户加入计划（或在列表中按 Enter）"))
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()
        self.add_button.clicked.connect(self.add_current)
        self.list.itemActivated.connect(lambda _i: self.add_current())

    def show_waiting(self, waiting: tuple[tuple[str, str, str], ...], *, has_plan: bool) -> None:
        """(customer id, shop, note) of each customer waiting; shown only beside a plan."""
        self.list.clear()
        for customer_id, shop, note in waiting:
            item = QListWidgetItem(f"{shop}　{note}")
            item.setData(Qt.ItemDataRole.UserRole, (customer_id, note))
            self.list.addItem(item)
        self.label.setText(self.tr("未排入的顺延客户（{n}）").format(n=len(waiting)))
        self.setVisible(bool(waiting) and has_plan)
        if waiting:
            self.list.setCurrentRow(0)
            rows = min(len(waiting), SHOWN_ROWS)
            height = self.list.sizeHintForRow(0) * rows
            self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 4)

    def add_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        customer_id, note = item.data(Qt.ItemDataRole.UserRole)
        self.add_requested.emit(customer_id, note)
