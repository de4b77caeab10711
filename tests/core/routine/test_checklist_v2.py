"""Visit checklist version 2, made for tobacco shops (decision 0022): items that apply by the
shop's 业态 and by a company switch (``applies_to``), the new compliance findings, and the
v1 → v2 table that 同上次 goes through."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from fieldbook.core.resources import schema_dir
from fieldbook.core.routine.checklist import (
    Checklist,
    finding_labels,
    load_checklist,
    parse_checklist,
)
from fieldbook.core.routine.checklist_versions import check_carry_table
from fieldbook.core.routine.visit_checklist import export_items

PROMOTER_FORMATS = ("S", "N", "Y")  # 超市, 商场, 烟酒商店
OTHER_FORMATS = ("Z", "B", "F", "Q", "")  # 食杂店, 便利店, 娱乐服务类, 其他, none recorded

#: An open shop where all is well, every required v2 item answered (no promoters).
WELL: dict[str, Any] = {
    "display_position": "柜台正面",
    "display_quality": "规范整洁",
    "facings_ok": True,
    "price_tags": "齐全规范",
    "tag_goods_match": True,
    "price_compliance": "按指导价",
    "stock_checked": True,
    "licence_displayed": True,
    "licence_match": "相符",
    "minors_sign": True,
    "ecig_on_sale": False,
    "suspected_fake": False,
    "suspected_non_channel": False,
    "business_condition": "好",
}


@pytest.fixture(scope="module")
def v2() -> Checklist:
    return load_checklist("visit", 2)


def _raw() -> dict[str, Any]:
    with open(schema_dir() / "checklists" / "visit_v2.toml", "rb") as fh:
        return tomllib.load(fh)


def test_v2_is_the_newest_and_keeps_what_fits(v2: Checklist) -> None:
    v1 = load_checklist("visit", 1)
    assert load_checklist("visit").version == 2 and v2.version == 2
    ids = {i.id for i in v2.items}
    assert {"licence_match", "minors_sign", "ecig_on_sale", "terminal_type"} <= ids
    assert {"site_before", "site_after"} <= ids
    assert "ad_material" not in ids and "pos_upkeep" not in ids  # no publicity in tobacco shops
    # 执行指导价: the same id, options and rule (the price grid's check relies on them)
    assert v2.item("price_compliance") == v1.item("price_compliance")
    # visits of both versions are counted together: no finding code of v1 is lost
    assert set(v1.findings) <= set(v2.findings)
    assert finding_labels("visit")["ecig"] == "销售电子烟"


@pytest.mark.parametrize("shop_format", PROMOTER_FORMATS)
def test_promoters_are_asked_where_the_shop_has_them(v2: Checklist, shop_format: str) -> None:
    shop = v2.for_shop(shop_format)
    assert "promoters_count" in {i.id for i in shop.visible_items("open", WELL)}
    assert shop.missing("open", WELL) == ["promoters_count"]
    assert shop.missing("open", {**WELL, "promoters_count": 2}) == ["promoter_opinion"]
    assert shop.missing("open", {**WELL, "promoters_count": 0}) == []


@pytest.mark.parametrize("shop_format", OTHER_FORMATS)
def test_promoters_are_hidden_and_not_required_elsewhere(v2: Checklist, shop_format: str) -> None:
    shop = v2.for_shop(shop_format)
    visible = {i.id for i in shop.visible_items("open", {"promoters_count": 2})}
    assert visible.isdisjoint({"promoters_count", "promoter_opinion"})
    assert shop.missing("open", WELL) == []
    # an answer the shop's checklist hides is not kept
    kept = shop.clean_answers("open", {**WELL, "promoters_count": 2, "promoter_opinion": "满意"})
    assert kept == WELL
    assert shop.hits("open", {**WELL, "promoters_count": 1, "promoter_opinion": "不满意"}) == []


def test_the_terminal_switch_hides_terminal_building(v2: Checklist) -> None:
    on = parse_checklist(_raw(), {"terminal_building": True}).for_shop("Z")
    off = parse_checklist(_raw(), {"terminal_building": False}).for_shop("Z")
    terminal = {"terminal_type", "terminal_level"}
    assert terminal <= {i.id for i in on.visible_items("open", WELL)}
    assert terminal.isdisjoint(i.id for i in off.visible_items("open", WELL))
    assert off.clean_answers("open", {**WELL, "terminal_type": "示范终端"}) == WELL
    assert on.clean_answers("open", {**WELL, "terminal_type": "示范终端"})["terminal_type"]
    assert off.missing("open", WELL) == on.missing("open", WELL) == []  # never required


def test_a_bad_applies_to_is_refused_with_what_and_where() -> None:
    raw = _raw()
    raw["sections"] = [dict(s) for s in raw["sections"]]
    promoters = next(s for s in raw["sections"] if s["id"] == "promoters")
    promoters["applies_to"] = {"format": ["S", "超市"]}
    with pytest.raises(ValueError, match=r"section promoters.*超市"):
        parse_checklist(raw, {"terminal_building": True})
    with pytest.raises(ValueError, match=r"terminal_type.*terminal_building"):
        parse_checklist(_raw(), {})
    promoters["applies_to"] = {"业态": ["S"]}
    with pytest.raises(ValueError, match="unknown keys"):
        parse_checklist(raw, {"terminal_building": True})


@pytest.mark.parametrize(
    ("answers", "finding", "slip", "follow_up"),
    [
        ({"minors_sign": False}, "minors_sign", "", "督促张贴禁售标识"),
        ({"ecig_on_sale": True}, "ecig", "violation", "复查电子烟销售"),
        ({"licence_match": "店名不符"}, "licence_mismatch", "violation", "核实许可证信息"),
        ({"licence_match": "许可证号不符"}, "licence_mismatch", "violation", "核实许可证信息"),
        ({"licence_displayed": False}, "licence", "", "督促悬挂许可证"),
        ({"site_upkeep": "需整改"}, "pos", "", ""),
    ],
)
def test_the_new_findings(
    v2: Checklist, answers: dict[str, Any], finding: str, slip: str, follow_up: str
) -> None:
    shop = v2.for_shop("Z")
    hits = shop.hits("open", {**WELL, **answers})
    assert [(h.finding, h.slip, h.follow_up) for h in hits] == [(finding, slip, follow_up)]
    assert shop.hits("open", WELL) == []


def test_a_violation_for_the_monopoly_office_needs_its_note(v2: Checklist) -> None:
    shop = v2.for_shop("B")
    assert shop.missing("open", {**WELL, "ecig_on_sale": True}) == ["violation_note"]
    assert shop.missing("open", {**WELL, "licence_match": "已过期"}) == ["violation_note"]
    # the licence is compared only when it is displayed
    hidden = {**WELL, "licence_displayed": False}
    del hidden["licence_match"]
    assert shop.missing("open", hidden) == []


def test_shop_front_work_has_before_and_after_notes(v2: Checklist) -> None:
    shop = v2.for_shop("Z")
    assert shop.missing("open", {**WELL, "site_work": True}) == ["site_before", "site_after"]
    done = {**WELL, "site_work": True, "site_before": "灯箱损坏", "site_after": "已更换"}
    assert shop.missing("open", done) == []


def test_v1_answers_reach_v2_only_through_the_table(v2: Checklist) -> None:
    old = {
        "display_position": "背柜",  # the same item
        "pos_upkeep": "需维护",  # renamed item, renamed option
        "ad_material": "齐全",  # dropped: not carried
        "display_fixed": True,  # not in the table (done during that visit): not carried
        "policy_explained": ["新品"],
    }
    assert v2.answers_from(1, old) == {"display_position": "背柜", "site_upkeep": "需整改"}
    assert v2.answers_from(1, {"pos_upkeep": "一般"}) == {"site_upkeep": "一般"}
    assert v2.answers_from(2, old) == old  # the same version: as it is
    assert v2.answers_from(7, old) == {}  # no table: nothing


def test_a_carry_table_naming_what_does_not_exist_is_refused() -> None:
    raw = _raw()
    raw["carry_from"] = {"1": {"pos_upkeep": {"item": "site_upkeep", "options": {"坏": "需整改"}}}}
    v1 = {i.id: i.options for i in load_checklist("visit", 1).items}
    v2 = {i.id: i.options for i in load_checklist("visit", 2).items}
    table = parse_checklist(raw).carry_from[1]
    with pytest.raises(ValueError, match=r"visit_v2\.toml carry_from\.1\.pos_upkeep: option '坏'"):
        check_carry_table("visit_v2.toml", 1, v1, v2, table)
    raw["carry_from"] = {"1": {"no_such_v1_item": "site_upkeep"}}
    table = parse_checklist(raw).carry_from[1]
    with pytest.raises(ValueError, match="version 1 has no such item"):
        check_carry_table("visit_v2.toml", 1, v1, v2, table)
    check_carry_table("visit_v2.toml", 1, v1, v2, load_checklist("visit", 2).carry_from[1])
    raw["carry_from"] = {"1": {"pos_upkeep": "no_such_item"}}
    with pytest.raises(ValueError, match="unknown no_such_item"):
        parse_checklist(raw)


def test_an_export_of_both_versions_keeps_v1_columns() -> None:
    both = [i.id for i in export_items([1, 2])]
    assert both[: len(load_checklist("visit", 2).items)] == [
        i.id for i in load_checklist("visit", 2).items
    ]
    assert {"ad_material", "pos_upkeep"} <= set(both)
    assert [i.id for i in export_items([1])] == [i.id for i in load_checklist("visit", 1).items]
    assert [i.id for i in export_items([])] == [i.id for i in load_checklist("visit").items]
