"""A visit's SKU grid (在架, 排面, 库存, 零售价 per SKU): which SKUs a grid offers, reading it,
checking a row's values, and the findings a filled grid shows (price-line gaps, key brands out
of stock, prices off the guide price: ``price_checks``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.catalog import class_name, price_classes
from fieldbook.core.routine.checklist import (
    GridLine,
    Hit,
    in_stock,
    load_checklist,
    price_line_gaps,
)
from fieldbook.core.routine.price_checks import (
    PriceCheck,
    check_price,
    compliance_item,
    derived_compliance,
    price_hits,
)
from fieldbook.core.store.models import Sku, Visit, VisitSku

GRID_FIELDS = ("on_shelf", "facings", "stock_cartons", "stock_packs", "price_fen")
PER_CLASS = 2  # SKUs of each price class a first visit's grid offers at least
OUT_OF_STOCK_FOLLOW_UP = "跟进断货规格补货"


@dataclass(frozen=True)
class GridRow:
    sku_id: str
    code: str
    name: str
    price_class: int | None
    is_key_brand: bool
    is_new: bool
    on_shelf: bool | None = None
    facings: int | None = None
    stock_cartons: int | None = None
    stock_packs: int | None = None
    price_fen: int | None = None
    retail_fen: int | None = None  # the SKU's guide retail price, per carton

    def line(self) -> GridLine:
        return GridLine(self.price_class, self.on_shelf, self.stock_cartons, self.stock_packs)

    def price_check(self) -> PriceCheck | None:
        """The price seen against the guide price (None: either missing)."""
        return check_price(self.price_fen, self.retail_fen)


def grid_rows(s: Session, visit_id: str) -> tuple[GridRow, ...]:
    """A visit's grid, in class and price order."""
    rows = s.execute(
        select(
            Sku.id,
            Sku.code,
            Sku.name,
            Sku.price_class,
            Sku.is_key_brand,
            Sku.is_new,
            VisitSku.on_shelf,
            VisitSku.facings,
            VisitSku.stock_cartons,
            VisitSku.stock_packs,
            VisitSku.price_fen,
            Sku.retail_fen,
        )
        .join(Sku, Sku.id == VisitSku.sku_id)
        .where(VisitSku.visit_id == visit_id)
        .order_by(Sku.price_class, Sku.wholesale_fen.desc(), Sku.code)
    )
    return tuple(GridRow(*r) for r in rows)


def offered_grid(s: Session, customer_id: str) -> list[GridRow]:
    """SKUs the shop carries (its last visit's grid) or should carry (key brands, new
    products, and at least ``PER_CLASS`` SKUs of every price class so that a price-line
    gap can be seen), empty rows in class and price order."""
    last = s.scalars(
        select(Visit.id)
        .where(Visit.customer_id == customer_id, Visit.status == "done")
        .order_by(Visit.visit_date.desc())
        .limit(1)
    ).first()
    carried = (
        set(s.scalars(select(VisitSku.sku_id).where(VisitSku.visit_id == last))) if last else set()
    )
    skus = s.execute(
        select(
            Sku.id,
            Sku.code,
            Sku.name,
            Sku.price_class,
            Sku.is_key_brand,
            Sku.is_new,
            Sku.retail_fen,
        )
        .where(Sku.on_market.is_(True))
        .order_by(Sku.price_class, Sku.wholesale_fen.desc(), Sku.code)
    ).all()
    picked = offered_sku_ids(((r[0], r[3], r[4], r[5]) for r in skus), carried)
    return [
        GridRow(
            r.id, r.code, r.name, r.price_class, r.is_key_brand, r.is_new, retail_fen=r.retail_fen
        )
        for r in skus
        if r.id in picked
    ]


def offered_sku_ids(
    skus: Iterable[tuple[str, int | None, bool, bool]], carried: set[str]
) -> set[str]:
    """Which SKUs a visit's grid offers, from (id, price class, key brand, new) in grid order:
    those the shop carried, key brands, new products, and at least ``PER_CLASS`` of every
    price class (so that a price-line gap can be seen)."""
    rows = list(skus)
    picked = {sid for sid, _, key, new in rows if sid in carried or key or new}
    per_class: dict[int | None, int] = {}
    for sid, cls, _, _ in rows:
        if sid in picked:
            per_class[cls] = per_class.get(cls, 0) + 1
    for sid, cls, _, _ in rows:
        if per_class.get(cls, 0) < PER_CLASS and sid not in picked:
            per_class[cls] = per_class.get(cls, 0) + 1
            picked.add(sid)
    return picked


