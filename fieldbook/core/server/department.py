"""The market department's and the other departments' views of the server: every manager's
weeks with their figures and report status, reviews, each department's slip inbox, and
follow-ups across managers. Read across managers (the server's roles decide who may).

The figures come per manager and day (``department_days``: on the server from summary tables
the sync's transactions keep, so a view costs managers × days shown, not years kept), then are
summed into report weeks here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.routine.attendance import DayMark, managers_day_marks
from fieldbook.core.routine.price_figures import PriceCounts, price_days
from fieldbook.core.routine.week import label_for, report_period
from fieldbook.core.routine.week_rounds import ReviewRound, close_round, rounds_of
from fieldbook.core.server.department_days import day_counts, order_days, summarised
from fieldbook.core.server.department_weeks import WeekFigures, week_figures
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store.models import (
    Customer,
    FollowUp,
    Manager,
    Slip,
    SlipDelivery,
    WeekReport,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

TOPIC = "department"


@dataclass
class ManagerWeek:
    """One manager's report week, as the market department compares them."""

    manager_id: str
    manager_code: str
    manager_name: str
    label: str
    start: date
    end: date
    planned: int = 0
    visited: int = 0
    visits_with_findings: int = 0
    cartons: int = 0
    amount_fen: int = 0
    #: cartons of the first headline's classes (一二类, ``class_structure.first_headline``)
    top_cartons: int = 0
    slips_opened: int = 0
    suggestions_dismissed: int = 0  # suggested slips dismissed (each with its reason)
    violations_dismissed: int = 0  # of which 违纪
    report_id: str | None = None
    report_status: str = "none"  # none | draft | submitted | reviewed
    review: str = ""
    review_comment: str = ""
    #: 出勤: the week's marked days — 请假/会议/培训/其他公务 (left out of planned, visited and
    #: the rate) and 未说明 working days (routine.attendance)
    marks: list[DayMark] = field(default_factory=list)
    #: 价格监测: prices seen at guide, deviations, 明码标价 (routine.price_figures)
    prices: PriceCounts = field(default_factory=PriceCounts)
    #: every round of the report's review, first first (decision 0029)
    rounds: tuple[ReviewRound, ...] = ()

    @property
    def days_excused(self) -> int:
        return sum(1 for mark in self.marks if mark.excused)

    @property
    def days_unexplained(self) -> int:
        return sum(1 for mark in self.marks if not mark.excused)

    @property
    def completion(self) -> float | None:
        return self.visited / self.planned if self.planned else None

    @property
    def per_carton_fen(self) -> float | None:
        return self.amount_fen / self.cartons if self.cartons else None

    @property
    def top_share(self) -> float | None:
        """一二类占比 of the week's cartons (None: no orders)."""
        return self.top_cartons / self.cartons if self.cartons else None


@dataclass
class ManagerSummary:
    manager_id: str
    code: str
    name: str
    open_deliveries: int = 0
    overdue_deliveries: int = 0
    open_followups: int = 0
    weeks: list[ManagerWeek] = field(default_factory=list)


def _labels(start: date, end: date) -> list[str]:
    """The report weeks overlapping ``start``..``end``, oldest first."""
    labels: list[str] = []
    day = start
    while day <= end:
        label = label_for(day)
        if label not in labels:
            labels.append(label)
        day = report_period(label)[1] + timedelta(days=1)
    return labels


class _WeekTable:
    """The rows of ``weeks_table`` being filled: one per manager and report week."""

    def __init__(self, people: list[tuple[str, str, str]], labels: list[str]) -> None:
        self.rows: dict[tuple[str, str], ManagerWeek] = {}
        self._labels: dict[date, str] = {}  # a day's week label, worked out once per day
        periods = [(label, *report_period(label)) for label in labels]  # once per week
        for m, code, name in people:
            for label, a, b in periods:
                self.rows[(m, label)] = ManagerWeek(m, code, name, label, a, b)

    def row(self, m: str, day: date) -> ManagerWeek | None:
        """The manager's week of ``day`` (None: not shown)."""
        label = self._labels.get(day)
        if label is None:
            label = self._labels[day] = label_for(day)
        return self.rows.get((m, label))

    def add(self, m: str, day: date, **values: int) -> None:
        """Add a day's figures to the manager's week of ``day``."""
        row = self.row(m, day)
        if row is not None:
            for key, value in values.items():
                setattr(row, key, getattr(row, key) + int(value or 0))


