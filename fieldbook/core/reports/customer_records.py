"""The records of one customer for its file (一户一档): its visits with what was found, its orders
by month (with the class structure of ``routine.class_structure``), its slips one row per
department (``RegisterRow``: the register's row and its 超期), and the spot-check items that
sampled one of its visits. Each is one query over the period; the workbook is
``reports.customer_file``; :func:`read_file` reads all of it (:class:`CustomerFile`)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.master.catalog import price_classes
from fieldbook.core.master.customer_changes import change_history
from fieldbook.core.master.customers import CustomerRow
from fieldbook.core.reports.official import span_text
from fieldbook.core.reports.slip_register import RegisterRow, register_row
from fieldbook.core.routine.checklist import finding_labels, load_checklist
from fieldbook.core.routine.class_structure import (
    UNCLASSIFIED,
    ClassShare,
    Headline,
    build,
    headlines_of,
    sum_by_class,
)
from fieldbook.core.routine.day_progress import minutes_in_shop
from fieldbook.core.slips.vocabulary import department_order
from fieldbook.core.store.audit import AuditRecord
from fieldbook.core.store.models import (
    Customer,
    Manager,
    OrderLine,
    Sku,
    Slip,
    SlipDelivery,
    SpotCheck,
    SpotCheckItem,
    Visit,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: The finding that only repeats the shop status (shown in its own column).
SHOP_STATUS_FINDING = "shop_status"


@dataclass(frozen=True)
class Period:
    """The file's period: ``start`` None — from the first record on."""

    start: date | None
    end: date

    def between(self, column: Any) -> ColumnElement[bool]:
        if self.start is None:
            return column <= self.end  # type: ignore[no-any-return]
        return column.between(self.start, self.end)  # type: ignore[no-any-return]

    def between_times(self, column: Any) -> ColumnElement[bool]:
        last = datetime.combine(self.end, time.max)
        if self.start is None:
            return column <= last  # type: ignore[no-any-return]
        return column.between(datetime.combine(self.start, time.min), last)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class VisitRecord:
    day: date
    arrived_at: datetime | None
    left_at: datetime | None
    minutes: int | None
    shop_status: str  # its label
    done: bool
    late_entry: bool
    findings: tuple[str, ...]  # labels, with the detail in brackets


@dataclass(frozen=True)
class MonthOrders:
    """One month's orders of the customer: its order days, cartons, amount, the structure."""

    month: date  # the first of the month
    days: int
    cartons: int
    amount_fen: int
    structure: tuple[ClassShare, ...]
    headlines: tuple[Headline, ...]

    @property
    def per_carton_fen(self) -> float | None:
        return self.amount_fen / self.cartons if self.cartons else None


@dataclass(frozen=True)
class SpotCheckRecord:
    month: str  # YYYY-MM
    checker: str
    visit_day: date
    arrived_at: datetime | None
    left_at: datetime | None
    confirmed: bool | None
    time_ok: bool | None
    content_ok: bool | None
    service_quality: str
    problems: str
    correction: str
    correction_status: str  # code: reports.spotcheck.CORRECTION names it
    correction_note: str
    corrected_at: datetime | None


def visit_records(s: Session, customer_id: str, period: Period) -> list[VisitRecord]:
    """The customer's visits in the period, oldest first."""
    statuses = {st.code: st.label for st in load_checklist("visit").shop_statuses}
    labels = finding_labels("visit")
    rows = s.scalars(
        select(Visit)
        .where(Visit.customer_id == customer_id, period.between(Visit.visit_date))
        .order_by(Visit.visit_date, Visit.arrived_at)
    ).all()
    out = []
    for v in rows:
        hits = json.loads(v.findings or "[]")
        exact = minutes_in_shop(v.arrived_at, v.left_at)
        out.append(
            VisitRecord(
                v.visit_date,
                v.arrived_at,
                v.left_at,
                round(exact) if exact is not None else None,
                statuses.get(v.shop_status, "") if v.shop_status else "",
                v.status == "done",
                bool(v.late_entry),
                tuple(
                    labels.get(h["finding"], "其他问题")
                    + (f"（{h['detail']}）" if h.get("detail") else "")
                    for h in hits
                    if h.get("finding") != SHOP_STATUS_FINDING
                ),
            )
        )
    return out


