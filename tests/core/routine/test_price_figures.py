"""价格到位率, 明码标价率 and the deviations of a period on a small fixture, by hand; and a
visit's grid deciding 执行指导价 (the grid wins) and leaving 价格偏离 findings at finish."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.price_figures import PriceCounts, price_figures
from fieldbook.core.routine.visit_views import VisitView

# guide prices per pack (tests/sample_data.SKUS, 元/条 ÷ 10)
GUIDE = {"中华(硬)": 4500, "玉溪(硬)": 2300, "利群(硬新版)": 1600, "红塔山(硬经典100)": 1100}


def visit(
    world: Journal,
    code: str,
    day: str,
    prices: dict[str, int],
    answers: dict[str, object],
    *,
    status: str = "open",
) -> VisitView:
    """A finished visit of shop ``code`` on ``day`` with ``prices`` seen (SKU name → fen)."""
    cid = world.customers.by_code(code).id
    v = world.visits.start(cid, at=datetime.fromisoformat(f"{day} 08:00"))
    world.visits.set_shop_status(v.id, status)
    if status == "open":
        world.visits.save_answers(v.id, answers)
        for row in v.grid:
            if row.name in prices:
                world.visits.save_grid(v.id, row.sku_id, on_shelf=True, price_fen=prices[row.name])
    return world.visits.finish(v.id, at=datetime.fromisoformat(f"{day} 08:10")).visit


def test_rates_and_deviations_of_a_week_by_hand(
    world: Journal, open_answers: dict[str, object]
) -> None:
    no_tags = {**open_answers, "price_tags": "部分缺失"}
    unanswered = {k: v for k, v in open_answers.items() if k != "price_compliance"}
    # M001: 4 prices — 3 at guide (one +0.50 元), 利群 16.00 → 17.00 (+6.25 %): 3/4
    visit(
        world,
        "M001",
        "2026-11-30",
        {"中华(硬)": 4500, "玉溪(硬)": 2350, "利群(硬新版)": 1700, "红塔山(硬经典100)": 1100},
        unanswered,
    )
    # M002: 2 prices — 玉溪 23.00 → 21.00 (-8.7 %), 红塔山 11.00 → 11.50 (+4.5 %, off, no
    # finding): 0/2; price tags 部分缺失
    visit(world, "M002", "2026-11-30", {"玉溪(硬)": 2100, "红塔山(硬经典100)": 1150}, no_tags)
    # M003: no price seen; tags complete
    visit(world, "M003", "2026-11-30", {}, open_answers)
    # M004: closed (关门未遇): neither rate counts it
    visit(world, "M004", "2026-11-30", {}, {}, status="absent")
    with world.reading() as s:
        m = world.current_manager_id(s)
        week = price_figures(s, m, date(2026, 11, 27), date(2026, 12, 3))
        before = price_figures(s, m, date(2026, 11, 20), date(2026, 11, 26))
    assert week.counts == PriceCounts(
        seen=6, at_guide=3, above=1, below=1, tag_visits=3, tags_complete=2
    )
    assert week.counts.price_rate == pytest.approx(3 / 6)  # 价格到位率 50 %
    assert week.counts.tag_rate == pytest.approx(2 / 3)  # 明码标价率 66.7 %
    assert [
        (d.customer_code, d.sku_name, d.direction, d.amount, d.percent) for d in week.deviations
    ] == [
        ("M001", "利群(硬新版)", "above", "1.00", "+6.2%"),
        ("M002", "玉溪(硬)", "below", "2.00", "-8.7%"),
    ]
    assert week.deviations[1].text == "低于指导价 2.00 元（-8.7%）"
    # a period with nothing seen: no rate rather than 0 %
    assert before.counts.price_rate is None and before.counts.tag_rate is None


def test_finishing_records_a_deviation_finding_per_sku(
    world: Journal, open_answers: dict[str, object]
) -> None:
    done = visit(world, "M001", "2026-11-30", {"中华(硬)": 5000, "玉溪(硬)": 2184}, open_answers)
    deviations = [
        h.detail for h in done.findings if h.finding == "price_deviation" and h.item == "grid"
    ]
    assert deviations == [
        "中华(硬) 高于指导价 5.00 元（+11.1%）",
        "玉溪(硬) 低于指导价 1.16 元（-5.0%）",
    ]
    # 2 of 2 prices off: the grid says 普遍偏离, whatever was answered (按指导价)
    assert done.answers["price_compliance"] == "普遍偏离"
    texts = [f.text for f in world.followups.list(customer_id=done.customer_id)]
    assert texts == ["复查价格执行"]  # one follow-up for all of them


def test_the_grid_decides_the_guide_price_answer(
    world: Journal, open_answers: dict[str, object]
) -> None:
    cid = world.customers.by_code("M001").id
    v = world.visits.start(cid, at=datetime(2026, 11, 30, 8, 0))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, {**open_answers, "price_compliance": "普遍偏离"})
    # no price seen yet: the manager's answer stands
    assert world.visits.get(v.id).answers["price_compliance"] == "普遍偏离"
    rows = {r.name: r.sku_id for r in v.grid}
    world.visits.save_grid(v.id, rows["中华(硬)"], price_fen=4500)
    assert world.visits.get(v.id).answers["price_compliance"] == "按指导价"
    world.visits.save_grid(v.id, rows["玉溪(硬)"], price_fen=2500)  # +8.7 %: one of 2
    assert world.visits.get(v.id).answers["price_compliance"] == "个别高于"
    world.visits.save_grid(v.id, rows["利群(硬新版)"], price_fen=1400)  # -12.5 %: 2 of 3
    assert world.visits.get(v.id).answers["price_compliance"] == "普遍偏离"
    world.visits.save_grid(v.id, rows["利群(硬新版)"], price_fen=1600)  # corrected: 1 of 3
    assert world.visits.get(v.id).answers["price_compliance"] == "个别高于"
    # typing it while the grid decides it is refused, and nothing is saved
    with pytest.raises(InvalidValue) as err:
        world.visits.save_answers(v.id, {"price_compliance": "按指导价", "promoters_count": 3})
    assert err.value.detail == "price_compliance_derived"
    assert err.value.data["field"] == "price_compliance"
    assert world.visits.get(v.id).answers["promoters_count"] == 0
    done = world.visits.finish(v.id, at=datetime(2026, 11, 30, 8, 10)).visit
    assert done.answers["price_compliance"] == "个别高于"
    with pytest.raises(InvalidValue):
        world.visits.correct(done.id, {"price_compliance": "按指导价"}, "改正")


def test_confirming_last_times_prices_derives_the_answer(
    world: Journal, open_answers: dict[str, object]
) -> None:
    """已核对 takes last time's prices: 执行指导价 follows them, over what was typed before."""
    last = visit(world, "M001", "2026-11-23", {"中华(硬)": 5000}, open_answers)  # +11.1 %
    assert last.answers["price_compliance"] == "个别高于"
    v = world.visits.start(last.customer_id, at=datetime(2026, 11, 30, 8, 0))
    filled = world.visits.same_as_last_time(v.id)
    assert all(r.price_fen is None for r in filled.grid)  # prices wait for 已核对
    world.visits.save_answer(v.id, "price_compliance", "按指导价")  # no price seen yet: typed
    confirmed = world.visits.confirm_unchanged(v.id, ["grid"])
    assert confirmed.answers["price_compliance"] == "个别高于"


