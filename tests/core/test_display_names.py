"""English names of the configuration's vocabularies (decision 0016): every name the
configuration gives has one, and what is stored never changes with the language."""

from __future__ import annotations

import pytest

from fieldbook.core.display_names import display_name, english_table
from fieldbook.core.master.catalog import class_name, price_classes
from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.resources import load_reference
from fieldbook.core.slips.deliveries import STATUS_NAMES
from fieldbook.core.slips.vocabulary import (
    category_name,
    department_name,
    state_name,
    status_name,
    sub_reason_name,
)


def wanted() -> dict[str, set[str]]:
    """Every key each vocabulary has in its Chinese source (what must have an English name)."""
    customer = load_reference("customer")
    plan = load_reference("plan")
    slips = load_reference("slips")
    return {
        **{
            f"customer.{k}": {t["code"] for t in customer[k]}
            for k in ("formats", "market_types", "statuses")
        },
        "plan.reasons": set(plan["reasons"]),
        "plan.skip_reasons": set(plan["skip_reasons"]),
        "plan.remove_reasons": set(plan["remove_reasons"]),
        "slips.departments": {d["code"] for d in slips["departments"]},
        "slips.categories": {c["code"] for c in slips["categories"]},
        "slips.sub_reasons": {s for c in slips["categories"] for s in c["sub_reasons"]},
        "slips.states": {s["code"] for s in slips["states"]},
        "slips.statuses": set(STATUS_NAMES),
        "supply.states": {s["code"] for s in load_reference("supply")["states"]},
        "price_classes.classes": {
            str(c["code"]) for c in load_reference("price_classes")["classes"]
        },
        "price_classes.headlines": {
            str(h["name"]) for h in load_reference("price_classes")["headlines"]
        },
    }


@pytest.mark.parametrize("kind", sorted(wanted()))
def test_every_vocabulary_entry_has_an_english_name_and_no_stale_one(kind: str) -> None:
    names = english_table(kind)
    keys = wanted()[kind]
    assert sorted(keys - set(names)) == [], f"{kind}: add English names to its .en.toml"
    assert sorted(set(names) - keys) == [], f"{kind}: names of entries that are not there"
    assert all(name.strip() and name.isascii() for name in names.values())


def test_a_vocabulary_reads_in_english_and_in_chinese_as_configured() -> None:
    voc = vocabulary()
    assert voc.format_name("Z", "en") == "Grocery"
    assert voc.format_name("Z") == voc.format_name("Z", "zh_CN") == "食杂店"
    assert voc.market_type_name("X", "en") == "Rural"
    assert voc.status_name("closed", "en") == "Closed"
    assert voc.choices("market_types", "en") == [("C", "Urban"), ("X", "Rural")]
    assert voc.choices("market_types") == [("C", "城镇"), ("X", "乡村")]
    assert category_name("brand", "en") == "Brand listing" and category_name("brand") == "品牌上柜"
    assert department_name("market", "en") == "Market" and department_name("market") == "市场部"
    assert state_name("handled", "en") == "Handled" and state_name("handled") == "已处理"
    assert status_name("in_progress", "en") == "In progress"
    assert status_name("in_progress") == "处理中"
    assert sub_reason_name("假烟", "en") == "Counterfeit" and sub_reason_name("假烟") == "假烟"
    assert display_name("plan.reasons", "carried_over", "en") == "Carried over"
    assert display_name("plan.skip_reasons", "时间不够", "en") == "Out of time"
    assert class_name(1, "en") == "Class 1" and class_name(1) == "一类"


def test_a_code_without_a_name_reads_as_the_configuration_words_it() -> None:
    assert category_name("gone", "en") == "gone"
    assert display_name("plan.skip_reasons", "自己写的原因", "en") == "自己写的原因"
    assert display_name("customer.formats", "W", "en", "旧业态") == "旧业态"
    assert display_name("nowhere.table", "x", "en") == "x"


def test_parsing_still_stores_codes_whatever_the_language() -> None:
    # the English names are for reading; import and storage stay as they were
    assert [pc.code for pc in price_classes()] == [1, 2, 3, 4, 5]
    assert vocabulary().format_name("Z", "en") != "Z"
