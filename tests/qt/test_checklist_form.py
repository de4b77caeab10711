"""The visit checklist form on version 2 (decision 0022), at a shop of each kind: 促销员 shown
(and starred) only at the 业态 that have promoters, the new compliance items asked everywhere;
a visit recorded on version 1 still shown with its own form and words."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel
from qt_support import GOOD_ANSWERS, MONDAY, open_page, show_widget

from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.routine.checklist import load_checklist
from fieldbook.core.store.models import Visit
from fieldbook.qt.pages.visit_page import VisitPage
from fieldbook.qt.widgets.checklist_form import ChecklistForm

PROMOTERS = ("promoters_count", "promoter_opinion")
NEW_ITEMS = ("licence_match", "minors_sign", "ecig_on_sale", "terminal_type", "site_upkeep")


@pytest.fixture
def page(qtbot, day_ready):
    yield from open_page(qtbot, VisitPage, day_ready, wait="active")


def _open(qtbot, page, journal, shop_name: str) -> None:
    stop = next(s for s in journal.plans.get(MONDAY).stops if s.shop_name == shop_name)
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)


@pytest.mark.parametrize("shop_format", [t.code for t in vocabulary().formats])
def test_the_v2_form_at_a_shop_of_each_kind(qtbot, shop_format: str) -> None:
    checklist = load_checklist("visit", 2).for_shop(shop_format)
    form = show_widget(qtbot, ChecklistForm(checklist))
    form.update_visibility("open", {"promoters_count": 1, "licence_displayed": True})
    has_promoters = shop_format in ("S", "N", "Y")  # 超市, 商场, 烟酒商店
    assert all(form.is_shown(i) == has_promoters for i in PROMOTERS), shop_format
    assert form.groups["promoters"].isVisibleTo(form) == has_promoters
    assert all(form.is_shown(i) for i in NEW_ITEMS), shop_format
    assert not form.is_shown("violation_note")
    form.update_visibility("open", {"ecig_on_sale": True})
    assert form.is_shown("violation_note")  # 电子烟 on sale: say what was seen


def test_a_shop_without_promoters_is_not_asked_about_them(qtbot, page, day_ready):
    _open(qtbot, page, day_ready, "张小便利店")  # 便利店
    assert page.visit is None and page.checklist.version == 2  # before arrival: the newest
    assert not page.form.is_shown("promoters_count") and page.form.is_shown("minors_sign")
    page.header.arrive_button.click()
    qtbot.waitUntil(lambda: page.visit is not None)
    page.edits.set_status("open")
    qtbot.waitUntil(lambda: page.form.is_shown("minors_sign"))
    assert page.checklist.version == 2
    assert not page.form.is_shown("promoters_count")
    labels = {w.text() for w in page.form.findChildren(QLabel)}
    assert "在售电子烟 *" in labels
    assert "许可证与店铺相符 *" in labels


def test_a_tobacco_and_wine_shop_is_asked_about_promoters(qtbot, page, day_ready):
    _open(qtbot, page, day_ready, "李记烟酒店")  # 烟酒商店
    assert page.visit is None and page.form.is_shown("promoters_count")
    page.header.arrive_button.click()
    qtbot.waitUntil(lambda: page.visit is not None)
    page.edits.set_status("open")
    qtbot.waitUntil(lambda: page.form.is_shown("promoters_count"))
    answers = {k: v for k, v in GOOD_ANSWERS.items() if k != "promoters_count"}
    day_ready.visits.save_answers(page.visit.id, answers)
    assert page.checklist.missing("open", answers) == ["promoters_count"]


def test_a_v1_visit_is_shown_with_v1(qtbot, page, day_ready):
    stop = next(s for s in day_ready.plans.get(MONDAY).stops if s.shop_name == "张小便利店")
    at = datetime.combine(MONDAY, datetime.min.time()).replace(hour=8)
    visit = day_ready.visits.start(stop.customer_id, day=MONDAY, at=at)
    with day_ready.writing("visits") as s:
        s.get(Visit, visit.id).checklist_version = 1
    day_ready.visits.set_shop_status(visit.id, "open")
    v1_ids = {i.id for i in load_checklist("visit", 1).items}
    v1_answers = {k: v for k, v in GOOD_ANSWERS.items() if k in v1_ids}
    day_ready.visits.save_answers(visit.id, {**v1_answers, "ad_material": "部分缺失"})
    day_ready.visits.finish(visit.id, at=at + timedelta(minutes=11))
    _open(qtbot, page, day_ready, "张小便利店")
    assert page.visit is not None and page.visit.status == "done"
    assert page.checklist.version == 1 and "ad_material" in page.form.fields
    assert page.form.is_shown("ad_material") and "ecig_on_sale" not in page.form.fields
    assert page.form.label_of("ad_material").startswith("宣传品")
