"""未订货客户 (the day's due customers who did not order, and why), each actionable: a
follow-up for the next visit (明日跟进) or a 不订货 feedback slip, from the selected row's
buttons or its context menu. The page opens the dialogs (``daylog_non_orderers``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.widgets.read_only_table import ReadOnlyTable


class NonOrderersBox(QWidget):
    #: the chosen row (customer_id, code, shop_name, reason): a follow-up for the next visit
    followup_requested = Signal(object)
    #: the chosen row: a 不订货 slip, prefilled
    slip_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Mapping[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("sectionLabel")
        self.title.setToolTip(self.tr("应订货客户中当天没有订单的户；原因来自近 7 天的走访记录"))
        layout.addWidget(self.title)
        self.table = ReadOnlyTable(
            [self.tr("客户编码"), self.tr("客户"), self.tr("原因")], (120, 150)
        )
        self.table.setAccessibleName(self.tr("未订货客户"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.followup_button = QPushButton(self.tr("明日跟进…"))
        self.followup_button.setToolTip(
            self.tr("为选中的客户记一条跟踪事项：下次走访时问清不订货的原因")
        )
        self.slip_button = QPushButton(self.tr("不订货反馈单…"))
        self.slip_button.setToolTip(self.tr("为选中的客户填写不订货反馈单（预先填好）"))
        buttons.addWidget(self.followup_button)
        buttons.addWidget(self.slip_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.followup_button.clicked.connect(lambda: self._request(self.followup_requested))
        self.slip_button.clicked.connect(lambda: self._request(self.slip_requested))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.rows = list(rows)
        self.title.setText(self.tr("未订货客户（{n} 户）").format(n=len(rows)))
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            reason = row.get("reason") or self.tr("—")
            for column, text in enumerate((row.get("code", ""), row.get("shop_name", ""), reason)):
                item = QTableWidgetItem(str(text))
                if column == 2:
                    item.setToolTip(str(text))
                self.table.setItem(n, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(rows))
        for button in (self.followup_button, self.slip_button):
            button.setVisible(bool(rows))
        shown = min(len(rows), 8)
        self.table.setFixedHeight(
            header.sizeHint().height() + max(shown, 1) * 26 + 2 * self.table.frameWidth() + 2
        )
        self._update_buttons()

    def current(self) -> Mapping[str, Any] | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.rows[row] if selected and 0 <= row < len(self.rows) else None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None and bool(self.current_id())
        self.followup_button.setEnabled(chosen)
        self.slip_button.setEnabled(chosen)

    def current_id(self) -> str:
        row = self.current()
        return str(row.get("customer_id") or "") if row is not None else ""

    def _request(self, signal: Any) -> None:
        row = self.current()
        if row is not None and self.current_id():
            signal.emit(dict(row))

    def _menu(self, at: QPoint) -> QMenu | None:
        index = self.table.indexAt(at)
        if not index.isValid():
            return None
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.followup_button.text(), lambda: self._request(self.followup_requested))
        menu.addAction(self.slip_button.text(), lambda: self._request(self.slip_requested))
        menu.popup(self.table.viewport().mapToGlobal(at))
        return menu
