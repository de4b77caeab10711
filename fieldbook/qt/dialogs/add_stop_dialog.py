"""添加客户: a quick customer picker for the day's plan — search as you type (the customers
search: code, name, owner, phone, pinyin initials), a note, Enter to add. Opened with
``open()``: nothing else is blocked for long and nothing typed elsewhere is lost."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.context import AppContext
from fieldbook.qt.widgets.form_fields import is_enter_press, line_edit
from fieldbook.qt.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from fieldbook.core.master.customers import CustomerRow

LIMIT = 50
ID_ROLE = Qt.ItemDataRole.UserRole


class AddStopDialog(QDialog):
    #: (customer id, note) the user chose.
    chosen = Signal(str, str)

    def __init__(
        self, ctx: AppContext, in_plan: Collection[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.in_plan = set(in_plan)
        self.setWindowTitle(self.tr("添加客户到计划"))
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(self.tr("搜索编码、名称、负责人、电话或拼音首字母"))
        self.search.setAccessibleName(self.tr("搜索客户"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("找到的客户"))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.note_edit = line_edit(
            200, self.tr("为什么今天去（可不填），如 店主来电要求"), height=32
        )
        form = QFormLayout()
        form.addRow(self.tr("备注"), self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("添加"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.search.search.connect(self.run_search)
        self.search.go_to_results.connect(self._go_to_results)
        self.results.itemDoubleClicked.connect(lambda _item: self.note_edit.setFocus())
        self.results.installEventFilter(self)
        self.results.currentItemChanged.connect(lambda *_: self._update())
        self.note_edit.returnPressed.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.run_search("")
        self.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the results picks the customer and goes on to the note (it must not
        # reach the dialog's default button and add the stop without its note).
        if watched is self.results and is_enter_press(event):
            if self.current_id() is not None:
                self.note_edit.setFocus()
            return True
        return super().eventFilter(watched, event)

    def run_search(self, text: str) -> None:
        self.ctx.ops.query(
            lambda j: j.customers.list(text, limit=LIMIT),
            self._show,
            key="plan.add_stop.search",
            what=self.tr("搜索客户"),
        )

    def _show(self, rows: list[CustomerRow]) -> None:
        self.results.clear()
        for row in rows:
            text = f"{row.shop_name}　{row.code}　{row.owner_name}　{row.route_name}"
            item = QListWidgetItem(text.strip())
            item.setData(ID_ROLE, row.id)
            if row.id in self.in_plan:
                item.setText(self.tr("{text}（已在计划中）").format(text=text.strip()))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            elif row.status != "active":
                item.setToolTip(self.tr("该客户不是正常营业状态"))
            self.results.addItem(item)
        self.count_label.setText(
            self.tr("找到 {n} 户").format(n=len(rows))
            if len(rows) < LIMIT
            else self.tr("只显示前 {n} 户，请输入更多字缩小范围").format(n=LIMIT)
        )
        for n in range(self.results.count()):
            if self.results.item(n).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.results.setCurrentRow(n)
                break
        self._update()

    def _go_to_results(self, by_enter: bool = False) -> None:
        """Enter with exactly one match takes it and goes on to the note."""
        if (
            by_enter
            and self.results.count() == 1
            and self.results.item(0).flags() & (Qt.ItemFlag.ItemIsEnabled)
        ):
            self.results.setCurrentRow(0)
            self.note_edit.setFocus()
            return
        self.results.setFocus()

    def current_id(self) -> str | None:
        item = self.results.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return item.data(ID_ROLE)

    def _update(self) -> None:
        self.ok_button.setEnabled(self.current_id() is not None)

    def accept(self) -> None:
        customer_id = self.current_id()
        if customer_id is None:
            self.search.setFocus()
            return
        self.chosen.emit(customer_id, self.note_edit.text().strip())
        super().accept()
