"""价格到位率, 明码标价率 and the price deviations of a period — the one computation the week
page, the week and month workbooks and the department views share (decision 0020).

- 价格到位率 = prices seen at the guide price ÷ prices seen (grid rows of finished visits with
  a price seen and a guide price in the SKU list), each classified by ``price_checks``;
- 明码标价率 = finished visits of open shops whose 明码标价 answer is complete ÷ those where it
  was answered;
- the deviations (价格偏离): SKU, shop, above / below, by how much.

Counted per manager and day in one query each (a period's rows are grouped by price pair, not
read one by one), so a week, a month or every manager's weeks cost the same few queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, cast, func, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from fieldbook.core.routine.checklist import OPEN
from fieldbook.core.routine.price_checks import (
    ABOVE,
    AT_GUIDE,
    BELOW,
    amount_text,
    check_price,
    deviation_text,
    percent_text,
    price_rules,
    tags_complete,
)
from fieldbook.core.store.models import Customer, Sku, Visit, VisitSku


@dataclass(frozen=True)
class PriceCounts:
    """What one manager's visits of one day (or a sum of days) saw."""

    seen: int = 0  # prices compared with a guide price
    at_guide: int = 0
    above: int = 0  # deviations (价格偏离) above the guide price
    below: int = 0
    tag_visits: int = 0  # open-shop visits with 明码标价 answered
    tags_complete: int = 0  # … answered 齐全规范

    def __add__(self, other: PriceCounts) -> PriceCounts:
        return PriceCounts(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))

    @property
    def deviations(self) -> int:
        return self.above + self.below

    @property
    def price_rate(self) -> float | None:
        """价格到位率 (None: no price seen — never 0 %)."""
        return self.at_guide / self.seen if self.seen else None

    @property
    def tag_rate(self) -> float | None:
        """明码标价率 (None: no visit answered it)."""
        return self.tags_complete / self.tag_visits if self.tag_visits else None


def _values(c: PriceCounts) -> tuple[int, ...]:
    return (c.seen, c.at_guide, c.above, c.below, c.tag_visits, c.tags_complete)


@dataclass(frozen=True)
class Deviation:
    """One 价格偏离: a SKU's price at a shop on a visit, off the guide price."""

    visit_id: str
    visit_date: date
    customer_code: str
    shop_name: str
    sku_code: str
    sku_name: str
    observed_fen: int
    guide_fen: float  # per pack
    direction: str  # above | below
    amount: str  # 元 a pack, unsigned: "2.00"
    percent: str  # "+10%"
    text: str  # 高于指导价 2.00 元（+10%）


@dataclass(frozen=True)
class PriceFigures:
    """A period's price monitoring: the counts and the deviations, in visit order."""

    counts: PriceCounts = field(default_factory=PriceCounts)
    deviations: tuple[Deviation, ...] = ()

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> PriceFigures:
        """From ``asdict`` (a submitted week report's snapshot)."""
        rows = tuple(
            Deviation(**{**d, "visit_date": date.fromisoformat(str(d["visit_date"]))})
            for d in data.get("deviations", ())
        )
        return PriceFigures(PriceCounts(**data.get("counts", {})), rows)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def tally(
    priced: Iterable[tuple[int | None, int | None, int]], answers: Iterable[Mapping[str, Any]]
) -> PriceCounts:
    """The counts of (price seen per pack, guide per carton, how many) and of open-shop
    visits' answers — the one tally the SQL per day and the workbook's rows both use."""
    n = [0] * 6  # seen, at guide, above, below, tags answered, tags complete
    for price, retail, times in priced:
        check = check_price(price, retail)
        if check is not None:
            n[0] += times
            if check.state in _STATES:
                n[_STATES[check.state]] += times
    for a in answers:
        complete = tags_complete(a)
        if complete is not None:
            n[4] += 1
            n[5] += int(complete)
    return PriceCounts(*n)


_STATES = {AT_GUIDE: 1, ABOVE: 2, BELOW: 3}  # the PriceCounts field each state adds to


def deviation_of(
    visit: tuple[str, date, str, str],
    sku: tuple[str, str],
    price: int | None,
    retail: int | None,
) -> Deviation | None:
    """The 价格偏离 of a grid row — visit (id, day, customer code, shop name), SKU (code,
    name), price seen, guide per carton — or None when it does not deviate."""
    check = check_price(price, retail)
    if price is None or check is None or not check.deviates:
        return None
    return Deviation(
        *visit,
        *sku,
        price,
        float(check.guide_fen),
        check.state,
        amount_text(check),
        percent_text(check),
        deviation_text(check),
    )


def _done(ids: Iterable[str], first: date, last: date) -> tuple[Any, ...]:
    return (
        Visit.manager_id.in_(list(ids)),
        Visit.status == "done",
        Visit.visit_date.between(first, last),
    )


#: (manager, day) → (visits whose 明码标价 answer is given, of which complete)
TagDays = Callable[[Session, list[str], date, date], dict[tuple[str, date], tuple[int, int]]]


