"""Onboarding with real data, keyboard only, from an empty database to the first visit: the
profile, a department's customer list of three districts (the manager imports only 新兴区's
routes), the SKU list, each with its result shown — and the first plan on the next working day
(set up on a Friday after the field day: Monday), whose first visit has the SKU grid filled."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_support import make_ctx, show_widget, type_text
from sample_data import SKUS, roster_workbook, sku_list_workbook

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.qt.main_window import MainWindow
from fieldbook.qt.pages.welcome_page import RESULT, ROUTES, SOURCE

FRIDAY_EVENING = datetime(2026, 12, 4, 16, 30)  # after the field day (day_end 15:00)
MONDAY = date(2026, 12, 7)
XINXING = {("新兴区", "新兴周一线"), ("新兴区", "新兴周二线")}
ENTER = Qt.Key.Key_Return


def _choose(qtbot, dialog, path: Path) -> None:
    """Pick ``path`` in a file dialog the app opened."""
    qtbot.waitUntil(dialog.isVisible)
    dialog.fileSelected.emit(str(path))
    dialog.hide()


def _type(edit, text: str) -> None:
    edit.setFocus()
    type_text(edit, text)


def test_from_an_empty_database_to_the_first_visit(qtbot, empty_journal: Journal, tmp_path):
    roster = roster_workbook(tmp_path / "市场部客户名单.xlsx")
    sku_list = sku_list_workbook(tmp_path / "卷烟规格.xlsx")
    with clock.pinned(FRIDAY_EVENING):
        ctx = make_ctx(empty_journal, FRIDAY_EVENING.date())
        window = MainWindow(ctx, first_run=True)
        show_widget(qtbot, window, (1366, 768), "ready", "active")
        page = window.welcome
        form = page.form
        assert QApplication.focusWidget() is form.name_edit
        _type(form.name_edit, "刘洋")
        _type(form.code_edit, "QTH007")
        _type(form.unit_edit, "新兴区营销部")
        qtbot.keyClick(form.unit_edit, ENTER)

        # Step 2 starts on its primary action; Enter takes it.
        assert page.steps.currentIndex() == SOURCE
        assert QApplication.focusWidget() is page.import_button
        qtbot.keyClick(page.import_button, ENTER)
        qtbot.waitUntil(lambda: page.file_dialog is not None)
        _choose(qtbot, page.file_dialog, roster)

        # 我的线路: three districts; the profile's 新兴区 is ticked.
        qtbot.waitUntil(lambda: page.steps.currentIndex() == ROUTES)
        assert page.picker.topLevelItemCount() == 3
        assert page.picker.territory() == XINXING
        assert QApplication.focusWidget() is page.picker
        qtbot.keyClick(page.picker, ENTER)
        dialog = page.import_dialog
        qtbot.waitUntil(lambda: dialog.report is not None)
        assert dialog.counts["new"].number.text() == "6"
        assert dialog.counts["outside"].number.text() == "9"
        qtbot.keyClick(dialog, ENTER)

        # The result is shown on the page, not only in the status bar.
        qtbot.waitUntil(lambda: page.steps.currentIndex() == RESULT)
        result = page.result
        assert "新增 6 户" in result.customers_label.text()
        assert "9 户没有导入" in result.customers_label.text()
        assert "还没有导入" in result.skus_label.text()
        assert QApplication.focusWidget() is result.primary
        qtbot.keyClick(result.primary, ENTER)
        dialog = page.import_dialog
        qtbot.waitUntil(lambda: dialog._file_dialog is not None)
        _choose(qtbot, dialog._file_dialog, sku_list)
        qtbot.waitUntil(lambda: dialog.report is not None)
        qtbot.keyClick(dialog, ENTER)
        qtbot.waitUntil(lambda: f"新增 {len(SKUS)} 个" in result.skus_label.text())
        assert "12月7日" in result.primary.text()
        assert QApplication.focusWidget() is result.primary
        qtbot.keyClick(result.primary, ENTER)

        # Monday's plan: 新兴区's Monday route only; no plan was made for Friday.
        qtbot.waitUntil(lambda: window.welcome is None and "plan" in window.pages)
        plan = window.pages["plan"]
        qtbot.waitUntil(lambda: plan.data is not None and plan.data.view is not None)
        assert plan.day == MONDAY
        stops = plan.data.view.stops
        assert [s.route_name for s in stops] == ["新兴周一线"] * 3
        assert empty_journal.plans.get(FRIDAY_EVENING.date()) is None
        assert empty_journal.customers.count() == 6

        plan.table.setFocus()
        qtbot.keyClick(plan.table, ENTER)
        qtbot.waitUntil(lambda: window.current_key == "visit")
        visit = window.pages["visit"]
        qtbot.waitUntil(lambda: visit.grid.model.rowCount() > 0)
        assert visit.grid.model.rowCount() == len(SKUS)
