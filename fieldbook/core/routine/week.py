"""周总结 / 周计划: the weekly report, written on Thursday. Its figures are computed from the
report week (visits, orders, findings, slips, follow-ups) and snapshotted at submit; the
manager writes the narrative and next week's plan (which can start from last week's). Then
it is read-only; corrections need a reason (audited); the department's review (approved /
returned with a comment) is recorded."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import func, select

from fieldbook.core import clock, workdays
from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference
from fieldbook.core.routine.checklist import load_checklist
from fieldbook.core.routine.indicators import structure
from fieldbook.core.store import audit
from fieldbook.core.store.models import (
    Customer,
    FollowUp,
    OrderLine,
    Plan,
    PlanStop,
    Sku,
    Slip,
    SlipDelivery,
    Visit,
    VisitSku,
    WeekReport,
)
from fieldbook.core.store.sessions import Sessions

TOPIC = "week"
NARRATIVE = {"work_done": "本周主要工作", "problems": "存在问题", "countermeasures": "改进措施"}
PLAN_FIELDS = {
    "routes": "下周线路安排",  # {weekday "1".."7": route name}
    "key_customers": "重点客户",  # list of customer codes
    "targets": "目标",  # {"cartons", "per_carton", "skus_on_shelf", "new_shops"}
    "brands": "重点推广品牌",  # list of SKU names
    "other": "其他工作",  # text
}


@dataclass(frozen=True)
class WeekRules:
    period: str
    not_ordering_weeks: int


@cache
def week_rules() -> WeekRules:
    ref = load_reference("week")
    return WeekRules(str(ref["period"]), int(ref["not_ordering_weeks"]))


def week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def report_period(label: str) -> tuple[date, date]:
    """The report week called ``label`` (the ISO week of its end day): Friday–Thursday ending
    on that ISO week's Thursday, or Monday–Sunday (``schema/reference/week.toml``)."""
    try:
        year, week = label.upper().split("-W")
        thursday = date.fromisocalendar(int(year), int(week), 4)
    except ValueError:
        raise InvalidValue("week_label", field="week", value=label) from None
    if week_rules().period == "mon-sun":
        monday = thursday - timedelta(days=3)
        return monday, monday + timedelta(days=6)
    return thursday - timedelta(days=6), thursday


def label_for(day: date) -> str:
    """The report week a day belongs to."""
    if week_rules().period == "mon-sun":
        return week_label(day)
    # Friday..Thursday: a Friday to Sunday belongs to the week of the next Thursday
    offset = (3 - day.weekday()) % 7
    return week_label(day + timedelta(days=offset))


@dataclass(frozen=True)
class DayRow:
    day: date
    working: bool
    planned: int
    visited: int
    due: int
    ordered: int
    cartons: int
    amount_fen: int

    @property
    def order_rate(self) -> float | None:
        return self.ordered / self.due if self.due else None


@dataclass(frozen=True)
class WeekFigures:
    label: str
    start: date
    end: date
    days_in_field: int
    planned: int
    visited: int
    completion_rate: float | None
    customers_active: int
    customers_covered: int
    average_minutes: float | None
    cartons: int
    amount_fen: int
    per_carton_fen: float | None
    structure: list[dict[str, Any]]
    previous_cartons: int
    previous_amount_fen: int
    days: list[DayRow]
    findings: dict[str, int]
    new_on_shelf: list[str]
    not_visited: list[str]  # "code 店名" of active customers without a visit this week
    not_ordering: list[str]  # "code 店名" of customers not ordering for N weeks
    slips: dict[str, dict[str, int]]  # department -> opened / done / overdue
    followups_opened: int
    followups_closed: int


@dataclass(frozen=True)
class WeekView:
    label: str
    start: date
    end: date
    status: str  # none | draft | submitted | reviewed
    narrative: dict[str, str]
    next_plan: dict[str, Any]
    figures: WeekFigures
    submitted_at: datetime | None
    review: str
    review_comment: str
    reviewer: str
    corrections: tuple[audit.AuditRecord, ...]


