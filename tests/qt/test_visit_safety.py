"""The visit screen when the database refuses a save (a full disk): what was typed stays, 未保存
in red, the message says what was kept, 重试 sends it once the cause is gone, finishing waits.
And a finished visit: corrections with a reason, shown in 修改记录."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from qt_support import GOOD_ANSWERS, MONDAY, make_ctx, open_page, type_text

from fieldbook.core.store import audit
from fieldbook.core.store.db import SaveFailed
from fieldbook.qt.pages.visit_page import VisitPage

DISK_FULL = "磁盘已满：这次修改没有保存，之前保存的内容都在。腾出空间后再试一次。"


@pytest.fixture
def page(qtbot, day_ready):
    yield from open_page(qtbot, VisitPage, day_ready)


def _stops(journal):
    return journal.plans.get(MONDAY).stops


def _arrive(qtbot, page, stop):
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)
    page.arrive()
    page.set_status("open")
    page.status_picker.set_value("open")
    assert page.visit is not None and page.visit.status == "draft"
    return page.visit.id


def _refuse(monkeypatch, journal, name):
    def full(*_args, **_kwargs):
        raise SaveFailed("disk_full", "database or disk is full")

    monkeypatch.setattr(journal.visits, name, full)


def test_a_failed_autosave_keeps_the_typed_value_and_retry_saves_it(
    qtbot, page, day_ready, monkeypatch
):
    vid = _arrive(qtbot, page, _stops(day_ready)[0])
    _refuse(monkeypatch, day_ready, "save_answer")
    note = page.form.fields["competitor_info"].editor
    note.setFocus()
    type_text(note, "新品牌在促销")
    page.form.flush()

    assert note.toPlainText() == "新品牌在促销"  # never reset
    assert page.header.saved_label.text() == "未保存"
    assert page.header.saved_label.property("failed") is True
    assert DISK_FULL in page.error_label.text()
    assert page.form.label_of("competitor_info") in page.error_label.text()  # what is unsaved
    assert page.retry_button.isVisibleTo(page)
    assert "competitor_info" not in day_ready.visits.get(vid).answers
    assert page.unsaved_changes()

    page.finish()  # blocked while a change is unsaved
    assert day_ready.visits.get(vid).status == "draft"
    assert "保存成功之前不能完成走访" in page.error_label.text()

    page.retry()  # the disk is still full: still kept, still 未保存
    assert page.header.saved_label.text() == "未保存"
    assert note.toPlainText() == "新品牌在促销"

    monkeypatch.undo()  # space was freed
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert day_ready.visits.get(vid).answers["competitor_info"] == "新品牌在促销"
    assert page.header.saved_label.text().startswith("已保存 ")
    assert page.header.saved_label.property("failed") is False
    assert not page.retry_button.isVisibleTo(page)
    assert not page.error_label.isVisibleTo(page)
    assert page.unsaved_changes() == ""


def test_the_next_change_sends_what_was_refused_and_keeps_the_newest(
    qtbot, page, day_ready, monkeypatch
):
    vid = _arrive(qtbot, page, _stops(day_ready)[0])
    model = page.grid.model
    _refuse(monkeypatch, day_ready, "save_grid")
    model.setData(model.index(0, 4), "6")  # stock, cartons
    assert model.index(0, 4).data() == "6"  # shown as typed
    assert page.header.saved_label.text() == "未保存"
    assert day_ready.visits.get(vid).grid[0].stock_cartons is None
    model.setData(model.index(0, 4), "7")  # typed again while the disk is full
    monkeypatch.undo()
    picker = page.form.fields["display_quality"].editor
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_2)  # the next change, once the cause is gone
    saved = day_ready.visits.get(vid)
    assert saved.answers["display_quality"] == "一般"
    assert saved.grid[0].stock_cartons == 7  # the newest value, not the older 6
    assert page.header.saved_label.text().startswith("已保存 ")


def test_another_shop_is_not_opened_over_unsaved_changes(qtbot, page, day_ready, monkeypatch):
    first, second = _stops(day_ready)[:2]
    _arrive(qtbot, page, first)
    _refuse(monkeypatch, day_ready, "set_time")
    page.edit_time("arrived_at", time(7, 5))
    assert page.header.arrived_edit.time().toString("HH:mm") == "07:05"  # kept on screen
    assert page.header.saved_label.text() == "未保存"
    messages: list[str] = []
    page.ctx.ops.message.connect(messages.append)
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, second.id)
    assert page.screen.customer.id == first.customer_id  # still this shop, edit still shown
    assert page.header.arrived_edit.time().toString("HH:mm") == "07:05"
    assert any("不能打开别的店" in m for m in messages)
    monkeypatch.undo()
    page.retry()
    assert page.visit.arrived_at.strftime("%H:%M") == "07:05"
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, second.id)
    assert page.screen.customer.id == second.customer_id


def _finished_visit(journal, customer_id, day):
    at = datetime.combine(day, time(8, 0))
    visit = journal.visits.start(customer_id, day=day, at=at)
    journal.visits.set_shop_status(visit.id, "open")
    journal.visits.save_answers(visit.id, GOOD_ANSWERS)
    journal.visits.finish(visit.id, at=at + timedelta(minutes=11))
    return journal.visits.get(visit.id)


def test_a_correction_with_a_reason_shows_in_the_history(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    visit = _finished_visit(day_ready, first.customer_id, MONDAY)
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, first.id)  # the plan's visited stop
    assert page.visit.id == visit.id and page.visit.status == "done"
    assert page.record_box.isVisibleTo(page)
    assert "还没有修改记录" in page.record_history.toPlainText()
    assert not page.correction_bar.isVisibleTo(page)

    picker = page.form.fields["display_quality"].editor
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_2)  # 一般
    page.header.time_edited.emit("arrived_at", time(7, 40))
    bar = page.correction_bar
    assert bar.isVisibleTo(page)
    assert "到店时间" in bar.changed_label.text() and "陈列状况" in bar.changed_label.text()
    assert day_ready.visits.get(visit.id).answers["display_quality"] == "规范整洁"  # not yet

    bar.save_button.click()  # no reason: refused, nothing written
    assert bar.error_label.text() == "请填写更正原因"
    assert day_ready.visits.get(visit.id).arrived_at.time() == time(8, 0)

    bar.reason_edit.setText("现场记错了")
    qtbot.keyClick(bar.reason_edit, Qt.Key.Key_Return)
    saved = day_ready.visits.get(visit.id)
    assert saved.answers["display_quality"] == "一般"
    assert saved.arrived_at.time() == time(7, 40)
    assert not bar.isVisibleTo(page)

    history = page.record_history.toPlainText()
    assert "到店时间" in history and "08:00 → 07:40" in history
    assert "陈列状况" in history and "规范整洁 → 一般" in history
    assert history.count("原因：现场记错了") == 2
    report = audit.verify(day_ready)
    assert report.ok and report.count == 2
    assert [e.reason for e in audit.history(day_ready, "visit", visit.id)] == ["现场记错了"] * 2


def test_undoing_a_correction_shows_the_saved_visit(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    visit = _finished_visit(day_ready, first.customer_id, MONDAY)
    with qtbot.waitSignal(page.opened):
        page.open_visit(visit.id)
    picker = page.form.fields["display_quality"].editor
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_3)
    assert page.correction_bar.isVisibleTo(page)
    page.correction_bar.undo_button.click()
    assert page.form.fields["display_quality"].value() == "规范整洁"
    assert not page.correction_bar.isVisibleTo(page)
    assert audit.verify(day_ready).count == 0


def test_closing_over_unsaved_changes_asks_first(qtbot, day_ready, monkeypatch):
    from fieldbook.qt.main_window import MainWindow

    ctx = make_ctx(day_ready)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.open_stop(MONDAY, _stops(day_ready)[0])
    _arrive(qtbot, page, _stops(day_ready)[0])
    _refuse(monkeypatch, day_ready, "save_answer")
    page.form.answer_changed.emit("display_position", "背柜")
    window.close()
    assert window.isVisible()  # not closed over what the database has not taken
    box = window.close_question
    assert box is not None and "展位" in box.text() and "会丢失" in box.text()
    next(b for b in box.buttons() if b.text() == "返回").click()
    assert window.isVisible() and page.unsaved
    window.close()
    next(b for b in window.close_question.buttons() if b.text() == "仍然退出").click()
    qtbot.waitUntil(lambda: not window.isVisible())
    ctx.hub.detach()