def month_orders(s: Session, customer_id: str, period: Period) -> list[MonthOrders]:
    """The customer's orders by calendar month (months with orders only), oldest first."""
    lines = s.execute(
        select(
            OrderLine.order_date,
            Sku.price_class,
            func.coalesce(func.sum(OrderLine.cartons), 0),
            func.coalesce(func.sum(OrderLine.amount_fen), 0),
        )
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(OrderLine.customer_id == customer_id, period.between(OrderLine.order_date))
        .group_by(OrderLine.order_date, Sku.price_class)
    ).all()
    by_month: dict[date, list[tuple[int | None, int, int]]] = defaultdict(list)
    days: dict[date, set[date]] = defaultdict(set)
    for day, code, cartons, amount in lines:
        first = day.replace(day=1)
        by_month[first].append((code, int(cartons), int(amount)))
        days[first].add(day)
    out = []
    for first in sorted(by_month):
        rows = build(sum_by_class(by_month[first]))
        out.append(
            MonthOrders(
                first,
                len(days[first]),
                sum(c for _, c, _ in by_month[first]),
                sum(a for _, _, a in by_month[first]),
                rows,
                headlines_of(rows),
            )
        )
    return out


def class_names(months: Sequence[MonthOrders]) -> list[str]:
    """The class columns of the orders sheet: every configured class, 未分类 when any month
    had SKUs without a class."""
    names = [pc.name for pc in sorted(price_classes(), key=lambda p: p.code)]
    if any(r.code is None for m in months for r in m.structure):
        names.append(UNCLASSIFIED)
    return names


def slip_records(s: Session, customer_id: str, period: Period) -> list[RegisterRow]:
    """The customer's slips created in the period, one row per department (the register's
    rows), oldest first."""
    stmt = (
        select(Slip, SlipDelivery)
        .join(SlipDelivery, SlipDelivery.slip_id == Slip.id)
        .where(Slip.customer_id == customer_id, period.between_times(Slip.created_at))
    )
    rows = [register_row(slip, d) for slip, d in s.execute(stmt)]
    rows.sort(key=lambda r: (r.created_at, r.number, department_order(r.department)))
    return rows


def spot_check_records(s: Session, customer_id: str, period: Period) -> list[SpotCheckRecord]:
    """The spot-check items that sampled one of the customer's visits in the period."""
    rows = s.execute(
        select(SpotCheck.month, SpotCheck.checker, SpotCheckItem, Visit)
        .join(SpotCheckItem, SpotCheckItem.check_id == SpotCheck.id)
        .join(Visit, Visit.id == SpotCheckItem.visit_id)
        .where(Visit.customer_id == customer_id, period.between(Visit.visit_date))
        .order_by(Visit.visit_date, SpotCheck.month)
    ).all()
    return [
        SpotCheckRecord(
            month,
            checker,
            v.visit_date,
            v.arrived_at,
            v.left_at,
            i.confirmed,
            i.time_ok,
            i.content_ok,
            i.service_quality,
            i.problems,
            i.correction,
            i.correction_status,
            i.correction_note,
            i.corrected_at,
        )
        for month, checker, i, v in rows
    ]


# --- the file ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CustomerFile:
    """Everything the file shows, read in one session."""

    customer: CustomerRow
    manager: str
    period: Period
    made_on: date
    changes: list[AuditRecord]
    visits: list[VisitRecord]
    months: list[MonthOrders]
    slips: list[RegisterRow]
    checks: list[SpotCheckRecord]

    @property
    def empty(self) -> bool:
        return not (self.visits or self.months or self.slips or self.checks)


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(period: Period) -> str:
    if period.start is None:
        return f"全部记录（截至{cn_date(period.end)}）"
    return span_text(period.start, period.end)


def read_file(journal: Journal, code: str, period: Period) -> CustomerFile:
    try:
        customer = journal.customers.by_code(code)
    except NotFound:
        raise InvalidValue("unknown_customer", field="customer", value=code) from None
    changes = [c for c in change_history(journal, customer.id) if c.at.date() <= period.end]
    with journal.reading() as s:
        manager = s.get_one(Manager, s.get_one(Customer, customer.id).manager_id)
        return CustomerFile(
            customer,
            f"{manager.name}（{manager.code}）",
            period,
            clock.today(),
            [c for c in changes if period.start is None or c.at.date() >= period.start],
            visit_records(s, customer.id, period),
            month_orders(s, customer.id, period),
            slip_records(s, customer.id, period),
            spot_check_records(s, customer.id, period),
        )
