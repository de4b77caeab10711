"""Visits: arrival by one action, autosaved drafts keyed to the shop and day, honest times,
same as last time, finishing in one transaction with findings, slips and follow-ups."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal

MON = date(2026, 11, 30)


def t(hm: str, day: str = "2026-11-30") -> datetime:
    return datetime.fromisoformat(f"{day} {hm}")


def customer(world: Journal, code: str) -> str:
    return world.customers.by_code(code).id


def test_start_creates_one_draft_per_shop_and_day(world: Journal) -> None:
    cid = customer(world, "M001")
    plan = world.plans.build(MON)
    v = world.visits.start(cid, at=t("07:35"))
    assert v.status == "draft" and v.arrived_at == t("07:35") and v.arrived_first == t("07:35")
    assert v.plan_stop_id == plan.stops[0].id
    assert world.visits.start(cid, at=t("07:50")).id == v.id  # the same draft comes back
    other = world.visits.start(customer(world, "M002"), at=t("08:00"))
    assert other.id != v.id
    assert {d.shop_name for d in world.visits.drafts()} == {"周一店1", "周一店2"}


def test_grid_offers_carried_and_should_carry_skus(world: Journal) -> None:
    v = world.visits.start(customer(world, "M001"), at=t("07:35"))
    classes = {}
    for row in v.grid:
        classes.setdefault(row.price_class, []).append(row.name)
    assert set(classes) == {1, 2, 3, 4}  # every price class can be recorded
    assert "中华(硬)" in classes[1] and "白沙(硬精品)" in classes[3]  # key brand, new product


def test_autosave_each_change_and_reject_bad_values(world: Journal) -> None:
    v = world.visits.start(customer(world, "M001"), at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answer(v.id, "promoters_count", 2)
    world.visits.save_grid(v.id, v.grid[0].sku_id, stock_cartons=3, on_shelf=True)
    again = world.visits.get(v.id)
    assert again.answers == {"promoters_count": 2}
    assert again.grid[0].stock_cartons == 3 and again.grid[0].on_shelf is True
    with pytest.raises(InvalidValue):
        world.visits.save_answers(v.id, {"promoters_count": 3, "price_tags": "不存在的选项"})
    assert world.visits.get(v.id).answers == {"promoters_count": 2}  # all or nothing
    with pytest.raises(InvalidValue):
        world.visits.save_grid(v.id, v.grid[0].sku_id, stock_packs=12)
    world.visits.save_answer(v.id, "promoters_count", None)
    assert world.visits.get(v.id).answers == {}


def test_time_edits_keep_the_original(world: Journal) -> None:
    v = world.visits.start(customer(world, "M001"), at=t("07:35"))
    v = world.visits.set_time(v.id, "arrived_at", t("07:31"))
    assert v.arrived_at == t("07:31") and v.arrived_first == t("07:35")
    assert [(e.field, e.old_value, e.new_value) for e in v.time_edits] == [
        ("arrived_at", t("07:35"), t("07:31"))
    ]
    v = world.visits.leave(v.id, t("07:44"))
    assert v.minutes == 13 and v.left_first == t("07:44")
    with pytest.raises(InvalidValue):
        world.visits.set_time(v.id, "left_at", t("07:00"))


def test_late_entries_are_marked(world: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldbook.core import clock

    monkeypatch.setattr(clock, "now", lambda: t("18:30"))
    late = world.visits.start(customer(world, "M001"), at=t("09:00"))
    assert late.late_entry and late.recorded_at == t("18:30")
    monkeypatch.setattr(clock, "now", lambda: t("09:05"))
    live = world.visits.start(customer(world, "M002"), at=t("09:00"))
    assert not live.late_entry


def test_finish_requires_the_required_items(
    world: Journal, open_answers: dict[str, object]
) -> None:
    v = world.visits.start(customer(world, "M001"), at=t("07:35"))
    with pytest.raises(InvalidValue) as info:
        world.visits.finish(v.id)
    assert info.value.data["missing"] == ["shop_status"]
    world.visits.set_shop_status(v.id, "open")
    partial = {k: v for k, v in open_answers.items() if k != "business_condition"}
    world.visits.save_answers(v.id, partial)
    with pytest.raises(InvalidValue) as info:
        world.visits.finish(v.id)
    assert info.value.data["missing"] == ["business_condition"]
    assert world.visits.get(v.id).status == "draft"


def test_finish_records_findings_slips_follow_ups_and_ticks_the_plan(
    world: Journal, open_answers: dict[str, object]
) -> None:
    plan = world.plans.build(MON)
    v = world.visits.start(plan.stops[0].customer_id, at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    answers = {
        **open_answers,
        "display_quality": "杂乱",
        "will_order": "不订",
        "no_order_reason": "库存充足",
    }
    world.visits.save_answers(v.id, answers)
    for row in v.grid:  # stock only in class 1: classes 2, 3, 4 are gaps; a key brand is out
        world.visits.save_grid(v.id, row.sku_id, stock_cartons=2 if row.name == "玉溪(硬)" else 0)
    result = world.visits.finish(v.id, at=t("07:47"))
    done = result.visit
    assert done.status == "done" and done.left_at == t("07:47") and done.minutes == 12
    findings = {h.finding: h.detail for h in done.findings}
    assert findings["display"] == "杂乱" and findings["no_order"] == "不订"
    assert findings["price_gap"] == "二类、三类、四类"
    assert "中华(硬)" in findings["out_of_stock"]
    assert result.slip_categories == ("no_order",) and done.slip_suggestions == ("no_order",)
    assert result.followups_created == 2  # display re-check, out-of-stock follow-up
    follow = world.visits.open_followups(v.customer_id)
    assert {f.text for f in follow} == {"复查陈列整改", "跟进断货规格补货"}
    assert world.plans.get(MON).stops[0].state == "visited"  # type: ignore[union-attr]
    with pytest.raises(InvalidValue):
        world.visits.save_answer(v.id, "notes", "finished visits are not drafts")


def test_closing_follow_ups_at_the_next_visit(
    world: Journal, open_answers: dict[str, object]
) -> None:
    cid = customer(world, "M001")
    v = world.visits.start(cid, at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, {**open_answers, "licence_displayed": False})
    world.visits.finish(v.id, at=t("07:45"))
    (fu,) = world.visits.open_followups(cid)
    assert fu.text == "督促悬挂许可证"
    nxt = world.visits.start(cid, at=t("08:00", "2026-12-07"))
    nxt = world.visits.same_as_last_time(nxt.id)
    assert "licence_displayed" not in nxt.answers  # a problem is seen again, never carried
    world.visits.confirm_unchanged(nxt.id)
    world.visits.save_answers(nxt.id, {"licence_displayed": False, "stock_checked": True})
    result = world.visits.finish(nxt.id, at=t("08:06", "2026-12-07"), close_followups=[fu.id])
    assert result.followups_closed == 1
    # the old follow-up is closed; the licence is still not displayed, so a new one is open
    still_open = world.visits.open_followups(cid)
    assert [f.id for f in still_open] != [fu.id] and len(still_open) == 1
    with pytest.raises(InvalidValue):
        other = world.visits.start(customer(world, "M002"), at=t("09:00", "2026-12-07"))
        world.visits.set_shop_status(other.id, "closed")
        world.visits.finish(other.id, close_followups=[fu.id])


def test_a_closed_shop_finishes_at_once_with_a_suggested_slip(world: Journal) -> None:
    v = world.visits.start(customer(world, "M003"), at=t("09:00"))
    world.visits.set_shop_status(v.id, "closed")
    result = world.visits.finish(v.id, at=t("09:03"))
    assert result.visit.status == "done" and result.visit.answers == {}
    assert result.slip_categories == ("closed",)


def test_list_between(world: Journal, open_answers: dict[str, object]) -> None:
    v = world.visits.start(customer(world, "M001"), at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, open_answers)
    world.visits.finish(v.id, at=t("07:45"))
    rows = world.visits.list_between(MON, MON)
    assert [(r.shop_name, r.minutes, r.status) for r in rows] == [("周一店1", 10, "done")]
    assert world.visits.list_between(date(2026, 12, 1), date(2026, 12, 2)) == []


def test_a_shop_found_closed_is_not_visited_and_comes_back(world: Journal) -> None:
    plan = world.plans.build(MON)
    v = world.visits.start(plan.stops[0].customer_id, at=t("07:35"))
    world.visits.set_shop_status(v.id, "absent")
    result = world.visits.finish(v.id, at=t("07:37"))
    assert result.visit.status == "done" and result.followups_created == 1
    stop = world.plans.get(MON).stops[0]  # type: ignore[union-attr]
    assert (stop.state, stop.state_reason) == ("skipped", "关门未遇")
    tomorrow = world.plans.build(date(2026, 12, 1))
    carried = [s for s in tomorrow.stops if s.customer_id == plan.stops[0].customer_id]
    assert carried and carried[0].reason_note == "11月30日未走访（关门未遇）"


def test_corrections_to_a_finished_visit_go_into_the_audit_trail(
    world: Journal, open_answers: dict[str, object]
) -> None:
    from fieldbook.core.store import audit

    v = world.visits.start(customer(world, "M001"), at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, open_answers)
    world.visits.set_time(v.id, "arrived_at", t("07:33"))  # a draft: no reason, no audit
    world.visits.finish(v.id, at=t("07:45"))
    assert audit.history(world, "visit", v.id) == []
    with pytest.raises(InvalidValue) as info:
        world.visits.set_time(v.id, "left_at", t("07:50"))
    assert info.value.detail == "reason_required"
    world.visits.set_time(v.id, "left_at", t("07:50"), reason="离店时忘记点击")
    fixed = world.visits.correct(v.id, {"display_quality": "杂乱"}, reason="补记陈列问题")
    assert fixed.answers["display_quality"] == "杂乱"
    assert "display" in {h.finding for h in fixed.findings}
    entries = audit.history(world, "visit", v.id)
    assert [(e.field, e.reason) for e in entries] == [
        ("left_at", "离店时忘记点击"),
        ("answers.display_quality", "补记陈列问题"),
    ]
    assert audit.verify(world).ok
    with pytest.raises(InvalidValue):
        world.visits.correct(v.id, {"business_condition": None}, reason="x")  # required item
