"""Visits and checklist versions (decision 0022): a new visit is recorded on the newest
version (v2) as it applies at its shop (促销员 by 业态); a visit recorded on v1 keeps v1 to be
finished, shown and counted; 同上次 from a v1 visit goes through v2's carry table."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.checklist import count_findings
from fieldbook.core.store.models import Customer, Visit

MON = date(2026, 11, 30)
NEXT = "2026-12-07"
#: The v1 answers of an open shop where all is well (v1 has no licence match, sign, 电子烟).
V1_ANSWERS: dict[str, Any] = {
    "display_position": "背柜",
    "display_quality": "规范整洁",
    "facings_ok": True,
    "price_tags": "齐全规范",
    "tag_goods_match": True,
    "price_compliance": "按指导价",
    "stock_checked": True,
    "promoters_count": 0,
    "licence_displayed": True,
    "suspected_fake": False,
    "suspected_non_channel": False,
    "business_condition": "好",
    "pos_upkeep": "一般",
    "ad_material": "齐全",
}


def t(hm: str, day: str = "2026-11-30") -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}:00")


def open_visit(world: Journal, code: str, answers: dict[str, Any], day: str = "2026-11-30") -> str:
    cid = world.customers.by_code(code).id
    v = world.visits.start(cid, at=t("07:35", day))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, answers)
    return v.id


def v1_visit(world: Journal, code: str, answers: dict[str, Any]) -> str:
    """A finished visit recorded on version 1 (before v2 was released)."""
    cid = world.customers.by_code(code).id
    v = world.visits.start(cid, at=t("07:35"))
    with world.writing("visits") as s:
        row = s.get(Visit, v.id)
        assert row is not None
        row.checklist_version = 1
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, answers)
    world.visits.finish(v.id, at=t("07:45"))
    return v.id


def test_a_new_visit_is_on_v2(world: Journal) -> None:
    v = world.visits.start(world.customers.by_code("M002").id, at=t("07:35"))
    assert v.checklist_version == 2 and v.checklist.version == 2


def test_promoters_are_required_at_a_supermarket_only(
    world: Journal, open_answers: dict[str, object]
) -> None:
    answers = {k: x for k, x in open_answers.items() if k != "promoters_count"}
    at_supermarket = open_visit(world, "M001", answers)  # 业态 超市
    with pytest.raises(InvalidValue) as info:
        world.visits.finish(at_supermarket, at=t("07:45"))
    assert info.value.data["missing"] == ["promoters_count"]
    world.visits.save_answer(at_supermarket, "promoters_count", 1)
    world.visits.save_answer(at_supermarket, "promoter_opinion", "满意")
    done = world.visits.finish(at_supermarket, at=t("07:45")).visit
    assert done.answers["promoters_count"] == 1
    # a shop without promoters (no 业态 recorded): not asked, and an answer is not kept
    elsewhere = open_visit(world, "M002", {**answers, "promoters_count": 3})
    done = world.visits.finish(elsewhere, at=t("07:50")).visit
    assert "promoters_count" not in done.answers
    assert not done.checklist.applies(done.checklist.item("promoters_count"))


def test_ecig_is_a_violation_for_the_monopoly_office(
    world: Journal, open_answers: dict[str, object]
) -> None:
    answers = {**open_answers, "ecig_on_sale": True, "minors_sign": False}
    vid = open_visit(world, "M002", answers)
    with pytest.raises(InvalidValue) as info:
        world.visits.finish(vid, at=t("07:45"))
    assert info.value.data["missing"] == ["violation_note"]
    world.visits.save_answer(vid, "violation_note", "柜台下在售电子烟三种")
    result = world.visits.finish(vid, at=t("07:45"))
    assert {h.finding for h in result.visit.findings} == {"ecig", "minors_sign"}
    assert result.slip_categories == ("violation",)  # 违纪: 专卖办 among its departments
    assert result.followups_created == 2  # 复查电子烟销售, 督促张贴禁售标识
    assert count_findings(['[{"finding": "ecig"}, {"finding": "minors_sign"}]']) == {
        "销售电子烟": 1,
        "未张贴禁售标识": 1,
    }


def test_a_v1_visit_keeps_v1(world: Journal) -> None:
    vid = v1_visit(world, "M002", {**V1_ANSWERS, "ad_material": "无", "pos_upkeep": "需维护"})
    done = world.visits.get(vid)
    assert done.checklist_version == 1 and done.checklist.version == 1
    # finished on v1's rules: none of v2's new items were asked, v1's own were kept
    assert done.answers["ad_material"] == "无"
    assert [h.finding for h in done.findings] == ["pos"]
    assert done.checklist.item("pos_upkeep").label == "终端形象维护"
    fixed = world.visits.correct(vid, {"pos_upkeep": "良好"}, "录错了")
    assert fixed.findings == () and fixed.checklist_version == 1


def test_same_as_last_time_maps_a_v1_visit_into_v2(world: Journal) -> None:
    v1_visit(world, "M001", {**V1_ANSWERS, "promoters_count": 1, "promoter_opinion": "满意"})
    cid = world.customers.by_code("M001").id
    second = world.visits.start(cid, at=t("07:40", NEXT))
    filled = world.visits.same_as_last_time(second.id)
    assert filled.checklist_version == 2
    assert filled.answers["display_position"] == "背柜"  # matched: carried
    assert filled.answers["site_upkeep"] == "一般"  # v1 pos_upkeep → v2 site_upkeep
    assert "ad_material" not in filled.answers and "pos_upkeep" not in filled.answers
    assert set(filled.carried.copied) >= {"display_position", "site_upkeep"}
    assert "ad_material" not in filled.carried.copied
    waiting = world.visits.pending_confirmations(second.id)
    assert waiting.answers["promoters_count"] == 1  # a supermarket: asked again, confirmable


def test_v1_promoters_are_not_offered_where_v2_does_not_ask(world: Journal) -> None:
    v1_visit(world, "M002", {**V1_ANSWERS, "promoters_count": 2, "promoter_opinion": "满意"})
    second = world.visits.start(world.customers.by_code("M002").id, at=t("07:40", NEXT))
    world.visits.same_as_last_time(second.id)
    waiting = world.visits.pending_confirmations(second.id)
    assert "promoters_count" not in waiting.answers
    assert "promoter_opinion" not in waiting.answers


def _set_format(world: Journal, code: str, shop_format: str) -> None:
    with world.writing("customers") as s:
        row = s.scalar(select(Customer).where(Customer.code == code))
        assert row is not None
        row.format = shop_format


def test_a_shop_that_changes_its_format_keeps_its_old_visits_answers(
    world: Journal, open_answers: dict[str, Any]
) -> None:
    """A 超市 (促销员 asked) becomes a 便利店: correcting the 超市 visit's other answer keeps its
    促销员 count (it was dropped as not applying to the shop any more), and a 便利店 visit
    that becomes a 超市 is not refused for 促销员 it was never asked."""
    _set_format(world, "M001", "S")
    vid = open_visit(
        world, "M001", {**open_answers, "promoters_count": 2, "promoter_opinion": "满意"}
    )
    world.visits.finish(vid, at=t("07:45"))
    _set_format(world, "M001", "B")
    fixed = world.visits.correct(vid, {"business_condition": "一般"}, "记错了")
    assert (fixed.answers["promoters_count"], fixed.answers["promoter_opinion"]) == (2, "满意")
    assert fixed.answers["business_condition"] == "一般"
    _set_format(world, "M002", "B")
    answers = {k: v for k, v in open_answers.items() if k != "promoters_count"}
    other = open_visit(world, "M002", answers)
    world.visits.finish(other, at=t("07:45"))
    _set_format(world, "M002", "S")
    again = world.visits.correct(other, {"business_condition": "一般"}, "记错了")
    assert "promoters_count" not in again.answers
    shown = world.visits.get(vid).checklist  # the visit screen: what it was asked
    assert any(i.id == "promoters_count" for i in shown.visible_items("open", fixed.answers))
