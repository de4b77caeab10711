from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_support import make_ctx
from sample_data import roster_workbook

from fieldbook.core.master.form_unit import FormUnit
from fieldbook.qt.pages.welcome_page import PROFILE, RESULT, ROUTES, SOURCE, WelcomePage

SATURDAY = date(2026, 12, 5)
MONDAY = date(2026, 12, 7)
ENTER = Qt.Key.Key_Return


def _page(qtbot, ctx) -> WelcomePage:
    page = WelcomePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.activated()
    return page


@pytest.fixture
def page(qtbot, empty_ctx):
    return _page(qtbot, empty_ctx)


def _fill(page: WelcomePage) -> None:
    form = page.form
    form.name_edit.setText("刘洋")
    form.code_edit.setText("QTH007")
    form.unit_edit.setText("茄子河区营销部")
    form.territory_edit.setText("茄子河二片区")
    form.phone_edit.setText("13945670000")
    page.unit_form.company_edit.setText("七台河市烟草公司")
    page.unit_form.center_edit.setText("营销中心（市场部）")


def test_profile_is_required_before_going_on(page):
    page.form.name_edit.setText("刘洋")
    page.next_button.click()
    assert page.steps.currentIndex() == 0
    assert "员工编号" in page.form.error_label.text() or "编码" in page.form.error_label.text()


def test_each_step_starts_focused_and_enter_presses_its_primary_button(qtbot, page):
    assert QApplication.focusWidget() is page.form.name_edit
    _fill(page)
    qtbot.keyClick(page.form.name_edit, ENTER)  # Enter in any field of the form: 下一步
    assert page.steps.currentIndex() == SOURCE
    assert QApplication.focusWidget() is page.import_button  # step 2: its primary action
    page.back_button.setFocus()
    qtbot.keyClick(page.back_button, ENTER)  # a focused other button takes its own Enter
    assert page.steps.currentIndex() == PROFILE
    assert QApplication.focusWidget() is page.form.name_edit
    qtbot.keyClick(page.form.phone_edit, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert page.steps.currentIndex() == SOURCE
    page.go(PROFILE)
    qtbot.keyClick(page.unit_form.center_edit, ENTER)  # the forms' unit fields too
    assert page.steps.currentIndex() == SOURCE


def test_saving_the_profile_before_importing(qtbot, page, empty_journal):
    _fill(page)
    page.next_button.click()
    assert page.steps.currentIndex() == 1
    assert "刘洋" in page.hello.text()
    assert empty_journal.profile.get() is None  # not saved until the user picks what's next
    with qtbot.waitSignal(page.profile_saved):
        page.import_button.click()
    profile = empty_journal.profile.get()
    assert (
        profile.name,
        profile.code,
        profile.district_unit,
        profile.territory,
        profile.phone,
    ) == (
        "刘洋",
        "QTH007",
        "茄子河区营销部",
        "茄子河二片区",
        "13945670000",
    )
    # the unit of the forms is asked on first run too, the confidentiality mark on by default
    assert empty_journal.form_unit.get() == FormUnit("七台河市烟草公司", "营销中心（市场部）")
    qtbot.waitUntil(lambda: page.file_dialog is not None and page.file_dialog.isVisible())
    page.file_dialog.reject()  # no file: still on step 2
    assert page.steps.currentIndex() == SOURCE


def test_a_list_of_several_districts_asks_for_the_managers_routes(qtbot, page, tmp_path):
    _fill(page)  # 茄子河区营销部
    page.next_button.click()
    page.import_button.click()
    qtbot.waitUntil(lambda: page.file_dialog is not None)
    page.file_dialog.fileSelected.emit(str(roster_workbook(tmp_path / "名单.xlsx")))
    page.file_dialog.hide()
    qtbot.waitUntil(lambda: page.steps.currentIndex() == ROUTES)
    assert "3 个区县、5 条线路、15 户" in page.routes_intro.text()
    assert page.picker.territory() == {("茄子河区", "茄子河周一线")}
    page.picker.set_checked(("茄子河区", "茄子河周一线"), False)
    assert not page.routes_button.isEnabled()
    assert "至少勾选一条线路" in page.routes_status.text()
    page.picker.set_checked(("桃山区", "桃山周二线"), True)
    assert page.routes_button.isEnabled() and "1 条线路，共 3 户" in page.routes_status.text()
    qtbot.keyClick(page.picker, ENTER)
    dialog = page.import_dialog
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.territory == {("桃山区", "桃山周二线")}
    assert "其他片区和线路的 12 户不导入" in dialog.summary_label.text()
    dialog.reject()
    assert page.steps.currentIndex() == ROUTES and "没有导入" in page.routes_status.text()


@pytest.mark.slow  # generates a demo database
def test_demo_data_lands_on_the_next_working_day(qtbot, qapp, empty_journal):
    ctx = make_ctx(empty_journal, SATURDAY)
    page = _page(qtbot, ctx)
    _fill(page)
    page.next_button.click()
    page.demo_button.click()
    qtbot.waitUntil(lambda: page.steps.currentIndex() == RESULT, timeout=20_000)
    assert empty_journal.customers.count() == 150
    assert empty_journal.profile.get().name == "刘洋"
    assert empty_journal.catalog.count() > 0
    assert "150 户" in page.result.customers_label.text()
    assert "12月7日" in page.result.primary.text()
    assert QApplication.focusWidget() is page.result.primary
    with qtbot.waitSignal(page.finished) as finished:
        qtbot.keyClick(page.result.primary, ENTER)
    assert finished.args == [MONDAY]
    # The demo's history ends before its first day: Friday was worked, Monday is ahead.
    assert empty_journal.plans.get(date(2026, 12, 4)) is not None
    assert empty_journal.plans.get(MONDAY) is None
    ctx.hub.detach()
