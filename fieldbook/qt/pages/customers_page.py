"""客户: search as you type (codes, names, owner, phone, licence, pinyin initials), edit,
import the company's customer list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from fieldbook.qt.context import AppContext
from fieldbook.qt.models.customer_table_model import CustomerTableModel
from fieldbook.qt.pages.base import Page, page_layout
from fieldbook.qt.widgets.search_box import SearchBox
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.master.customers import CustomerRow

TOPICS = frozenset({"customers", "routes"})


class CustomersPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.tr("客户"))

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(
            self.tr("搜索编码、名称、负责人、电话、许可证号或拼音首字母（如 zxbl）  Ctrl+F")
        )
        self.search.setAccessibleName(self.tr("搜索客户"))
        bar.addWidget(self.search, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setMinimumWidth(90)
        bar.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("新增客户"))
        self.new_button.setToolTip(self.tr("新增一个客户（Ctrl+N）"))
        self.new_button.setShortcut("Ctrl+N")
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setToolTip(self.tr("编辑选中的客户（Enter）"))
        self.import_button = QPushButton(self.tr("导入客户名单…"))
        for button in (self.new_button, self.edit_button, self.import_button):
            button.setMinimumHeight(34)
            bar.addWidget(button)
        layout.addLayout(bar)

        self.model = CustomerTableModel(self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        self.table.setAccessibleName(self.tr("客户列表"))
        layout.addWidget(self.table, 1)

        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.import_button)

        self.query = ""
        self._select_id: str | None = None
        self.search.search.connect(self.run_search)
        self.search.go_to_results.connect(self._go_to_results)
        self.table.open_requested.connect(self._open_row)
        self.new_button.clicked.connect(self.new_customer)
        self.edit_button.clicked.connect(self.edit_current)
        self.import_button.clicked.connect(self.import_list)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.hub.changed.connect(self._changed)
        self._update_buttons()
        self.reload()

    # --- loading ----------------------------------------------------------------------------
    def run_search(self, text: str) -> None:
        self.query = text
        self.reload()

    def reload(self) -> None:
        query = self.query
        self.ctx.ops.query(
            lambda j: j.customers.list(query),
            lambda rows: self._loaded(query, rows),
            key="customers.list",
            what=self.tr("读取客户"),
        )

    def _loaded(self, query: str, rows: list[CustomerRow]) -> None:
        keep = self._select_id or self._current_id()
        self.model.set_rows(rows)
        if query:
            self.count_label.setText(self.tr("找到 {n} 户").format(n=len(rows)))
        else:
            self.count_label.setText(self.tr("共 {n} 户").format(n=len(rows)))
        row = self.model.row_of(lambda r: r.id == keep) if keep else -1
        self.table.select_row(row if row >= 0 else 0)
        self._select_id = None
        self._update_buttons()
        self.mark_ready()

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & TOPICS:
            self.reload()

    def _current_id(self) -> str | None:
        row = self.model.row_at(self.table.current_row())
        return row.id if row is not None else None

    # --- keyboard -----------------------------------------------------------------------------
    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    def activated(self) -> None:
        self.search.setFocus()

    def _go_to_results(self) -> None:
        if self.model.rowCount() and self.table.current_row() < 0:
            self.table.select_row(0)
        self.table.setFocus()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.table.current_row() >= 0)

    # --- actions ------------------------------------------------------------------------------
    def _open_row(self, row: int) -> None:
        customer = self.model.row_at(row)
        if customer is not None:
            self.open_dialog(customer)

    def edit_current(self) -> None:
        self._open_row(self.table.current_row())

    def new_customer(self) -> None:
        self.open_dialog(None)

    def open_dialog(self, customer: CustomerRow | None) -> QWidget:
        from fieldbook.qt.dialogs.customer_dialog import CustomerDialog

        dialog = CustomerDialog(self.ctx, customer, self)
        dialog.saved.connect(lambda row: setattr(self, "_select_id", row.id))
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.open()
        return dialog

    def import_list(self) -> QWidget:
        from fieldbook.qt.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, "customers", self)
        dialog.open()
        dialog.choose_file()
        return dialog
