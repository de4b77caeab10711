"""Issue 16 on screen: 忽略… asks why (a 违纪 suggestion only with a fixed reason, a file
optional) and the dismissal is kept; the work log's 未订货客户 rows open a follow-up for the
next visit and a prefilled 不订货 slip."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from qt_support import GOOD_ANSWERS, MONDAY, make_ctx, monday_worked, open_page, show_widget

from fieldbook.core import workdays
from fieldbook.core.journal import Journal
from fieldbook.core.store.models import SlipSuggestion
from fieldbook.qt.dialogs.dismiss_dialog import DismissDialog
from fieldbook.qt.dialogs.followup_dialog import FollowUpDialog
from fieldbook.qt.dialogs.slip_dialog import SlipDialog
from fieldbook.qt.pages.daylog_page import DayLogPage
from fieldbook.qt.pages.slips_page import SlipsPage


def _visit(journal: Journal, shop: str, answers: dict[str, object]) -> None:
    customer = next(c for c in journal.customers.list() if c.shop_name == shop)
    at = datetime.combine(MONDAY, time(8))
    visit = journal.visits.start(customer.id, day=MONDAY, at=at)
    journal.visits.set_shop_status(visit.id, "open")
    journal.visits.save_answers(visit.id, {**GOOD_ANSWERS, **answers})
    journal.visits.finish(visit.id, at=at + timedelta(minutes=11))


def _stored(journal: Journal, suggestion_id: str) -> tuple[str, str, str]:
    with journal.reading() as s:
        sug = s.get_one(SlipSuggestion, suggestion_id)
        return sug.status, sug.dismiss_reason, sug.dismiss_file_name


@pytest.fixture
def slips_page(qtbot, day_ready: Journal):
    _visit(day_ready, "张小便利店", {"suspected_fake": True, "violation_note": "两条疑似假烟"})
    page = show_widget(qtbot, SlipsPage(make_ctx(day_ready)), (1280, 800), "ready")
    page.show_tab("suggestions")
    qtbot.waitUntil(lambda: page.suggestion_model.rowCount() == 1)
    page.suggestion_table.select_row(0)
    return page


def test_a_violation_is_dismissed_only_with_a_fixed_reason(
    qtbot, slips_page, day_ready: Journal, tmp_path: Path
) -> None:
    sid = slips_page.suggestion_model.row_at(0).id
    assert slips_page.dismiss_button.text() == "忽略…"
    slips_page.dismiss_button.click()
    dialog = slips_page.suggestions_tab.dismiss_dialog
    assert isinstance(dialog, DismissDialog) and dialog.isVisible()
    assert not dialog.reason_combo.isEditable()  # nothing but the fixed reasons
    offered = [dialog.reason_combo.itemData(i) for i in range(dialog.reason_combo.count())]
    assert offered == ["", "复查无误", "已由专卖办现场处理", "误报（勾选错误）"]
    assert dialog.attach_picker.isVisibleTo(dialog)  # a file may go with it
    dialog.save_button.click()  # no reason chosen: refused, nothing dismissed
    qtbot.waitUntil(lambda: "原因" in dialog.error_label.text())
    assert dialog.isVisible() and _stored(day_ready, sid)[0] == "suggested"

    photo = tmp_path / "复查.jpg"
    photo.write_bytes(b"\xff\xd8 a photo" * 10)
    dialog.attach_picker.add(photo)
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("已由专卖办现场处理"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(day_ready, sid) == ("dismissed", "已由专卖办现场处理", "复查.jpg")
    qtbot.waitUntil(lambda: slips_page.suggestion_model.rowCount() == 0)


def test_another_suggestion_takes_a_typed_reason(qtbot, day_ready: Journal) -> None:
    _visit(day_ready, "李记烟酒店", {"will_order": "不订", "no_order_reason": "资金不足"})
    page = show_widget(qtbot, SlipsPage(make_ctx(day_ready)), (1280, 800), "ready")
    page.show_tab("suggestions")
    qtbot.waitUntil(lambda: page.suggestion_model.rowCount() == 1)
    page.suggestion_table.select_row(0)
    sid = page.suggestion_model.row_at(0).id
    dialog = page.suggestions_tab.dismiss_suggestion()
    assert dialog is not None and dialog.reason_combo.isEditable()
    assert not dialog.attach_picker.isVisibleTo(dialog)
    dialog.reason_combo.setEditText("店主说下周订货")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(day_ready, sid) == ("dismissed", "店主说下周订货", "")


@pytest.fixture
def log_page(qtbot, day_ready: Journal, tmp_path: Path):
    monday_worked(day_ready, tmp_path / "orders.xlsx", (("07:41", "07:55"), ("08:05", "08:14")))
    yield from open_page(qtbot, DayLogPage, day_ready, wait="ready")


def test_a_non_ordering_customer_gets_a_follow_up_or_a_slip(qtbot, log_page, day_ready) -> None:
    box = log_page.indicators.non_box
    assert box.table.rowCount() == 1 and box.table.item(0, 1).text() == "李记烟酒店"
    assert not box.followup_button.isEnabled()  # nothing chosen yet
    box.table.selectRow(0)
    assert box.followup_button.isEnabled() and box.slip_button.isEnabled()
    li = next(c for c in day_ready.customers.list() if c.shop_name == "李记烟酒店")

    box.followup_button.click()
    follow = log_page.non_orderer_actions.dialog
    assert isinstance(follow, FollowUpDialog) and follow.isVisible()
    assert follow.picker.customer_id == li.id and follow.days_spin.value() == 1
    assert "问清原因" in follow.text_edit.toPlainText()
    follow.save_button.click()
    qtbot.waitUntil(lambda: not follow.isVisible())
    (made,) = [f for f in day_ready.followups.list() if f.customer_id == li.id]
    assert made.due_date == workdays.add_working_days(MONDAY, 1)  # tomorrow's visit

    box.slip_button.click()
    slip = log_page.non_orderer_actions.dialog
    assert isinstance(slip, SlipDialog) and slip.isVisible()
    assert slip.category_combo.currentData() == "no_order"
    assert slip.picker.customer_id == li.id
    assert slip.description_edit.toPlainText().startswith(f"{MONDAY.month}月{MONDAY.day}日应订货")
    checked = {code for code, b in slip.dept_checks.items() if b.isChecked()}
    assert checked == {"phone", "market"}
    slip.save_button.click()
    qtbot.waitUntil(lambda: not slip.isVisible())
    (row,) = day_ready.slips.list()
    assert row.category == "no_order" and row.shop_name == "李记烟酒店"