class WeekService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- figures ---------------------------------------------------------------------------
    def figures(self, label: str) -> WeekFigures:
        start, end = report_period(label)
        with self.db.reading() as s:
            m = self.db.current_manager_id(s)
            days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
            lo, hi = datetime.combine(start, time.min), datetime.combine(end, time.max)
            stops = s.execute(
                select(Plan.plan_date, PlanStop.state)
                .join(Plan, Plan.id == PlanStop.plan_id)
                .where(Plan.manager_id == m, Plan.plan_date.between(start, end))
            ).all()
            visits = s.execute(
                select(
                    Visit.id,
                    Visit.visit_date,
                    Visit.customer_id,
                    Visit.arrived_at,
                    Visit.left_at,
                    Visit.findings,
                    Visit.shop_status,
                ).where(
                    Visit.manager_id == m,
                    Visit.status == "done",
                    Visit.visit_date.between(start, end),
                )
            ).all()
            active = {
                cid: f"{code} {name}"
                for cid, code, name in s.execute(
                    select(Customer.id, Customer.code, Customer.shop_name).where(
                        Customer.manager_id == m, Customer.status == "active"
                    )
                )
            }
            weekday_of = dict(
                s.execute(
                    select(Customer.id, Customer.order_weekday).where(
                        Customer.manager_id == m, Customer.status == "active"
                    )
                ).all()
            )
            lines = s.execute(
                select(
                    OrderLine.order_date,
                    OrderLine.customer_id,
                    OrderLine.cartons,
                    OrderLine.amount_fen,
                ).where(OrderLine.manager_id == m, OrderLine.order_date.between(start, end))
            ).all()
            prev = s.execute(
                select(
                    func.coalesce(func.sum(OrderLine.cartons), 0),
                    func.coalesce(func.sum(OrderLine.amount_fen), 0),
                ).where(
                    OrderLine.manager_id == m,
                    OrderLine.order_date.between(
                        start - timedelta(days=7), start - timedelta(days=1)
                    ),
                )
            ).one()
            shares = [asdict(x) for x in structure(s, m, start, end)]
            new_on_shelf = self._new_on_shelf(s, m, start, end)
            not_ordering = self._not_ordering(s, m, end, active)
            slips = self._slips(s, m, lo, hi, end)
            fu_opened = s.scalar(
                select(func.count())
                .select_from(FollowUp)
                .where(FollowUp.manager_id == m, FollowUp.created_at.between(lo, hi))
            )
            fu_closed = s.scalar(
                select(func.count())
                .select_from(FollowUp)
                .where(FollowUp.manager_id == m, FollowUp.closed_at.between(lo, hi))
            )
        real = [v for v in visits if v.shop_status != "absent"]
        minutes = [
            (v.left_at - v.arrived_at).total_seconds() / 60
            for v in real
            if v.arrived_at and v.left_at and v.left_at >= v.arrived_at
        ]
        labels = load_checklist("visit").findings
        findings: Counter[str] = Counter()
        for v in visits:
            for code in {h["finding"] for h in json.loads(v.findings or "[]")}:
                if code != "shop_status":
                    findings[labels.get(code, code)] += 1
        per_day_lines: dict[date, list[Any]] = defaultdict(list)
        for line in lines:
            per_day_lines[line.order_date].append(line)
        rows: list[DayRow] = []
        for day in days:
            due = {c for c, wd in weekday_of.items() if wd == day.isoweekday()}
            working = workdays.is_working_day(day)
            day_lines = per_day_lines.get(day, [])
            buyers = {x.customer_id for x in day_lines}
            rows.append(
                DayRow(
                    day=day,
                    working=working,
                    planned=sum(1 for d, st in stops if d == day and st != "removed"),
                    visited=sum(1 for d, st in stops if d == day and st == "visited"),
                    due=len(due) if working else 0,
                    ordered=len(due & buyers) if working else 0,
                    cartons=sum(x.cartons for x in day_lines),
                    amount_fen=sum(x.amount_fen for x in day_lines),
                )
            )
        planned = sum(r.planned for r in rows)
        visited_stops = sum(r.visited for r in rows)
        covered = {v.customer_id for v in real} & set(active)
        cartons = sum(r.cartons for r in rows)
        amount = sum(r.amount_fen for r in rows)
        return WeekFigures(
            label=label,
            start=start,
            end=end,
            days_in_field=len({v.visit_date for v in real}),
            planned=planned,
            visited=visited_stops,
            completion_rate=visited_stops / planned if planned else None,
            customers_active=len(active),
            customers_covered=len(covered),
            average_minutes=round(sum(minutes) / len(minutes), 1) if minutes else None,
            cartons=cartons,
            amount_fen=amount,
            per_carton_fen=amount / cartons if cartons else None,
            structure=shares,
            previous_cartons=int(prev[0]),
            previous_amount_fen=int(prev[1]),
            days=rows,
            findings=dict(findings.most_common()),
            new_on_shelf=new_on_shelf,
            not_visited=sorted(active[c] for c in set(active) - covered),
            not_ordering=not_ordering,
            slips=slips,
            followups_opened=int(fu_opened or 0),
            followups_closed=int(fu_closed or 0),
        )

    def _new_on_shelf(self, s: Any, m: str, start: date, end: date) -> list[str]:
        """SKUs on shelf at a shop this week that were not on shelf at its previous visit."""
        rows = s.execute(
            select(Visit.customer_id, Visit.visit_date, VisitSku.sku_id, VisitSku.on_shelf)
            .join(VisitSku, VisitSku.visit_id == Visit.id)
            .where(
                Visit.manager_id == m,
                Visit.status == "done",
                Visit.visit_date.between(start - timedelta(days=35), end),
            )
            .order_by(Visit.visit_date)
        ).all()
        last: dict[tuple[str, str], bool | None] = {}
        new: Counter[str] = Counter()
        for cid, day, sku, on in rows:
            before = last.get((cid, sku))
            if start <= day <= end and on and before is False:
                new[sku] += 1
            last[(cid, sku)] = on
        if not new:
            return []
        names = dict(s.execute(select(Sku.id, Sku.name).where(Sku.id.in_(list(new)))).all())
        return [f"{names.get(k, k)}（{n} 户）" for k, n in new.most_common()]

    def _not_ordering(self, s: Any, m: str, end: date, active: dict[str, str]) -> list[str]:
        weeks = week_rules().not_ordering_weeks
        since = end - timedelta(days=7 * weeks - 1)
        buyers = set(
            s.scalars(
                select(OrderLine.customer_id)
                .where(OrderLine.manager_id == m, OrderLine.order_date.between(since, end))
                .distinct()
            )
        )
        any_orders = s.scalar(
            select(func.count()).select_from(OrderLine).where(OrderLine.manager_id == m)
        )
        if not any_orders:
            return []  # no order data imported: say nothing rather than list everyone
        return sorted(name for cid, name in active.items() if cid not in buyers)

    def _slips(
        self, s: Any, m: str, lo: datetime, hi: datetime, end: date
    ) -> dict[str, dict[str, int]]:
        from fieldbook.core.slips.service import slip_rules

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
            if state != "done" and due < end:
                bucket["overdue"] += 1
        return out

    # --- the report ------------------------------------------------------------------------
    def get(self, label: str) -> WeekView:
        start, end = report_period(label)
        with self.db.reading() as s:
            m = self.db.current_manager_id(s)
            rep = s.scalars(
                select(WeekReport).where(WeekReport.manager_id == m, WeekReport.week_label == label)
            ).first()
            data = (
                {
                    "status": rep.status,
                    "narrative": json.loads(rep.narrative),
                    "next_plan": json.loads(rep.next_plan),
                    "figures": json.loads(rep.figures) if rep.status != "draft" else None,
                    "submitted_at": rep.submitted_at,
                    "review": rep.review,
                    "review_comment": rep.review_comment,
                    "reviewer": rep.reviewer,
                    "id": rep.id,
                }
                if rep
                else None
            )
        figures = (
            _figures_from_json(data["figures"]) if data and data["figures"] else self.figures(label)
        )
        corrections = tuple(audit.history(self.db, "week", data["id"])) if data else ()
        return WeekView(
            label=label,
            start=start,
            end=end,
            status=data["status"] if data else "none",
            narrative=data["narrative"] if data else {},
            next_plan=data["next_plan"] if data else {},
            figures=figures,
            submitted_at=data["submitted_at"] if data else None,
            review=data["review"] if data else "",
            review_comment=data["review_comment"] if data else "",
            reviewer=data["reviewer"] if data else "",
            corrections=corrections,
        )

    def _report(self, s: Any, label: str, *, create: bool) -> WeekReport:
        m = self.db.current_manager_id(s)
        rep = s.scalars(
            select(WeekReport).where(WeekReport.manager_id == m, WeekReport.week_label == label)
        ).first()
        if rep is None:
            if not create:
                raise InvalidValue("no_week_report", field="week")
            start, end = report_period(label)
            rep = WeekReport(manager_id=m, week_label=label, start_date=start, end_date=end)
            s.add(rep)
            s.flush()
        return rep

    def save(
        self,
        label: str,
        *,
        narrative: dict[str, str] | None = None,
        next_plan: dict[str, Any] | None = None,
    ) -> None:
        """Autosave the narrative and/or next week's plan of a draft report."""
        with self.db.writing(TOPIC) as s:
            rep = self._report(s, label, create=True)
            if rep.status != "draft":
                raise InvalidValue("week_submitted", field="week")
            if narrative is not None:
                rep.narrative = json.dumps(_check_narrative(narrative), ensure_ascii=False)
            if next_plan is not None:
                rep.next_plan = json.dumps(_check_plan(next_plan), ensure_ascii=False)

    def plan_from_last_week(self, label: str) -> dict[str, Any]:
        """Last report week's plan, to start this week's from."""
        start, _ = report_period(label)
        previous = self.get(label_for(start - timedelta(days=1)))
        return dict(previous.next_plan)

    def submit(self, label: str) -> WeekView:
        figures = self.figures(label)
        with self.db.writing(TOPIC) as s:
            rep = self._report(s, label, create=True)
            if rep.status != "draft":
                raise InvalidValue("week_submitted", field="week")
            rep.status = "submitted"
            rep.figures = json.dumps(asdict(figures), ensure_ascii=False, default=str)
            rep.submitted_at = clock.now()
        return self.get(label)

    def correct(self, label: str, field: str, value: Any, reason: str) -> WeekView:
        """Change the narrative or plan of a submitted report: kept in the audit trail."""
        with self.db.writing(TOPIC) as s:
            rep = self._report(s, label, create=False)
            if rep.status == "draft":
                raise InvalidValue("week_not_submitted", field="week")
            if field in NARRATIVE:
                data = json.loads(rep.narrative)
                new = _check_narrative({field: value})[field]
                column = "narrative"
            elif field in PLAN_FIELDS:
                data = json.loads(rep.next_plan)
                new = _check_plan({field: value})[field]
                column = "next_plan"
            else:
                raise InvalidValue("unknown_section", field=field)
            audit.record(
                s,
                manager_id=rep.manager_id,
                record_type="week",
                record_id=rep.id,
                changes={f"{column}.{field}": (data.get(field), new)},
                reason=reason,
            )
            data[field] = new
            setattr(rep, column, json.dumps(data, ensure_ascii=False))
        return self.get(label)

    def review(
        self, label: str, verdict: str, comment: str = "", *, reviewer: str = ""
    ) -> WeekView:
        """The department's review: approved, or returned with a comment (then the manager
        may correct and it can be reviewed again)."""
        if verdict not in ("approved", "returned"):
            raise InvalidValue("unknown_review", field="review", value=verdict)
        if verdict == "returned" and not str(comment).strip():
            raise InvalidValue("reason_required", field="review_comment")
        with self.db.writing(TOPIC) as s:
            rep = self._report(s, label, create=False)
            if rep.status == "draft":
                raise InvalidValue("week_not_submitted", field="week")
            rep.status, rep.review = "reviewed", verdict
            rep.review_comment, rep.reviewer = str(comment).strip(), str(reviewer).strip()[:50]
            rep.reviewed_at = clock.now()
        return self.get(label)

    def history(self) -> list[tuple[str, str, str]]:
        """Past reports: (week label, status, review), newest first."""
        with self.db.reading() as s:
            m = self.db.current_manager_id(s)
            return [
                (label, status, review)
                for label, status, review in s.execute(
                    select(WeekReport.week_label, WeekReport.status, WeekReport.review)
                    .where(WeekReport.manager_id == m)
                    .order_by(WeekReport.week_label.desc())
                )
            ]


def _check_narrative(values: dict[str, Any]) -> dict[str, str]:
    out = {}
    for key, value in values.items():
        if key not in NARRATIVE:
            raise InvalidValue("unknown_section", field=key)
        text = str(value or "").strip()
        if len(text) > 5000:
            raise InvalidValue("too_long", field=key, max=5000)
        out[key] = text
    return out


def _check_plan(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in PLAN_FIELDS:
            raise InvalidValue("unknown_section", field=key)
        if key == "other" and len(str(value or "")) > 5000:
            raise InvalidValue("too_long", field=key, max=5000)
        out[key] = value
    return out


def _figures_from_json(data: dict[str, Any]) -> WeekFigures:
    data = dict(data)
    data["start"] = date.fromisoformat(data["start"])
    data["end"] = date.fromisoformat(data["end"])
    data["days"] = [DayRow(**{**d, "day": date.fromisoformat(d["day"])}) for d in data["days"]]
    return WeekFigures(**data)
