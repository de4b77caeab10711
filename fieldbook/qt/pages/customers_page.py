"""客户: search as you type (codes, names, owner, phone, licence, pinyin initials), edit,
import the company's customer list."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldbook.core.master.customers import CustomerRow
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.customer_dialog import CustomerDialog
from fieldbook.qt.models.customer_table_model import CustomerTableModel
from fieldbook.qt.operations.master import list_customers
from fieldbook.qt.pages.list_page import ListPage, ListSource, ListTexts

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

    def count_text(self, query: str, n: int) -> str:
        if query:
            return self.tr("找到 {n} 户").format(n=n)
        return self.tr("共 {n} 户").format(n=n)

    def make_dialog(self, row: CustomerRow | None) -> CustomerDialog:
        return CustomerDialog(self.ctx, row, self)
