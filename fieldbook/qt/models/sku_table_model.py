"""The SKU table (卷烟规格): prices shown in yuan per carton from the integer fen fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from fieldbook.core.master.catalog import SkuRow, class_name
from fieldbook.core.master.supply import state_name
from fieldbook.qt.formatting import yes, yuan
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.models.row_table_model import Column, RowTableModel, coded_column, stretch_column

translate = QCoreApplication.translate


def _price_column(title: str, fen: Callable[[SkuRow], int | None]) -> Column[SkuRow]:
    """A price in yuan per carton, sorted by its integer fen."""
    return Column(title, lambda r: yuan(fen(r)), key=fen, align="right", width=110)


def _flag_column(title: str, flag: Callable[[SkuRow], bool]) -> Column[SkuRow]:
    """是 or empty, centred."""
    return Column(title, lambda r: yes(flag(r)), align="center", width=56)


def sku_columns() -> list[Column[SkuRow]]:
    return [
        Column(translate("SkuTableModel", "卷烟代码"), lambda r: r.code, width=120),
        stretch_column(translate("SkuTableModel", "卷烟名称"), lambda r: r.name, 200),
        Column(translate("SkuTableModel", "品牌"), lambda r: r.brand, width=110),
        coded_column(
            translate("SkuTableModel", "价类"),
            lambda r: r.price_class,
            lambda code: class_name(code, ui_language()),
            70,
        ),
        _price_column(translate("SkuTableModel", "批发价(元/条)"), lambda r: r.wholesale_fen),
        _price_column(translate("SkuTableModel", "零售价(元/条)"), lambda r: r.retail_fen),
        _flag_column(translate("SkuTableModel", "重点"), lambda r: r.is_key_brand),
        _flag_column(translate("SkuTableModel", "新品"), lambda r: r.is_new),
        _flag_column(translate("SkuTableModel", "在销"), lambda r: r.on_market),
        Column(translate("SkuTableModel", "货源"), _supply_text, width=72, tooltip=True),
    ]


def _supply_text(row: SkuRow) -> str:
    """紧俏 / 限量 1–7:1，8–12:2 (档位:条) / 停供; empty when 正常 (or not read with the list)."""
    state = getattr(row, "supply", "")
    if not state:
        return ""
    limits = getattr(row, "supply_limits", "")
    name = state_name(state, ui_language())
    return f"{name} {limits}" if limits else name


class SkuTableModel(RowTableModel[SkuRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(sku_columns(), parent)

    def muted(self, row: SkuRow) -> bool:
        return not row.on_market
