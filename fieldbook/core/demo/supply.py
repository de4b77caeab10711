"""Demo 货源信息 (decision 0021): each week the company's 货源投放 — a few SKUs 紧俏, 限量 (with a
band scheme by 档位) or 停供, the dearer classes more often — written as the weeks' supply rows
(only the SKUs whose state changes), and the week's order lines given a 需求量: what a shop got
for most SKUs, more than it got for the short ones (so 满足率 is below 100 % where supply
is short). Runs after the week's orders; rates in ``schema/reference/demo.toml`` ``[supply]``.
Its own random stream (from the seed's SKU ids and the week), so nothing else moves with it."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import update

from fieldbook.core.demo.context import DemoContext, demo_reference
from fieldbook.core.master.supply import Band, bands_text
from fieldbook.core.store.models import OrderLine, SkuSupply

STATE_KEY = "supply"
SOURCE = "货源投放（演示）"


def _draw(rng: random.Random, ref: dict[str, Any], skus: list[dict[str, Any]]) -> dict[str, Any]:
    """sku id → (state, bands) of the week's SKUs that are short."""
    weights = {int(k): float(v) for k, v in ref["class_weights"].items()}
    pool = list(skus)
    out: dict[str, Any] = {}
    for state in ("limited", "tight", "stopped"):
        low, high = ref[state]
        for _ in range(rng.randint(int(low), int(high))):
            if not pool:
                break
            pick = rng.choices(pool, [weights.get(s["price_class"] or 5, 1.0) for s in pool])[0]
            pool.remove(pick)
            bands: tuple[Band, ...] = ()
            if state == "limited":
                scheme = rng.choice(ref["bands"])
                bands = tuple(Band(int(a), int(b), int(n)) for a, b, n in scheme)
            out[pick["id"]] = (state, bands)
    return out


def supply_week(ctx: DemoContext, monday: date) -> None:
    ref = demo_reference()["supply"]
    seed = f"{ctx.skus[0]['id'] if ctx.skus else ''}-{monday.isoformat()}"
    rng = random.Random(seed)
    week = _draw(rng, ref, ctx.skus)
    before: dict[str, Any] = ctx.state.setdefault(STATE_KEY, {})
    stamp = datetime.combine(monday, time(8, 0))
    rows = []
    for sku_id in sorted(set(week) | set(before)):
        now = week.get(sku_id, ("normal", ()))
        if before.get(sku_id, ("normal", ())) == now:
            continue
        rows.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "sku_id": sku_id,
                "valid_from": monday,
                "state": now[0],
                "limits": bands_text(now[1]),
                "source": SOURCE,
                "updated_at": stamp,
            }
        )
    ctx.state[STATE_KEY] = week
    ctx.insert(SkuSupply, rows)
    _demand(ctx, rng, ref, monday, week)


def _demand(
    ctx: DemoContext, rng: random.Random, ref: dict[str, Any], monday: date, week: dict[str, Any]
) -> None:
    """The week's lines ask for what they got, the short SKUs' for more: one UPDATE per SKU."""
    in_week = OrderLine.order_date.between(monday, monday + timedelta(days=6))
    s = ctx.session
    s.execute(update(OrderLine).where(in_week).values(demand_cartons=OrderLine.cartons))
    for sku_id, (state, _bands) in sorted(week.items()):
        low, high = ref["extra_limited"] if state == "limited" else ref["extra_tight"]
        extra = rng.randint(int(low), int(high))
        if state == "stopped" or extra == 0:
            continue
        s.execute(
            update(OrderLine)
            .where(in_week, OrderLine.sku_id == sku_id)
            .values(demand_cartons=OrderLine.cartons + extra)
        )
