"""Choose one customer inside a form: the customers search as you type (code, name, owner,
phone, pinyin initials) and a short result list. Enter or a double-click on a result chooses
it and moves on (``chosen``); the search then folds away to one line — the chosen shop and
更换 to search again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.context import AppContext
from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.form_fields import is_enter_press
from fieldbook.qt.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from fieldbook.core.master.customers import CustomerRow

LIMIT = 30
ID_ROLE = Qt.ItemDataRole.UserRole


def customer_text(row: CustomerRow) -> str:
    return f"{row.shop_name}（{row.code}）"


class CustomerPicker(QWidget):
    #: The chosen customer's id (after Enter / double-click / a click on a result).
    chosen = Signal(str)

    _count = 0

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        CustomerPicker._count += 1
        self._key = f"customer_picker.{CustomerPicker._count}"
        self.customer_id: str | None = None
        self.customer_label_text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(self.tr("搜索编码、名称、负责人、电话或拼音首字母"))
        self.search.setAccessibleName(self.tr("搜索客户"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("找到的客户"))
        self.results.setMaximumHeight(118)
        self.chosen_label = QLabel(self.tr("还没有选择客户"))
        self.chosen_label.setObjectName("chosenCustomer")
        self.chosen_label.setWordWrap(True)
        self.change_button = QPushButton(self.tr("更换…"))
        self.change_button.setAutoDefault(False)
        self.change_button.setToolTip(self.tr("重新搜索，选择另一个客户"))
        self.change_button.hide()
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen_label, 1)
        chosen_row.addWidget(self.change_button)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addLayout(chosen_row)
        self.change_button.clicked.connect(self.expand)
        self.search.search.connect(self.run_search)
        self.search.go_to_results.connect(self._go_to_results)
        self.results.itemClicked.connect(self._take)
        self.results.itemDoubleClicked.connect(self._take_and_go)
        self.results.installEventFilter(self)
        self.setFocusProxy(self.search)
        self._loaded = False

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        if not self._loaded:
            self._loaded = True
            self.run_search(self.search.text())
        super().showEvent(event)  # type: ignore[arg-type]

    def run_search(self, text: str) -> None:
        self.ctx.ops.query(
            lambda j: j.customers.list(text, limit=LIMIT),
            self._show,
            key=self._key,
            what=self.tr("搜索客户"),
        )

    def _show(self, rows: list[CustomerRow]) -> None:
        self.results.clear()
        for row in rows:
            text = f"{row.shop_name}　{row.code}　{row.owner_name}　{row.route_name}".strip()
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, (row.id, customer_text(row)))
            if row.status != "active":
                item.setToolTip(self.tr("该客户不是正常营业状态"))
            self.results.addItem(item)
            if row.id == self.customer_id:
                self.results.setCurrentItem(item)

    def _go_to_results(self, by_enter: bool = False) -> None:
        if by_enter and self.results.count() == 1:  # the one match: taken, and on
            self._take_and_go(self.results.item(0))
            return
        if self.results.count():
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            self.results.setFocus()

    def _take(self, item: QListWidgetItem) -> None:
        customer_id, text = item.data(ID_ROLE)
        self.set_customer(customer_id, text)

    def _take_and_go(self, item: QListWidgetItem) -> None:
        self._take(item)
        self.collapse()
        self.chosen.emit(self.customer_id or "")

    def collapse(self) -> None:
        """Only the chosen shop and 更换… (after a choice)."""
        if self.customer_id is None:
            return
        self.search.hide()
        self.results.hide()
        self.change_button.show()
        self.setFocusProxy(self.change_button)

    def expand(self) -> None:
        """Search again."""
        self.search.show()
        self.results.show()
        self.change_button.hide()
        self.setFocusProxy(self.search)
        self.search.setFocus()
        self.search.selectAll()

    def is_collapsed(self) -> bool:
        return self.search.isHidden()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.results and is_enter_press(event):
            item = self.results.currentItem()
            if item is not None:
                self._take_and_go(item)
            return True  # never the dialog's default button
        return super().eventFilter(watched, event)

    def set_customer(self, customer_id: str | None, text: str = "") -> None:
        self.customer_id = customer_id
        self.customer_label_text = text
        if customer_id is None:
            self.chosen_label.setText(self.tr("还没有选择客户"))
        else:
            self.chosen_label.setText(self.tr("已选择：{shop}").format(shop=text))
            self.chosen_label.setToolTip(text)

    def choose(self, customer_id: str) -> None:
        """Choose a customer by id (the name is read through the worker)."""

        def show(row: CustomerRow) -> None:
            self.set_customer(row.id, customer_text(row))

        self.set_customer(customer_id, "…")
        self.collapse()
        self.ctx.ops.query(lambda j: j.customers.get(customer_id), show, key=self._key + ".get")

    def set_invalid(self, invalid: bool) -> None:
        self.search.setProperty("invalid", invalid)
        repolish(self.search)
