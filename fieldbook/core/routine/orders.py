"""订单: the ordering system's export (.xlsx / .csv) imported by day. Importing a day again
replaces that day's lines (never adds to them); unknown customers or SKUs are reported by row;
all or nothing, like every import. An import also raises the suggested 不订货 slips of
连续 N 周未订货 (``slips.suggestions.raise_no_order``: the one place they are raised)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Unpack, cast

from sqlalchemy import CursorResult, Select, delete, func, insert, select
from sqlalchemy.orm import QueryableAttribute, Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, Problem
from fieldbook.core.slips.suggestions import no_order_weeks, raise_no_order
from fieldbook.core.store.models import Customer, OrderLine, Sku, local_now, new_id
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_text, parse_decimal_fen, parse_int
from fieldbook.core.xlsx.headers import HeaderMatch
from fieldbook.core.xlsx.importing import (
    FieldSpec,
    ImportOptions,
    ImportReport,
    ParsedRow,
    apply_wanted,
    match_with,
    parse_code,
    parse_date,
    parse_with,
)

KIND = "orders"
MAX_CARTONS = 10_000


def _cartons(value: object) -> int:
    number = parse_int(value)
    if number is None:
        raise InvalidValue("required")
    if not 0 <= number <= MAX_CARTONS:
        raise InvalidValue("cartons_out_of_range", value=str(number), max=MAX_CARTONS)
    return number


def _demand(value: object) -> int | None:
    """需求量: empty when the file gives none for the line."""
    if value is None or clean_text(value) == "":
        return None
    return _cartons(value)


def _required_date(value: object) -> date:
    day = parse_date(value)
    if day is None:
        raise InvalidValue("required")
    return day


_SPECS = {
    s.name: s
    for s in (
        FieldSpec("order_date", _required_date, True),
        FieldSpec("customer_code", parse_code, True, 32),
        FieldSpec("shop_name", clean_text),
        FieldSpec("sku_code", parse_code),
        FieldSpec("sku_name", clean_text),
        FieldSpec("cartons", _cartons, True),
        FieldSpec("demand", _demand),
        FieldSpec("amount", parse_decimal_fen),
    )
}


@dataclass(frozen=True)
class DayOrders:
    """What a day holds already: an import of that day replaces it."""

    lines: int
    cartons: int
    amount_fen: int


@dataclass
class OrdersReport(ImportReport):
    """What an order import found and did, per day."""

    days: dict[date, tuple[int, int, int]] = field(default_factory=dict)  # lines, cartons, fen
    existing: dict[date, DayOrders] = field(default_factory=dict)  # what the days hold already
    replaced_lines: int = 0
    no_order_suggested: int = 0  # suggested 不订货 slips this import raised (连续 N 周未订货)

    @property
    def existing_lines(self) -> dict[date, int]:
        return {day: held.lines for day, held in self.existing.items()}


#: What an order line holds: the SKU's code, name and price class, cartons, amount (fen).
LINE_GOODS = (Sku.code, Sku.name, Sku.price_class, OrderLine.cartons, OrderLine.amount_fen)


def lines_with_customer(*columns: QueryableAttribute[Any]) -> Select[tuple[Any, ...]]:
    """A select of ``columns`` over the order lines joined to their customer and SKU."""
    return (
        select(*columns)
        .join(Customer, Customer.id == OrderLine.customer_id)
        .join(Sku, Sku.id == OrderLine.sku_id)
    )


def order_totals(s: Session, m: str, start: date, end: date) -> tuple[int, int]:
    """Cartons and amount (fen) of the manager's orders from ``start`` to ``end``."""
    cartons, amount = s.execute(
        select(
            func.coalesce(func.sum(OrderLine.cartons), 0),
            func.coalesce(func.sum(OrderLine.amount_fen), 0),
        ).where(OrderLine.manager_id == m, OrderLine.order_date.between(start, end))
    ).one()
    return int(cartons), int(amount)


def orders_on(s: Session, manager_id: str, days: Iterable[date]) -> dict[date, DayOrders]:
    """The manager's order lines already stored on ``days`` — what importing those days would
    replace; days without lines are left out."""
    rows = s.execute(
        select(
            OrderLine.order_date,
            func.count(),
            func.coalesce(func.sum(OrderLine.cartons), 0),
            func.coalesce(func.sum(OrderLine.amount_fen), 0),
        )
        .where(OrderLine.manager_id == manager_id, OrderLine.order_date.in_(list(days)))
        .group_by(OrderLine.order_date)
    )
    return {d: DayOrders(int(n), int(c), int(a)) for d, n, c, a in rows}


