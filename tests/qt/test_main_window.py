"""One smoke test of the whole window, plus the first-run switch."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from qt_support import MONDAY, make_ctx, shown_window

from fieldbook.qt.dialogs.customer_dialog import CustomerDialog
from fieldbook.qt.dialogs.sku_dialog import SkuDialog
from fieldbook.qt.main_window import PAGE_KEYS, MainWindow


def test_main_window_smoke(qtbot, ctx):
    window = shown_window(qtbot, ctx)
    assert list(window.pages) == ["plan"]  # other pages are built when first opened
    assert "王建国" in window.manager_label.text()
    assert (str(ctx.db_path) if ctx.db_path else ctx.db_label) in window.db_label.text()
    assert [window.nav.item(n).text() for n in range(window.nav.count())] == [
        "今日计划",
        "客户",
        "卷烟规格",
        "反馈单",
        "工作日志",
        "周报",
        "部门",
        "设置",
        "备份与恢复",
    ]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "customers"
    assert window.nav.currentRow() == 1
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.pages["customers"].search.hasFocus)
    window.show_page("skus")
    window.show_page("customers")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # only this page's
    qtbot.waitUntil(lambda: len(window.pages["customers"].findChildren(CustomerDialog)) == 1)
    dialogs = window.pages["customers"].findChildren(CustomerDialog)
    assert dialogs[0].windowTitle() == "新增客户"
    dialogs[0].discard()
    assert window.pages["skus"].findChildren(SkuDialog) == []
    window.nav.setCurrentRow(3)
    assert window.current_key == "slips"
    for key in PAGE_KEYS:
        window.show_page(key)
    assert set(window.pages) == set(PAGE_KEYS)


def test_empty_database_shows_the_welcome_page_first(qtbot, empty_journal):
    ctx = make_ctx(empty_journal)
    window = MainWindow(ctx, first_run=True)
    qtbot.addWidget(window)
    window.show()
    assert window.welcome is not None
    assert window.root.currentWidget() is window.welcome
    assert window.pages == {}
    window.welcome.finished.emit(date(2026, 12, 1))  # the first working day after set-up
    assert window.welcome is None
    assert window.current_key == "plan"
    assert window.pages["plan"].day == date(2026, 12, 1)
    assert ctx.today() == MONDAY  # "today" is today again
    ctx.hub.detach()


def test_unknown_page_is_refused(qtbot, ctx):
    import pytest

    with pytest.raises(ValueError):
        MainWindow(ctx, initial_page="nope")


def test_enter_on_a_stop_opens_its_visit_and_escape_comes_back(qtbot, day_ready):
    ctx = make_ctx(day_ready)
    window = shown_window(qtbot, ctx)
    plan = window.pages["plan"]
    plan.table.setFocus()
    plan.table.select_row(1)
    qtbot.keyClick(plan.table, Qt.Key.Key_Return)
    assert window.current_key == "visit"
    visit = window.pages["visit"]
    qtbot.waitUntil(lambda: visit.screen is not None)
    assert visit.screen.customer.shop_name == "李记烟酒店"
    assert window.nav.currentRow() == 0  # still under 今日计划
    assert day_ready.visits.drafts() == []  # opening is not arriving
    qtbot.keyClick(visit.header.arrive_button, Qt.Key.Key_Return)
    assert len(day_ready.visits.drafts()) == 1
    qtbot.keyClick(visit.status_picker, Qt.Key.Key_Escape)
    assert window.current_key == "plan"
    # the unfinished visit is offered back, exactly that one
    qtbot.waitUntil(lambda: plan.banner.isVisibleTo(plan))
    resume, _discard = plan.banner.buttons[0]
    resume.click()
    assert window.current_key == "visit"
    qtbot.waitUntil(lambda: visit.visit is not None)
    assert visit.visit.id == day_ready.visits.drafts()[0].visit_id
    ctx.hub.detach()


def test_the_visit_page_can_be_the_first_page(qtbot, day_ready):

    ctx = make_ctx(day_ready)
    window = MainWindow(ctx, initial_page="visit")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.is_ready)
    visit = window.pages["visit"]
    first = day_ready.plans.get(MONDAY).next_stop()
    assert visit.screen is not None and visit.screen.stop.id == first.id
    assert "plan" not in window.pages  # nothing else was built (or written)
    assert day_ready.visits.drafts() == []
    ctx.hub.detach()
