from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from fieldbook.qt.models.customer_table_model import CustomerTableModel
from fieldbook.qt.models.row_table_model import ROW_ROLE


def test_shape_headers_and_display_names(qapp, filled):
    model = CustomerTableModel()
    assert model.rowCount() == 0
    rows = filled.customers.list()
    model.set_rows(rows)
    assert model.rowCount() == 4
    assert model.columnCount() == 10
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(10)]
    assert headers == [
        "客户编码",
        "客户名称",
        "负责人",
        "联系电话",
        "许可证号",
        "线路",
        "订货日",
        "档位",
        "业态",
        "状态",
    ]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    row = next(n for n, r in enumerate(model.rows()) if r.shop_name == "张小便利店")
    shown = [model.data(model.index(row, c)) for c in range(10)]
    assert shown == [
        "230902100001",
        "张小便利店",
        "张小",
        "13904561234",
        "230902100001",
        "周一线路",
        "周一",
        "12",
        "便利店",
        "正常",
    ]
    assert model.data(model.index(row, 0), ROW_ROLE).owner_name == "张小"
    assert model.data(model.index(99, 0)) is None
    assert model.data(QModelIndex()) is None


def test_inactive_customers_are_muted(qapp, filled):
    model = CustomerTableModel()
    model.set_rows(filled.customers.list())
    row = model.row_of(lambda r: r.status == "suspended")
    assert model.data(model.index(row, 9)) == "暂停"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    other = model.row_of(lambda r: r.status == "active")
    assert model.data(model.index(other, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_sort_by_grade_and_back_to_core_order(qapp, filled):
    model = CustomerTableModel()
    rows = filled.customers.list()
    model.set_rows(rows)
    model.sort(7, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 7)) for r in range(4)] == ["25", "20", "12", "5"]
    model.sort(-1)
    assert [r.id for r in model.rows()] == [r.id for r in rows]