def price_days(
    s: Session, ids: Iterable[str], first: date, last: date, *, tag_days: TagDays | None = None
) -> dict[tuple[str, date], PriceCounts]:
    """(manager, day) → what the managers' finished visits of ``first``..``last`` saw. The
    明码标价 answers are counted by the database (its JSON functions), not parsed here: a
    year of every manager's visits is hundreds of thousands of answers (``tag_days``: where
    else they are counted, e.g. the server's summaries; default ``answered_tags``)."""
    ids = list(ids)
    priced: dict[tuple[str, date], list[tuple[int | None, int | None, int]]] = defaultdict(list)
    for m, day, price, retail, n in s.execute(
        select(Visit.manager_id, Visit.visit_date, VisitSku.price_fen, Sku.retail_fen, func.count())
        .join(VisitSku, VisitSku.visit_id == Visit.id)
        .join(Sku, Sku.id == VisitSku.sku_id)
        .where(*_done(ids, first, last), VisitSku.price_fen.is_not(None), Sku.retail_fen > 0)
        .group_by(Visit.manager_id, Visit.visit_date, VisitSku.price_fen, Sku.retail_fen)
    ):
        priced[(m, day)].append((price, retail, n))
    tags = (tag_days or answered_tags)(s, ids, first, last)
    out = {}
    for key in set(priced) | set(tags):
        counts = tally(priced.get(key, ()), ())
        n_answered, n_complete = tags.get(key, (0, 0))
        out[key] = replace(counts, tag_visits=n_answered, tags_complete=n_complete)
    return out


def answered_tags(
    s: Session, ids: list[str], first: date, last: date
) -> dict[tuple[str, date], tuple[int, int]]:
    """(manager, day) → finished visits of open shops with a 明码标价 answer, of which
    complete, counted from the visits' answers."""
    rules = price_rules()
    tag = answer_text(s, rules.tags_item)
    answered = and_(tag.is_not(None), tag != "")
    tags: dict[tuple[str, date], tuple[int, int]] = {}
    for m, day, n_answered, n_complete in s.execute(
        select(
            Visit.manager_id,
            Visit.visit_date,
            func.sum(case((answered, 1), else_=0)),
            func.sum(case((tag == rules.tags_complete, 1), else_=0)),
        )
        .where(*_done(ids, first, last), Visit.shop_status == OPEN)
        .group_by(Visit.manager_id, Visit.visit_date)
    ):
        tags[(m, day)] = (int(n_answered or 0), int(n_complete or 0))
    return tags


def answer_text(s: Session, item_id: str) -> ColumnElement[Any]:
    """A visit's answer to ``item_id`` as text, read by the database's JSON functions
    (PostgreSQL ``->>``, SQLite ``json_extract``); NULL when not answered."""
    answers = func.nullif(Visit.answers, "")
    if s.get_bind().dialect.name == "postgresql":
        text: ColumnElement[Any] = cast(answers, JSONB)[item_id].astext
        return text
    return func.json_extract(answers, f'$."{item_id}"')


def deviations(s: Session, m: str, first: date, last: date) -> tuple[Deviation, ...]:
    """Manager ``m``'s price deviations of ``first``..``last``, in visit and SKU order (only
    the rows off the exact guide price are read)."""
    rows = s.execute(
        select(
            Visit.id,
            Visit.visit_date,
            Customer.code,
            Customer.shop_name,
            Sku.code,
            Sku.name,
            VisitSku.price_fen,
            Sku.retail_fen,
        )
        .join(Customer, Customer.id == Visit.customer_id)
        .join(VisitSku, VisitSku.visit_id == Visit.id)
        .join(Sku, Sku.id == VisitSku.sku_id)
        .where(
            *_done([m], first, last),
            VisitSku.price_fen.is_not(None),
            Sku.retail_fen > 0,
            VisitSku.price_fen * 10 != Sku.retail_fen,
        )
        .order_by(Visit.visit_date, Visit.arrived_at, Customer.code, Sku.code)
    )
    found = (
        deviation_of((vid, day, code, shop), (sku_code, sku_name), price, retail)
        for vid, day, code, shop, sku_code, sku_name, price, retail in rows
    )
    return tuple(d for d in found if d is not None)


def price_figures(s: Session, m: str, first: date, last: date) -> PriceFigures:
    """Manager ``m``'s price monitoring of ``first``..``last`` (inclusive)."""
    return PriceFigures(price_counts(s, m, [(first, last)])[0], deviations(s, m, first, last))


def price_counts(s: Session, m: str, spans: Sequence[tuple[date, date]]) -> list[PriceCounts]:
    """Manager ``m``'s counts of each of ``spans`` (inclusive), read once over all of them
    (the week page's week and its month so far)."""
    days = price_days(s, [m], min(a for a, _ in spans), max(b for _, b in spans))
    return [
        sum((c for (_, day), c in days.items() if a <= day <= b), PriceCounts()) for a, b in spans
    ]
