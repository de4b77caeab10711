"""月度任务 on the work log: 「未设任务」 until a target is set; the entry dialog (keyboard only)
refuses a non-positive figure naming the field and keeps what was typed, then saves, and the
panel shows 任务完成率 beside 时间进度 from the core's computation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from qt_support import monday_worked, open_page
from sample_data import write_workbook

from fieldbook.core.journal import Journal
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.routine.targets import MonthProgress, Progress, time_progress
from fieldbook.core.workdays import LAST_COVERED_YEAR
from fieldbook.qt.pages.daylog_page import DayLogPage
from fieldbook.qt.widgets.target_panel import TargetPanel


@pytest.fixture
def log_day(day_ready: Journal, tmp_path: Path) -> Journal:
    """Monday 2026-11-30 (the month's last working day): 10 条 ordered."""
    monday_worked(day_ready, tmp_path / "first.xlsx", (("07:41", "07:55"), ("08:05", "08:14")))
    return day_ready


@pytest.fixture
def page(qtbot, log_day):
    yield from open_page(qtbot, DayLogPage, log_day, wait="ready")


def test_a_target_typed_in_the_dialog_shows_on_the_log(qtbot, page, log_day):
    assert page.targets.texts() == ["全月 未设任务 "]
    assert page.targets.time_label.text() == "时间进度 100.0%（21/21 个工作日）"
    dialog = page.edit_targets()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.focusWidget() is dialog.cartons_edit
    qtbot.keyClicks(dialog.cartons_edit, "0")
    qtbot.keyClick(dialog.cartons_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert dialog.error_label.text() == "销量任务（条）：应为正数（“0”）"
    assert dialog.isVisible() and dialog.focusWidget() is dialog.cartons_edit
    assert log_day.targets.list("2026-11") == []
    dialog.cartons_edit.clear()
    qtbot.keyClicks(dialog.cartons_edit, "200")
    assert dialog.cases_label.text() == "= 4.0 箱"
    qtbot.keyClick(dialog.cartons_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(t.scope, t.cartons) for t in log_day.targets.list("2026-11")] == [("total", 200)]
    qtbot.waitUntil(lambda: page.targets.texts()[0].startswith("全月 5.0%"))
    assert page.targets.texts() == [
        "全月 5.0% 落后时间进度 95.0 个百分点，尚差 190 条，本月已无剩余工作日"
    ]


def test_a_class_target_names_its_class(qtbot, page, log_day):
    log_day.targets.set(TargetInput("2026-11", cartons=200))
    log_day.targets.set(TargetInput("2026-11", "class", "1", cartons=4))
    page.reload()
    qtbot.waitUntil(lambda: len(page.targets.texts()) == 2)
    assert page.targets.texts()[1].startswith("一类 50.0%")  # 中华 2 条 of 4


def test_changing_a_target_starts_from_its_values(qtbot, page, log_day):
    log_day.targets.set(TargetInput("2026-11", cartons=200, amount_fen=4_000_000))
    log_day.targets.set(TargetInput("2026-11", "class", "1", cartons=4))
    dialog = page.edit_targets()
    qtbot.waitUntil(lambda: dialog.cartons_edit.text() == "200")
    assert dialog.amount_edit.text() == "40000" and dialog.per_carton_edit.text() == ""
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findText("一类"))
    assert (dialog.cartons_edit.text(), dialog.amount_edit.text()) == ("4", "")
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findText("二类"))
    assert dialog.cartons_edit.text() == ""
    dialog.scope_combo.setCurrentIndex(0)
    dialog.cartons_edit.setText("220")
    qtbot.keyClick(dialog.cartons_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    totals = [t for t in log_day.targets.list("2026-11") if t.scope == "total"]
    assert [(t.cartons, t.amount_fen) for t in totals] == [(220, 4_000_000)]


def test_the_company_target_workbook_imports_from_the_log(qtbot, page, log_day, tmp_path):
    path = write_workbook(
        tmp_path / "任务.xlsx",
        ["客户经理", "月份", "价类", "销量任务(条)", "金额任务(元)"],
        [
            ["王建国", "2026-11", "", 200, 40000],
            ["王建国", "2026-11", "一类", 4, ""],
            ["李四", "2026-11", "", 900, ""],
        ],
    )
    dialog = page.import_targets()
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.windowTitle() == "导入月度任务"
    assert [dialog.counts[k].number.text() for k in ("new", "problems", "outside")] == [
        "2",
        "0",
        "1",
    ]
    assert log_day.targets.list("2026-11") == []  # a dry run changes nothing
    assert "其他客户经理（李四）的任务不导入。" in dialog.summary_label.text()
    assert "其他片区" not in dialog.summary_label.text()  # not the customer import's wording
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: len(page.targets.texts()) == 2)
    assert page.targets.texts()[0].startswith("全月 5.0%")


def test_the_panel_says_when_the_year_has_no_holiday_data(qtbot):
    year = LAST_COVERED_YEAR + 1
    day = date(year, 3, 15)
    panel = TargetPanel()
    qtbot.addWidget(panel)
    nothing = Progress("total", "", "全月", None, None, None, 0, 0)
    panel.show_progress(MonthProgress(day, time_progress(day), nothing, ()))
    assert panel.time_label.text().endswith(f"节假日数据未覆盖 {year} 年，工作日按周一至周五计")


def test_a_column_in_wan_zhi_is_explained_not_called_missing(qtbot, page, tmp_path):
    path = write_workbook(
        tmp_path / "任务.xlsx", ["客户经理", "月份", "销量任务(万支)"], [["王建国", "2026-11", 25]]
    )
    dialog = page.import_targets()
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.report is not None)
    text = dialog.summary_label.text()
    assert "缺少必需的列" not in text
    assert not dialog.import_button.isEnabled()
