"""卷烟规格: the SKU list (search as you type, edit, import the company's list)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldbook.core.master.catalog import SkuRow
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.sku_dialog import SkuDialog
from fieldbook.qt.models.sku_table_model import SkuTableModel
from fieldbook.qt.operations.master import list_skus
from fieldbook.qt.pages.list_page import ListPage, ListSource, ListTexts

TOPICS = frozenset({"skus"})

SOURCE: ListSource[SkuRow] = ListSource(
    load=list_skus, topics=TOPICS, key="skus.list", import_kind="skus"
)


class SkusPage(ListPage[SkuRow]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        texts = ListTexts(
            title=self.tr("卷烟规格"),
            placeholder=self.tr("搜索卷烟代码、名称或拼音首字母  Ctrl+F"),
            search_name=self.tr("搜索卷烟规格"),
            new=self.tr("新增规格"),
            new_tip=self.tr("新增一个卷烟规格（Ctrl+N）"),
            edit=self.tr("编辑"),
            edit_tip=self.tr("编辑选中的规格（Enter）"),
            import_=self.tr("导入卷烟规格…"),
            table_name=self.tr("卷烟规格列表"),
            reading=self.tr("读取卷烟规格"),
        )
        super().__init__(ctx, texts, SkuTableModel(), SOURCE, parent)

    def count_text(self, query: str, n: int) -> str:
        text = self.tr("找到 {n} 个") if query else self.tr("共 {n} 个规格")
        return text.format(n=n)

    def make_dialog(self, row: SkuRow | None) -> SkuDialog:
        return SkuDialog(self.ctx, row, self)
