"""走访编号: the number a person reads for a visit, 「11-23-07」 = the month-day of the visit and
its stop that day (decision 0024).

A visit's stop is its place among the same manager's finished visits of that day in the order
they were made: by arrival time, then customer code, then id (a visit with no arrival time
comes last). Drafts are not numbered (no export lists them), so the numbers of a day never
change while its visits stay finished. Every export that names a visit uses ``visit_number``
through ``number_visits`` (visits already read, in that order) or ``numbers_of`` (visits known
by id only: a slip's source visit, a spot-checked visit).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from fieldbook.core.store.models import Customer, Visit

#: (visit id, visit date, arrival, customer code) of a finished visit
VisitKey = tuple[str, date, datetime | None, str]


def visit_number(day: date, stop: int) -> str:
    """「11-23-07」: the visit's month-day and its stop that day (two digits, more if needed)."""
    return f"{day.month:02d}-{day.day:02d}-{stop:02d}"


def _order(key: VisitKey) -> tuple[date, bool, datetime, str, str]:
    visit_id, day, arrived, code = key
    return (day, arrived is None, arrived or datetime.min, code, visit_id)


def number_visits(keys: Iterable[VisitKey]) -> dict[str, str]:
    """Visit id -> 走访编号 of ``keys``: every finished visit of each day they cover (the stop
    counts all of them, so pass whole days)."""
    numbers: dict[str, str] = {}
    stop, current = 0, None
    for visit_id, day, _, _ in sorted(keys, key=_order):
        stop = stop + 1 if day == current else 1
        current = day
        numbers[visit_id] = visit_number(day, stop)
    return numbers


def numbers_of(s: Session, visit_ids: Iterable[str]) -> dict[str, str]:
    """Visit id -> 走访编号 of ``visit_ids`` (two queries: their managers and days, then every
    finished visit of those days, numbered per manager); an unknown or unfinished visit has
    none."""
    wanted = set(visit_ids)
    if not wanted:
        return {}
    days = s.execute(
        select(Visit.manager_id, Visit.visit_date).where(Visit.id.in_(wanted)).distinct()
    ).all()
    if not days:
        return {}
    rows = s.execute(
        select(Visit.manager_id, Visit.id, Visit.visit_date, Visit.arrived_at, Customer.code)
        .join(Customer, Customer.id == Visit.customer_id)
        .where(
            Visit.status == "done",
            tuple_(Visit.manager_id, Visit.visit_date).in_([tuple(d) for d in days]),
        )
    ).all()
    by_manager: dict[str, list[VisitKey]] = {}
    for manager, visit_id, day, arrived, code in rows:  # each manager's day on its own
        by_manager.setdefault(manager, []).append((visit_id, day, arrived, code))
    numbers = {k: v for keys in by_manager.values() for k, v in number_visits(keys).items()}
    return {k: v for k, v in numbers.items() if k in wanted}
