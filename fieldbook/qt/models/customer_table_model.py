"""The customers table (客户): one row per CustomerRow, display names from the vocabulary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.master.customers import CustomerRow
from fieldbook.qt.formatting import weekday_name
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.models.row_table_model import Column, RowTableModel, coded_column, stretch_column

translate = QCoreApplication.translate


def _grade_name(grade: int | None) -> str:
    return "" if grade is None else str(grade)


def customer_columns() -> list[Column[CustomerRow]]:
    voc = vocabulary()
    return [
        Column(translate("CustomerTableModel", "客户编码"), lambda r: r.code, width=120),
        stretch_column(translate("CustomerTableModel", "客户名称"), lambda r: r.shop_name, 190),
        Column(translate("CustomerTableModel", "负责人"), lambda r: r.owner_name, width=80),
        Column(translate("CustomerTableModel", "联系电话"), lambda r: r.phone, width=120),
        Column(translate("CustomerTableModel", "许可证号"), lambda r: r.licence_no, width=125),
        Column(
            translate("CustomerTableModel", "线路"),
            lambda r: r.route_name,
            key=lambda r: (r.route_name, r.route_position or 0) if r.route_name else None,
            width=100,
        ),
        coded_column(
            translate("CustomerTableModel", "订货日"), lambda r: r.order_weekday, weekday_name, 64
        ),
        coded_column(translate("CustomerTableModel", "档位"), lambda r: r.grade, _grade_name, 56),
        Column(
            translate("CustomerTableModel", "业态"),
            lambda r: voc.format_name(r.format, ui_language()) if r.format else "",
            width=124,
            tooltip=True,
        ),
        Column(
            translate("CustomerTableModel", "状态"),
            lambda r: voc.status_name(r.status, ui_language()),
            width=92,  # "Suspended" in English
        ),
    ]


class CustomerTableModel(RowTableModel[CustomerRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(customer_columns(), parent)

    def muted(self, row: CustomerRow) -> bool:
        return row.status != "active"
