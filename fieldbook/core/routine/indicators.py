"""The day's economic indicators (经济指标), computed from imported order lines.

Definitions (shown in the UI's tooltips and written into exports, REFERENCE.md §2.2):
- 应订货户数 (due): the manager's ACTIVE customers whose order weekday is the date's weekday.
- 订货户数 (ordered): due customers with at least one order line that day.
- 订货率 = ordered ÷ due. Orders from customers not due that day count in cartons and amount,
  not in the rate.
- 订货量 (cartons) and 金额 (amount): all of the manager's order lines of the day.
- 单条值 = amount ÷ cartons (元/条).
- 满足率 (fill rate) = 订货量 ÷ 需求量 over the lines whose export gave a 需求量 (demand): none
  given, no rate (never a fake 100 %).
- 结构: cartons by price class and their share of the day's cartons.
- Comparisons: the same weekday a week earlier, and month to date (the working days from the
  1st to the date; its 应订货户数 and 订货户数 of the days with imported orders only, as every
  period's 订货率 — decision 0025).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.routine.class_structure import ClassShare, structure
from fieldbook.core.store.models import Customer, OrderLine, Sku, Visit
from fieldbook.core.store.sessions import Sessions

_WEEK = timedelta(days=7)

DEFINITIONS = {
    "due": "应订货户数：订货日为当天的正常经营客户",
    "ordered": "订货户数：应订货客户中当天有订单的户数",
    "order_rate": (
        "订货率 = 订货户数 ÷ 应订货户数（非当天订货日客户的订单计入订货量和金额，不计入订货率）"
    ),
    "cartons": "订货量：当天全部订单的条数",
    "amount": "金额：当天全部订单的金额（元）",
    "per_carton": "单条值 = 金额 ÷ 订货量（元/条）",
    "fill_rate": "满足率 = 订货量 ÷ 需求量（只计导出文件给出需求量的订单行；没有需求量数据时不计）",
    "structure": (
        "结构：各价类订货量及其占当天订货量的比例（一类至五类依次列出，没有订货的价类也列出），"
        "较上周同日的变化以百分点计"
    ),
}


@dataclass(frozen=True)
class NonOrderer:
    customer_id: str
    code: str
    shop_name: str
    reason: str  # from a visit of the last 7 days, else ""


@dataclass(frozen=True)
class Figures:
    """Order figures of a period (one day, a week, a month to date)."""

    due: int
    ordered: int
    cartons: int
    amount_fen: int
    demand: int = 0  # 需求量 of the lines that give one
    supplied: int = 0  # 订货量 of those same lines

    @property
    def order_rate(self) -> float | None:
        return self.ordered / self.due if self.due else None

    @property
    def fill_rate(self) -> float | None:
        """满足率: supplied ÷ demand over the lines with a demand; None without any."""
        return self.supplied / self.demand if self.demand else None

    @property
    def per_carton_fen(self) -> float | None:
        return self.amount_fen / self.cartons if self.cartons else None


@dataclass(frozen=True)
class DayIndicators:
    day: date
    figures: Figures
    structure: tuple[ClassShare, ...]
    non_orderers: tuple[NonOrderer, ...]
    last_week: Figures  # the same weekday a week earlier
    month_to_date: Figures


def _due_customers(s: Session, manager_id: str, day: date) -> dict[str, tuple[str, str]]:
    rows = s.execute(
        select(Customer.id, Customer.code, Customer.shop_name).where(
            Customer.manager_id == manager_id,
            Customer.status == "active",
            Customer.order_weekday == day.isoweekday(),
        )
    )
    return {cid: (code, name) for cid, code, name in rows}


def order_weekdays(s: Session, manager_id: str) -> dict[str, int | None]:
    """Customer id → order weekday (1 = Monday) of the manager's ACTIVE customers."""
    rows = s.execute(
        select(Customer.id, Customer.order_weekday).where(
            Customer.manager_id == manager_id, Customer.status == "active"
        )
    )
    return {cid: weekday for cid, weekday in rows}


def _figures(
    s: Session, manager_id: str, days: list[date], *, imported_only: bool = False
) -> Figures:
    """``imported_only`` (a period: 本月累计): 应订货户数 and 订货户数 of the days with imported
    orders only, as ``period_figures.order_rate`` counts a period (decision 0025)."""
    due = ordered = 0
    bought: dict[date, set[str]] = defaultdict(set)
    for day, customer in s.execute(
        select(OrderLine.order_date, OrderLine.customer_id)
        .where(OrderLine.manager_id == manager_id, OrderLine.order_date.in_(days))
        .distinct()
    ):
        bought[day].add(customer)
    for day in days:
        if imported_only and day not in bought:
            continue
        due_ids = set(_due_customers(s, manager_id, day))
        buyers = bought.get(day, set())
        due += len(due_ids)
        ordered += len(due_ids & buyers)
    if not days:
        return Figures(0, 0, 0, 0)
    cartons, amount, demand, supplied = s.execute(
        select(
            func.coalesce(func.sum(OrderLine.cartons), 0),
            func.coalesce(func.sum(OrderLine.amount_fen), 0),
            *demand_columns(),
        ).where(OrderLine.manager_id == manager_id, OrderLine.order_date.in_(days))
    ).one()
    return Figures(due, ordered, int(cartons), int(amount), int(demand), int(supplied))


