"""同上次 and 已核对，与上次相同 (routine.visit_carry): what a visit may take from the shop's
last visit, and the record of what it took."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.checklist import load_checklist
from fieldbook.core.routine.visit_carry import CONFIRM, COPY, GRID, NEVER, kind
from fieldbook.core.routine.visit_views import VisitView

MON = date(2026, 11, 30)
NEXT = "2026-12-07"


def t(hm: str, day: str = "2026-11-30") -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}:00")


def first_visit(world: Journal, answers: dict[str, object]) -> tuple[str, VisitView]:
    """M001 visited on MON with ``answers``, one grid row counted; (customer id, the visit)."""
    cid = world.customers.by_code("M001").id
    v = world.visits.start(cid, at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, answers)
    world.visits.save_grid(v.id, v.grid[0].sku_id, stock_cartons=4, facings=2, on_shelf=True)
    return cid, world.visits.finish(v.id, at=t("07:45")).visit


def test_the_kinds_come_from_the_reference_file() -> None:
    checklist = load_checklist("visit")
    assert kind(checklist.item("display_position")) == COPY
    assert kind(checklist.item("will_order")) == CONFIRM
    assert kind(checklist.item("promoters_count")) == CONFIRM
    assert kind(checklist.item("tags_replaced")) == NEVER
    assert kind(checklist.item("notes")) == NEVER  # free text


def test_no_previous_visit_is_an_error(world: Journal) -> None:
    cid = world.customers.by_code("M001").id
    v = world.visits.start(cid, at=t("07:35"))
    with pytest.raises(InvalidValue):
        world.visits.same_as_last_time(v.id)
    with pytest.raises(InvalidValue):
        world.visits.confirm_unchanged(v.id)


def test_same_as_last_time_copies_stable_facts_only(
    world: Journal, open_answers: dict[str, object]
) -> None:
    cid, first = first_visit(world, {**open_answers, "will_order": "未确定", "notes": "x"})
    second = world.visits.start(cid, at=t("07:40", NEXT))
    second = world.visits.same_as_last_time(second.id)
    assert second.shop_status == "open"
    # stable facts copied ...
    assert second.answers["display_position"] == "柜台正面"
    assert second.answers["licence_displayed"] is True
    # ... never a count, an intention, something done last time, or free text
    for item in ("promoters_count", "will_order", "no_order_reason", "stock_checked", "notes"):
        assert item not in second.answers, item
    assert all(r.stock_cartons is None and r.facings is None for r in second.grid)
    assert second.carried.source == first.id
    assert "display_position" in second.carried.copied and not second.carried.confirmed
    waiting = world.visits.pending_confirmations(second.id)
    assert waiting.answers["will_order"] == "未确定" and waiting.answers["promoters_count"] == 0
    assert waiting.grid[first.grid[0].sku_id]["stock_cartons"] == 4
    assert GRID in waiting.blocks(second.checklist)


def test_a_typed_answer_is_never_overwritten(
    world: Journal, open_answers: dict[str, object]
) -> None:
    """A resumed draft (after a crash) keeps what was typed before 同上次."""
    cid, _ = first_visit(world, open_answers)
    draft = world.visits.start(cid, at=t("07:40", NEXT))
    world.visits.set_shop_status(draft.id, "open")
    world.visits.save_answer(draft.id, "display_position", "背柜")
    world.visits.save_answer(draft.id, "business_condition", "差")
    filled = world.visits.same_as_last_time(draft.id)
    assert filled.answers["display_position"] == "背柜"
    assert "display_position" not in filled.carried.copied
    confirmed = world.visits.confirm_unchanged(draft.id)
    assert confirmed.answers["business_condition"] == "差"
    assert "business_condition" not in confirmed.carried.confirmed


def test_an_answer_that_raised_a_finding_is_not_carried(
    world: Journal, open_answers: dict[str, object]
) -> None:
    answers = {**open_answers, "display_quality": "杂乱", "licence_displayed": False}
    cid, first = first_visit(world, answers)
    assert {h.finding for h in first.findings} >= {"display", "licence"}
    second = world.visits.start(cid, at=t("07:40", NEXT))
    second = world.visits.same_as_last_time(second.id)
    assert "display_quality" not in second.answers
    assert "licence_displayed" not in second.answers
    world.visits.confirm_unchanged(second.id)
    today = {"display_quality": "规范整洁", "licence_displayed": True, "stock_checked": True}
    today["licence_match"] = "相符"  # asked once the licence is seen
    world.visits.save_answers(second.id, today)
    done = world.visits.finish(second.id, at=t("07:50", NEXT)).visit
    # computed from today's answers: last time's display and licence findings are not copied
    assert {h.finding for h in done.findings}.isdisjoint({"display", "licence"})


def test_confirming_records_a_confirmation_not_a_count(
    world: Journal, open_answers: dict[str, object]
) -> None:
    cid, first = first_visit(world, {**open_answers, "will_order": "会订"})
    sku = first.grid[0].sku_id
    second = world.visits.start(cid, at=t("07:40", NEXT))
    world.visits.same_as_last_time(second.id)
    only_business = world.visits.confirm_unchanged(second.id, ["business"])
    assert only_business.answers["will_order"] == "会订"
    assert "promoters_count" not in only_business.answers  # another block
    assert all(r.stock_cartons is None for r in only_business.grid)
    both = world.visits.confirm_unchanged(second.id, [GRID, "promoters"])
    row = next(r for r in both.grid if r.sku_id == sku)
    assert (row.stock_cartons, row.facings, row.on_shelf) == (4, 2, True)
    assert both.carried.confirmed_skus == (sku,)
    assert {"will_order", "promoters_count"} <= set(both.carried.confirmed)
    left = world.visits.pending_confirmations(second.id)
    # the stock and compliance blocks (在售电子烟 is observed every visit)
    assert left.answers == {"stock_vs_records": "一致", "ecig_on_sale": False}
    assert left.grid == {}
    # retyping makes it today's observation
    world.visits.save_grid(second.id, sku, stock_cartons=1)
    today = {"will_order": "不订", "no_order_reason": "库存充足", "stock_checked": True}
    today["ecig_on_sale"] = False
    world.visits.save_answers(second.id, today)
    after = world.visits.get(second.id)
    assert after.carried.confirmed_skus == () and "will_order" not in after.carried.confirmed
    done = world.visits.finish(second.id, at=t("07:50", NEXT)).visit
    assert done.carried.source == first.id and "promoters_count" in done.carried.confirmed


def test_a_hidden_item_is_not_confirmed(world: Journal, open_answers: dict[str, object]) -> None:
    cid, _ = first_visit(world, {**open_answers, "will_order": "不订", "no_order_reason": "其他"})
    second = world.visits.start(cid, at=t("07:40", NEXT))
    world.visits.same_as_last_time(second.id)
    # 不订 raised a finding: not offered; 不订货原因 waits, but today's 会订 hides it
    assert "will_order" not in world.visits.pending_confirmations(second.id).answers
    world.visits.save_answer(second.id, "will_order", "会订")
    after = world.visits.confirm_unchanged(second.id, ["business"])
    assert "no_order_reason" not in after.answers
    assert "no_order_reason" not in after.carried.confirmed
