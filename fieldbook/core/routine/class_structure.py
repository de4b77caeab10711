"""卷烟结构: the order volume by price class, always in class order (一类 … 五类, classes with no
volume included, then 未分类 when some SKU has no class), each class's share, the headline
shares (一二类占比, 一二三类占比: ``headlines`` in ``schema/reference/price_classes.toml``) and
their change against the period before, in percentage points.

One computation for every place that shows the structure: the day log (page, export,
``log show``: against the same weekday a week earlier), the week report (page and workbook:
against the week before) and the month export (against the month before). The rows travel as
plain dicts (``asdict``) inside snapshots; :func:`headlines_of` reads them back, so a snapshot
taken before the comparison existed shows "—" for the change instead of failing.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core.master.catalog import price_classes
from fieldbook.core.resources import load_reference
from fieldbook.core.store.models import OrderLine, Sku

#: The name of the row of SKUs without a price class.
UNCLASSIFIED = "未分类"

#: Cartons and amount (fen) by price class code (None: SKUs without a class).
ClassTotals = Mapping[int | None, tuple[int, int]]


@dataclass(frozen=True)
class ClassShare:
    """One price class of a period: its cartons, amount and share of the period's cartons,
    and the same of the period before (``before_share`` is None when either period had no
    orders: no change can be told)."""

    code: int | None
    name: str
    cartons: int
    share: float  # of the period's cartons, 0..1
    amount_fen: int = 0
    before_cartons: int = 0
    before_share: float | None = None

    @property
    def change_points(self) -> float | None:
        """The change of the share against the period before, in percentage points."""
        if self.before_share is None:
            return None
        return (self.share - self.before_share) * 100


@dataclass(frozen=True)
class Headline:
    """A headline share (e.g. 一二类占比) of the period and of the period before."""

    name: str
    share: float | None  # None: no orders in the period
    before_share: float | None

    @property
    def change_points(self) -> float | None:
        if self.share is None or self.before_share is None:
            return None
        return (self.share - self.before_share) * 100


def build(now: ClassTotals, before: ClassTotals | None = None) -> tuple[ClassShare, ...]:
    """The rows of the structure: every configured class in class order, 未分类 last when
    any SKU without a class was ordered in either period."""
    total = sum(c for c, _ in now.values())
    before = before or {}
    before_total = sum(c for c, _ in before.values())

    def row(code: int | None, name: str) -> ClassShare:
        cartons, amount = now.get(code, (0, 0))
        prior = before.get(code, (0, 0))[0]
        return ClassShare(
            code,
            name,
            int(cartons),
            cartons / total if total else 0.0,
            int(amount),
            int(prior),
            prior / before_total if before_total and total else None,
        )

    rows = [row(pc.code, pc.name) for pc in sorted(price_classes(), key=lambda p: p.code)]
    if now.get(None, (0, 0))[0] or before.get(None, (0, 0))[0]:
        rows.append(row(None, UNCLASSIFIED))
    return tuple(rows)


def class_totals(s: Session, manager_id: str, start: date, end: date) -> dict[int | None, Any]:
    """Cartons and amount (fen) by price class of the manager's order lines ``start``..``end``."""
    rows = s.execute(
        select(
            Sku.price_class,
            func.coalesce(func.sum(OrderLine.cartons), 0),
            func.coalesce(func.sum(OrderLine.amount_fen), 0),
        )
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(
            OrderLine.manager_id == manager_id,
            OrderLine.order_date >= start,
            OrderLine.order_date <= end,
        )
        .group_by(Sku.price_class)
    ).all()
    return {code: (int(cartons), int(amount)) for code, cartons, amount in rows}


def sum_by_class(lines: Iterable[tuple[int | None, int, int]]) -> dict[int | None, Any]:
    """Cartons and amount (fen) by class of ``(class code, cartons, amount in fen)`` lines."""
    out: dict[int | None, Any] = {}
    for code, cartons, amount in lines:
        c, a = out.get(code, (0, 0))
        out[code] = (c + int(cartons), a + int(amount))
    return out


def period_before(start: date, end: date) -> tuple[date, date]:
    """The period compared with ``start``..``end``: the calendar month before when the period
    is a whole calendar month, else the period of the same length just before."""
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == last and (start.year, start.month) == (end.year, end.month):
        before_end = start - timedelta(days=1)
        return before_end.replace(day=1), before_end
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


def structure(
    s: Session, manager_id: str, start: date, end: date, before: tuple[date, date] | None = None
) -> tuple[ClassShare, ...]:
    """The structure of ``start``..``end``, compared with ``before`` (default: the period
    before, :func:`period_before`)."""
    b_start, b_end = before or period_before(start, end)
    return build(
        class_totals(s, manager_id, start, end), class_totals(s, manager_id, b_start, b_end)
    )


def row_change_points(row: Mapping[str, Any]) -> float | None:
    """A structure row's (a ``ClassShare`` as a dict) change of share against the period
    before, in points; None when a snapshot kept no comparison or that period had no orders."""
    before = row.get("before_share")
    return None if before is None else (float(row.get("share") or 0) - float(before)) * 100


def _headline_specs() -> list[tuple[str, tuple[int, ...]]]:
    ref = load_reference("price_classes")
    return [(str(h["name"]), tuple(int(c) for c in h["classes"])) for h in ref.get("headlines", [])]


def first_headline() -> tuple[str, tuple[int, ...]]:
    """The first headline share (一二类占比) — the one the department compares managers by —
    as (name, class codes)."""
    return _headline_specs()[0]


def headlines_of(rows: Sequence[Mapping[str, Any] | ClassShare]) -> tuple[Headline, ...]:
    """The headline shares (一二类占比 …) of structure rows (``ClassShare`` or their dicts, as
    snapshots keep them)."""
    dicts = [r if isinstance(r, Mapping) else r.__dict__ for r in rows]
    total = sum(int(r.get("cartons") or 0) for r in dicts)
    before_total = sum(int(r.get("before_cartons") or 0) for r in dicts)
    known_before = any(r.get("before_share") is not None for r in dicts)
    out = []
    for name, codes in _headline_specs():
        picked = [r for r in dicts if r.get("code") in codes]
        now = sum(int(r.get("cartons") or 0) for r in picked)
        prior = sum(int(r.get("before_cartons") or 0) for r in picked)
        out.append(
            Headline(
                name,
                now / total if total else None,
                prior / before_total if before_total and known_before else None,
            )
        )
    return tuple(out)


def points_text(points: float | None) -> str:
    """A change in percentage points, signed: ``+2.1 个百分点``; "—" when unknown."""
    if points is None:
        return "—"
    if abs(points) < 0.05:
        return "持平"
    return f"{points:+.1f} 个百分点"


def headline_text(rows: Sequence[Mapping[str, Any] | ClassShare], against: str) -> str:
    """The headline sentence of an export: ``一二类占比 37.5%（较上周 +2.1 个百分点）；…``."""
    parts = []
    for h in headlines_of(rows):
        share = "—" if h.share is None else f"{h.share:.1%}"
        parts.append(f"{h.name} {share}（较{against} {points_text(h.change_points)}）")
    return "；".join(parts)
