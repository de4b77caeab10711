"""工作日志: a log written and submitted (autosaved sections checked in the core), corrected
with a reason afterwards (更正记录, and the export), facts and indicators equal to the core's,
the order import's dry run and apply, escalations followed until answered, a refused save
kept and retried."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from qt_support import MONDAY, MONDAY_ORDERS, monday_worked, open_page, type_text
from sample_data import orders_workbook

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.routine.indicators import DEFINITIONS, day_indicators
from fieldbook.core.store.db import SaveFailed
from fieldbook.qt.dialogs.order_import_dialog import OrderImportDialog
from fieldbook.qt.pages.daylog_page import DayLogPage

TUESDAY = date(2026, 12, 1)
#: Monday's first export (``MONDAY_ORDERS``).
FIRST = MONDAY_ORDERS


def workbook(path: Path, rows: list[list[object]]) -> Path:
    return orders_workbook(path, rows)


@pytest.fixture
def log_day(day_ready: Journal, tmp_path: Path) -> Journal:
    """Monday: both planned shops visited (07:41–07:55 and 08:05–08:14), the first export of
    the day's orders imported, Tuesday's plan built."""
    monday_worked(day_ready, tmp_path / "first.xlsx", (("07:41", "07:55"), ("08:05", "08:14")))
    day_ready.plans.build(TUESDAY)
    return day_ready


@pytest.fixture
def page(qtbot, log_day):
    yield from open_page(qtbot, DayLogPage, log_day, wait="ready")


def _type_at_end(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, text)


def _sections(journal: Journal) -> dict:
    return journal.daylogs.get(MONDAY).sections


def test_write_submit_and_correct_a_log(qtbot, page, log_day, tmp_path):
    assert page.status == "none" and page.status_badge.text() == "未开始"
    _type_at_end(qtbot, page.texts["phone_staff"], "电访员反馈李记烟酒店要求补货")
    _type_at_end(qtbot, page.texts["meeting_notes"], "例会：本周重点推广新品")
    # autosaved after a short pause, in the core, and said so only after it went in
    qtbot.waitUntil(lambda: _sections(log_day).get("meeting_notes") == "例会：本周重点推广新品")
    assert _sections(log_day)["phone_staff"] == "电访员反馈李记烟酒店要求补货"
    assert page.saved_label.text().startswith("已保存 ")
    assert page.status_badge.text() == "草稿"

    # 互控信息: customer from the picker, a type, the text; Enter adds and saves the row
    table = page.tables["mutual_control"]
    qtbot.keyClicks(table.entry["customer_code"], "230902100002")
    table.entry["type"].setCurrentText("疑似违规")
    type_text(table.entry["text"], "订量突增，疑似代订")
    qtbot.keyClick(table.entry["text"], Qt.Key.Key_Return)
    expected = [{"customer_code": "230902100002", "type": "疑似违规", "text": "订量突增，疑似代订"}]
    qtbot.waitUntil(lambda: _sections(log_day).get("mutual_control") == expected)
    assert table.model.rowCount() == 1

    box = page.ask_submit()
    assert box is not None and "16:00" not in box.text()  # meeting notes are filled
    assert "经济指标分析" in box.text()  # ...but these are not: the box says so
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: log_day.daylogs.get(MONDAY).status == "submitted")
    assert page.status_badge.text().startswith("已提交 ")
    assert not page.submit_button.isVisible()
    assert page.corrections_box.isVisible()

    # After submit, typing asks for a reason and writes nothing.
    notes = page.texts["meeting_notes"]
    _type_at_end(qtbot, notes, "，另：节前市场检查")
    assert page.correction_bar.isVisible()
    assert "16:00 例会记录" in page.correction_bar.changed_label.text()
    assert not any(t.isActive() for t in page.timers.values())
    assert _sections(log_day)["meeting_notes"] == "例会：本周重点推广新品"
    page.correction_bar.save_button.click()  # no reason yet: refused, nothing written
    assert page.correction_bar.error_label.text() == "请填写更正原因"
    assert log_day.daylogs.get(MONDAY).corrections == ()

    type_text(page.correction_bar.reason_edit, "漏记一项")
    qtbot.keyClick(page.correction_bar.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(log_day.daylogs.get(MONDAY).corrections))
    log = log_day.daylogs.get(MONDAY)
    assert log.sections["meeting_notes"] == "例会：本周重点推广新品，另：节前市场检查"
    assert (log.corrections[0].field, log.corrections[0].reason) == (
        "sections.meeting_notes",
        "漏记一项",
    )
    (row,) = page.corrections_list.rows_text()
    assert row[1] == "16:00 例会记录" and row[3] == "漏记一项"
    assert row[2] == "例会：本周重点推广新品 → 例会：本周重点推广新品，另：节前市场检查"
    assert not page.correction_bar.isVisible()
    assert notes.toPlainText() == log.sections["meeting_notes"]

    path = tmp_path / "log.xlsx"
    page.export_to(path)
    qtbot.waitUntil(path.exists)
    wb = openpyxl.load_workbook(path)
    texts = [str(c.value) for ws in wb for r in ws.iter_rows() for c in r if c.value is not None]
    assert any("漏记一项" in t for t in texts)


def test_facts_and_indicators_are_the_cores(qtbot, page, log_day):
    facts = log_day.daylogs.get(MONDAY).facts
    figures = day_indicators(log_day, MONDAY).figures
    assert (figures.due, figures.ordered) == (2, 1)  # 张小 and 李记 due; 兴华 is suspended
    assert page.indicators.value_text("order_rate") == f"{figures.order_rate * 100:.1f}%"
    assert page.indicators.value_text("order_rate") == "50.0%"
    assert page.indicators.value_text("due") == "2"
    assert page.indicators.value_text("cartons") == str(figures.cartons) == "10"
    assert page.indicators.value_text("amount") == "1,465.00"
    assert page.indicators.value_text("per_carton") == "146.50"
    assert page.indicators.tiles["order_rate"].caption.toolTip() == DEFINITIONS["order_rate"]
    assert page.indicators.tiles["amount"].value.toolTip() == DEFINITIONS["amount"]
    assert page.indicators.non_orderers.rowCount() == 1
    assert page.indicators.non_orderers.item(0, 1).text() == "李记烟酒店"

    assert facts.first_arrival == "07:41"
    assert page.facts.text_of("first_arrival") == "07:41（比 07:30 晚 11分）"
    assert page.facts.values["first_arrival"].property("level") == "bad"
    assert page.facts.text_of("visits").startswith("计划 2 户 · 已访 2 户 · 未访 0 户")
    assert page.facts.text_of("average") == "11.5 分钟/户（标准 10 分钟）"
    assert facts.tomorrow in page.facts.tomorrow.text()
    with qtbot.waitSignal(page.plan_requested) as signal:
        page.facts.tomorrow.linkActivated.emit("plan")
    assert signal.args == [TUESDAY]


def test_back_at_the_office_is_one_click_and_a_change_needs_a_reason(qtbot, page, log_day):
    # decision 0018: 回到单位 graded against 15:00; nothing recorded is a warning
    assert page.facts.text_of("returned").startswith("未记录")
    assert page.facts.values["returned"].property("level") == "warn"
    # 07:41–08:14 = 33 minutes in the area (no lunch in that span), against 5 hours
    assert page.facts.text_of("field_time") == "33分（07:41–08:14，标准 5小时）"
    assert page.facts.values["field_time"].property("level") == "warn"
    page.ctx.now = lambda: datetime(2026, 11, 30, 14, 40, 25)
    qtbot.keyClick(
        page, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: page.facts.text_of("returned") == "14:40（比 15:00 早 20分）")
    assert log_day.daylogs.get(MONDAY).facts.returned_at == "14:40"
    assert page.facts.values["returned"].property("level") == "ok"
    # a recorded time changes only with a reason
    dialog = page.return_button.click() or page.office_return.dialog
    assert dialog is not None and dialog.reason_needed
    dialog.time_edit.setTime(QTime(15, 20))
    dialog.buttons_ok().click()
    assert dialog.isVisible() and dialog.error.text() == "请写明修改原因"
    dialog.reason_edit.setText("按早了")
    dialog.buttons_ok().click()
    qtbot.waitUntil(lambda: page.facts.text_of("returned") == "15:20（比 15:00 晚 20分）")
    assert page.facts.values["returned"].property("level") == "bad"
    assert log_day.daylogs.get(MONDAY).corrections[0].reason == "按早了"
    qtbot.waitUntil(lambda: page.corrections_list.rowCount() == 1)
    assert page.corrections_list.rows_text()[0][1:] == ("回到单位", "14:40 → 15:20", "按早了")


def test_order_import_dry_run_then_apply_updates_the_indicators(qtbot, page, log_day, tmp_path):
    second = [
        ["2026-11-30", "230902100001", "张小便利店", "6901028001", "中华(硬)", 4, 1800.00],
        ["2026-11-30", "230902100002", "李记烟酒店", "6901028006", "红塔山(经典)", 6, 390.00],
        ["2026-12-01", "230902100003", "王家超市", "6901028005", "白沙(精品)", 2, 160.00],
    ]
    dialog = OrderImportDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.imported.connect(lambda _r: page.reload())
    dialog.set_file(workbook(tmp_path / "second.xlsx", second))
    monday, tuesday = dialog.day_rows
    assert monday[:4] == ("2026-11-30 周一", "2", "10", "2,190.00")
    assert monday[4] == "将替换当天已有 3 行（10 条，1,465.00 元）"
    assert tuesday[:4] == ("2026-12-01 周二", "1", "2", "160.00")
    assert tuesday[4] == "当天还没有订单"
    assert dialog.problem_rows == []
    assert dialog.import_button.isEnabled()
    assert day_indicators(log_day, MONDAY).figures.cartons == 10  # a dry run changes nothing

    dialog.import_button.click()
    assert day_indicators(log_day, MONDAY).figures.ordered == 2
    qtbot.waitUntil(lambda: page.indicators.value_text("order_rate") == "100.0%")
    assert page.indicators.value_text("cartons") == "10"
    assert page.indicators.value_text("amount") == "2,190.00"
    assert page.indicators.non_orderers.rowCount() == 0


def test_order_problems_are_listed_by_row_and_block_the_import(qtbot, page, log_day, tmp_path):
    rows = [*FIRST, ["2026-11-30", "999999", "", "6901028001", "", 1, 450.0]]
    dialog = OrderImportDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.set_file(workbook(tmp_path / "bad.xlsx", rows))
    assert dialog.problem_rows == [
        ("6", "客户编码", "没有这个客户编码（不是您的客户）（“999999”）")
    ]
    assert "1 行有问题" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled() and dialog.skip_button.isEnabled()


def test_a_refused_save_keeps_the_text_and_retry_saves_it(qtbot, page, log_day, monkeypatch):
    def full(*_args, **_kwargs):
        raise SaveFailed("disk_full", "database or disk is full")

    monkeypatch.setattr(log_day.daylogs, "save_section", full)
    edit = page.texts["problems"]
    _type_at_end(qtbot, edit, "价签不全")
    qtbot.waitUntil(page.retry_button.isVisible)
    assert page.saved_label.text() == "未保存"
    assert "磁盘已满" in page.error_label.text() and "发现的问题" in page.error_label.text()
    assert edit.toPlainText() == "价签不全"
    assert "发现的问题" in page.unsaved_changes()
    page.next_day()  # never leaves a day holding what the database has not taken
    assert page.day == MONDAY

    monkeypatch.undo()  # space was freed
    page.retry_button.click()
    assert _sections(log_day)["problems"] == "价签不全"
    assert not page.retry_button.isVisible()
    assert page.saved_label.text().startswith("已保存 ")
    assert page.unsaved_changes() == ""


def test_escalations_are_followed_until_answered(qtbot, page, log_day):
    table = page.tables["escalations"]
    type_text(table.entry["text"], "李记烟酒店长期不订货，需部门协调")
    qtbot.keyClicks(table.entry["customer_code"], "230902100002")
    table.add_button.click()
    qtbot.waitUntil(lambda: len(log_day.daylogs.open_escalations()) == 1)
    ((_day, saved),) = log_day.daylogs.open_escalations()
    assert saved["id"] == table.model.row(0)["id"]  # the page's id is the core's

    page.next_day()  # Tuesday: Monday's open problem is shown, and answered there
    assert page.day == TUESDAY
    assert page.earlier_box.isVisibleTo(page) and page.earlier_table.rowCount() == 1
    assert "李记烟酒店" in page.earlier_table.item(0, 2).text()
    page.earlier_table.selectRow(0)
    page.earlier_answer.click()
    assert page.answer_bar.isVisible()
    type_text(page.answer_bar.edit, "已安排市场部走访")
    qtbot.keyClick(page.answer_bar.edit, Qt.Key.Key_Return)
    assert log_day.daylogs.open_escalations() == []
    assert not page.earlier_box.isVisibleTo(page)

    page.previous_day()
    row = table.model.row(0)
    assert row["answered"] is True and row["answer"] == "已安排市场部走访"
    assert table.model.index(0, 2).data() == "已答复"
    # who recorded it (the manager, for the head) and when: shown with the answer
    assert row["answered_by"] == "王建国"
    # answered now, on the tests' clock (whatever it is): shown as MM-DD HH:MM
    assert row["answered_at"][:10] == clock.now().date().isoformat()
    at = datetime.fromisoformat(row["answered_at"])
    assert table.model.index(0, 3).data() == f"已安排市场部走访（王建国 {at:%m-%d %H:%M}）"
