from __future__ import annotations

from datetime import date

from conftest import make_ctx

from fieldbook.qt.pages.plan_page import PlanPage


def _page(qtbot, journal, day):
    page = PlanPage(make_ctx(journal, today=day))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    return page


def test_monday_shows_the_monday_route_in_order(qtbot, filled):
    page = _page(qtbot, filled, date(2026, 11, 30))
    assert page.summary.text() == "今天 2026年11月30日 星期一 · 周一线路 · 3 户"
    model = page.model
    assert model.rowCount() == 3
    assert [model.headerData(c, _h()) for c in range(model.columnCount())] == [
        "序号",
        "客户编码",
        "客户名称",
        "负责人",
        "电话",
        "地址",
        "档位",
    ]
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["1", "2", "3"]
    assert [model.data(model.index(r, 2)) for r in range(3)] == [
        "张小便利店",
        "李记烟酒店",
        "兴华食杂店",
    ]
    assert model.data(model.index(0, 6)) == "12"
    assert page.table.isVisibleTo(page)


def test_route_order_follows_the_core(qtbot, filled):
    route = next(r for r in filled.routes.list() if r.name == "周一线路")
    ids = filled.routes.customer_ids(route.id)
    filled.routes.set_order(route.id, list(reversed(ids)))
    page = _page(qtbot, filled, date(2026, 11, 30))
    assert page.model.data(page.model.index(0, 2)) == "兴华食杂店"


def test_a_day_without_a_route(qtbot, filled):
    page = _page(qtbot, filled, date(2026, 12, 6))  # a Sunday
    assert page.summary.text() == "今天 2026年12月6日 星期日 · 今天没有安排线路"
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page) and not page.table.isVisibleTo(page)


def test_refreshes_when_customers_change(qtbot, filled):
    from fieldbook.core.customers import CustomerInput

    page = _page(qtbot, filled, date(2026, 12, 1))  # Tuesday
    assert page.model.rowCount() == 1
    page.ctx.ops.write(
        lambda j: j.customers.create(CustomerInput("230902100050", "新店", route="周二线路"))
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def _h():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_enter_opens_the_customer(qtbot, filled):
    from fieldbook.qt.dialogs.customer_dialog import CustomerDialog

    page = _page(qtbot, filled, date(2026, 11, 30))
    page.show()
    qtbot.keyClick(page.table, _key_return())
    dialogs = page.findChildren(CustomerDialog)
    assert len(dialogs) == 1 and dialogs[0].ui.shopNameEdit.text() == "张小便利店"
    dialogs[0].discard()


def _key_return():
    from PySide6.QtCore import Qt

    return Qt.Key.Key_Return