def weeks_table(
    journal: Journal, start: date, end: date, *, manager_ids: list[str] | None = None
) -> list[ManagerWeek]:
    """Every manager's report weeks that overlap ``start``..``end`` (whole weeks)."""
    labels = _labels(start, end)
    if not labels:
        return []
    first, last = report_period(labels[0])[0], report_period(labels[-1])[1]
    with journal.reading() as s:
        managers = s.execute(select(Manager.id, Manager.code, Manager.name).order_by(Manager.code))
        people = [(m, c, n) for m, c, n in managers if manager_ids is None or m in manager_ids]
        ids = [p[0] for p in people]
        table = _WeekTable(people, labels)
        if summarised(s):
            _add_weeks(table, week_figures(s, ids, first, last, clock.today()))
        else:
            _add_days(s, table, ids, first, last)
        for rid, m, label, status, review, comment in _reports(s, ids, labels):
            row = table.rows.get((m, label))
            if row is not None:
                row.report_id, row.report_status = rid, status
                row.review, row.review_comment = review, comment
        shown = select(WeekReport.id).where(
            WeekReport.manager_id.in_(ids), WeekReport.week_label.in_(labels)
        )
        rounds = rounds_of(s, shown)
        for row in table.rows.values():
            row.rounds = rounds.get(row.report_id or "", ())
    return sorted(table.rows.values(), key=lambda r: (r.manager_code, r.start))


def _add_weeks(table: _WeekTable, figures: WeekFigures) -> None:
    """The server's figures, summed per manager and week by the database."""
    for key, sums in figures.sums.items():
        if (row := table.rows.get(key)) is not None:
            for name, value in sums.items():
                setattr(row, name, value)
    for key, counts in figures.prices.items():
        if (row := table.rows.get(key)) is not None:
            row.prices = counts
    for m, marks in figures.marks.items():
        for mark in marks:
            if (row := table.row(m, mark.day)) is not None:
                row.marks.append(mark)


def _add_days(s: Session, table: _WeekTable, ids: list[str], first: date, last: date) -> None:
    """A laptop's figures (no summaries): read per manager and day, summed into weeks here."""
    marks = managers_day_marks(s, ids, first, last)
    for d in day_counts(s, ids, first, last):
        if not _excused(marks, d.manager_id, d.day):
            table.add(d.manager_id, d.day, planned=d.planned, visited=d.visited)
        table.add(
            d.manager_id,
            d.day,
            visits_with_findings=d.visits_with_findings,
            slips_opened=d.slips_opened,
            suggestions_dismissed=d.suggestions_dismissed,
            violations_dismissed=d.violations_dismissed,
        )
    for m, days in marks.items():
        for mark in days.values():
            if (row := table.row(m, mark.day)) is not None:
                row.marks.append(mark)
    for o in order_days(s, ids, first, last):
        table.add(
            o.manager_id,
            o.day,
            cartons=o.cartons,
            amount_fen=o.amount_fen,
            top_cartons=o.top_cartons,
        )
    for (m, day), counts in price_days(s, ids, first, last).items():
        if (row := table.row(m, day)) is not None:
            row.prices += counts


def _excused(marks: dict[str, dict[date, DayMark]], m: str, day: date) -> bool:
    mark = marks.get(m, {}).get(day)
    return mark is not None and mark.excused


def _reports(s: Session, ids: list[str], labels: list[str]) -> Sequence[Any]:
    """(report id, manager, week label, status, review, comment) of the week reports (plain
    rows through the connection: a year of every manager is tens of thousands)."""
    return (
        s.connection()
        .execute(
            select(
                WeekReport.id,
                WeekReport.manager_id,
                WeekReport.week_label,
                WeekReport.status,
                WeekReport.review,
                WeekReport.review_comment,
            ).where(WeekReport.manager_id.in_(ids), WeekReport.week_label.in_(labels))
        )
        .all()
    )


def managers_overview(
    journal: Journal, start: date, end: date, *, today: date | None = None
) -> list[ManagerSummary]:
    """Per manager: open and overdue slip deliveries, open follow-ups, and the weeks."""
    today = today or clock.today()
    weeks = weeks_table(journal, start, end)
    out: dict[str, ManagerSummary] = {}
    for w in weeks:
        summary = out.setdefault(
            w.manager_id, ManagerSummary(w.manager_id, w.manager_code, w.manager_name)
        )
        summary.weeks.append(w)
    with journal.reading() as s:
        for m, open_, overdue in s.execute(
            select(
                Slip.manager_id,
                func.count(SlipDelivery.id),
                func.sum(case((Slip.due_date < today, 1), else_=0)),
            )
            .join(SlipDelivery, SlipDelivery.slip_id == Slip.id)
            .where(SlipDelivery.state != "done")
            .group_by(Slip.manager_id)
        ):
            if m in out:
                out[m].open_deliveries, out[m].overdue_deliveries = open_, int(overdue or 0)
        for m, count in s.execute(
            select(FollowUp.manager_id, func.count(FollowUp.id))
            .where(FollowUp.status == "open")
            .group_by(FollowUp.manager_id)
        ):
            if m in out:
                out[m].open_followups = count
    return list(out.values())


