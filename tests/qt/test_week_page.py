"""周报: the figures equal the core's for a week built through the core; the narrative
autosaves; submit makes it read-only; a correction with a reason appears in 更正记录; a
returned review shows with its comment; 从上周计划开始 copies last week's plan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from qt_support import MONDAY, monday_worked, open_page, orders_workbook, type_text

from fieldbook.core.journal import Journal
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.routine.week import label_for
from fieldbook.qt.pages.week_page import WeekPage

LABEL = label_for(MONDAY)  # 2026-W49: Friday 11-27 .. Thursday 12-03


@pytest.fixture
def week(day_ready: Journal, tmp_path: Path) -> Journal:
    """Monday of the report week: both planned shops visited, the day's orders imported."""
    return monday_worked(
        day_ready, tmp_path / "orders.xlsx", (("07:41", "07:55"), ("08:05", "08:15"))
    )


@pytest.fixture
def page(qtbot, week):
    yield from open_page(qtbot, WeekPage, week, (1400, 900), wait="ready")


def _type_at_end(edit, text: str) -> None:
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, text)


def test_shows_the_core_figures(page, week):
    f = week.weeks.figures(LABEL)
    assert page.label == LABEL and f.planned == 2 and f.visited == 2 and f.cartons == 10
    assert page.figures.text_of("visits") == "计划 2 户次，完成 2，完成率 100.0%"
    assert page.figures.text_of("coverage") == f"2 / {f.customers_active} 户"
    assert page.figures.text_of("minutes") == f"{f.average_minutes:g} 分钟"
    assert page.figures.text_of("days") == "1 天"
    assert page.figures.text_of("orders").startswith("10 条，1,465.00 元，单条值 146.50")
    assert f.not_visited == ["230902100003 王家超市"]
    assert page.figures.text_of("not_visited") == "1 户：230902100003 王家超市"
    monday = [d.day for d in f.days].index(MONDAY)
    cartons = page.figures.orders_chart.values("订货")
    assert cartons[monday] == 10 and sum(cartons) == 10
    assert page.figures.visits_chart.values("计划")[monday] == 2
    assert page.figures.visits_chart.values("完成")[monday] == 2
    for row in f.structure:
        if row["cartons"]:
            assert row["name"] in page.figures.text_of("structure")
    # decision 0018: Monday 07:41–08:15 (34 minutes in the area), no return recorded
    assert page.figures.text_of("times") == (
        "1 天：到达片区迟到 1 天；回到单位按时 0 天、晚 0 天、未记录 1 天；"
        "在片区工作平均 34分，不足标准 1 天"
    )


def test_write_submit_correct_and_review(qtbot, page, week):
    assert page.status_badge.text() == "未开始"
    _type_at_end(page.editors.texts["work_done"], "走访两户，推广新品")
    _type_at_end(page.editors.texts["problems"], "李记烟酒店本周未订货")
    qtbot.waitUntil(
        lambda: week.weeks.get(LABEL).narrative.get("problems") == "李记烟酒店本周未订货"
    )
    assert week.weeks.get(LABEL).narrative["work_done"] == "走访两户，推广新品"
    assert page.saved_label.text().startswith("已保存 ")
    assert page.status_badge.text() == "草稿"
    page.editors.routes["1"].setText("周一线路")
    page.editors.targets["cartons"].setText("120")
    qtbot.waitUntil(lambda: week.weeks.get(LABEL).next_plan.get("targets") == {"cartons": 120})
    assert week.weeks.get(LABEL).next_plan["routes"] == {"1": "周一线路"}

    box = page.ask_submit()
    assert box is not None and "改进措施" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: week.weeks.get(LABEL).status == "submitted")
    assert page.status_badge.text().startswith("已提交")
    assert page.editors.texts["work_done"].isReadOnly()
    assert page.editors.targets["cartons"].isReadOnly()
    assert not page.submit_button.isVisible() and page.correct_button.isVisible()

    # a correction: unlock, edit, give a reason
    page.correct_button.click()
    assert not page.editors.texts["countermeasures"].isReadOnly()
    _type_at_end(page.editors.texts["countermeasures"], "下周逐户走访")
    assert page.correction_bar.isVisible()
    assert week.weeks.get(LABEL).narrative.get("countermeasures", "") == ""  # nothing yet
    page.correction_bar.reason_edit.setText("漏写改进措施")
    page.correction_bar.save_button.click()
    qtbot.waitUntil(lambda: page.corrections_list.rowCount() == 1)
    assert week.weeks.get(LABEL).narrative["countermeasures"] == "下周逐户走访"
    row = page.corrections_list.rows_text()[0]
    assert row[1] == "改进措施" and row[2] == "（空） → 下周逐户走访" and row[3] == "漏写改进措施"
    assert page.editors.texts["countermeasures"].isReadOnly()

    # the department returns it with a comment
    dialog = page.open_review()
    dialog.verdict.setCurrentIndex(dialog.verdict.findData("returned"))
    dialog.confirm()  # no comment: refused
    assert dialog.error.text() == "退回时请填写意见"
    assert week.weeks.get(LABEL).status == "submitted"
    dialog.comment.setPlainText("未订货原因写具体")
    dialog.reviewer.setText("刘主任")
    dialog.confirm()
    qtbot.waitUntil(lambda: page.review_box.isVisible())
    assert week.weeks.get(LABEL).review == "returned"
    assert page.review_label.text() == "已审阅：退回"
    assert "未订货原因写具体" in page.review_comment.text()
    assert "刘主任" in page.review_comment.text()
    items = [page.history_list.item(i).text() for i in range(page.history_list.count())]
    assert items == [f"{LABEL}　已审阅：退回"]


