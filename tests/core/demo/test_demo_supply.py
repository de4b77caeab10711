"""Demo 货源信息: each week 2–4 紧俏, 1–3 限量 (with 档位 bands) and 0–1 停供 SKUs, changing
weekly; every order line has a 需求量, above its 订货量 for the week's 限量 SKUs (so the
满足率 is below 100 %), equal to it for the SKUs not short."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from demo_databases import Demo, module_demo
from sqlalchemy import func, select

from fieldbook.core.journal import Journal
from fieldbook.core.store.models import OrderLine

pytestmark = pytest.mark.slow
TODAY = date(2026, 11, 30)  # a Monday
WEEKS = 4

demo = module_demo("demo", Demo(seed=3, weeks=WEEKS, today=TODAY))


def mondays() -> list[date]:
    return [TODAY - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]


def test_each_week_has_short_skus_at_the_recipe_s_rates(demo: Journal) -> None:
    weeks = [demo.supply.on(monday) for monday in mondays()]
    for rows in weeks:
        states = Counter(r.state for r in rows)
        assert 2 <= states["tight"] <= 4 and 1 <= states["limited"] <= 3
        assert states["stopped"] <= 1
        assert all(r.bands and r.bands[0].first == 1 for r in rows if r.state == "limited")
    assert len({tuple(r.code for r in rows) for rows in weeks}) > 1  # it changes weekly


def test_limited_skus_are_asked_for_more_than_they_get(demo: Journal) -> None:
    monday = mondays()[-2]  # a whole week of orders
    limited = {r.sku_id for r in demo.supply.on(monday) if r.state == "limited"}
    short = {r.sku_id for r in demo.supply.on(monday)}
    in_week = OrderLine.order_date.between(monday, monday + timedelta(days=6))
    with demo.reading() as s:
        lines = s.execute(
            select(OrderLine.sku_id, OrderLine.cartons, OrderLine.demand_cartons).where(in_week)
        ).all()
        missing = s.scalar(
            select(func.count()).select_from(OrderLine).where(OrderLine.demand_cartons.is_(None))
        )
    assert missing == 0
    assert all(d > c for sku, c, d in lines if sku in limited)
    assert all(d == c for sku, c, d in lines if sku not in short)
    figures = demo.daylogs.facts(monday + timedelta(days=1)).orders["figures"]
    assert 0 < figures["fill_rate"] < 1
