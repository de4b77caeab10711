"""Demo history of the orders and the work logs: weekly order rates of 85–95%, the class mix
and 单条值 of the recipe, orders consistent with the visits that day, one log per working day
(the last weeks submitted with the real service's facts, a few audited corrections), the same
seed giving the same rows."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from random import Random

import pytest
from demo_databases import Demo, module_demo, open_fresh
from sqlalchemy import func, select

from fieldbook.core import workdays
from fieldbook.core.demo.context import demo_reference
from fieldbook.core.demo.generate import generate_demo
from fieldbook.core.demo.orders import OrderMaker
from fieldbook.core.journal import Journal
from fieldbook.core.routine.indicators import day_indicators
from fieldbook.core.store import audit
from fieldbook.core.store.models import Customer, DayLog, OrderLine, Plan, PlanStop, Sku, Visit

pytestmark = pytest.mark.slow  # every test here generates or reads a demo database
TODAY = date(2026, 11, 30)  # a Monday
WEEKS = 6  # TODAY is a Monday: 5 weeks of history


demo = module_demo("demo", Demo(seed=4, weeks=WEEKS, today=TODAY))


def working_days() -> list[date]:
    first = TODAY - timedelta(days=TODAY.weekday(), weeks=WEEKS - 1)
    return workdays.working_days_between(first, TODAY - timedelta(days=1))


def route_due(j: Journal) -> dict[date, set[str]]:
    """The customers each day's plan lists as route stops: due to order that day."""
    with j.reading() as s:
        rows = s.execute(
            select(Plan.plan_date, PlanStop.customer_id, PlanStop.reasons).join(
                Plan, Plan.id == PlanStop.plan_id
            )
        ).all()
    due: dict[date, set[str]] = defaultdict(set)
    for day, cid, reasons in rows:
        if "route" in reasons.split(","):
            due[day].add(cid)
    return due


def buyers(j: Journal) -> dict[date, set[str]]:
    with j.reading() as s:
        rows = s.execute(select(OrderLine.order_date, OrderLine.customer_id).distinct()).all()
    out: dict[date, set[str]] = defaultdict(set)
    for day, cid in rows:
        out[day].add(cid)
    return out


def test_due_customers_order_at_85_to_95_percent_a_week(demo: Journal) -> None:
    due, bought = route_due(demo), buyers(demo)
    assert sorted(bought) == working_days()  # orders on every working day, none today
    weeks: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for day, customers in due.items():
        week = weeks[day - timedelta(days=day.weekday())]
        week[0] += len(customers)
        week[1] += len(customers & bought[day])
        assert bought[day] <= customers  # only the day's route customers order
    rates = [ordered / total for total, ordered in weeks.values()]
    assert len(rates) == WEEKS - 1 and all(0.85 <= r <= 0.95 for r in rates), rates
    # the indicators agree over the period (their 应订货 is today's active customers)
    figures = [day_indicators(demo, d).figures for d in working_days()[-10:]]
    rate = sum(f.ordered for f in figures) / sum(f.due for f in figures)
    assert 0.83 <= rate <= 0.96


def test_orders_follow_the_visit_of_the_day(demo: Journal) -> None:
    bought, due = buyers(demo), route_due(demo)
    with demo.reading() as s:
        visits = s.execute(
            select(Visit.visit_date, Visit.customer_id, Visit.shop_status, Visit.answers)
        ).all()
    said: Counter[str] = Counter()
    for day, cid, status, answers in visits:
        will = json.loads(answers or "{}").get("will_order")
        if status != "open" or will == "不订":
            assert cid not in bought[day]
            said["no"] += 1
        elif will == "会订":
            assert cid in bought[day] or cid not in due[day]  # a carried-over stop
            said["yes"] += 1
    assert said["no"] > 5 and said["yes"] > 500


def test_class_mix_and_price_per_carton(demo: Journal) -> None:
    with demo.reading() as s:
        rows = s.execute(
            select(Sku.price_class, func.sum(OrderLine.cartons), func.sum(OrderLine.amount_fen))
            .join(Sku, Sku.id == OrderLine.sku_id)
            .group_by(Sku.price_class)
        ).all()
        skus = [
            {c: getattr(k, c) for c in ("id", "name", "code", "price_class", "wholesale_fen")}
            | {"on_market": k.on_market, "is_key_brand": k.is_key_brand}
            for k in s.scalars(select(Sku))
        ]
    cartons = sum(n for _c, n, _a in rows)
    shares = {c: n / cartons for c, n, _a in rows}
    targets = {c.code: c.share for c in OrderMaker(demo_reference()["orders"], skus).classes}
    assert set(targets) == {1, 2, 3, 4}  # the demo catalog has no 五类: its share went to 四类
    for code, target in targets.items():
        assert shares.get(code, 0) == pytest.approx(target, abs=0.03), (code, shares)
    per_carton = sum(a for _c, _n, a in rows) / cartons / 100
    assert 130 <= per_carton <= 180


