"""The visit screen: a whole visit from the keyboard, "same as last time", a closed shop,
autosave with a bad value kept as typed, the draft reused as the recovery key."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCheckBox, QLabel
from qt_support import GOOD_ANSWERS, MONDAY, open_page

from fieldbook.core import clock
from fieldbook.core.store import audit
from fieldbook.qt.pages.visit_page import VisitPage
from fieldbook.qt.widgets.form_fields import ChoiceCombo, NoteEdit, NumberEdit, OptionPicker
from fieldbook.qt.widgets.sku_grid import SkuGridView

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def _stops(journal):
    return journal.plans.get(MONDAY).stops


@pytest.fixture
def page(qtbot, day_ready):
    yield from open_page(qtbot, VisitPage, day_ready, wait="active")


def _open(qtbot, page, stop):
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)
    assert page.screen is not None and page.screen.customer.id == stop.customer_id


def _arrive_open(qtbot, page, journal):
    """The first stop opened, 到店 (Enter) and 1 正常营业, from the keyboard."""
    first = _stops(journal)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_Return)
    _press(qtbot, Qt.Key.Key_1)
    return first


def _focused():
    return QApplication.focusWidget()


def _in_the_shop(minutes=10):
    """Let ``minutes`` pass on the app's clock (a visit is not seconds long)."""
    clock.pin(clock.now() + timedelta(minutes=minutes))


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = _focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_opening_a_shop_writes_nothing_and_focuses_arrival(qtbot, page, day_ready):
    stop = _stops(day_ready)[0]
    _open(qtbot, page, stop)
    assert day_ready.visits.drafts() == []
    assert page.visit is None
    assert page.header.arrive_button.hasFocus()
    assert not page.finish_button.isEnabled()
    assert page.grid.model.rowCount() > 0  # the grid the shop will get, shown before arrival


def test_a_whole_visit_with_the_keyboard_only(qtbot, page, day_ready):
    first, second = _stops(day_ready)[:2]
    _open(qtbot, page, first)

    _press(qtbot, Qt.Key.Key_Return)  # 到店: arrival is one key
    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit is not None and visit.status == "draft" and visit.arrived_at is not None
    assert _focused() is page.status_picker

    _press(qtbot, Qt.Key.Key_1)  # 1 正常营业
    assert day_ready.visits.get(visit.id).shop_status == "open"
    _press(qtbot, Qt.Key.Key_Return)

    # The checklist, top to bottom: digits pick options, numbers are typed, Enter moves on.
    fields = {f.editor: f.item for f in page.form.fields.values()}
    seen = []
    for _ in range(80):
        widget = _focused()
        if isinstance(widget, SkuGridView):
            break
        item = fields.get(widget)
        if item is not None:
            seen.append(item.id)
        if isinstance(widget, OptionPicker) and item is not None and item.required:
            no = item.type == "bool" and item.id.startswith(("suspected", "ecig"))
            _press(qtbot, Qt.Key.Key_2 if no else Qt.Key.Key_1)
        elif isinstance(widget, NumberEdit) and item is not None and item.required:
            qtbot.keyClicks(widget, "0")
        else:
            assert isinstance(
                widget, OptionPicker | NumberEdit | NoteEdit | QCheckBox | ChoiceCombo
            )
        _press(qtbot, Qt.Key.Key_Return)
    else:
        pytest.fail("Enter never reached the SKU grid")
    assert seen[0] == "display_position"  # the tab order follows the form
    assert "display_fixed" not in seen  # hidden: the display was tidy
    assert "violation_note" not in seen  # hidden: nothing suspicious
    assert "promoters_count" not in seen  # hidden: a 便利店 has no promoters

    # One grid row: Space ticks 上柜, digits start editing, Enter moves on.
    grid = page.grid
    assert grid.view.currentIndex().row() == 0 and grid.view.currentIndex().column() == 2
    _press(qtbot, Qt.Key.Key_Space)
    for text in ("3", "5", "2", "23.5"):
        _press(qtbot, Qt.Key.Key_Return) if grid.view.currentIndex().column() == 2 else None
        for char in text:  # each key goes where the focus is (the cell editor once open)
            qtbot.keyClicks(_focused(), char)
        _press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: grid.view.state() != QAbstractItemView.State.EditingState)
    row = day_ready.visits.get(visit.id).grid[0]
    assert (row.on_shelf, row.facings, row.stock_cartons, row.stock_packs, row.price_fen) == (
        True,
        3,
        5,
        2,
        2350,
    )

    _in_the_shop()
    _press(qtbot, Qt.Key.Key_Return, CTRL)  # finish, and on to the next shop
    done = day_ready.visits.get(visit.id)
    assert done.status == "done"
    assert done.answers["display_position"] == "柜台正面"
    assert "promoters_count" not in done.answers
    stop = next(s for s in _stops(day_ready) if s.id == first.id)
    assert stop.state == "visited"
    qtbot.waitUntil(
        lambda: page.screen is not None and page.screen.customer.id == second.customer_id
    )
    assert page.visit is None  # the next shop waits for its arrival
    assert page.header.arrive_button.hasFocus()
    assert "已完成：张小便利店" in page.status_line.text()