def test_refresh_figures_after_thursdays_orders(qtbot, page, week, tmp_path):
    # submitted at 14:00 on Thursday; Thursday's orders imported after 15:00 (decision 0018)
    assert not page.refresh_button.isVisible()  # a draft shows live figures
    box = page.ask_submit()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: week.weeks.get(LABEL).status == "submitted")
    qtbot.waitUntil(page.refresh_button.isVisible)
    thursday = [["2026-12-03", "230902100003", "王家超市", "6901028005", "白沙(精品)", 4, 320.00]]
    assert import_orders(week, orders_workbook(tmp_path / "thursday.xlsx", thursday)).applied
    assert page.figures.text_of("orders").startswith("10 条")  # the snapshot
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.figures.text_of("orders").startswith("14 条"))
    assert week.weeks.get(LABEL).figures.cartons == 14
    assert page.refresh_button.isVisible()  # until reviewed


def test_start_from_last_week_plan(qtbot, page, week):
    plan = {
        "routes": {"1": "周一线路", "2": "周二线路"},
        "key_customers": ["230902100002"],
        "targets": {"cartons": 150, "new_shops": 1},
        "brands": ["中华(硬)", "利群(新版)"],
        "other": "配合市场检查",
    }
    week.weeks.save("2026-W48", next_plan=plan)
    page.plan_button.click()
    assert page.editors.routes["2"].text() == "周二线路"
    assert page.editors.brands.text() == "中华(硬)、利群(新版)"
    qtbot.waitUntil(lambda: week.weeks.get(LABEL).next_plan == plan)
    # the earlier week is in the history and opens from there
    page.previous_week()
    qtbot.waitUntil(lambda: page.label == "2026-W48" and page.view.label == "2026-W48")
    assert page.editors.texts["other"].toPlainText() == "配合市场检查"


def test_export_without_the_module_says_so(page, tmp_path, monkeypatch):
    import fieldbook.qt.operations.week as actions

    def missing(*_args):
        raise ImportError("week_export")

    monkeypatch.setattr(actions, "export_week", missing)
    page.export_to(tmp_path / "w.xlsx")
    assert page.error_label.text() == "周报没有导出：这个版本还没有周报导出功能"


def test_screenshot(qtbot, page, week, tmp_path):
    """The page as a person sees it (docs/screenshot-week.png)."""
    page.editors.texts["work_done"].setPlainText("走访两户，推广新品中华(硬)")
    page.editors.routes["1"].setText("周一线路")
    qtbot.waitUntil(lambda: week.weeks.get(LABEL).status == "draft")
    out = Path(os.environ.get("WEEK_SCREENSHOT") or tmp_path / "week.png")
    assert page.grab().save(str(out)) and out.stat().st_size > 10_000


def test_shows_the_months_targets(qtbot, week):
    """月度任务 on the week page: the month of the page's today (Monday 11-30, the month's last
    working day), the core's 任务完成率 beside 时间进度."""
    week.targets.set(TargetInput("2026-11", cartons=200))
    for page in open_page(qtbot, WeekPage, week, wait="ready"):
        assert page.targets.time_label.text() == "时间进度 100.0%（21/21 个工作日）"
        assert page.targets.texts() == [
            "全月 5.0% 落后时间进度 95.0 个百分点，尚差 190 条，本月已无剩余工作日"
        ]
        assert not page.targets.edit_button.isVisibleTo(page)
