"""The plan page: built on first open, stops in order with reasons and states, progress,
reordering (keys and drag-and-drop), skip/remove/restore with reasons, adding customers,
tomorrow's plan, the route sheet and the recovery banner."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from qt_support import GOOD_ANSWERS, MONDAY, make_ctx, type_text

from fieldbook.core import clock, workdays
from fieldbook.qt.pages.plan_page import PlanPage

TUESDAY = MONDAY + timedelta(days=1)
SUNDAY = date(2026, 12, 6)
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _page(qtbot, journal, day=MONDAY, show=False):
    page = PlanPage(make_ctx(journal, today=day))
    qtbot.addWidget(page)
    if show:
        page.resize(1200, 760)
        page.show()
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        page.table.setFocus()
    qtbot.waitUntil(lambda: page.is_ready)
    return page


def _names(page):
    return [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]


def _core_names(journal, day=MONDAY):
    return [s.shop_name for s in journal.plans.get(day).stops]


def test_the_plan_is_built_on_first_open_and_shown_in_order(qtbot, filled):
    assert filled.plans.get(MONDAY) is None
    page = _page(qtbot, filled)
    assert filled.plans.get(MONDAY) is not None  # built through the core
    model = page.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "序号",
        "客户",
        "负责人/电话",
        "原因",
        "状态",
        "跟踪",
    ]
    assert _names(page) == ["张小便利店", "李记烟酒店"]  # the suspended shop is left out
    assert model.data(model.index(0, 0)) == "1"
    assert model.data(model.index(0, 2)) == "张小 13904561234"
    assert model.data(model.index(0, 3)) == "线路"
    assert model.data(model.index(0, 4)) == "待访"
    assert page.progress_label.text().startswith("已访 0 / 计划 2（目标 30）")
    assert "周一线路" in page.day_label.text()
    assert not page.notice.isVisibleTo(page)


def test_a_sunday_is_not_planned_by_itself(qtbot, filled):
    page = _page(qtbot, filled, SUNDAY)
    assert filled.plans.get(SUNDAY) is None
    assert "不是工作日" in page.notice.text()
    assert page.build_button.isVisibleTo(page) and not page.table.isVisibleTo(page)
    page.build_button.click()
    assert filled.plans.get(SUNDAY) is not None


def test_holiday_and_uncovered_year_notices(qtbot, filled):
    page = _page(qtbot, filled)
    page.load(date(2026, 10, 1))
    qtbot.waitUntil(lambda: "国庆节" in page.notice.text())
    page.load(date(2031, 3, 3))
    qtbot.waitUntil(lambda: "节假日数据未覆盖 2031 年" in page.notice.text())


def test_previous_and_next_working_day(qtbot, filled):
    page = _page(qtbot, filled, date(2026, 12, 4), show=True)  # a Friday
    qtbot.keyClick(page.table, Qt.Key.Key_Right, ALT)
    assert page.day == date(2026, 12, 7)  # Monday: the weekend is skipped
    qtbot.keyClick(page.table, Qt.Key.Key_Left, ALT)
    assert page.day == date(2026, 12, 4)


def test_ctrl_down_moves_a_stop_and_the_order_persists(qtbot, filled):
    page = _page(qtbot, filled, show=True)
    page.table.select_row(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, CTRL)
    assert _core_names(filled) == ["李记烟酒店", "张小便利店"]
    qtbot.waitUntil(lambda: _names(page) == ["李记烟酒店", "张小便利店"])
    assert page.current_stop().shop_name == "张小便利店"  # the moved stop stays selected
    qtbot.keyClick(page.table, Qt.Key.Key_Up, CTRL)
    assert _core_names(filled) == ["张小便利店", "李记烟酒店"]


def test_drag_and_drop_reorders_and_persists(qtbot, filled):
    from fieldbook.core.master.customers import CustomerInput

    filled.customers.create(CustomerInput("230902100009", "第三家", route="周一线路"))
    page = _page(qtbot, filled)
    assert _names(page) == ["张小便利店", "李记烟酒店", "第三家"]
    model = page.model
    data = model.mimeData([model.index(2, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())  # drop above row 0
    assert _core_names(filled) == ["第三家", "张小便利店", "李记烟酒店"]
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # first to last
    assert _core_names(filled) == ["张小便利店", "李记烟酒店", "第三家"]
    qtbot.waitUntil(lambda: _names(page) == ["张小便利店", "李记烟酒店", "第三家"])


def test_skip_remove_and_restore_with_reasons(qtbot, filled):
    page = _page(qtbot, filled, show=True)
    page.table.select_row(0)
    qtbot.keyClick(page.table, Qt.Key.Key_S, ALT)  # 未访…
    assert page.reason_bar.isVisibleTo(page)
    assert page.reason_bar.combo.currentText() == "关门未遇"
    qtbot.keyClick(page.reason_bar.combo, Qt.Key.Key_Return)
    stop = filled.plans.get(MONDAY).stops[0]
    assert (stop.state, stop.state_reason) == ("skipped", "关门未遇")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 4)) == "未访：关门未遇")

    page.table.select_row(1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # 移除…
    line = page.reason_bar.combo.lineEdit()
    line.selectAll()
    type_text(line, "店主外出一周")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    stop = filled.plans.get(MONDAY).stops[1]
    assert (stop.state, stop.state_reason) == ("removed", "店主外出一周")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(1, 4)) == "已移除：店主外出一周")

    page.table.select_row(1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_R, ALT)
    assert filled.plans.get(MONDAY).stops[1].state == "planned"


def test_escape_cancels_the_reason(qtbot, filled):
    page = _page(qtbot, filled, show=True)
    page.ask_skip()
    qtbot.keyClick(page.reason_bar.combo, Qt.Key.Key_Escape)
    assert not page.reason_bar.isVisibleTo(page)
    assert filled.plans.get(MONDAY).stops[0].state == "planned"


def test_plan_tomorrow_carries_over_what_was_not_visited(qtbot, filled):
    page = _page(qtbot, filled, show=True)
    first = filled.plans.get(MONDAY).stops[0]
    filled.plans.skip_stop(first.id, "关门未遇")
    qtbot.keyClick(page.table, Qt.Key.Key_T, ALT)  # 排明天的计划
    assert page.day == TUESDAY
    tomorrow = filled.plans.get(TUESDAY)
    assert tomorrow is not None
    qtbot.waitUntil(lambda: page.data is not None and page.data.day == TUESDAY)
    assert "王家超市" in _names(page)
    row = _names(page).index("张小便利店")
    assert page.model.data(page.model.index(row, 3)) == "顺延：11月30日未走访（关门未遇）"


def test_add_a_customer_with_a_note(qtbot, filled):
    page = _page(qtbot, filled, show=True)
    dialog = page.add_customer()
    qtbot.addWidget(dialog)
    type_text(dialog.search, "王家")
    dialog.search.flush()
    assert dialog.results.count() == 1
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # to the results
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)  # pick it: on to the note
    type_text(dialog.note_edit, "店主来电要求")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    stop = filled.plans.get(MONDAY).stops[-1]
    assert (stop.shop_name, stop.reasons, stop.reason_note) == (
        "王家超市",
        ("added",),
        "店主来电要求",
    )
    qtbot.waitUntil(lambda: page.current_stop() is not None and page.current_stop().id == stop.id)
    assert page.model.data(page.model.index(2, 3)) == "临时增加：店主来电要求"


def test_waiting_carry_overs_can_be_added(qtbot, filled):
    monday = filled.plans.build(MONDAY)
    for stop in monday.stops:
        filled.plans.skip_stop(stop.id, "时间不够")
    filled.plans.build(TUESDAY, target=1)  # room for the route only
    page = _page(qtbot, filled, TUESDAY)
    assert page.waiting_box.isVisibleTo(page) or page.waiting_list.count() == 2
    assert page.waiting_list.count() == 2
    assert "未走访（时间不够）" in page.waiting_list.item(0).text()
    page.waiting_add.click()
    assert len(filled.plans.get(TUESDAY).stops) == 2
    qtbot.waitUntil(lambda: page.waiting_list.count() == 1)


def test_enter_opens_the_visit_of_the_stop(qtbot, filled):
    page = _page(qtbot, filled, show=True)
    page.table.select_row(1)
    with qtbot.waitSignal(page.visit_requested) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    day, stop = signal.args
    assert day == MONDAY and stop.shop_name == "李记烟酒店"


def test_progress_counts_a_finished_visit(qtbot, filled):
    page = _page(qtbot, filled)
    stop = filled.plans.get(MONDAY).stops[0]
    visit = filled.visits.start(stop.customer_id, day=MONDAY)
    filled.visits.set_shop_status(visit.id, "open")
    filled.visits.save_answers(visit.id, GOOD_ANSWERS)
    filled.visits.finish(visit.id)
    qtbot.waitUntil(lambda: page.progress_label.text().startswith("已访 1 / 计划 2"))
    assert page.model.data(page.model.index(0, 4)).startswith("已访 ")


def test_a_day_to_come_shows_its_plan_without_a_pace(qtbot, filled):
    day = workdays.next_working_day(clock.today())  # after the pinned clock's today
    page = _page(qtbot, filled, day)
    text = page.progress_label.text()
    assert text.startswith("计划 ") and "（目标 30）" in text
    assert "已访" not in text and "已用" not in text and "进度" not in text
    assert page.pace_label.text() == "" and not page.progress_label.property("behind")


def test_export_the_route_sheet(qtbot, filled, tmp_path):
    page = _page(qtbot, filled)
    target = tmp_path / "路线单.xlsx"
    page.export_to(target)
    assert target.exists() and target.stat().st_size > 1000


def test_the_recovery_banner_offers_the_draft(qtbot, filled):
    filled.plans.build(MONDAY)
    customer = filled.customers.list("李记")[0]
    draft = filled.visits.start(customer.id, day=MONDAY)
    page = _page(qtbot, filled)
    assert page.banner.isVisibleTo(page)
    assert (
        "有未完成的走访：李记烟酒店（11月30日"
        in page.banner.findChild(type(page.day_label), "draftText").text()
    )
    resume, _discard = page.banner.buttons[0]
    with qtbot.waitSignal(page.draft_requested) as signal:
        resume.click()
    assert signal.args == [draft.id]


def test_discarding_a_draft_asks_first(qtbot, filled):
    filled.plans.build(MONDAY)
    customer = filled.customers.list("李记")[0]
    filled.visits.start(customer.id, day=MONDAY)
    page = _page(qtbot, filled)
    box = page.confirm_discard(page.data.drafts[0])
    assert filled.visits.drafts()  # nothing happens before the answer
    box.button(QMessageBox.StandardButton.Discard).click()
    assert filled.visits.drafts() == []
    qtbot.waitUntil(lambda: not page.banner.isVisibleTo(page))
