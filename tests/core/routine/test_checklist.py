"""The checklist template and engine: loading, visibility, validation, rules, carry forward,
and price-line gaps computed from the SKU grid."""

from __future__ import annotations

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.checklist import (
    GridLine,
    check_answer,
    load_checklist,
    parse_checklist,
    price_line_gaps,
)


@pytest.fixture(scope="module")
def cl():  # type: ignore[no-untyped-def]
    """Version 1 (released; visits recorded on it keep it). Version 2: test_checklist_v2."""
    return load_checklist("visit", 1)


def test_template_covers_the_routine(cl) -> None:  # type: ignore[no-untyped-def]
    ids = {i.id for i in cl.items}
    for needed in (
        "display_position",
        "display_quality",
        "facings_ok",
        "price_tags",
        "tag_goods_match",
        "promoters_count",
        "promoter_opinion",
        "pos_upkeep",
        "ad_material",
        "licence_displayed",
        "suspected_fake",
        "suspected_non_channel",
        "competitor_info",
        "requests",
        "business_condition",
        "notes",
    ):
        assert needed in ids
    assert cl.version == 1 and {s.code for s in cl.shop_statuses} >= {"open", "closed", "suspended"}


def test_a_closed_shop_needs_nothing_more(cl) -> None:  # type: ignore[no-untyped-def]
    assert cl.visible_items("closed", {}) == []
    assert cl.missing("closed", {}) == []
    assert cl.missing("", {}) == ["shop_status"]
    hits = cl.hits("closed", {})
    assert [(h.finding, h.slip) for h in hits] == [("shop_status", "closed")]


def test_items_show_only_when_relevant(cl) -> None:  # type: ignore[no-untyped-def]
    visible = {i.id for i in cl.visible_items("open", {})}
    assert "promoter_opinion" not in visible and "violation_note" not in visible
    visible = {
        i.id for i in cl.visible_items("open", {"promoters_count": 2, "suspected_fake": True})
    }
    assert {"promoter_opinion", "violation_note"} <= visible
    assert "promoter_opinion" in cl.missing("open", {"promoters_count": 2})
    cleaned = cl.clean_answers("open", {"promoters_count": 0, "promoter_opinion": "满意"})
    assert cleaned == {"promoters_count": 0}


@pytest.mark.parametrize(
    ("item", "value", "expected"),
    [
        ("promoters_count", 3, 3),
        ("promoters_count", 3.0, 3),
        ("price_tags", "部分缺失", "部分缺失"),
        ("policy_explained", ["新品", "价格政策", "新品"], ["价格政策", "新品"]),
        ("licence_displayed", False, False),
        ("requests", "  要 货\n  ", "要 货"),
        ("notes", "", None),
    ],
)
def test_check_answer_normalises(cl, item: str, value: object, expected: object) -> None:  # type: ignore[no-untyped-def]
    assert check_answer(cl.item(item), value) == expected


@pytest.mark.parametrize(
    ("item", "value", "code"),
    [
        ("promoters_count", 21, "answer_out_of_range"),
        ("promoters_count", 1.5, "answer_not_whole"),
        ("promoters_count", "3", "answer_not_a_number"),
        ("price_tags", "很好", "answer_not_an_option"),
        ("licence_displayed", "是", "answer_not_bool"),
        ("requests", "长" * 501, "too_long"),
    ],
)
def test_check_answer_rejects(cl, item: str, value: object, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValue) as info:
        check_answer(cl.item(item), value)
    assert info.value.detail == code and info.value.data["field"] == item


def test_rules_turn_answers_into_findings_slips_and_follow_ups(cl) -> None:  # type: ignore[no-untyped-def]
    hits = cl.hits(
        "open",
        {
            "display_quality": "杂乱",
            "price_tags": "无价签",
            "suspected_non_channel": True,
            "will_order": "不订",
            "requests": "希望多给中华货源",
            "licence_displayed": True,
        },
    )
    got = {(h.finding, h.slip, bool(h.follow_up)) for h in hits}
    assert got == {
        ("display", "", True),
        ("price_tags", "", False),
        ("violation", "violation", False),
        ("no_order", "no_order", False),
        ("request", "", True),
    }


def test_carry_forward_skips_text_and_invalid_answers(cl) -> None:  # type: ignore[no-untyped-def]
    previous = {
        "display_quality": "一般",
        "competitor_info": "对面新开超市",
        "price_tags": "旧选项",
    }
    assert cl.carry_forward(previous) == {"display_quality": "一般"}


def test_a_broken_template_is_refused() -> None:
    data = {
        "id": "visit",
        "version": 9,
        "title": "x",
        "sections": [{"id": "a", "title": "A"}],
        "shop_statuses": [{"code": "open", "label": "正常营业"}],
        "findings": {},
        "items": [
            {
                "id": "q",
                "section": "a",
                "type": "bool",
                "label": "Q",
                "when": {"item": "nope", "equals": True},
            }
        ],
    }
    with pytest.raises(ValueError, match="unknown nope"):
        parse_checklist(data)


def line(cls: int, cartons: int | None = None, on_shelf: bool | None = None) -> GridLine:
    return GridLine(cls, on_shelf, cartons, None)


def test_price_line_gaps() -> None:
    classes = [1, 2, 3, 4]
    assert price_line_gaps([], classes) == []
    assert price_line_gaps([line(1), line(2)], classes) == []  # nothing filled: no verdict
    grid = [line(1, 3), line(1, 0), line(2, 0), line(3, None, True), line(4)]
    assert price_line_gaps(grid, classes) == [2, 4]
    assert price_line_gaps([line(1, 2), line(2, 1), line(3, 5), line(4, 1)], classes) == []
    assert price_line_gaps([GridLine(2, True, 0, 0)], [1, 2]) == [
        1,
        2,
    ]  # counted zero wins over the tick
