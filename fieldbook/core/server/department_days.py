"""The department views' figures per manager and day: stops planned and visited, finished visits
with findings, slips opened, suggestions dismissed, and the order lines' cartons, amount and
一二类 cartons.

On the department server (PostgreSQL) they are read from the summary tables
``day_figures`` / ``day_order_figures`` (migration 0021, decision 0032), which triggers keep
equal to the raw rows in every writing transaction: a view's cost is managers × days shown,
whatever the number of visits, order lines or years kept. Anywhere else (a laptop, a SQLite
test database) the same figures are aggregated from the raw rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    case,
    func,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from fieldbook.core.routine.class_structure import first_headline
from fieldbook.core.routine.price_checks import price_rules
from fieldbook.core.store.models import (
    DayLog,
    OrderLine,
    Plan,
    PlanStop,
    Sku,
    Slip,
    SlipSuggestion,
    Visit,
)

#: The server's summary tables (PostgreSQL only: not in the models' metadata, so a laptop's
#: schema check never expects them).
SUMMARIES = MetaData()
DAY_FIGURES = Table(
    "day_figures",
    SUMMARIES,
    Column("manager_id", String(36), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("planned", Integer),
    Column("visited", Integer),
    Column("visits_with_findings", Integer),
    Column("slips_opened", Integer),
    Column("suggestions_dismissed", Integer),
    Column("violations_dismissed", Integer),
    Column("stops", Integer),  # every plan stop, removed ones too (a day worked)
    Column("visits", Integer),  # every visit, whatever its status (a day worked)
    Column("tag_visits", Integer),  # finished visits of open shops with a 明码标价 answer
    Column("tags_complete", Integer),  # of which 齐全规范 (prices.toml [tags])
)
SETTINGS = Table(
    "day_figures_settings",
    SUMMARIES,
    Column("id", Integer, primary_key=True),
    Column("tags_item", String(64)),
    Column("tags_complete", String(64)),
)
DAY_ORDER_FIGURES = Table(
    "day_order_figures",
    SUMMARIES,
    Column("manager_id", String(36), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("price_class", Integer, primary_key=True),  # 0: a SKU without a class
    Column("cartons", BigInteger),
    Column("amount_fen", BigInteger),
)
#: The server's own tables and indexes (migration 0021), which the models do not describe.
SERVER_ONLY = frozenset(
    {
        "day_figures",
        "day_order_figures",
        "day_figures_settings",
        "ix_slip_deliveries_open",
        "ix_slip_deliveries_inbox",
        "ix_followups_open",
        "ix_slip_suggestions_dismissed",
        "ix_order_lines_date_brin",
        "ix_visits_date_brin",
    }
)
COUNTS = (
    "planned",
    "visited",
    "visits_with_findings",
    "slips_opened",
    "suggestions_dismissed",
    "violations_dismissed",
)


@dataclass
class DayCounts:
    """One manager's day: what the views count of it."""

    manager_id: str
    day: date
    planned: int = 0
    visited: int = 0
    visits_with_findings: int = 0
    slips_opened: int = 0
    suggestions_dismissed: int = 0
    violations_dismissed: int = 0


@dataclass(frozen=True)
class DayOrders:
    manager_id: str
    day: date
    cartons: int
    amount_fen: int
    top_cartons: int  # of the first headline's classes (一二类)


def summarised(s: Session) -> bool:
    """Whether this database keeps the summary tables (the PostgreSQL server)."""
    return s.get_bind().dialect.name == "postgresql"


def day_counts(s: Session, ids: list[str], first: date, last: date) -> list[DayCounts]:
    """The managers' days of ``first``..``last`` that have something to count."""
    if summarised(s):
        t = DAY_FIGURES
        rows = s.execute(
            select(t.c.manager_id, t.c.day, *(t.c[c] for c in COUNTS)).where(
                t.c.manager_id.in_(ids), t.c.day.between(first, last)
            )
        )
        return [DayCounts(m, day, *(int(v or 0) for v in values)) for m, day, *values in rows]
    return list(raw_day_counts(s, ids, first, last).values())