def _finished_visit(journal, customer_id, day, answers=None, grid=None):
    at = datetime.combine(day, datetime.min.time()).replace(hour=8)
    visit = journal.visits.start(customer_id, day=day, at=at)
    journal.visits.set_shop_status(visit.id, "open")
    journal.visits.save_answers(visit.id, answers or GOOD_ANSWERS)
    for sku_id, values in (grid or {}).items():
        journal.visits.save_grid(visit.id, sku_id, **values)
    journal.visits.finish(visit.id, at=at + timedelta(minutes=11))
    return journal.visits.get(visit.id)


def test_same_as_last_time_then_finish_in_a_few_keys(qtbot, page, day_ready):
    first = _stops(day_ready)[1]  # 李记烟酒店: a 烟酒商店 has promoters
    rows = day_ready.visits.grid_skus(first.customer_id)
    last = _finished_visit(
        day_ready,
        first.customer_id,
        MONDAY - timedelta(days=7),
        {**GOOD_ANSWERS, "promoters_count": 2, "promoter_opinion": "满意", "notes": "旧话"},
        {rows[0].sku_id: {"on_shelf": True, "facings": 4, "stock_cartons": 6}},
    )
    _open(qtbot, page, first)
    assert "11月23日" in page.history.toPlainText()

    # An unchanged shop in five keys: arrive, 同上次, 已核对 (counts and intentions checked,
    # unchanged), 已核对柜台与库房库存 = 是 (done today, never carried), finish.
    keys = (
        (Qt.Key.Key_A, ALT),
        (Qt.Key.Key_D, CTRL),
        (Qt.Key.Key_D, CTRL | SHIFT),
        (Qt.Key.Key_1, NONE),
        (Qt.Key.Key_Return, CTRL),
    )
    for key, modifier in keys:
        if modifier == CTRL and key == Qt.Key.Key_Return:
            _in_the_shop()  # the keys take seconds here; a real visit some minutes
        _press(qtbot, key, modifier)
    assert len(keys) <= 5
    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit is not None and visit.status == "done" and visit.id != last.id
    assert visit.answers["promoters_count"] == 2 and visit.answers["promoter_opinion"] == "满意"
    assert "notes" not in visit.answers  # free text is not carried forward
    carried = next(r for r in visit.grid if r.sku_id == rows[0].sku_id)
    assert (carried.on_shelf, carried.facings, carried.stock_cartons) == (True, 4, 6)
    # recorded as confirmed, not as counted
    assert visit.carried.source == last.id
    assert {"promoters_count", "promoter_opinion"} <= set(visit.carried.confirmed)
    assert visit.carried.confirmed_skus == (rows[0].sku_id,)
    assert "display_position" in visit.carried.copied


