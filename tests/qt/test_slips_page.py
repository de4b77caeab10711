"""The 反馈单 page: a slip from a visit's suggestion followed to 已办结, moves that need a
reason, a slip written by hand (the dialog keeps its input on errors), follow-ups, the plan
page's summary line, the visit screen's 生成反馈单, and the files (form, register, answers)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox
from qt_support import GOOD_ANSWERS, MONDAY, make_ctx, run_screenshot, type_text

from fieldbook.core import clock
from fieldbook.core.slips.service import SlipInput
from fieldbook.qt.dialogs.slip_dialog import SlipDialog
from fieldbook.qt.formatting import short_date
from fieldbook.qt.pages.slips_page import SlipsPage
from fieldbook.qt.slip_format import OVERDUE_BG

CTRL = Qt.KeyboardModifier.ControlModifier
NOTE = "柜台下发现疑似假中华 3 条"


def _page(qtbot, journal, today=MONDAY):
    ctx = make_ctx(journal, today=today)
    page = SlipsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1108, 780)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.waitUntil(lambda: page.is_ready)
    return page


def _customer(journal, name):
    return next(c for c in journal.customers.list() if c.shop_name == name)


def _violation_visit(journal, customer_id, day=MONDAY):
    at = datetime.combine(day, time(8))
    visit = journal.visits.start(customer_id, day=day, at=at)
    journal.visits.set_shop_status(visit.id, "open")
    journal.visits.save_answers(
        visit.id, {**GOOD_ANSWERS, "suspected_fake": True, "violation_note": NOTE}
    )
    journal.visits.finish(visit.id, at=at + timedelta(minutes=11))
    return journal.visits.get(visit.id)


def _sent_slip(journal, customer_id, category="no_order", at=None):
    slip = journal.slips.create(
        SlipInput(category=category, description="连续两周未订货", customer_id=customer_id),
        at=at or datetime.combine(MONDAY, time(9)),
    )
    return journal.slips.send(slip.id, actor="王建国", at=slip.created_at + timedelta(minutes=5))


def _show(page, slip_id):
    page.select_slip(slip_id)
    return lambda: page.slip is not None and page.slip.id == slip_id


def test_a_slip_from_a_visit_suggestion_followed_to_done(qtbot, day_ready):
    shop = _customer(day_ready, "张小便利店")
    visit = _violation_visit(day_ready, shop.id)
    page = _page(qtbot, day_ready)

    # the visit's suggestion is listed
    assert page.tabs.tabText(1) == "待处理的建议（1）"
    page.show_tab("suggestions")
    suggestion = page.suggestion_model.row_at(0)
    assert (suggestion.shop_name, suggestion.category) == ("张小便利店", "violation")
    assert "疑似假烟" in suggestion.finding and NOTE in suggestion.finding

    # 生成反馈单 opens the dialog prefilled from the visit
    page.suggestion_table.select_row(0)
    page.make_button.click()
    dialog = page.dialog
    assert isinstance(dialog, SlipDialog) and dialog.isVisible()
    assert dialog.category_combo.currentText() == "违纪"
    assert dialog.sub_combo.currentData() == "假烟"
    assert dialog.picker.customer_id == shop.id and dialog.picker.is_collapsed()
    assert "张小便利店" in dialog.picker.chosen_label.text()
    description = dialog.description_edit.toPlainText()
    assert description.startswith("11月30日走访发现：")
    assert "疑似假烟" in description and NOTE in description and "True" not in description
    checked = {code for code, box in dialog.dept_checks.items() if box.isChecked()}
    assert checked == {"monopoly", "market", "distribution", "phone"}  # 违纪: the regulation's
    assert not dialog.removal_edit.isVisibleTo(dialog)  # nothing left off: no reason asked

    # leaving two default departments off asks why, and saving without a reason is refused
    dialog.dept_checks["distribution"].setChecked(False)
    dialog.dept_checks["phone"].setChecked(False)
    assert dialog.removal_edit.isVisibleTo(dialog)
    said = dialog.removal_edit.placeholderText()
    assert "配送中心" in said and "电访部" in said and "市场部" not in said
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "原因" in dialog.error_label.text())
    assert dialog.isVisible() and day_ready.slips.list() == []
    dialog.removal_edit.setText("专卖办现场处理，不涉及配送和电访")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    rows = day_ready.slips.list()
    assert len(rows) == 1
    slip = day_ready.slips.get(rows[0].id)
    assert slip.removed_departments == (
        ("distribution", "专卖办现场处理，不涉及配送和电访"),
        ("phone", "专卖办现场处理，不涉及配送和电访"),
    )
    assert (slip.category, slip.sub_reason, slip.status) == ("violation", "假烟", "draft")
    assert slip.source_visit_id == visit.id and slip.customer["shop_name"] == "张小便利店"
    assert day_ready.slips.suggestions() == []  # the suggestion became this slip
    qtbot.waitUntil(lambda: page.suggestion_model.rowCount() == 0)
    qtbot.waitUntil(lambda: page.slip is not None and page.slip.id == slip.id)
    assert page.tabs.currentIndex() == 0
    assert page.detail.status_chip.text() == "草稿"

    # 发送, then every department's next step until 已落实
    assert page.send_button.isEnabled()
    page.send_button.click()
    assert day_ready.slips.get(slip.id).status == "sent"
    qtbot.waitUntil(lambda: page.detail.status_chip.text() == "已发送")
    assert not page.send_button.isEnabled()
    steps = (("received", "标记已接收"), ("handled", "标记已处理"), ("done", "标记已落实"))
    for dept, who in (("monopoly", "专卖办 赵强"), ("market", "市场部 李明")):
        for target, label in steps:
            row = page.detail.row_for(dept)
            assert row.next_button.text() == label
            row.next_button.click()
            assert row.bar.isVisibleTo(page) and row.reason_edit.isHidden()  # no reason asked
            row.actor_edit.setText(who)
            if target == "done":
                row.answer_edit.setText("已查处，罚没 3 条")
            row.confirm_button.click()
            qtbot.waitUntil(lambda d=dept, t=target: page.detail.row_for(d).delivery.state == t)
            assert page.detail.row_for(dept).bar.isHidden()
    assert page.detail.status_chip.text() == "已办结"

    done = day_ready.slips.get(slip.id)
    assert done.status == "done" and done.completed_at is not None
    for d in done.deliveries:
        assert [(e.from_state, e.to_state) for e in d.events] == [
            ("pending", "sent"),
            ("sent", "received"),
            ("received", "handled"),
            ("handled", "done"),
        ]
        assert d.events[0].actor == "王建国"  # sent by the manager
        assert all(e.actor.endswith(("赵强", "李明")) for e in d.events[1:])
        assert all(isinstance(e.at, datetime) for e in d.events)
        assert d.answer == "已查处，罚没 3 条"
    history = page.detail.history_rows()
    assert len(history) == 8
    assert ("专卖办", "已处理 → 已落实", "专卖办 赵强") in {(h[1], h[2], h[3]) for h in history}

    # 只看未办结 hides it; the whole list shows it 已办结
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.open_check.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, 4)) == "已办结"


def test_a_skip_or_a_return_needs_a_reason_which_is_kept(qtbot, day_ready):
    shop = _customer(day_ready, "李记烟酒店")
    slip = _sent_slip(day_ready, shop.id)
    page = _page(qtbot, day_ready)
    qtbot.waitUntil(_show(page, slip.id))
    row = page.detail.row_for("market")
    assert row.menu_targets() == ["handled", "done"]  # skips; the next step has its button

    action = next(a for a in row.more_menu.actions() if a.data() == "done")
    action.trigger()  # 跳到“已落实”…
    assert not row.reason_edit.isHidden()
    assert "跳过中间步骤" in row.prompt.text()
    row.confirm_button.click()  # without a reason
    assert "原因：请选择或填写原因" in row.error_label.text()
    assert row.bar.isVisibleTo(page)  # still open, nothing lost
    market = next(d for d in day_ready.slips.get(slip.id).deliveries if d.department == "market")
    assert market.state == "sent" and len(market.events) == 1  # nothing changed

    row.reason_edit.setText("当天电话落实，补记")
    qtbot.keyClick(row.reason_edit, Qt.Key.Key_Return)
    market = next(d for d in day_ready.slips.get(slip.id).deliveries if d.department == "market")
    assert market.state == "done"
    assert (market.events[-1].from_state, market.events[-1].reason) == (
        "sent",
        "当天电话落实，补记",
    )
    qtbot.waitUntil(lambda: page.detail.row_for("market").delivery.state == "done")
    assert any(h[5] == "当天电话落实，补记" for h in page.detail.history_rows())

    # 退回 likewise; afterwards only moves with a reason are offered
    row = page.detail.row_for("phone")
    row.return_button.click()
    row.confirm_button.click()
    assert "请选择或填写原因" in row.error_label.text()
    row.reason_edit.setText("信息不全，请补充负责人电话")
    row.confirm_button.click()
    qtbot.waitUntil(lambda: page.detail.row_for("phone").delivery.state == "returned")
    assert day_ready.slips.get(slip.id).status == "returned"
    assert page.detail.status_chip.text() == "退回"
    row = page.detail.row_for("phone")
    assert row.next_button.isHidden() and row.return_button.isHidden()
    assert "sent" in row.menu_targets()


def test_a_slip_by_hand_keeps_the_dialog_open_until_it_is_complete(qtbot, day_ready):
    page = _page(qtbot, day_ready)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    assert isinstance(dialog, SlipDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "新建反馈单"

    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("suspended"))
    assert dialog.return_edit.isVisibleTo(dialog) and dialog.effective_edit.isVisibleTo(dialog)
    assert not dialog.sku_box.isVisibleTo(dialog)
    checked = {code for code, box in dialog.dept_checks.items() if box.isChecked()}
    assert checked == {"distribution", "phone", "market", "monopoly"}  # 暂停: + 专卖办

    # the customer, from the customers search
    picker = dialog.picker
    type_text(picker.search, "李记")
    picker.search.flush()
    qtbot.waitUntil(lambda: picker.results.count() == 1)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    li = _customer(day_ready, "李记烟酒店")
    assert picker.customer_id == li.id and picker.is_collapsed()
    assert dialog.isVisible()  # Enter in the results chose the shop; it did not save

    dialog.sub_combo.setCurrentIndex(dialog.sub_combo.findData("装修"))
    dialog.effective_edit.set_value(MONDAY)
    dialog.description_edit.setPlainText("店面装修，暂停营业约两周")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "恢复日期：必填项为空"
    assert dialog.return_edit.edit.property("invalid") is True
    assert dialog.description_edit.toPlainText() == "店面装修，暂停营业约两周"  # kept
    assert day_ready.slips.list() == []

    dialog.return_edit.edit.setText("2026-12-32")
    dialog.save_button.click()
    assert "恢复日期：日期格式不对" in dialog.error_label.text()
    assert day_ready.slips.list() == []

    dialog.return_edit.edit.setText("2026/12/15")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (row,) = day_ready.slips.list()
    slip = day_ready.slips.get(row.id)
    assert (slip.category, slip.sub_reason) == ("suspended", "装修")
    assert (slip.effective_date, slip.return_date) == (MONDAY, date(2026, 12, 15))
    departments = {d.department for d in slip.deliveries}
    assert departments == {"distribution", "phone", "market", "monopoly"}
    assert slip.customer_id == li.id
    qtbot.waitUntil(lambda: page.slip is not None and page.slip.id == slip.id)


def test_brand_slips_need_skus_and_esc_asks_before_dropping_input(qtbot, day_ready):
    page = _page(qtbot, day_ready)
    dialog = page.new_slip()
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("brand"))
    qtbot.waitUntil(lambda: dialog.sku_list.count() > 0)
    dialog.picker.choose(_customer(day_ready, "王家超市").id)
    dialog.description_edit.setPlainText("新品未上柜")
    dialog.save_button.click()
    assert dialog.error_label.text() == "卷烟规格：必填项为空"
    sku = next(s for s in day_ready.catalog.list() if s.name == "中华(硬)")
    dialog.check_sku(sku.id)
    assert dialog.sku_count.text() == "已选 1 个规格"

    qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert isinstance(box, QMessageBox) and dialog.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()  # 继续填写
    assert dialog.isVisible() and dialog.description_edit.toPlainText() == "新品未上柜"
    dialog.send_button.click()  # 保存并发送
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (row,) = day_ready.slips.list()
    slip = day_ready.slips.get(row.id)
    assert slip.sku_names == ("中华(硬)",) and slip.status == "sent"


def test_overdue_slips_are_red_and_the_filters_work(qtbot, day_ready):
    zhang, li = _customer(day_ready, "张小便利店"), _customer(day_ready, "李记烟酒店")
    late = _sent_slip(day_ready, zhang.id, at=datetime(2026, 11, 20, 9))  # due 11-25
    fresh = _sent_slip(day_ready, li.id, category="violation")
    page = _page(qtbot, day_ready)
    assert page.model.rowCount() == 2
    row = page.model.row_of(lambda r: r.id == late.id)
    assert page.model.data(page.model.index(row, 6)) == "11月25日（超期 3 个工作日）"
    brush = page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == QColor(OVERDUE_BG)
    other = page.model.row_of(lambda r: r.id == fresh.id)
    assert page.model.data(page.model.index(other, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert page.count_label.text() == "共 2 张，超期 1 张"

    page.dept_combo.setCurrentIndex(page.dept_combo.findData("monopoly"))  # only 违纪 goes there
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).id == fresh.id
    page.dept_combo.setCurrentIndex(0)
    type_text(page.search, "张小")
    page.search.flush()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).id == late.id)
    page.search.clear()
    page.search.flush()
    page.date_check.setChecked(True)  # 11-01 .. today, both slips
    page.start_edit.setDate(page.start_edit.date().addDays(25))  # from 11-26
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).id == fresh.id)

    # Enter on a slip goes to its detail, the cursor on the first action
    page.table.setFocus()
    page.table.select_row(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.detail.row_for("market").next_button.hasFocus()


def test_attachments_are_added_and_opened(qtbot, day_ready, tmp_path):
    slip = _sent_slip(day_ready, _customer(day_ready, "张小便利店").id, category="violation")
    page = _page(qtbot, day_ready)
    qtbot.waitUntil(_show(page, slip.id))
    assert "需附现场照片" in page.detail.attach_hint.text()
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 2000)
    page.attach(slip.id, photo)
    assert [a.filename for a in day_ready.slips.get(slip.id).attachments] == ["现场.jpg"]
    qtbot.waitUntil(lambda: page.detail.attachment_list.count() == 1)
    assert page.detail.attach_hint.text() == ""
    opened = []
    page.open_file = lambda path: opened.append(path) or True
    page.detail._open_item(page.detail.attachment_list.item(0))
    stored = day_ready.slips.get(slip.id).attachments[0].path
    assert opened == [stored] and stored.read_bytes() == photo.read_bytes()


def test_followups_are_created_and_closed_with_a_note(qtbot, day_ready):
    li = _customer(day_ready, "李记烟酒店")
    old = day_ready.followups.create(
        li.id, "复查价签", source="manual", due_days=1, at=datetime(2026, 11, 20, 9)
    )
    page = _page(qtbot, day_ready)
    assert page.tabs.tabText(2) == "跟踪事项（1）"
    dialog = page.new_followup()
    assert page.tabs.currentIndex() == 2
    assert dialog.source_combo.currentText() == "电访员反馈"
    dialog.picker.choose(_customer(day_ready, "王家超市").id)
    dialog.requested_edit.setText("电访员 刘丽")
    dialog.days_spin.setValue(2)
    assert dialog.due_label.text() == "到期：12月2日 周三"
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.error_label.text() == "内容：应为 2–500 个字"
    dialog.text_edit.setPlainText("店主反映断货黄鹤楼(软蓝)，请协调补货")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    new = next(f for f in day_ready.followups.list() if f.id != old.id)
    assert (new.source, new.requested_by, new.due_date) == (
        "phone_staff",
        "电访员 刘丽",
        date(2026, 12, 2),
    )
    qtbot.waitUntil(lambda: page.followup_model.rowCount() == 2)
    model = page.followup_model
    r = model.row_of(lambda f: f.id == new.id)
    assert [model.data(model.index(r, c)) for c in range(5)] == [
        "王家超市",
        "电访员反馈",
        "电访员 刘丽",
        "店主反映断货黄鹤楼(软蓝)，请协调补货",
        "12月2日",
    ]
    late = model.row_of(lambda f: f.id == old.id)
    assert model.data(model.index(late, 4)).startswith("11月23日（超期")
    brush = model.data(model.index(late, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == QColor(OVERDUE_BG)
    assert model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is None

    page.activateWindow()  # the offscreen platform does not give it back when a dialog closes
    qtbot.waitUntil(page.isActiveWindow)
    page.followup_table.select_row(r)
    page.close_followup_button.click()
    assert page.close_bar.isVisibleTo(page) and page.close_note.hasFocus()
    type_text(page.close_note, "已协调配送中心补货")
    qtbot.keyClick(page.close_note, Qt.Key.Key_Return)
    closed = day_ready.followups.get(new.id)
    assert (closed.status, closed.close_note, closed.closed_by) == (
        "closed",
        "已协调配送中心补货",
        "王建国",
    )
    qtbot.waitUntil(lambda: page.followup_model.rowCount() == 1)
    assert not page.close_bar.isVisibleTo(page)
    page.closed_check.setChecked(True)
    qtbot.waitUntil(lambda: page.followup_model.rowCount() == 2)
    r = model.row_of(lambda f: f.id == new.id)
    assert model.data(model.index(r, 6)) == "已协调配送中心补货"


def test_a_followup_found_again_says_so(qtbot, day_ready):
    """A later visit that finds the same thing attaches to the open follow-up: the list
    shows one follow-up, found again, not two."""
    shop = _customer(day_ready, "王家超市")
    for day in (MONDAY, MONDAY + timedelta(days=1)):
        at = datetime.combine(day, time(8))
        visit = day_ready.visits.start(shop.id, day=day, at=at)
        day_ready.visits.set_shop_status(visit.id, "open")
        day_ready.visits.save_answers(visit.id, {**GOOD_ANSWERS, "display_quality": "杂乱"})
        day_ready.visits.finish(visit.id, at=at + timedelta(minutes=11))
    (fu,) = [f for f in day_ready.followups.list() if f.customer_id == shop.id]
    page = _page(qtbot, day_ready)
    qtbot.waitUntil(lambda: page.followup_model.rowCount() > 0)
    model = page.followup_model
    r = model.row_of(lambda f: f.id == fu.id)
    assert model.data(model.index(r, 3)) == (
        f"复查陈列整改（再次发现 1 次，最近 {short_date(fu.last_seen_at.date())}）"
    )


def test_a_followup_reaches_the_plan_stop_and_the_visit_screen(qtbot, day_ready):
    from fieldbook.qt.pages.plan_page import PlanPage
    from fieldbook.qt.pages.visit_page import VisitPage

    zhang = _customer(day_ready, "张小便利店")
    day_ready.followups.create(
        zhang.id,
        "电访员反馈：要求加订中华",
        source="phone_staff",
        at=datetime.combine(MONDAY, time(9)),
    )
    plan = PlanPage(make_ctx(day_ready))
    qtbot.addWidget(plan)
    qtbot.waitUntil(lambda: plan.is_ready)
    row = plan.model.row_of(lambda s: s.customer_id == zhang.id)
    assert plan.model.data(plan.model.index(row, 5)) == "1"  # 跟踪
    visit = VisitPage(make_ctx(day_ready))
    qtbot.addWidget(visit)
    with qtbot.waitSignal(visit.opened):
        visit.open_stop(MONDAY, plan.model.row_at(row).id)
    texts = [box.accessibleName() for box in visit.followups.boxes()]
    assert texts == ["已处理：电访员反馈：要求加订中华（12月3日到期）"]


def test_the_plan_page_counts_slips_and_followups_due(qtbot, day_ready):
    from fieldbook.core.routine.day_summary import DaySummary
    from fieldbook.qt.pages.plan_page import PlanPage

    zhang, li = _customer(day_ready, "张小便利店"), _customer(day_ready, "李记烟酒店")
    wang = _customer(day_ready, "王家超市")
    _sent_slip(day_ready, zhang.id, category="violation", at=datetime(2026, 11, 26, 9))  # due today
    _sent_slip(day_ready, li.id, at=datetime(2026, 11, 20, 9))  # due 11-25: overdue
    _sent_slip(day_ready, wang.id)  # due 12-03
    done = _sent_slip(day_ready, wang.id, category="other", at=datetime(2026, 11, 2, 9))
    for d in done.deliveries:
        day_ready.slips.advance(d.id, "done", reason="现场一次办结")  # overdue but 已办结
    fu = day_ready.followups
    fu.create(zhang.id, "今天到期的事", due_date=MONDAY)
    late = fu.create(li.id, "超期的事", due_date=MONDAY - timedelta(days=3))
    fu.create(wang.id, "下次走访时", due_days=None)
    fu.create(wang.id, "以后的事", due_days=5)

    page = PlanPage(make_ctx(day_ready))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary is not None)
    assert page.summary == DaySummary(
        slips_due=1, slips_overdue=1, followups_due=2, followups_overdue=1
    )
    assert page.summary_text() == (
        "反馈单：到期 1 张，超期 1 张 · 跟踪事项：到期 2 项（超期 1 项）"
    )
    with qtbot.waitSignal(page.slips_requested) as signal:
        page.summary_label.linkActivated.emit("followups")
    assert signal.args == ["followups"]

    fu.close(late.id, "已处理")
    qtbot.waitUntil(lambda: page.summary.followups_due == 1)
    assert page.summary_text().endswith("跟踪事项：到期 1 项")


def test_the_summary_line_opens_the_slips_page_on_its_tab(qtbot, day_ready):
    from fieldbook.qt.main_window import MainWindow

    ctx = make_ctx(day_ready)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    plan = window.pages["plan"]
    qtbot.waitUntil(lambda: plan.summary is not None)
    plan.summary_label.linkActivated.emit("followups")
    assert window.current_key == "slips"
    assert window.pages["slips"].tabs.currentIndex() == 2
    ctx.hub.detach()


def test_the_visit_screen_makes_the_suggested_slip_in_one_action(qtbot, day_ready):
    from fieldbook.qt.pages.visit_page import VisitPage

    page = VisitPage(make_ctx(day_ready))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    stop = day_ready.plans.get(MONDAY).stops[0]
    draft = day_ready.visits.start(
        stop.customer_id, day=MONDAY, at=clock.now() - timedelta(minutes=15), plan_stop_id=stop.id
    )
    day_ready.visits.set_shop_status(draft.id, "open")
    day_ready.visits.save_answers(
        draft.id, {**GOOD_ANSWERS, "suspected_fake": True, "violation_note": NOTE}
    )
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)
    assert page.slip_button.isHidden()
    with qtbot.waitSignal(page.finished):
        page.finish_button.click()
    qtbot.waitUntil(lambda: page.slip_button.isVisibleTo(page))
    assert "建议填写反馈单：违纪" in page.status_line.text()
    page.slip_button.click()
    dialog = page.slip_dialog
    assert isinstance(dialog, SlipDialog) and dialog.isVisible()
    assert dialog.category_combo.currentData() == "violation"
    assert dialog.picker.customer_id == stop.customer_id
    assert NOTE in dialog.description_edit.toPlainText()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (row,) = day_ready.slips.list()
    assert day_ready.slips.get(row.id).source_visit_id == draft.id
    assert page.slip_button.isHidden()  # nothing left to make from that visit


# --- files: the printable form, the register, the departments' answers ---------------------------
def test_export_the_form_and_the_register(qtbot, day_ready, tmp_path):
    pytest.importorskip("fieldbook.core.reports.slip_form", reason="slip export not available yet")
    from openpyxl import load_workbook

    slip = _sent_slip(day_ready, _customer(day_ready, "张小便利店").id)
    page = _page(qtbot, day_ready)
    qtbot.waitUntil(_show(page, slip.id))
    chooser = page.choose_form_file()
    assert chooser.selectedFiles()[0].endswith(f"反馈单_{slip.number}.xlsx")
    chooser.reject()
    form = tmp_path / "form.xlsx"
    page.export_form_to(slip.id, form)
    values = [c.value for row in load_workbook(form).active.iter_rows() for c in row]
    assert "客户信息反馈单" in values and any(slip.number in str(v) for v in values if v)

    dialog = page.export_register()
    register = tmp_path / "register.xlsx"
    dialog.export_to(register)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wb = load_workbook(register)
    numbers = [r[0] for r in wb["登记表"].iter_rows(min_row=3, values_only=True)]
    assert numbers == [slip.number, slip.number]  # one row per department


def test_an_export_failure_is_shown(qtbot, day_ready, tmp_path):
    pytest.importorskip("fieldbook.core.reports.slip_form", reason="slip export not available yet")
    page = _page(qtbot, day_ready)
    dialog = page.export_register()
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-1))
    dialog.export_to(tmp_path / "never.xlsx")
    assert dialog.isVisible()
    assert dialog.error_label.text() == "登记表没有导出：开始日期晚于结束日期"
    assert not (tmp_path / "never.xlsx").exists()


def test_import_answers_previews_then_applies(qtbot, day_ready, tmp_path):
    pytest.importorskip("fieldbook.core.slips.answers", reason="slip answers not available yet")
    from openpyxl import load_workbook

    from fieldbook.core.reports.slip_register import export_register

    slip = _sent_slip(day_ready, _customer(day_ready, "张小便利店").id)
    path = export_register(day_ready, tmp_path / "r.xlsx", start=MONDAY, end=MONDAY)
    wb = load_workbook(path)
    ws = wb["登记表"]
    header = [c.value for c in ws[2]]
    for n in (3, 4):
        if ws.cell(n, header.index("部门") + 1).value == "电访部":
            ws.cell(n, header.index("状态") + 1).value = "已落实"
            ws.cell(n, header.index("处理人") + 1).value = "电访部 刘丽"
            ws.cell(n, header.index("答复") + 1).value = "已电话确认"
    wb.save(path)

    page = _page(qtbot, day_ready)
    dialog = page.import_answers()
    dialog.set_file(path)
    dialog._file_dialog.reject()  # the file was given directly
    qtbot.waitUntil(lambda: dialog.report is not None)
    (plan,) = dialog.plan_rows()
    assert plan[1:5] == (slip.number, "电访部", "已发送 → 已接收 → 已处理 → 已落实", "电访部 刘丽")
    assert dialog.problem_rows() == []
    phone = next(d for d in day_ready.slips.get(slip.id).deliveries if d.department == "phone")
    assert phone.state == "sent"  # a preview changes nothing
    assert dialog.import_button.isEnabled() and not dialog.skip_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    phone = next(d for d in day_ready.slips.get(slip.id).deliveries if d.department == "phone")
    assert (phone.state, phone.answer, phone.handled_by) == ("done", "已电话确认", "电访部 刘丽")


@pytest.mark.slow  # a child process (screenshot mode)
def test_screenshot_mode_shows_the_slips_page_with_its_detail(day_ready, db_url, tmp_path):
    """A real process with the real worker: the page reports ready once the detail is shown."""
    _sent_slip(day_ready, _customer(day_ready, "张小便利店").id, category="violation")
    day_ready.close()
    png = tmp_path / "slips.png"
    result = run_screenshot(db_url, png, "slips")
    assert result.returncode == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