def test_order_sizes_follow_the_grade(demo: Journal) -> None:
    with demo.reading() as s:
        orders = s.execute(
            select(
                Customer.grade,
                func.count(),
                func.sum(OrderLine.cartons),
                func.sum(OrderLine.amount_fen),
                func.sum(OrderLine.cartons * Sku.wholesale_fen),
            )
            .join(Customer, Customer.id == OrderLine.customer_id)
            .join(Sku, Sku.id == OrderLine.sku_id)
            .group_by(OrderLine.customer_id, OrderLine.order_date)
        ).all()
    bands = [(5, 3, 10), (15, 10, 30), (25, 30, 80), (30, 80, 200)]
    for grade, lines, cartons, amount, priced in orders:
        low, high = next((lo, hi) for top, lo, hi in bands if grade <= top)
        assert low <= cartons <= high, (grade, cartons)
        assert 1 <= lines <= min(25, cartons)
        assert amount == priced  # cartons × the SKU's wholesale price
    big = [lines for grade, lines, *_ in orders if grade >= 26]
    small = [lines for grade, lines, *_ in orders if 6 <= grade <= 10]
    assert min(big) > max(small) - 6 and sum(big) / len(big) > sum(small) / len(small) + 6


def test_order_maker_hands_an_empty_class_on() -> None:
    ref = demo_reference()["orders"]
    skus = [
        {"id": "a", "name": "甲", "code": "1", "price_class": 1, "wholesale_fen": 30000},
        {"id": "b", "name": "乙", "code": "2", "price_class": 3, "wholesale_fen": 9000},
    ]
    skus = [k | {"on_market": True, "is_key_brand": False} for k in skus]
    maker = OrderMaker(ref, skus)
    shares = {c.code: c.share for c in maker.classes}
    assert set(shares) == {1, 3} and sum(shares.values()) == pytest.approx(1)
    lines = maker.lines(Random(1), 30)
    assert 80 <= sum(n for _k, n in lines) <= 200 and len(lines) == 2


def test_one_log_per_working_day_the_last_weeks_submitted(demo: Journal) -> None:
    days = working_days()
    with demo.reading() as s:
        logs = s.execute(
            select(DayLog.log_date, DayLog.status, DayLog.sections, DayLog.submitted_at).order_by(
                DayLog.log_date
            )
        ).all()
    assert [r.log_date for r in logs] == days
    cutoff = TODAY - timedelta(weeks=int(demo_reference()["daylog"]["submitted_weeks"]))
    for day, status, sections, submitted in logs:
        assert status == ("submitted" if day >= cutoff else "draft"), day
        assert (submitted is not None) == (status == "submitted")
        if submitted is not None:
            assert submitted.date() == day and submitted.hour >= 16
        text = json.loads(sections)
        assert {"phone_staff", "indicator_analysis", "meeting_notes"} <= set(text)
    # a submitted log carries the facts the real service computes from the same data
    last = days[-1]
    view = demo.daylogs.get(last)
    live = demo.daylogs.facts(last)
    assert view.facts.orders == json.loads(json.dumps(live.orders, default=str))
    assert (view.facts.done, view.facts.planned, view.facts.findings) == (
        live.done,
        live.planned,
        live.findings,
    )
    figures = view.facts.orders["figures"]
    assert f"订货{figures['cartons']}条" in view.sections["indicator_analysis"] or (
        f"订货量{figures['cartons']}条" in view.sections["indicator_analysis"]
    )


def test_corrections_are_audited_and_shown(demo: Journal) -> None:
    corrected = [d for d in working_days() if demo.daylogs.get(d).corrections]
    assert len(corrected) == demo_reference()["daylog"]["corrections"]
    view = demo.daylogs.get(corrected[0])
    (entry,) = view.corrections
    name = entry.field.removeprefix("sections.")
    assert view.status == "submitted" and view.sections[name] == entry.new_value
    assert str(entry.new_value).startswith(str(entry.old_value)) and entry.reason
    assert audit.verify(demo).ok


def test_same_seed_same_orders_and_logs(tmp_path: Path) -> None:
    def rows(j: Journal) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        with j.reading() as s:
            lines = s.execute(
                select(
                    OrderLine.id,
                    OrderLine.customer_id,
                    OrderLine.sku_id,
                    OrderLine.cartons,
                    OrderLine.amount_fen,
                ).order_by(OrderLine.id)
            ).all()
            logs = s.execute(
                select(DayLog.id, DayLog.sections, DayLog.facts, DayLog.status).order_by(DayLog.id)
            ).all()
        return [tuple(r) for r in lines], [tuple(r) for r in logs]

    a, b = open_fresh(tmp_path / "a.sqlite3"), open_fresh(tmp_path / "b.sqlite3")
    try:
        generate_demo(a, seed=8, weeks=3, customers_per_manager=40, today=TODAY)
        generate_demo(b, seed=8, weeks=3, customers_per_manager=40, today=TODAY)
        first, second = rows(a), rows(b)
        assert first == second and len(first[0]) > 100 and len(first[1]) == 10
    finally:
        a.close()
        b.close()