def test_enter_after_ctrl_d_does_not_finish(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    rows = day_ready.visits.grid_skus(first.customer_id)
    _finished_visit(
        day_ready,
        first.customer_id,
        MONDAY - timedelta(days=7),
        {**GOOD_ANSWERS, "will_order": "会订"},
        {rows[0].sku_id: {"on_shelf": True, "facings": 4, "stock_cartons": 6}},
    )
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_A, ALT)
    _press(qtbot, Qt.Key.Key_D, CTRL)
    assert not page.finish_button.hasFocus()
    for _ in range(3):
        _press(qtbot, Qt.Key.Key_Return)
    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit is not None and visit.status == "draft"
    # stock and 本周订货 are not copied: last time's values wait, greyed, for 已核对
    assert "will_order" not in visit.answers
    assert all(r.stock_cartons is None for r in visit.grid)
    previous = page.form.fields["will_order"].previous
    assert previous is not None and previous.isVisibleTo(page) and "会订" in previous.text()
    assert page.side.confirm_button.isVisibleTo(page)
    assert "1 个规格待核对" in page.grid_box.title()
    # the grid shows last time's stock greyed in the empty cell; editing starts empty
    model = page.grid.model
    cell = model.index(model.row_of(rows[0].sku_id), 4)  # 库存(条)
    assert model.data(cell) == "6" and model.data(cell, Qt.ItemDataRole.EditRole) == ""
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert "待核对" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    # a visit ready to finish: even with the focus on 完成, Enter and Space do not press it
    _press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    assert model.data(cell) == "6" and model.data(cell, Qt.ItemDataRole.ForegroundRole) is None
    day_ready.visits.save_answer(visit.id, "stock_checked", True)
    page.open_visit(visit.id)
    qtbot.waitUntil(lambda: page.answers.get("stock_checked") is True)
    _in_the_shop()
    page.finish_button.setFocus()
    assert _focused() is page.finish_button
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
        _press(qtbot, key)
    assert day_ready.visits.get(visit.id).status == "draft"
    _press(qtbot, Qt.Key.Key_Return, CTRL)  # only the explicit shortcut finishes
    assert day_ready.visits.get(visit.id).status == "done"


def test_ctrl_d_never_overwrites_a_typed_answer(qtbot, page, day_ready):
    """A resumed draft keeps what was typed before 同上次."""
    first = _stops(day_ready)[0]
    _finished_visit(day_ready, first.customer_id, MONDAY - timedelta(days=7))
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: page.visit is not None)
    day_ready.visits.set_shop_status(page.visit.id, "open")
    day_ready.visits.save_answer(page.visit.id, "display_position", "背柜")
    page.open_visit(page.visit.id)  # the draft as it is after a restart
    qtbot.waitUntil(lambda: page.form.fields["display_position"].value() == "背柜")
    _press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: page.form.fields["suspected_fake"].value() is False)
    assert page.form.fields["display_position"].value() == "背柜"
    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit is not None and visit.answers["display_position"] == "背柜"


def test_ctrl_d_fills_the_form_before_finishing(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    _finished_visit(day_ready, first.customer_id, MONDAY - timedelta(days=7))
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_Return)
    _press(qtbot, Qt.Key.Key_D, CTRL)
    assert page.status_picker.value() == "open"
    assert page.form.fields["display_position"].value() == "柜台正面"
    assert page.form.fields["suspected_fake"].value() is False


def test_a_closed_shop_is_finished_at_once(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_A, ALT)
    _press(qtbot, Qt.Key.Key_4)  # 4 已关业
    assert page.status_picker.value() == "closed"
    assert not page.form.isVisibleTo(page) and not page.grid_box.isVisibleTo(page)
    assert "关业" in page.status_hint.text()
    _press(qtbot, Qt.Key.Key_Return, CTRL)
    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit.status == "done" and visit.shop_status == "closed"
    assert visit.slip_suggestions == ("closed",)
    assert "建议填写反馈单：关业" in page.last_result


def test_missing_required_items_are_named_and_focused(qtbot, page, day_ready):
    first = _arrive_open(qtbot, page, day_ready)
    _press(qtbot, Qt.Key.Key_Return, CTRL)
    assert day_ready.visits.for_customer_on(first.customer_id, MONDAY).status == "draft"
    assert "还有必填项没有填写：展位" in page.error_label.text()
    assert _focused() is page.form.fields["display_position"].editor


def test_every_change_is_saved_at_once_and_a_bad_number_is_kept(qtbot, page, day_ready):
    _arrive_open(qtbot, page, day_ready)
    picker = page.form.fields["display_quality"].editor
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_3)  # 杂乱
    visit_id = page.visit.id
    assert day_ready.visits.get(visit_id).answers["display_quality"] == "杂乱"  # not finished
    assert page.header.saved_label.text().startswith("已保存 ")
    assert page.form.is_shown("display_fixed")  # visibility follows the answer at once

    number = page.form.fields["promoters_count"].editor
    number.setFocus()
    qtbot.keyClicks(number, "99")
    page.form.flush()
    assert number.text() == "99"  # kept as typed
    assert "0–20" in page.form.fields["promoters_count"].error.text()
    assert "promoters_count" not in day_ready.visits.get(visit_id).answers
    number.clear()
    qtbot.keyClicks(number, "3")
    page.form.flush()
    assert day_ready.visits.get(visit_id).answers["promoters_count"] == 3
    assert not page.form.fields["promoters_count"].error.isVisibleTo(page)