def order_totals(s: Session, manager_id: str, days: list[date]) -> tuple[int, int]:
    """订货量 (cartons) and 金额 (fen) of the manager's order lines of ``days``."""
    if not days:
        return 0, 0
    cartons, amount = s.execute(
        select(
            func.coalesce(func.sum(OrderLine.cartons), 0),
            func.coalesce(func.sum(OrderLine.amount_fen), 0),
        ).where(OrderLine.manager_id == manager_id, OrderLine.order_date.in_(days))
    ).one()
    return int(cartons), int(amount)


def demand_totals(s: Session, manager_id: str, start: date, end: date) -> tuple[int, int]:
    """需求量 and the 订货量 of the same lines from ``start`` to ``end``, in one query (满足率 =
    the second ÷ the first; no demand, no rate)."""
    demand, supplied = s.execute(
        select(*demand_columns()).where(
            OrderLine.manager_id == manager_id, OrderLine.order_date.between(start, end)
        )
    ).one()
    return int(demand), int(supplied)


def fill_rate_of(demand: int, supplied: int) -> float | None:
    return supplied / demand if demand else None


def demand_columns() -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """需求量 and the 订货量 of the same lines (those whose export gave a demand), summed."""
    has_demand = OrderLine.demand_cartons.is_not(None)
    return (
        func.coalesce(func.sum(OrderLine.demand_cartons), 0),
        func.coalesce(func.sum(case((has_demand, OrderLine.cartons), else_=0)), 0),
    )


def order_breakdown(
    s: Session, manager_id: str, days: list[date]
) -> list[tuple[int | None, str, int, int]]:
    """(price class, SKU code, cartons, fen) of the manager's order lines of ``days``, one row
    per SKU: what a class's or a SKU's figure is made of (``routine.targets``)."""
    if not days:
        return []
    rows = s.execute(
        select(
            Sku.price_class,
            Sku.code,
            func.coalesce(func.sum(OrderLine.cartons), 0),
            func.coalesce(func.sum(OrderLine.amount_fen), 0),
        )
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(OrderLine.manager_id == manager_id, OrderLine.order_date.in_(days))
        .group_by(Sku.price_class, Sku.code)
    ).all()
    return [(pc, code, int(c), int(a)) for pc, code, c, a in rows]


def month_days(day: date) -> list[date]:
    """The days a month-to-date figure covers: the working days from the 1st up to ``day``,
    and ``day`` itself (a Saturday's orders count on that Saturday's log)."""
    return [
        d
        for d in (day.replace(day=1) + timedelta(days=n) for n in range(day.day))
        if d == day or workdays.is_working_day(d)
    ]


def day_indicators(db: Sessions, day: date) -> DayIndicators:
    """The current manager's indicators of ``day``."""
    with db.reading() as s:
        return indicators_of(s, db.current_manager_id(s), day)


def indicators_of(s: Session, manager_id: str, day: date) -> DayIndicators:
    """The manager's indicators of ``day``, read in ``s``."""
    due = _due_customers(s, manager_id, day)
    buyers = set(
        s.scalars(
            select(OrderLine.customer_id)
            .where(OrderLine.manager_id == manager_id, OrderLine.order_date == day)
            .distinct()
        )
    )
    reasons = _no_order_reasons(s, manager_id, day)
    non = tuple(
        NonOrderer(cid, code, name, reasons.get(cid, ""))
        for cid, (code, name) in sorted(due.items(), key=lambda kv: kv[1][0])
        if cid not in buyers
    )
    return DayIndicators(
        day=day,
        figures=_figures(s, manager_id, [day]),
        structure=structure(s, manager_id, day, day, before=(day - _WEEK, day - _WEEK)),
        non_orderers=non,
        last_week=_figures(s, manager_id, [day - timedelta(days=7)]),
        month_to_date=_figures(s, manager_id, month_days(day), imported_only=True),
    )


def _no_order_reasons(s: Session, manager_id: str, day: date) -> dict[str, str]:
    """不订货原因 recorded at a visit in the 7 days up to ``day`` (the latest wins)."""
    out: dict[str, str] = {}
    rows = s.execute(
        select(Visit.customer_id, Visit.answers, Visit.shop_status)
        .where(
            Visit.manager_id == manager_id,
            Visit.status == "done",
            Visit.visit_date > day - timedelta(days=7),
            Visit.visit_date <= day,
        )
        .order_by(Visit.visit_date, Visit.arrived_at)
    )
    for cid, answers_text, shop_status in rows:
        answers = json.loads(answers_text or "{}")
        if answers.get("will_order") == "不订":
            out[cid] = answers.get("no_order_reason") or "不订"
        elif shop_status in ("suspended", "closed", "absent"):
            out[cid] = {"suspended": "暂停营业", "closed": "已关业", "absent": "关门未遇"}[
                shop_status
            ]
    return out
