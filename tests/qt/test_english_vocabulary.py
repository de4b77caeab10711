"""The configuration's vocabularies in an English interface (decision 0016): the checklist's
sections, items and options, the plan's reasons, the customer vocabulary read in English
while what is saved stays exactly what a Chinese interface saves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from qt_support import GOOD_ANSWERS, MONDAY, make_ctx, open_page, show_widget

from fieldbook.core.slips.service import SlipInput
from fieldbook.qt import i18n
from fieldbook.qt.dialogs.customer_dialog import CustomerDialog
from fieldbook.qt.dialogs.slip_dialog import SlipDialog
from fieldbook.qt.operations.slips import load_suggestions, prefill_from_suggestion
from fieldbook.qt.pages.plan_page import PlanPage
from fieldbook.qt.pages.visit_page import VisitPage
from fieldbook.qt.slip_format import category_name, department_short, follow_up_text
from fieldbook.qt.widgets.form_fields import ChoiceCombo, OptionPicker
from fieldbook.qt.widgets.visit_history import visit_html

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("FIELDBOOK_LANG", "zh_CN")  # install() sets it; restored afterwards
    assert i18n.install(qapp, "en") == "en"
    yield
    i18n.install(qapp, "zh_CN")


def _visit_page(qtbot, journal) -> Iterator[VisitPage]:
    yield from open_page(qtbot, VisitPage, journal, wait="active")


@pytest.fixture
def english_visit(qtbot, english, day_ready) -> Iterator[VisitPage]:
    yield from _visit_page(qtbot, day_ready)


@pytest.fixture
def chinese_visit(qtbot, day_ready) -> Iterator[VisitPage]:
    assert i18n.ui_language() == "zh_CN"
    yield from _visit_page(qtbot, day_ready)


def _arrive(qtbot, page: VisitPage, journal) -> str:
    stop = journal.plans.get(MONDAY).stops[0]
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # 到店
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # 正常营业
    assert page.visit is not None
    return page.visit.id


def _texts(picker: OptionPicker) -> list[str]:
    return [b.text() for b in picker.buttons]


def test_an_english_checklist_saves_the_chinese_option(qtbot, english_visit, day_ready) -> None:
    page = english_visit
    visit_id = _arrive(qtbot, page, day_ready)
    form = page.form
    assert form.groups["display"].title() == "Display (Alt+1)"  # the hotkey of issue 15 item 3
    assert form.fields["display_quality"].label.text() == "Display state *"
    picker = form.fields["display_quality"].editor
    assert isinstance(picker, OptionPicker)
    assert _texts(picker) == ["1 Neat", "2 Fair", "3 Messy"]
    qtbot.mouseClick(picker.buttons[2], Qt.MouseButton.LeftButton)  # Messy
    assert day_ready.visits.get(visit_id).answers["display_quality"] == "杂乱"
    assert form.label_of("display_quality") == "Display state"

    form.set_answers({**day_ready.visits.get(visit_id).answers, "will_order": "不订"})
    combo = form.fields["no_order_reason"].editor
    assert isinstance(combo, ChoiceCombo)
    assert combo.itemText(1) == "1 Short of money"
    combo.setCurrentIndex(2)  # Enough stock
    assert combo.value() == "库存充足"

    explained = form.fields["policy_explained"].checks
    assert [box.text() for box in explained][:2] == ["Supply", "Prices"]
    explained[1].setChecked(True)
    assert day_ready.visits.get(visit_id).answers["policy_explained"] == ["价格政策"]


def test_the_chinese_checklist_is_unchanged(qtbot, chinese_visit, day_ready) -> None:
    page = chinese_visit
    visit_id = _arrive(qtbot, page, day_ready)
    form = page.form
    assert form.groups["display"].title() == "展位与陈列（Alt+1）"
    assert form.fields["display_quality"].label.text() == "陈列状况 *"
    picker = form.fields["display_quality"].editor
    assert _texts(picker) == ["1 规范整洁", "2 一般", "3 杂乱"]
    qtbot.mouseClick(picker.buttons[2], Qt.MouseButton.LeftButton)
    assert day_ready.visits.get(visit_id).answers["display_quality"] == "杂乱"
    box = form.fields["policy_explained"].checks[0]
    assert isinstance(box, QCheckBox) and box.text() == "货源政策"


def test_an_english_skip_reason_is_stored_as_configured(qtbot, english, filled) -> None:
    page = PlanPage(make_ctx(filled, today=MONDAY))
    show_widget(qtbot, page, (1200, 760), "active")
    qtbot.waitUntil(lambda: page.is_ready)
    page.table.select_row(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S, ALT)
    assert page.reason_bar.combo.currentText() == "Closed, nobody there"
    qtbot.keyClick(page.reason_bar.combo, Qt.Key.Key_Return)
    stop = filled.plans.get(MONDAY).stops[0]
    assert (stop.state, stop.state_reason) == ("skipped", "关门未遇")


def test_the_customer_dialog_names_codes_in_english(qtbot, english, ctx, filled) -> None:
    row = filled.customers.by_code("230902100001")
    dialog = CustomerDialog(ctx, row)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.formatCombo.currentText() == "Convenience"
    assert ui.formatCombo.currentData() == "B"
    assert ui.statusCombo.currentText() == "Active"
    assert ui.marketTypeCombo.findText("Rural") >= 0


def test_a_suggestion_reads_in_english_and_its_slip_is_prefilled_in_chinese(day_ready) -> None:
    _finished_visit(day_ready, {"new_product": "未上柜"})
    [english] = load_suggestions(day_ready, "en")
    assert english.finding == "New products listed: Not listed"
    [chinese] = load_suggestions(day_ready)
    assert chinese.finding == "新品上柜：未上柜"
    # what goes to the departments is worded as before, whatever the interface language
    assert "新品上柜：未上柜" in prefill_from_suggestion(day_ready, english.id).description


def test_a_follow_up_the_rules_opened_reads_in_english(english) -> None:
    assert follow_up_text("复查陈列整改") == "Check the display was put right"
    assert follow_up_text("店主说下周再来") == "店主说下周再来"  # someone wrote it: as written
    assert category_name("violation") == "Violation" and department_short("phone") == "Phone sales"


def test_in_chinese_the_slip_names_are_the_configurations() -> None:
    assert follow_up_text("复查陈列整改") == "复查陈列整改"
    assert category_name("violation") == "违纪" and department_short("phone") == "电访"


def test_the_slip_dialog_offers_english_names_and_keeps_the_configured_values(
    qtbot, english, ctx
) -> None:
    dialog = SlipDialog(ctx, SlipInput(category="violation", description=""))
    qtbot.addWidget(dialog)
    assert dialog.category_combo.currentText() == "Violation"
    assert dialog.category_combo.currentData() == "violation"
    counterfeit = dialog.sub_combo.findData("假烟")
    assert dialog.sub_combo.itemText(counterfeit) == "Counterfeit"
    dialog.sub_combo.setCurrentIndex(dialog.sub_combo.findData("其他"))
    assert dialog.sub_combo.currentText() == "Other"
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("no_order"))
    assert dialog.sub_combo.currentData() == "其他"  # kept by its value, not its English name
    assert dialog.dept_checks["monopoly"].text() == "Monopoly"


def _finished_visit(journal, answers: dict) -> str:
    customer = journal.plans.get(MONDAY).stops[0].customer_id
    at = datetime.combine(MONDAY, time(8))
    visit = journal.visits.start(customer, day=MONDAY, at=at)
    journal.visits.set_shop_status(visit.id, "open")
    journal.visits.save_answers(visit.id, {**GOOD_ANSWERS, **answers})
    journal.visits.finish(visit.id, at=at + timedelta(minutes=11))
    return visit.id


def test_a_past_visit_reads_in_english(english, day_ready) -> None:
    visit = day_ready.visits.get(_finished_visit(day_ready, {"display_quality": "杂乱"}))
    assert visit.answers["display_quality"] == "杂乱"
    text = visit_html(visit)
    assert "Open" in text and "Found: Display problem" in text
    assert "Display state <b>Messy</b>" in text and "杂乱" not in text
