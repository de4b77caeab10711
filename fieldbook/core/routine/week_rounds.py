"""A week report's review rounds (decision 0029): submitted → returned with a comment →
resubmitted → approved, every round kept. The manager opens a round (submit, resubmit); the
market department closes it with its review. The same functions run on the laptop and on the
department server, so both keep the same history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from fieldbook.core.store.models import WeekReport, WeekReportRound


@dataclass(frozen=True)
class ReviewRound:
    """One round: when it was submitted, and its review (empty while it waits)."""

    round: int
    submitted_at: datetime
    review: str  # "" | approved | returned
    review_comment: str
    reviewer: str
    reviewed_at: datetime | None


def round_id(report_id: str, number: int) -> str:
    """A round's id: the same on every laptop of the manager and on the server."""
    return f"{report_id}/{number}"


def open_round(s: Session, report: WeekReport, at: datetime) -> None:
    """The manager submits ``report`` (again): the next round, waiting for its review."""
    last = s.scalar(
        select(func.max(WeekReportRound.round)).where(WeekReportRound.week_report_id == report.id)
    )
    number = (last or 0) + 1
    s.add(
        WeekReportRound(
            id=round_id(report.id, number),
            week_report_id=report.id,
            round=number,
            submitted_at=at,
        )
    )


def close_round(s: Session, report: WeekReport) -> None:
    """The review just written on ``report`` goes into its latest round (a report submitted
    before rounds were kept gets its first round now)."""
    latest = s.scalars(
        select(WeekReportRound)
        .where(WeekReportRound.week_report_id == report.id)
        .order_by(WeekReportRound.round.desc())
        .limit(1)
    ).first()
    if latest is None:
        latest = WeekReportRound(
            id=round_id(report.id, 1),
            week_report_id=report.id,
            round=1,
            submitted_at=report.submitted_at or report.updated_at,
        )
        s.add(latest)
    latest.review, latest.review_comment = report.review, report.review_comment
    latest.reviewer, latest.reviewed_at = report.reviewer, report.reviewed_at


def rounds_of(
    s: Session, report_ids: list[str] | Select[str]
) -> dict[str, tuple[ReviewRound, ...]]:
    """The rounds of each of ``report_ids`` (a list, or a query of them: a year of every
    manager's reports is tens of thousands of ids), first round first (one query)."""
    out: dict[str, list[ReviewRound]] = {}
    if isinstance(report_ids, list) and not report_ids:
        return {}
    for r in s.scalars(
        select(WeekReportRound)
        .where(WeekReportRound.week_report_id.in_(report_ids))
        .order_by(WeekReportRound.week_report_id, WeekReportRound.round)
    ):
        out.setdefault(r.week_report_id, []).append(
            ReviewRound(
                r.round, r.submitted_at, r.review, r.review_comment, r.reviewer, r.reviewed_at
            )
        )
    return {k: tuple(v) for k, v in out.items()}