def import_orders(db: Sessions, path: Path, **options: Unpack[ImportOptions]) -> OrdersReport:
    """Check and (unless dry run or invalid) import an order export. The days in the file
    replace those days' lines; one transaction."""
    report = OrdersReport(kind=KIND, source=str(path))
    table, match = match_with(Path(path), KIND, ("order_date", "customer_code", "cartons"), options)
    match = single_quantity(match)
    if "sku_code" not in match.columns and "sku_name" not in match.columns:
        report.problems.append(Problem(match.row_number, "卷烟代码", "missing_column"))
        return report
    rows = parse_with(table, match, _SPECS, "", report, options)
    with db.reading() as s:
        manager_id = db.current_manager_id(s)
        known = _Known.read(s, manager_id)
    lines = [line for line in (known.line(row, report) for row in rows) if line is not None]
    report.problems.sort(key=lambda p: (p.row, p.column))
    _count_days(report, lines)
    if report.days:
        with db.reading() as s:
            report.existing = orders_on(s, manager_id, report.days)
    if apply_wanted(report, options) and lines:
        with db.writing("orders", "slips") as s:
            report.replaced_lines = _replace_days(s, manager_id, report.days, lines, Path(path))
            raised = raise_no_order(s, manager_id, clock.now(), no_order_weeks())
            report.no_order_suggested = len(raised)
        report.applied = True
    return report


def single_quantity(match: HeaderMatch) -> HeaderMatch:
    """A file with one quantity column has its 订货量 there, even under a 需求量 header (as
    before 需求量 was kept apart): only a file with both keeps the demand."""
    if "cartons" in match.columns or "demand" not in match.columns:
        return match
    columns = {("cartons" if k == "demand" else k): v for k, v in match.columns.items()}
    labels = {("cartons" if k == "demand" else k): v for k, v in match.labels.items()}
    missing = [f for f in match.missing_required if f != "cartons"]
    return replace(match, columns=columns, labels=labels, missing_required=missing)


def _normal_name(name: str) -> str:
    return name.replace("（", "(").replace("）", ")")


@dataclass(frozen=True)
class _Known:
    """The manager's customers (code → id) and every SKU (code or name → id, wholesale fen)."""

    customers: dict[str, str]
    skus_by_code: dict[str, tuple[str, int | None]]
    skus_by_name: dict[str, tuple[str, int | None]]

    @classmethod
    def read(cls, s: Session, manager_id: str) -> _Known:
        customers = {
            code: cid
            for code, cid in s.execute(
                select(Customer.code, Customer.id).where(Customer.manager_id == manager_id)
            )
        }
        by_code: dict[str, tuple[str, int | None]] = {}
        by_name: dict[str, tuple[str, int | None]] = {}
        for sid, code, name, wholesale in s.execute(
            select(Sku.id, Sku.code, Sku.name, Sku.wholesale_fen)
        ):
            by_code[code] = (sid, wholesale)
            by_name[_normal_name(name)] = (sid, wholesale)
        return cls(customers, by_code, by_name)

    def line(self, row: ParsedRow, report: OrdersReport) -> dict[str, Any] | None:
        """The order line of a parsed row; None (and a problem) for an unknown customer or
        SKU, or no amount and no wholesale price to compute it from."""
        v = row.values
        cid = self.customers.get(v["customer_code"])
        if cid is None:
            column = report.columns.get("customer_code", "客户编码")
            report.problems.append(
                Problem(row.number, column, "unknown_customer", v["customer_code"])
            )
            return None
        sku = self.skus_by_code.get(v.get("sku_code", "")) if v.get("sku_code") else None
        if sku is None and v.get("sku_name"):
            sku = self.skus_by_name.get(_normal_name(v["sku_name"]))
        if sku is None:
            column = report.columns.get("sku_code") or report.columns.get("sku_name", "卷烟代码")
            shown = v.get("sku_code") or v.get("sku_name", "")
            report.problems.append(Problem(row.number, column, "unknown_sku", shown))
            return None
        amount = v.get("amount")
        if amount is None:
            if sku[1] is None:
                column = report.columns.get("amount", "金额")
                report.problems.append(Problem(row.number, column, "required"))
                return None
            amount = sku[1] * v["cartons"]  # no amount column: cartons × wholesale price
        return {
            "order_date": v["order_date"],
            "customer_id": cid,
            "sku_id": sku[0],
            "cartons": v["cartons"],
            "demand_cartons": v.get("demand"),
            "amount_fen": amount,
        }


def _count_days(report: OrdersReport, lines: list[dict[str, Any]]) -> None:
    """Lines, cartons and amount per day of the file, in day order."""
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for line in lines:
        stats = per_day[line["order_date"]]
        stats[0] += 1
        stats[1] += line["cartons"]
        stats[2] += line["amount_fen"]
    report.days = {d: (a, b, c) for d, (a, b, c) in sorted(per_day.items())}
    report.new = [f"{d.isoformat()}: {n} 行" for d, (n, _, _) in report.days.items()]


def _replace_days(
    s: Session, manager_id: str, days: Iterable[date], lines: list[dict[str, Any]], path: Path
) -> int:
    """Delete the days' lines and insert the file's; returns how many lines were replaced."""
    replaced = 0
    for day in days:
        stmt = delete(OrderLine).where(
            OrderLine.manager_id == manager_id, OrderLine.order_date == day
        )
        result = cast(CursorResult[Any], s.execute(stmt))  # a DELETE's result has a rowcount
        replaced += result.rowcount or 0
    now = local_now()
    s.execute(
        insert(OrderLine),
        [
            {
                **line,
                "id": new_id(),
                "manager_id": manager_id,
                "imported_at": now,
                "source": path.name[:200],
            }
            for line in lines
        ],
    )
    return replaced
