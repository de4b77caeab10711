"""周总结 / 周计划: the weekly report, written on Thursday. Its figures are computed from the
report week (visits, orders, findings, slips, follow-ups) and snapshotted at submit; the
manager writes the narrative and next week's plan (which can start from last week's). Then
it is read-only; corrections need a reason (audited); the department's review (approved /
returned with a comment) is recorded."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference
from fieldbook.core.routine.attendance import day_marks, excused_days
from fieldbook.core.routine.day_times import DayTimes, week_times
from fieldbook.core.routine.week_figures import (
    WeekFigures,
    figures_from_json,
    figures_json,
    week_figures,
)
from fieldbook.core.routine.week_rounds import ReviewRound, close_round, open_round, rounds_of
from fieldbook.core.store import audit
from fieldbook.core.store.models import (
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
    refresh_reason: str


@cache
def week_rules() -> WeekRules:
    ref = load_reference("week")
    return WeekRules(str(ref["period"]), int(ref["not_ordering_weeks"]), str(ref["refresh_reason"]))


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
    #: The week's days against the time model (decision 0018), read from the days themselves
    #: (a return corrected later is a correction of that day's log, kept there).
    times: tuple[DayTimes, ...] = ()
    #: Every round of its review, first first (decision 0029).
    rounds: tuple[ReviewRound, ...] = ()


class WeekService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- figures ---------------------------------------------------------------------------
    def figures(self, label: str) -> WeekFigures:
        start, end = report_period(label)
        with self.db.reading() as s:
            m = self.db.current_manager_id(s)
            weeks = week_rules().not_ordering_weeks
            return week_figures(s, m, label, start, end, weeks)

    # --- the report ------------------------------------------------------------------------
    def get(self, label: str) -> WeekView:
        start, end = report_period(label)
        with self.db.reading() as s:
            m = self.db.current_manager_id(s)
            rep = _find_report(s, m, label)
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
                    "rounds": rounds_of(s, [rep.id]).get(rep.id, ()),
                }
                if rep
                else None
            )
        figures = (
            figures_from_json(data["figures"]) if data and data["figures"] else self.figures(label)
        )
        corrections = tuple(audit.history(self.db, "week", data["id"])) if data else ()
        with self.db.reading() as s:
            m = self.db.current_manager_id(s)
            off = excused_days(day_marks(s, m, start, end))  # out of 出勤天数: out of these too
            times = tuple(t for t in week_times(s, m, start, end) if t.day not in off)
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
            times=times,
            rounds=data["rounds"] if data else (),
        )

    def _report(self, s: Session, label: str, *, create: bool) -> WeekReport:
        m = self.db.current_manager_id(s)
        rep = _find_report(s, m, label)
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
            rep.figures = figures_json(figures)
            rep.submitted_at = clock.now()
            open_round(s, rep, rep.submitted_at)
        return self.get(label)

    def resubmit(self, label: str) -> WeekView:
        """Submit a report the department returned again (its figures recomputed): the next
        round of its review. An approved report stays approved."""
        figures = self.figures(label)
        with self.db.writing(TOPIC) as s:
            rep = self._report(s, label, create=False)
            if rep.status != "reviewed" or rep.review != "returned":
                raise InvalidValue("week_not_returned", field="week")
            rep.status = "submitted"
            rep.figures = figures_json(figures)
            rep.submitted_at = clock.now()
            open_round(s, rep, rep.submitted_at)
        return self.get(label)

    def refresh_figures(self, label: str) -> WeekView:
        """Recompute a submitted report's figures (the report is written at 14:00 on
        Thursday, that day's orders are imported after 15:00), until it is reviewed. The
        figures that changed go into the audit trail (``refresh_reason``); none changed, no
        record."""
        figures = figures_json(self.figures(label))
        with self.db.writing(TOPIC) as s:
            rep = self._report(s, label, create=False)
            if rep.status == "draft":
                raise InvalidValue("week_not_submitted", field="week")
            if rep.status == "reviewed":
                raise InvalidValue("week_reviewed", field="week")
            old, new = json.loads(rep.figures or "{}"), json.loads(figures)
            changes = {f"figures.{k}": (old.get(k), v) for k, v in new.items() if old.get(k) != v}
            if changes:
                audit.record_change(s, rep, "week", changes, week_rules().refresh_reason)
                rep.figures = figures
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
            changes = {f"{column}.{field}": (data.get(field), new)}
            audit.record_change(s, rep, "week", changes, reason)
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
            close_round(s, rep)
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


def _find_report(s: Session, manager_id: str, label: str) -> WeekReport | None:
    """The manager's report of week ``label``, if there is one."""
    return s.scalars(
        select(WeekReport).where(
            WeekReport.manager_id == manager_id, WeekReport.week_label == label
        )
    ).first()


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
