"""Figures of a period that the week page and every period workbook (周报, 月报, 工作总结) show
alike, computed once here (decision 0025): 订货率 over the days whose orders were imported (and
the days still missing), 在册客户 of the period, and the slips by department."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.resources import load_reference
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store.models import Customer, CustomerChange, OrderLine, Slip, SlipDelivery

SlipCounts = dict[str, dict[str, int]]


@dataclass(frozen=True)
class DayOrders:
    """One day of a period as 订货率 counts it."""

    day: date
    working: bool
    due: int  # customers whose order day it is
    ordered: int  # of them, those with an order line that day
    imported: bool  # the day has imported order lines


@dataclass(frozen=True)
class OrderRate:
    """订货率 of a period: customers ordering ÷ customers due, over the working days whose
    orders were imported; ``missing``: the working days before today with customers due and
    no orders imported (left out, and said; today's orders come in the afternoon)."""

    due: int
    ordered: int
    missing: tuple[date, ...]

    @property
    def rate(self) -> float | None:
        return self.ordered / self.due if self.due else None


def order_rate(days: Iterable[DayOrders]) -> OrderRate:
    today = clock.today()
    counted = [d for d in days if d.working]
    return OrderRate(
        due=sum(d.due for d in counted if d.imported),
        ordered=sum(d.ordered for d in counted if d.imported),
        missing=tuple(d.day for d in counted if d.due and not d.imported and d.day < today),
    )


def missing_days_text(missing: Iterable[date]) -> str:
    """``11月1日—3日、11月5日``: the days in Chinese notation, runs of days joined."""
    runs: list[list[date]] = []
    for day in sorted(missing):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        first, last = run[0], run[-1]
        text = f"{first.month}月{first.day}日"
        if last != first:
            month = "" if last.month == first.month else f"{last.month}月"
            text += f"—{month}{last.day}日"
        parts.append(text)
    return "、".join(parts)


def order_days(s: Session, m: str, start: date, end: date) -> set[date]:
    """The days of ``start``..``end`` with imported order lines of manager ``m`` (an import
    replaces whole days, so a day with lines is a day imported)."""
    return set(
        s.scalars(
            select(OrderLine.order_date)
            .where(OrderLine.manager_id == m, OrderLine.order_date.between(start, end))
            .distinct()
        )
    )


def leaving_statuses() -> tuple[str, ...]:
    return tuple(load_reference("customer").get("register", {}).get("leaves_with", []))


def register_ids(s: Session, m: str, start: date, end: date) -> set[str]:
    """The ids of 在册客户 of ``start``..``end`` (``register``)."""
    return set(register(s, m, start, end))


def register(s: Session, m: str, start: date, end: date) -> dict[str, str]:
    """在册客户 of ``start``..``end``: the customers of manager ``m`` created on or before
    ``end`` and not out of the register (closed, cancelled) before ``start``. A customer left
    at its last status change into a leaving status (``customer_changes``), or — with no such
    change recorded — at its record's last update. A customer now another manager's is not
    counted (the transfer's date is not kept). Customer id → code."""
    leaving = leaving_statuses()
    rows = s.execute(
        select(Customer.id, Customer.code, Customer.status, Customer.updated_at).where(
            Customer.manager_id == m, Customer.created_at <= datetime.combine(end, time.max)
        )
    ).all()
    left_at = dict(
        s.execute(
            select(CustomerChange.customer_id, func.max(CustomerChange.at))
            .join(Customer, Customer.id == CustomerChange.customer_id)
            .where(
                Customer.manager_id == m,
                Customer.status.in_(leaving),
                CustomerChange.field == "status",
                CustomerChange.new_value.in_(leaving),
            )
            .group_by(CustomerChange.customer_id)
        ).all()
    )
    first = datetime.combine(start, time.min)
    return {
        cid: code
        for cid, code, status, updated in rows
        if status not in leaving or left_at.get(cid, updated) >= first
    }


def slip_counts(s: Session, m: str, start: date, end: date) -> SlipCounts:
    """Department → slips opened and deliveries done in ``start``..``end``, and deliveries
    not done and past their due date at its end (超期; whenever opened): one done after the
    end was still overdue then (a past week's figure does not change later), and a period
    that ends after today is counted as at today (a delivery due tomorrow is not late)."""
    lo, hi = datetime.combine(start, time.min), datetime.combine(end, time.max)
    as_at = min(end, clock.today())
    out = {d: {"opened": 0, "done": 0, "overdue": 0} for d in slip_rules().departments}
    rows = s.execute(
        select(
            Slip.created_at,
            Slip.due_date,
            SlipDelivery.department,
            SlipDelivery.state,
            SlipDelivery.updated_at,
        )
        .join(SlipDelivery, SlipDelivery.slip_id == Slip.id)
        .where(Slip.manager_id == m, Slip.created_at <= hi)
    ).all()
    for created, due, dept, state, updated in rows:
        bucket = out.setdefault(dept, {"opened": 0, "done": 0, "overdue": 0})
        if lo <= created <= hi:
            bucket["opened"] += 1
        if state == "done" and lo <= updated <= hi:
            bucket["done"] += 1
        if due < as_at and not (state == "done" and updated <= hi):
            bucket["overdue"] += 1
    return out