def order_days(s: Session, ids: list[str], first: date, last: date) -> list[DayOrders]:
    """(manager, day) → cartons, amount in fen and 一二类 cartons of the order lines."""
    top_classes = [c for c in first_headline()[1] if c != 0]
    if summarised(s):
        t = DAY_ORDER_FIGURES
        top = func.sum(case((t.c.price_class.in_(top_classes), t.c.cartons), else_=0))
        stmt = (
            select(t.c.manager_id, t.c.day, func.sum(t.c.cartons), func.sum(t.c.amount_fen), top)
            .where(t.c.manager_id.in_(ids), t.c.day.between(first, last))
            .group_by(t.c.manager_id, t.c.day)
        )
        rows: Sequence[Any] = s.execute(stmt).all()
    else:
        rows = raw_order_days(s, ids, first, last, top_classes)
    return [DayOrders(m, day, int(c or 0), int(a or 0), int(t or 0)) for m, day, c, a, t in rows]


# --- from the raw rows (a laptop; and the recomputation the summaries are tested against) ------
def raw_day_counts(
    s: Session, ids: list[str], first: date, last: date
) -> dict[tuple[str, date], DayCounts]:
    """The ``day_counts`` of the managers' raw rows, keyed by (manager, day)."""
    out: dict[tuple[str, date], DayCounts] = {}

    def day_of(m: str, day: Any) -> DayCounts:
        when = day if isinstance(day, date) else date.fromisoformat(str(day))  # SQLite: text
        return out.setdefault((m, when), DayCounts(m, when))

    for m, day, planned, visited in _plan_days(s, ids, first, last):
        row = day_of(m, day)
        row.planned, row.visited = int(planned or 0), int(visited or 0)
    for m, day, with_findings in _finding_days(s, ids, first, last):
        day_of(m, day).visits_with_findings = int(with_findings or 0)
    for m, day, opened in _slip_days(s, ids, first, last):
        day_of(m, day).slips_opened = int(opened or 0)
    for m, day, dismissed, violations in _dismissal_days(s, ids, first, last):
        row = day_of(m, day)
        row.suggestions_dismissed, row.violations_dismissed = int(dismissed), int(violations or 0)
    return {key: row for key, row in out.items() if any(getattr(row, c) for c in COUNTS)}


def _per_manager_day(
    s: Session,
    key: tuple[InstrumentedAttribute[str], InstrumentedAttribute[date]],
    figures: tuple[ColumnElement[Any], ...],
    scope: tuple[list[str], date, date],
    *where: ColumnElement[bool],
    join: tuple[type[Any], ColumnElement[bool]] | None = None,
) -> Sequence[Any]:
    """(manager, day, *figures) of the managers of ``scope`` (ids, first day, last day), per
    manager and day; ``where`` narrows the rows, ``join`` adds a joined table."""
    manager, day = key
    ids, first, last = scope
    stmt = select(manager, day, *figures)
    if join is not None:
        stmt = stmt.join(*join)
    return s.execute(
        stmt.where(manager.in_(ids), day.between(first, last), *where).group_by(manager, day)
    ).all()


def _plan_days(s: Session, ids: list[str], first: date, last: date) -> Sequence[Any]:
    """(manager, day, stops planned, stops visited) of the managers' plans."""
    return _per_manager_day(
        s,
        (Plan.manager_id, Plan.plan_date),
        (func.count(PlanStop.id), func.sum(case((PlanStop.state == "visited", 1), else_=0))),
        (ids, first, last),
        PlanStop.state != "removed",
        join=(PlanStop, PlanStop.plan_id == Plan.id),
    )


def _finding_days(s: Session, ids: list[str], first: date, last: date) -> Sequence[Any]:
    """(manager, day, finished visits with findings)."""
    return _per_manager_day(
        s,
        (Visit.manager_id, Visit.visit_date),
        (func.sum(case((Visit.findings != "[]", 1), else_=0)),),
        (ids, first, last),
        Visit.status == "done",
    )


