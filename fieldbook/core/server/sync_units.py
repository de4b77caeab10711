"""What a sync pushes, unit by unit: each kind of record the manager owns (a root table, how
its changed rows are found since a cursor, the child tables that go with each root row, the
columns the server keeps), in the order the foreign keys need — and the master data, matched
by code (decision 0009)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, and_, literal_column, or_, select

from fieldbook.core.store.models import Base

T = Base.metadata.tables

#: Columns the departments and the market department write on the server; a push never
#: overwrites them.
DEPARTMENT_COLUMNS = {
    "slip_deliveries": ("state", "answer", "handled_by", "updated_at"),
    "week_reports": ("review", "review_comment", "reviewer", "reviewed_at"),
    "week_report_rounds": ("review", "review_comment", "reviewer", "reviewed_at"),
}


@dataclass(frozen=True)
class Unit:
    """One kind of record pushed together: a root table, how its changed rows are found,
    and the child tables that go with each root row."""

    name: str
    changed: Callable[[str, datetime], Any]  # (manager id, since) -> select of root rows
    stamp: str = "updated_at"
    children: tuple[tuple[str, str], ...] = ()  # (table, column naming the root row)
    insert_only: bool = False
    keep: tuple[str, ...] = ()  # columns the server owns
    guard: Callable[[], dict[str, Any]] = dict  # column -> when the server's value stays


def newer(table: Table, since: datetime, column: str = "updated_at") -> Any:
    return table.c[column] > since


def stamp_of(unit: Unit, row: dict[str, Any]) -> datetime | None:
    """The moment that makes ``unit`` look at ``row`` (a follow-up: its creation, closing or
    last finding again, whichever is latest)."""
    stamps = [row[unit.stamp]]
    if unit.name == "followups":
        stamps += [row["closed_at"], row["last_seen_at"]]
    if unit.name == "slip_suggestions":
        stamps += [row["dismissed_at"]]
    present = [s for s in stamps if s is not None]
    return max(present) if present else None


def _attendance_unit() -> Unit:
    """出勤 (routine.attendance): a cleared day is a row with an empty kind, pushed too."""
    days = T["attendance_days"]
    return Unit(
        "attendance_days",
        lambda m, s: select(days).where(days.c.manager_id == m, newer(days, s)),
    )


def _suggestions_changed(m: str, since: datetime) -> Any:
    """The manager's suggestions without a visit (连续未订货), raised or dismissed since."""
    suggestions = T["slip_suggestions"]
    return select(suggestions).where(
        suggestions.c.manager_id == m,
        suggestions.c.visit_id.is_(None),
        or_(suggestions.c.created_at > since, suggestions.c.dismissed_at > since),
    )


def _slip_units() -> list[Unit]:
    """A manager's slips with their attachments' rows, deliveries (insert only) and moves."""
    slips, deliveries, events = T["slips"], T["slip_deliveries"], T["slip_events"]

    def events_changed(m: str, since: datetime) -> Any:
        mine = select(deliveries.c.id).join(slips, slips.c.id == deliveries.c.slip_id)
        return select(events).where(
            events.c.delivery_id.in_(mine.where(slips.c.manager_id == m)), events.c.at > since
        )

    return [
        Unit(
            "slips",
            lambda m, s: select(slips).where(slips.c.manager_id == m, newer(slips, s)),
            children=(("slip_attachments", "slip_id"),),
            # set when the slip is made; a copy on a second laptop names neither (decision 0031)
            keep=("source_visit_id", "source_suggestion_id"),
        ),
        Unit(
            "slip_deliveries",
            lambda m, s: (
                select(deliveries)
                .join(slips, slips.c.id == deliveries.c.slip_id)
                .where(slips.c.manager_id == m, newer(slips, s))
            ),
            stamp="",
            insert_only=True,
        ),
        Unit("slip_events", events_changed, stamp="at", insert_only=True),
    ]