def test_a_price_out_of_range_is_refused_in_yuan(world: Journal) -> None:
    """售价 0 is a slip, not a price seen; 100.01 元 is over the cap — both refused, worded in
    元 as typed (not in fen), and nothing is saved."""
    cid = world.customers.by_code("M001").id
    v = world.visits.start(cid, at=datetime(2026, 11, 30, 8, 0))
    sku = v.grid[0].sku_id
    for fen in (0, 100_01):
        with pytest.raises(InvalidValue) as err:
            world.visits.save_grid(v.id, sku, price_fen=fen)
        assert err.value.data["field"] == "price_fen"
        assert (err.value.data["min"], err.value.data["max"]) == ("0.01", "100.00")
    world.visits.save_grid(v.id, sku, price_fen=100_00)  # the cap itself is a price
    assert next(r for r in world.visits.get(v.id).grid if r.sku_id == sku).price_fen == 100_00


def test_clearing_the_prices_gives_the_answer_back(
    world: Journal, open_answers: dict[str, object]
) -> None:
    """The grid derived 执行指导价; once its last compared price is cleared the grid decides
    nothing, so the derived answer goes too: the manager answers it (finishing asks for it)
    rather than the visit keeping 个别高于 for a price nobody saw."""
    cid = world.customers.by_code("M001").id
    v = world.visits.start(cid, at=datetime(2026, 11, 30, 8, 0))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, open_answers)
    sku = next(r.sku_id for r in v.grid if r.name == "中华(硬)")
    world.visits.save_grid(v.id, sku, price_fen=5000)  # +11.1 %
    assert world.visits.get(v.id).answers["price_compliance"] == "个别高于"
    world.visits.save_grid(v.id, sku, price_fen=None)
    assert "price_compliance" not in world.visits.get(v.id).answers
    with pytest.raises(InvalidValue) as err:
        world.visits.finish(v.id, at=datetime(2026, 11, 30, 8, 10))
    assert err.value.data["field"] == "price_compliance"
    world.visits.save_answer(v.id, "price_compliance", "按指导价")  # the manager's again
    done = world.visits.finish(v.id, at=datetime(2026, 11, 30, 8, 10)).visit
    assert done.answers["price_compliance"] == "按指导价"