def test_a_bad_grid_value_is_kept_and_marked(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_Return)
    model = page.grid.model
    index = model.index(0, 4)
    model.setData(index, "999")  # more cartons than the core allows
    assert model.data(index) == "999"
    assert model.errors()
    assert page.grid.error_label.isVisibleTo(page)
    model.setData(index, "4")
    assert not model.errors()
    assert day_ready.visits.get(page.visit.id).grid[0].stock_cartons == 4


def test_price_line_gaps_are_computed_live(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_Return)
    model = page.grid.model
    assert page.grid.gaps_label.text() == ""
    top = next(n for n, r in enumerate(model.rows()) if r.price_class == 1)
    model.setData(model.index(top, 4), "2")
    assert page.grid.gaps_label.text() == "价格段断档：二类、三类、四类"


def test_time_edits_keep_the_first_time(qtbot, page, day_ready):
    from datetime import time

    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_Return)
    arrived = page.visit.arrived_at
    earlier = (datetime.combine(MONDAY, arrived.time()) - timedelta(minutes=20)).time()
    page.header.time_edited.emit("arrived_at", time(earlier.hour, earlier.minute))
    visit = day_ready.visits.get(page.visit.id)
    assert visit.arrived_at.time().replace(second=0) == time(earlier.hour, earlier.minute)
    assert len(visit.time_edits) == 1
    assert page.header.arrived_note.text() == "原 " + arrived.strftime("%H:%M")


def test_reopening_a_shop_continues_its_draft_and_no_other(qtbot, page, day_ready):
    first, second = _stops(day_ready)[:2]
    draft = day_ready.visits.start(first.customer_id, day=MONDAY)
    day_ready.visits.set_shop_status(draft.id, "open")
    day_ready.visits.save_answer(draft.id, "display_position", "背柜")
    with qtbot.waitSignal(page.opened):
        page.open_visit(draft.id)
    assert page.visit.id == draft.id
    assert page.form.fields["display_position"].value() == "背柜"
    _open(qtbot, page, second)
    assert page.visit is None
    assert page.form.fields["display_position"].value() is None
    _press(qtbot, Qt.Key.Key_Return)
    assert page.visit.id != draft.id and page.visit.customer_id == second.customer_id


def test_escape_goes_back_to_the_plan(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.back_requested):
        _press(qtbot, Qt.Key.Key_Escape)


def test_escape_loses_nothing_typed(qtbot, page, day_ready):
    _arrive_open(qtbot, page, day_ready)
    note = page.form.fields["competitor_info"].editor
    note.setFocus()
    qtbot.keyClicks(note, "new brand")  # still inside the typing pause
    assert page.form.has_pending()
    view = page.grid.view
    view.setFocus()
    view.setCurrentIndex(page.grid.model.index(0, 3))
    qtbot.keyClick(view, Qt.Key.Key_7)  # a cell editor is open with "7"
    assert view.state() == QAbstractItemView.State.EditingState
    with qtbot.waitSignal(page.back_requested):
        page.header.back_button.click()  # ← 计划: the open cell is committed, not dropped
    visit = day_ready.visits.get(page.visit.id)
    assert visit.answers["competitor_info"] == "new brand"
    assert visit.grid[0].facings == 7


def test_escape_in_a_cell_cancels_that_cell_then_leaves_the_grid_then_goes_back(
    qtbot, page, day_ready
):
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_Return)
    view = page.grid.view
    view.setFocus()
    view.setCurrentIndex(page.grid.model.index(0, 3))
    qtbot.keyClick(view, Qt.Key.Key_7)
    backs = []
    page.back_requested.connect(lambda: backs.append(1))
    _press(qtbot, Qt.Key.Key_Escape)  # like any table: Esc undoes the cell being typed
    assert view.state() != QAbstractItemView.State.EditingState
    assert day_ready.visits.get(page.visit.id).grid[0].facings is None
    assert view.hasFocus()
    _press(qtbot, Qt.Key.Key_Escape)  # the next Esc leaves the grid, not the shop
    assert not view.hasFocus() and not view.isAncestorOf(_focused())
    assert backs == []
    with qtbot.waitSignal(page.back_requested):
        _press(qtbot, Qt.Key.Key_Escape)  # outside the grid: back to the plan