def _units() -> list[Unit]:
    routes = T["routes"]
    plans, stops, visits = T["plans"], T["plan_stops"], T["visits"]
    followups, logs, weeks = T["followups"], T["day_logs"], T["week_reports"]

    def plans_changed(m: str, since: datetime) -> Any:
        touched = select(stops.c.plan_id).where(newer(stops, since))
        return select(plans).where(
            plans.c.manager_id == m, or_(newer(plans, since), plans.c.id.in_(touched))
        )

    def followups_changed(m: str, since: datetime) -> Any:
        return select(followups).where(
            followups.c.manager_id == m,
            or_(
                followups.c.created_at > since,
                followups.c.closed_at > since,
                followups.c.last_seen_at > since,
            ),
        )

    return [
        Unit("managers", lambda m, s: select(T["managers"]).where(T["managers"].c.id == m)),
        Unit(
            "routes",
            lambda m, s: select(routes).where(routes.c.manager_id == m, newer(routes, s)),
        ),
        Unit("plans", plans_changed, children=(("plan_stops", "plan_id"),)),
        Unit(
            "visits",
            lambda m, s: select(visits).where(
                visits.c.manager_id == m, visits.c.status != "draft", newer(visits, s)
            ),
            children=(
                ("visit_skus", "visit_id"),
                ("visit_time_edits", "visit_id"),
                ("slip_suggestions", "visit_id"),
            ),
        ),
        Unit("followups", followups_changed, stamp="created_at"),
        # 连续未订货's suggestions have no visit to travel with: raised or dismissed since
        Unit("slip_suggestions", _suggestions_changed, stamp="created_at"),
        *_slip_units(),
        Unit(
            "day_logs",
            lambda m, s: select(logs).where(logs.c.manager_id == m, newer(logs, s)),
        ),
        Unit(
            "week_reports",
            lambda m, s: select(weeks).where(weeks.c.manager_id == m, newer(weeks, s)),
            keep=DEPARTMENT_COLUMNS["week_reports"],
            # the manager submits, the market department reviews: a review stands, unless
            # it returned the report and the manager resubmitted it since (decision 0029)
            guard=lambda: {"status": review_stands(weeks)},
        ),
        _attendance_unit(),
    ]


def _customer_changes() -> Unit:
    """客户信息变更: the department sees them; never changed once written."""
    changes = T["customer_changes"]
    return Unit(
        "customer_changes",
        lambda m, s: select(changes).where(changes.c.manager_id == m, newer(changes, s, "at")),
        stamp="at",
        insert_only=True,
    )


def _targets() -> Unit:
    """销量任务 (routine.target_entry): set or changed on the laptop, read by the department."""
    targets = T["targets"]
    return Unit(
        "targets",
        lambda m, s: select(targets).where(targets.c.manager_id == m, newer(targets, s)),
    )


def review_stands(weeks: Table) -> Any:
    """The server's status of a week report stays: it is reviewed, and not returned before
    the pushed copy's (re)submission."""
    resubmitted: Any = literal_column("excluded.submitted_at")
    return and_(
        weeks.c.status == "reviewed",
        or_(
            weeks.c.review != "returned",
            resubmitted.is_(None),
            weeks.c.reviewed_at.is_(None),
            resubmitted <= weeks.c.reviewed_at,
        ),
    )


def _review_rounds() -> Unit:
    """A week report's review rounds (decision 0029): the manager opens one at each
    (re)submission; the market department writes its review on the server."""
    rounds, weeks = T["week_report_rounds"], T["week_reports"]
    return Unit(
        "week_report_rounds",
        lambda m, s: (
            select(rounds)
            .join(weeks, weeks.c.id == rounds.c.week_report_id)
            .where(weeks.c.manager_id == m, rounds.c.submitted_at > s)
        ),
        stamp="submitted_at",
        keep=DEPARTMENT_COLUMNS["week_report_rounds"],
    )


UNITS = [*_units(), _customer_changes(), _targets(), _review_rounds()]

#: Master data (the company's): matched between laptop and server by code, since each laptop
#: may have imported the same list under its own ids. References to them are translated.
MASTER = {"skus": "sku_id", "customers": "customer_id"}