def raw_order_days(
    s: Session, ids: list[str], first: date, last: date, top_classes: list[int]
) -> Sequence[Any]:
    """(manager, day, cartons, amount in fen, cartons of ``top_classes``) of the order lines."""
    top_skus = select(Sku.id).where(Sku.price_class.in_(top_classes)).scalar_subquery()
    top = func.sum(case((OrderLine.sku_id.in_(top_skus), OrderLine.cartons), else_=0))
    return _per_manager_day(
        s,
        (OrderLine.manager_id, OrderLine.order_date),
        (func.sum(OrderLine.cartons), func.sum(OrderLine.amount_fen), top),
        (ids, first, last),
    )


def _slip_days(s: Session, ids: list[str], first: date, last: date) -> Sequence[Any]:
    """(manager, day, slips opened); the day is text on SQLite."""
    created = func.date(Slip.created_at)
    return s.execute(
        select(Slip.manager_id, created, func.count(Slip.id))
        .where(
            Slip.manager_id.in_(ids),
            Slip.created_at >= datetime.combine(first, datetime.min.time()),
            Slip.created_at < datetime.combine(last, datetime.max.time()),
        )
        .group_by(Slip.manager_id, created)
    ).all()


def _dismissal_days(s: Session, ids: list[str], first: date, last: date) -> Sequence[Any]:
    """(manager, day, suggestions dismissed, of which 违纪); the day is text on SQLite."""
    owner = func.coalesce(SlipSuggestion.manager_id, Visit.manager_id)
    day = func.date(SlipSuggestion.dismissed_at)
    violation = func.sum(case((SlipSuggestion.category == "violation", 1), else_=0))
    return s.execute(
        select(owner, day, func.count(SlipSuggestion.id), violation)
        .outerjoin(Visit, Visit.id == SlipSuggestion.visit_id)
        .where(
            owner.in_(ids),
            SlipSuggestion.status == "dismissed",
            SlipSuggestion.dismissed_at >= datetime.combine(first, datetime.min.time()),
            SlipSuggestion.dismissed_at < datetime.combine(last, datetime.max.time()),
        )
        .group_by(owner, day)
    ).all()


def days_worked(s: Session, ids: list[str], first: date, last: date) -> set[tuple[str, date]]:
    """(manager, day) with a plan with stops, a visit (the summaries) or a day log (one row a
    day: read as it is) — ``attendance.managers_day_marks``'s days worked."""
    t = DAY_FIGURES
    found = {
        (m, day)
        for m, day in s.execute(
            select(t.c.manager_id, t.c.day).where(
                t.c.manager_id.in_(ids),
                t.c.day.between(first, last),
                (t.c.stops > 0) | (t.c.visits > 0),
            )
        )
    }
    logged = select(DayLog.manager_id, DayLog.log_date).where(
        DayLog.manager_id.in_(ids), DayLog.log_date.between(first, last)
    )
    found.update((m, day) for m, day in s.execute(logged))
    return found


def summarised_tags(s: Session) -> bool:
    """Whether the summaries count the 明码标价 answer the configuration names."""
    rules = price_rules()
    kept = s.execute(select(SETTINGS.c.tags_item, SETTINGS.c.tags_complete)).first()
    return kept is not None and tuple(kept) == (rules.tags_item, rules.tags_complete)


def tag_days(
    s: Session, ids: list[str], first: date, last: date
) -> dict[tuple[str, date], tuple[int, int]]:
    """``price_figures.answered_tags`` from the summaries."""
    t = DAY_FIGURES
    return {
        (m, day): (int(n), int(complete))
        for m, day, n, complete in s.execute(
            select(t.c.manager_id, t.c.day, t.c.tag_visits, t.c.tags_complete).where(
                t.c.manager_id.in_(ids), t.c.day.between(first, last), t.c.tag_visits > 0
            )
        )
    }


def summary_rows(s: Session) -> Iterator[tuple[str, date, dict[str, int]]]:
    """Every row of ``day_figures`` (for checks and tests): (manager, day, counts)."""
    t = DAY_FIGURES
    for m, day, *values in s.execute(select(t.c.manager_id, t.c.day, *(t.c[c] for c in COUNTS))):
        yield m, day, dict(zip(COUNTS, (int(v) for v in values), strict=True))
