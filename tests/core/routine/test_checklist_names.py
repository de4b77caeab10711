"""The visit checklist in English (decision 0016): every section, item, option, shop status
and finding of every released version is named in its ``.en.toml``; the stored values and the
released template do not change."""

from __future__ import annotations

import pytest

from fieldbook.core.display_names import english_names
from fieldbook.core.routine.checklist import available_versions, load_checklist
from fieldbook.core.routine.checklist_names import checklist_names, visit_names
from fieldbook.core.routine.visit_grid import OUT_OF_STOCK_FOLLOW_UP


@pytest.mark.parametrize("version", available_versions("visit"))
def test_every_part_of_a_released_checklist_has_an_english_name(version: int) -> None:
    checklist = load_checklist("visit", version)
    english = english_names(f"checklists/visit_v{version}")
    assert isinstance(english.get("title"), str)
    assert set(english["sections"]) == {s.id for s in checklist.sections}
    assert set(english["shop_statuses"]) == {s.code for s in checklist.shop_statuses}
    assert set(english["findings"]) == set(checklist.findings)
    assert set(english["items"]) == {i.id for i in checklist.items}
    follow_ups = {i.flag.follow_up for i in checklist.items if i.flag and i.flag.follow_up}
    follow_ups |= {s.follow_up for s in checklist.shop_statuses if s.follow_up}
    assert set(english["follow_ups"]) == follow_ups | {OUT_OF_STOCK_FOLLOW_UP}
    for item in checklist.items:
        named = english["items"][item.id]
        assert isinstance(named.get("label"), str), item.id
        assert set(named.get("options", {})) == set(item.options), item.id
    names = checklist_names(checklist, "en")
    shown = [
        names.title,
        *(names.section(s.id) for s in checklist.sections),
        *(names.item(i) for i in checklist.items),
        *(name for i in checklist.items for _, name in names.options(i)),
        *(names.status(s.code) for s in checklist.shop_statuses),
        *(names.finding(code) for code in checklist.findings),
    ]
    assert all(text.strip() and text.isascii() for text in shown)


def test_english_names_keep_the_stored_values() -> None:
    names = visit_names("en")
    item = names.checklist.item("price_tags")
    assert names.options(item) == [
        ("齐全规范", "Complete"),
        ("部分缺失", "Some missing"),
        ("无价签", "No tags"),
    ]
    assert names.item("price_tags") == "Prices marked"
    assert names.item(item) == "Prices marked"
    assert names.section("price") == "Prices and price tags"
    assert names.status("absent") == "Closed, nobody there"
    assert names.finding("licence") == "Licence not displayed"
    assert names.follow_up("复查陈列整改") == "Check the display was put right"
    assert names.follow_up("店主说下周再来") == "店主说下周再来"  # written by someone
    assert names.finding_named("未悬证亮证") == "Licence not displayed"
    assert item.options == ("齐全规范", "部分缺失", "无价签")  # the template itself unchanged


def test_in_chinese_the_names_are_the_checklists_own() -> None:
    names = visit_names("zh_CN")
    item = names.checklist.item("price_tags")
    assert names.title == "走访检查表"
    assert names.item(item) == "明码标价"
    assert names.options(item) == [(o, o) for o in item.options]
    assert names.section("price") == "价格与价签"
    assert names.status("absent") == "关门未遇"
    assert names.finding("licence") == "未悬证亮证"
    assert names.follow_up("复查陈列整改") == "复查陈列整改"
    assert names.finding_named("未悬证亮证") == "未悬证亮证"
    assert names.item("no_such_item") == "no_such_item"