# --- reviews ------------------------------------------------------------------------------------
def review_week(
    journal: Journal, report_id: str, verdict: str, comment: str = "", *, reviewer: str
) -> None:
    """The market department's review of one manager's submitted week report."""
    if verdict not in ("approved", "returned"):
        raise InvalidValue("unknown_review", field="review", value=verdict)
    comment = str(comment or "").strip()
    if verdict == "returned" and not comment:
        raise InvalidValue("reason_required", field="review_comment")
    with journal.writing(TOPIC, "week") as s:
        report = s.get(WeekReport, report_id)
        if report is None:
            raise NotFound("week_report", id=report_id)
        if report.status == "draft":
            raise InvalidValue("week_not_submitted", field="week")
        report.status, report.review = "reviewed", verdict
        report.review_comment, report.reviewer = comment, str(reviewer).strip()[:50]
        report.reviewed_at = clock.now()
        flag_modified(report, "updated_at")  # kept as it was: a review is no change of the
        # manager's copy (a push compares it to find a copy newer on the server)
        close_round(s, report)


# --- a department's inbox ------------------------------------------------------------------------
@dataclass(frozen=True)
class InboxRow:
    delivery_id: str
    slip_id: str
    number: str
    created: datetime
    category: str
    customer: str
    manager: str
    state: str
    answer: str
    handled_by: str
    due_date: date
    overdue: bool
    description: str
    category_code: str = ""  # ``category`` is its configured (Chinese) name


def inbox(
    journal: Journal, department: str, *, include_done: bool = False, today: date | None = None
) -> list[InboxRow]:
    """The deliveries sent to ``department``, oldest due first."""
    rules = slip_rules()
    if department not in rules.departments:
        raise InvalidValue("unknown_department", field="department", value=department)
    today = today or clock.today()
    stmt = (
        select(SlipDelivery, Slip, Manager.code, Manager.name, Customer.code, Customer.shop_name)
        .join(Slip, Slip.id == SlipDelivery.slip_id)
        .join(Manager, Manager.id == Slip.manager_id)
        .outerjoin(Customer, Customer.id == Slip.customer_id)
        .where(SlipDelivery.department == department, SlipDelivery.state != "pending")
        .order_by(Slip.due_date, Slip.number)
    )
    if not include_done:
        stmt = stmt.where(SlipDelivery.state != "done")
    out: list[InboxRow] = []
    with journal.reading() as s:
        for d, slip, mcode, mname, ccode, cname in s.execute(stmt):
            snapshot = json.loads(slip.customer_snapshot or "{}")
            customer = f"{ccode} {cname}" if ccode else str(snapshot.get("shop_name", ""))
            category = rules.categories.get(slip.category)
            out.append(
                InboxRow(
                    d.id,
                    slip.id,
                    slip.number,
                    slip.created_at,
                    category.name if category else slip.category,
                    customer,
                    f"{mname}（{mcode}）",
                    d.state,
                    d.answer,
                    d.handled_by,
                    slip.due_date,
                    d.state != "done" and slip.due_date < today,
                    slip.description,
                    slip.category,
                )
            )
    return out


# --- follow-ups across managers ------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUpRow:
    id: str
    manager: str
    customer: str
    text: str
    due_date: date | None
    status: str
    overdue: bool


def followups(
    journal: Journal, *, open_only: bool = True, today: date | None = None
) -> list[FollowUpRow]:
    today = today or clock.today()
    stmt = (
        select(FollowUp, Manager.code, Manager.name, Customer.code, Customer.shop_name)
        .join(Manager, Manager.id == FollowUp.manager_id)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .order_by(Manager.code, FollowUp.due_date, FollowUp.created_at)
    )
    if open_only:
        stmt = stmt.where(FollowUp.status == "open")
    with journal.reading() as s:
        return [
            FollowUpRow(
                f.id,
                f"{mname}（{mcode}）",
                f"{ccode} {cname}",
                f.text,
                f.due_date,
                f.status,
                f.status == "open" and f.due_date is not None and f.due_date < today,
            )
            for f, mcode, mname, ccode, cname in s.execute(stmt)
        ]


def who_am_i(journal: Journal) -> dict[str, Any]:
    """On PostgreSQL: the login's kind and department (``server_users``); elsewhere
    (a laptop, a test database): an administrator."""
    if journal.engine.dialect.name != "postgresql":
        return {"kind": "admin", "department": "", "manager_code": ""}
    with journal.reading() as s:
        row = s.execute(
            text(
                "SELECT kind, department, manager_code FROM public.server_users"
                " WHERE role_name = current_user"
            )
        ).first()
        if row is None:
            return {"kind": "admin", "department": "", "manager_code": ""}
        return {"kind": row[0], "department": row[1], "manager_code": row[2]}
