"""客户: search as you type (codes, names, owner, phone, licence, pinyin initials), edit,
import the company's customer list, export the selected customer's file (一户一档)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from fieldbook.core.master.customers import CustomerRow
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.customer_dialog import CustomerDialog
from fieldbook.qt.models.customer_table_model import CustomerTableModel
from fieldbook.qt.operations.master import export_customer_file, list_customers
from fieldbook.qt.pages.list_page import ListPage, ListSource, ListTexts
from fieldbook.qt.printing.form_printing import Form, FormPrinting
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx

TOPICS = frozenset({"customers", "routes"})

SOURCE: ListSource[CustomerRow] = ListSource(
    load=list_customers, topics=TOPICS, key="customers.list", import_kind="customers"
)


class CustomersPage(ListPage[CustomerRow]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        texts = ListTexts(
            title=self.tr("客户"),
            placeholder=self.tr(
                "搜索编码、名称、负责人、电话、许可证号或拼音首字母（如 zxbl）  Ctrl+F"
            ),
            search_name=self.tr("搜索客户"),
            new=self.tr("新增客户"),
            new_tip=self.tr("新增一个客户（Ctrl+N）"),
            edit=self.tr("编辑"),
            edit_tip=self.tr("编辑选中的客户（Enter）"),
            import_=self.tr("导入客户名单…"),
            table_name=self.tr("客户列表"),
            reading=self.tr("读取客户"),
        )
        super().__init__(ctx, texts, CustomerTableModel(), SOURCE, parent)
        self.file_button = QPushButton(self.tr("一户一档…"))
        self.file_button.setObjectName("customerFileButton")
        self.file_button.setToolTip(
            self.tr("导出选中客户的档案：客户资料与修改记录、走访、按月订货、反馈单、抽查")
        )
        self.file_button.setMinimumHeight(34)
        self.bar.addWidget(self.file_button)
        self.printing = FormPrinting(self, ctx, self._printable)
        self.bar.addWidget(self.printing.button)
        self.setTabOrder(self.import_button, self.file_button)
        self.setTabOrder(self.file_button, self.printing.button)
        self.file_button.clicked.connect(self.choose_file_for_customer)
        self._update_buttons()
        self._file_dialog: QFileDialog | None = None

    def count_text(self, query: str, n: int) -> str:
        if query:
            return self.tr("找到 {n} 户").format(n=n)
        return self.tr("共 {n} 户").format(n=n)

    def make_dialog(self, row: CustomerRow | None) -> CustomerDialog:
        return CustomerDialog(self.ctx, row, self)

    # --- 一户一档 -------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        super()._update_buttons()
        button = getattr(self, "file_button", None)  # made after the base's first call
        if button is not None:
            button.setEnabled(self.table.current_row() >= 0)
        printing = getattr(self, "printing", None)
        if printing is not None:
            printing.refresh()

    def _printable(self) -> Form | None:
        """一户一档 of the selected customer (打印预览 / 导出 PDF, decision 0026)."""
        row = self.model.row_at(self.table.current_row())
        if row is None:
            return None
        code = row.code
        name = self.tr("一户一档_{code}_{name}").format(code=code, name=row.shop_name)
        return Form(self.tr("一户一档"), name, lambda j, path: export_customer_file(j, code, path))

    def choose_file_for_customer(self) -> QFileDialog | None:
        """Ask where to save the selected customer's file (一户一档), then write it."""
        row = self.model.row_at(self.table.current_row())
        if row is None:
            return None
        name = self.tr("一户一档_{code}_{name}.xlsx").format(code=row.code, name=row.shop_name)
        code = row.code
        self._file_dialog = ask_save_xlsx(
            self, self.tr("导出一户一档"), name, lambda path: self.export_file_to(code, path)
        )
        return self._file_dialog

    def export_file_to(self, code: str, path: Path) -> None:
        def done(written: Path) -> None:
            self.ctx.ops.message.emit(self.tr("一户一档已导出：{path}").format(path=written))

        self.ctx.ops.write(
            lambda j: export_customer_file(j, code, path), done, what=self.tr("导出一户一档")
        )
