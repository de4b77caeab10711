"""Demo 销量任务 (``routine.targets``): for every manager and every month the demo's history
touches, a month target (cartons, amount, 单条值), a class target for 一类 and 二类 and one
key-brand target — the month's expected volume (the demo's own figures per order day × the
month's working days) × 1.00–1.08, rounded up to whole 箱 (``schema/reference/demo.toml``
[targets]; decision 0019). Drawn from a stream of its own, so the rest of the demo does not
move with it; three queries whatever the size of the demo."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, time
from random import Random
from typing import Any

from sqlalchemy import func, select

from fieldbook.core import workdays
from fieldbook.core.demo.context import DemoContext, demo_reference
from fieldbook.core.routine.targets import CLASS, SKU, TOTAL, target_rules
from fieldbook.core.store.models import OrderLine, Sku, Target


def _months(first: date, last: date) -> list[str]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(f"{day:%Y-%m}")
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def demo_targets(ctx: DemoContext) -> None:
    """Insert the targets of every demo manager (after the orders are written)."""
    ref = demo_reference()["targets"]
    low, high = float(ref["factor"][0]), float(ref["factor"][1])
    s = ctx.session
    first: date | None = s.scalar(select(func.min(OrderLine.order_date)))
    if first is None:
        return
    days = dict(
        s.execute(
            select(OrderLine.manager_id, func.count(func.distinct(OrderLine.order_date))).group_by(
                OrderLine.manager_id
            )
        ).all()
    )
    sums: dict[str, list[tuple[int | None, str, bool, int, int]]] = defaultdict(list)
    for m, pc, code, key, cartons, fen in s.execute(
        select(
            OrderLine.manager_id,
            Sku.price_class,
            Sku.code,
            Sku.is_key_brand,
            func.sum(OrderLine.cartons),
            func.sum(OrderLine.amount_fen),
        )
        .join(Sku, Sku.id == OrderLine.sku_id)
        .group_by(OrderLine.manager_id, Sku.price_class, Sku.code, Sku.is_key_brand)
    ):
        sums[m].append((pc, code, bool(key), int(cartons), int(fen)))
    stamp = datetime.combine(first, time(8, 0))
    rows: list[dict[str, Any]] = []
    for manager in ctx.managers:
        if not days.get(manager.id):
            continue
        rng = Random(f"fieldbook-demo-targets:{manager.id}")
        for month in _months(first, ctx.today):
            start, end = workdays.month_range(month)
            scale = len(workdays.working_days_between(start, end)) / days[manager.id]
            for scope, scope_key, cartons, fen in _scopes(sums[manager.id], ref):
                factor = rng.uniform(low, high)
                target = _to_cases(cartons * scale * factor)
                amount = round(fen * scale * factor / 10_000) * 10_000  # whole hundreds of 元
                rows.append(
                    {
                        "id": ctx.new_id(),
                        "manager_id": manager.id,
                        "month": month,
                        "scope": scope,
                        "scope_key": scope_key,
                        "cartons": target,
                        "amount_fen": amount if scope == TOTAL else None,
                        "per_carton_fen": round(amount / target) if scope == TOTAL else None,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
    ctx.insert(Target, [r for r in rows if r["cartons"]])


def _to_cases(cartons: float) -> int:
    per_case = target_rules().cartons_per_case
    return math.ceil(cartons / per_case) * per_case


def _scopes(
    lines: list[tuple[int | None, str, bool, int, int]], ref: dict[str, Any]
) -> list[tuple[str, str, int, int]]:
    """(scope, key, cartons, fen) of the history the targets scale: the whole, the classes
    listed, the best-selling key brands."""
    out = [(TOTAL, "", sum(c for *_, c, _f in lines), sum(f for *_, f in lines))]
    for pc in ref["classes"]:
        mine = [(c, f) for p, _code, _k, c, f in lines if p == int(pc)]
        out.append((CLASS, str(pc), sum(c for c, _ in mine), sum(f for _, f in mine)))
    keys = sorted((-c, code, f) for _p, code, key, c, f in lines if key)
    out.extend((SKU, code, -c, f) for c, code, f in keys[: int(ref["key_brands"])])
    return [o for o in out if o[2] > 0]