def test_a_very_short_visit_asks_once(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: page.visit is not None)
    day_ready.visits.set_shop_status(page.visit.id, "open")
    day_ready.visits.save_answers(page.visit.id, GOOD_ANSWERS)
    page.open_visit(page.visit.id)
    qtbot.waitUntil(lambda: page.shop_status == "open")
    _in_the_shop(1)  # one minute in the shop
    page.finish()
    box = page.finishing.question
    assert box is not None and box.isVisible() and "1 分钟" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the default: go on filling in
    qtbot.waitUntil(lambda: page.finishing.question is None)
    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit is not None and visit.status == "draft"
    page.finish()  # asked once: the explicit finish now goes through
    assert page.finishing.question is None
    qtbot.waitUntil(
        lambda: day_ready.visits.for_customer_on(first.customer_id, MONDAY).status == "done"
    )


def test_undo_after_finishing(qtbot, page, day_ready):
    """撤销完成 (Ctrl+Z) follows every finish: the visit is a draft again, shown, audited."""
    first, second = _stops(day_ready)[:2]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: page.visit is not None)
    day_ready.visits.set_shop_status(page.visit.id, "open")
    day_ready.visits.save_answers(page.visit.id, GOOD_ANSWERS)
    page.open_visit(page.visit.id)
    qtbot.waitUntil(lambda: page.shop_status == "open")
    vid = page.visit.id
    _in_the_shop()
    _press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: page.screen is not None and page.screen.customer.id == second.customer_id
    )
    assert day_ready.visits.get(vid).status == "done"
    assert page.undo_button.isVisibleTo(page)

    _press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: page.visit is not None and page.visit.id == vid)
    assert page.visit.status == "draft" and page.finish_button.isEnabled()
    assert not page.undo_button.isVisibleTo(page)
    stop = next(s for s in _stops(day_ready) if s.id == first.id)
    assert stop.state == "planned"
    assert any(r.field == "status" for r in audit.history(day_ready, "visit", vid))


def test_undo_is_gone_once_the_next_shop_is_arrived_at(qtbot, page, day_ready):
    first, second = _stops(day_ready)[:2]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: page.visit is not None)
    _press(qtbot, Qt.Key.Key_4)  # 已关业: finished at once
    _press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: page.screen is not None and page.screen.customer.id == second.customer_id
    )
    assert page.undo_button.isVisibleTo(page)
    _press(qtbot, Qt.Key.Key_Return)  # 到店 at the next shop
    qtbot.waitUntil(lambda: page.visit is not None)
    assert not page.undo_button.isVisibleTo(page)
    _press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing to undo any more
    assert day_ready.visits.for_customer_on(first.customer_id, MONDAY).status == "done"


def test_enter_in_a_multi_select_goes_on_to_the_next_item(qtbot, page, day_ready):
    """宣传讲解 (a multi-select): Enter goes on to the next item, not box by box."""
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    _press(qtbot, Qt.Key.Key_A, ALT)
    _press(qtbot, Qt.Key.Key_1)  # 正常营业
    field = page.form.fields["policy_explained"]
    field.checks[0].setFocus()
    _press(qtbot, Qt.Key.Key_Space)  # ticks 货源政策
    _press(qtbot, Qt.Key.Key_Return)
    focused = _focused()
    assert focused not in field.checks
    assert focused is page.form.fields["competitor_info"].editor
    qtbot.waitUntil(lambda: page.answers.get("policy_explained") == ["货源政策"])


def test_a_long_follow_up_wraps_instead_of_being_cut(qtbot, page, day_ready):
    first = _stops(day_ready)[0]
    long_text = (
        "电访员反馈：店主要求下周加订中华（硬）和黄鹤楼（软蓝）各两条，并核实上次订单少送一条"
    )
    day_ready.followups.create(first.customer_id, long_text)
    _open(qtbot, page, first)
    (box,) = page.followups.boxes()
    assert long_text in box.accessibleName()
    label = next(w for w in page.followups.findChildren(QLabel) if long_text in w.text())
    assert label.wordWrap()
    qtbot.waitUntil(lambda: 0 < label.width() <= page.followups.width())
