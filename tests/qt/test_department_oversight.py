"""The 部门 page's 上报问题 tab (the head answers a manager's escalated problem: the answer,
who and when reach the log) and 客户信息变更 tab (status and licence changes made outside a
slip, with before → after and why)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QInputDialog
from qt_support import make_ctx

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_changes import ChangeBasis
from fieldbook.core.master.customers import input_from_row
from fieldbook.core.server.escalations import department_escalations
from fieldbook.qt.pages.department_page import DepartmentPage

DAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _at_nine_thirty() -> Iterator[None]:
    """The head answers, and the customer is changed, at 2026-12-03 09:30 (whatever the
    suite's clock: the pages show the department's days around DAY)."""
    with clock.pinned(datetime(2026, 12, 3, 9, 30), running=False):
        yield


def open_page(qtbot, journal: Journal) -> DepartmentPage:
    page = DepartmentPage(make_ctx(journal, DAY))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    qtbot.waitUntil(lambda: page.is_ready)
    return page


def test_the_head_answers_an_escalated_problem(qtbot, filled: Journal) -> None:
    filled.daylogs.save_section(
        DAY, "escalations", [{"text": "送货时间不固定", "customer_code": "230902100001"}]
    )
    page = open_page(qtbot, filled)
    tab = page.escalations
    assert tab is not None and page.tabs.tabText(page.tabs.indexOf(tab)) == "上报问题"
    qtbot.waitUntil(lambda: len(tab.model.rows()) == 1)
    (row,) = tab.model.rows()
    assert (row.manager_name, row.customer, row.text) == (
        "王建国",
        "230902100001 张小便利店",
        "送货时间不固定",
    )
    assert "1 个待答复" in tab.status.text()
    tab.table.selectRow(0)
    dialog = tab.answer()
    assert isinstance(dialog, QInputDialog) and "送货时间不固定" in dialog.labelText()
    dialog.setTextValue("已协调配送中心，改为上午送货")
    dialog.accept()
    qtbot.waitUntil(lambda: tab.model.rows() == [])  # answered: no longer open
    (answered,) = department_escalations(filled, open_only=False)
    assert (answered.answer, answered.answered_by, answered.answered_at[:16]) == (
        "已协调配送中心，改为上午送货",
        "部门负责人",  # no server login here: no login name to take
        "2026-12-03 09:30",  # the clock pinned above
    )
    if filled.engine.dialect.name == "sqlite":  # one database: the log has it at once (on
        # the server the manager's next sync brings it: tests/core/server)
        (logged,) = filled.daylogs.get(DAY).sections["escalations"]
        assert (logged["answer"], logged["answered_by"]) == (answered.answer, "部门负责人")
    tab.show_answered.setChecked(True)
    qtbot.waitUntil(lambda: len(tab.model.rows()) == 1)
    shown = tab.model.data(tab.model.index(0, 4))
    assert shown == "部门负责人 12-03 09:30：已协调配送中心，改为上午送货"


def test_changes_outside_slips_are_listed_per_manager(qtbot, filled: Journal) -> None:
    row = filled.customers.by_code("230902100001")
    data = replace(input_from_row(row), status="closed", grade=13)
    filled.customers.update(row.id, data, ChangeBasis("店主说不干了"))
    page = open_page(qtbot, filled)
    tab = page.changes
    assert tab is not None
    qtbot.waitUntil(lambda: len(tab.model.rows()) == 1)  # the grade needs no reason: not listed
    texts = [tab.model.data(tab.model.index(0, c)) for c in range(tab.model.columnCount())]
    assert texts == [
        "王建国（QTH001）",
        "2026-12-03 09:30",
        "230902100001 张小便利店",
        "经营状态",
        "正常 → 关业",
        "店主说不干了",
        "手工修改",
    ]
    assert "1 条变更，涉及 1 位客户经理" in tab.status.text()
