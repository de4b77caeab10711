"""出勤 on screen: the plan page's bar marks the day 请假 with its type and a note (one action)
and takes the mark away (the other); the log page shows the same mark; the week page lists
the marked days, in Chinese and English names alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from qt_support import MONDAY, make_ctx, open_page, type_text

from fieldbook.core.journal import Journal
from fieldbook.qt.attendance_format import mark_text
from fieldbook.qt.pages.daylog_page import DayLogPage
from fieldbook.qt.pages.plan_page import PlanPage
from fieldbook.qt.pages.week_page import WeekPage


def _plan_page(qtbot, journal: Journal) -> PlanPage:
    page = PlanPage(make_ctx(journal, today=MONDAY))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.is_ready)
    return page


def test_marking_and_clearing_a_day_from_the_plan_page(qtbot, filled: Journal) -> None:
    page = _plan_page(qtbot, filled)
    bar = page.attendance
    qtbot.waitUntil(lambda: bar.status.text() == "出勤：在岗")
    assert bar.mark_button.isVisible() and not bar.clear_button.isVisible()
    qtbot.mouseClick(bar.mark_button, Qt.MouseButton.LeftButton)
    editor = bar.editor
    assert editor.isVisible() and editor.kind.currentData() == "leave"
    assert editor.leave_type.isVisible()  # a leave names its type
    editor.leave_type.setCurrentIndex(editor.leave_type.findData("sick"))
    type_text(editor.note, "发烧")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: filled.attendance.get(MONDAY) is not None)
    mark = filled.attendance.get(MONDAY)
    assert mark is not None and (mark.kind, mark.leave_type, mark.note) == ("leave", "sick", "发烧")
    qtbot.waitUntil(lambda: "请假（病假）" in bar.status.text())
    assert "发烧" in bar.status.text() and not editor.isVisible()
    # not a field day: the progress line gives no pace and no verdict
    line = page.progress.progress_label.text()
    assert line.startswith("请假（病假）：这天不计进度") and "进度" not in line.split("·")[-1]
    assert page.progress.pace_label.text() == ""
    assert bar.clear_button.isVisible()
    # a meeting names no leave type
    qtbot.mouseClick(bar.mark_button, Qt.MouseButton.LeftButton)
    editor.kind.setCurrentIndex(editor.kind.findData("meeting"))
    assert not editor.leave_type.isVisible()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "会议" in bar.status.text())
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.text() == "出勤：在岗")
    assert filled.attendance.get(MONDAY) is None
    assert "不计进度" not in page.progress.progress_label.text()  # a field day again


def test_escape_closes_the_editor_without_saving(qtbot, filled: Journal) -> None:
    page = _plan_page(qtbot, filled)
    bar = page.attendance
    qtbot.mouseClick(bar.mark_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(bar.editor.note, Qt.Key.Key_Escape)
    assert not bar.editor.isVisible()
    assert filled.attendance.get(MONDAY) is None


def test_the_log_page_shows_the_mark(qtbot, filled: Journal) -> None:
    filled.attendance.set(MONDAY, "training", note="新品培训")
    for page in open_page(qtbot, DayLogPage, filled, wait="ready"):
        page.load(MONDAY)
        qtbot.waitUntil(lambda p=page: "培训" in p.attendance.status.text())


def test_the_week_page_lists_the_marked_days(qtbot, filled: Journal) -> None:
    filled.attendance.set(MONDAY, "leave", leave_type="annual")
    for page in open_page(qtbot, WeekPage, filled, (1400, 900), wait="ready"):
        assert page.figures.text_of("attendance") == "11月30日 请假（年休假）"
        assert page.figures.text_of("visits") == "计划 0 户次，完成 0，完成率 —"


def test_english_names_come_from_the_configuration(monkeypatch) -> None:
    monkeypatch.setattr("fieldbook.qt.attendance_format.ui_language", lambda: "en")
    assert mark_text("leave", "sick") == "Leave (Sick leave)"
    assert mark_text("official") == "Other official duty"
    assert mark_text("unexplained") == "Unexplained"
    monkeypatch.setattr("fieldbook.qt.attendance_format.ui_language", lambda: "zh_CN")
    assert mark_text("leave", "family") == "请假（婚丧假）"
    assert mark_text("unexplained") == "未说明"