def grid_findings(rows: Iterable[tuple[str, int | None, bool, GridLine]]) -> list[Hit]:
    """The findings of a filled grid, from (SKU name, price class, key brand, line):
    price-line gaps over the classes present, and key brands out of stock."""
    rows = list(rows)
    present = {cls for _, cls, _, _ in rows}
    classes = [pc.code for pc in price_classes() if pc.code in present]
    hits: list[Hit] = []
    gaps = price_line_gaps((line for *_, line in rows), classes)
    if gaps:
        hits.append(Hit("price_gap", "grid", "", "", "、".join(class_name(c) for c in gaps)))
    out = [name for name, _, key, line in rows if key and in_stock(line) is False]
    if out:
        hits.append(Hit("out_of_stock", "grid", "", OUT_OF_STOCK_FOLLOW_UP, "、".join(out)))
    return hits


def grid_hits(s: Session, visit_id: str, rows: Sequence[GridRow] | None = None) -> list[Hit]:
    """The findings of a visit's stored grid (``rows`` when already read): its stock
    findings, then its price deviations."""
    rows = grid_rows(s, visit_id) if rows is None else rows
    return grid_findings(
        (r.name, r.price_class, r.is_key_brand, r.line()) for r in rows
    ) + price_hits((r.name, r.price_fen, r.retail_fen) for r in rows)


def grid_compliance(s: Session, visit_id: str, rows: Sequence[GridRow] | None = None) -> str | None:
    """The 执行指导价 answer a visit's stored grid implies (None: no price compared)."""
    rows = grid_rows(s, visit_id) if rows is None else rows
    return derived_compliance(r.price_check() for r in rows)


def derive_compliance(s: Session, v: Visit, rows: Sequence[GridRow] | None = None) -> str | None:
    """执行指导价 from the grid (the grid wins, decision 0020): once the visit's grid compared
    a price with its guide price, the answer is what the prices imply, whatever was typed or
    copied before; returns that answer (None: no price compared, the manager answers).
    ``rows``: the grid when already read."""
    s.flush()
    item_id = compliance_item(load_checklist("visit", v.checklist_version))
    answer = grid_compliance(s, v.id, rows) if item_id is not None else None
    if item_id is None or answer is None:
        return None
    answers = json.loads(v.answers or "{}")
    if answers.get(item_id) != answer:
        answers[item_id] = answer
        v.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    return answer


def rederive_compliance(s: Session, v: Visit, was_compared: bool) -> None:
    """执行指导价 again after a price of the grid changed. When the grid no longer compares any
    price but did before the change (``was_compared``: the changed row's old price was
    compared), the answer there is the grid's — typing it was refused while the grid decided —
    so it is taken away: the manager answers it again rather than the visit keeping an answer
    for prices nobody saw any more."""
    if derive_compliance(s, v) is not None or not was_compared:
        return
    item_id = compliance_item(load_checklist("visit", v.checklist_version))
    answers = json.loads(v.answers or "{}")
    if item_id is not None and answers.pop(item_id, None) is not None:
        v.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)


def check_not_derived(s: Session, v: Visit, values: Mapping[str, Any]) -> None:
    """Refuse an answer to 执行指导价 while the grid decides it (a clear error, nothing saved)."""
    item_id = compliance_item(load_checklist("visit", v.checklist_version))
    if item_id in values and grid_compliance(s, v.id) is not None:
        raise InvalidValue("price_compliance_derived", field=item_id)


#: A grid value's (least, most); a price seen is at least 0.01 元 (0 is a slip, not a price)
#: and at most the legal cap of 100 元 a pack.
GRID_LIMITS = {
    "facings": (0, 50),
    "stock_cartons": (0, 500),
    "stock_packs": (0, 9),
    "price_fen": (1, 100_00),
}


def check_grid(values: dict[str, Any]) -> None:
    for name, value in values.items():
        if value is None:
            continue
        if name == "on_shelf":
            if not isinstance(value, bool):
                raise InvalidValue("answer_not_bool", field=name, value=str(value))
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue("answer_not_whole", field=name, value=str(value))
        least, most = GRID_LIMITS[name]
        if not least <= value <= most:
            shown = _yuan if name == "price_fen" else str  # a price is typed in 元
            raise InvalidValue(
                "answer_out_of_range",
                field=name,
                value=shown(value),
                min=shown(least),
                max=shown(most),
            )


def _yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"
