"""The SKU table (卷烟规格): prices shown in yuan per carton from the integer fen fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from fieldbook.core.master.catalog import SkuRow, class_name
from fieldbook.qt.formatting import yes, yuan
from fieldbook.qt.models.row_table_model import Column, RowTableModel

translate = QCoreApplication.translate


def sku_columns() -> list[Column[SkuRow]]:
    return [
        Column(translate("SkuTableModel", "卷烟代码"), lambda r: r.code, width=120),
        Column(
            translate("SkuTableModel", "卷烟名称"),
            lambda r: r.name,
            width=200,
            tooltip=True,
            stretch=True,
        ),
        Column(translate("SkuTableModel", "品牌"), lambda r: r.brand, width=110),
        Column(
            translate("SkuTableModel", "价类"),
            lambda r: class_name(r.price_class),
            key=lambda r: r.price_class,
            align="center",
            width=70,
        ),
        Column(
            translate("SkuTableModel", "批发价(元/条)"),
            lambda r: yuan(r.wholesale_fen),
            key=lambda r: r.wholesale_fen,
            align="right",
            width=110,
        ),
        Column(
            translate("SkuTableModel", "零售价(元/条)"),
            lambda r: yuan(r.retail_fen),
            key=lambda r: r.retail_fen,
            align="right",
            width=110,
        ),
        Column(
            translate("SkuTableModel", "重点"),
            lambda r: yes(r.is_key_brand),
            align="center",
            width=56,
        ),
        Column(
            translate("SkuTableModel", "新品"), lambda r: yes(r.is_new), align="center", width=56
        ),
        Column(
            translate("SkuTableModel", "在销"),
            lambda r: yes(r.on_market),
            align="center",
            width=56,
        ),
    ]


class SkuTableModel(RowTableModel[SkuRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(sku_columns(), parent)

    def muted(self, row: SkuRow) -> bool:
        return not row.on_market
