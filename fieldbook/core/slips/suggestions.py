"""Suggested slips: dismissing one (a reason, kept with who and when, audited; a 违纪 one only
with a fixed reason and an optional file), counting dismissals, and the suggestion that
连续 N 周未订货 raises on its own. 「不准弄虚作假，不准隐瞒问题和风险」"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.resources import load_reference
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store import audit
from fieldbook.core.store.file_store import StoredFile
from fieldbook.core.store.models import Customer, Manager, OrderLine, SlipSuggestion, Visit
from fieldbook.core.text import clean_text

#: a free dismissal reason's length
REASON_LENGTH = (2, 200)


@dataclass(frozen=True)
class Dismissal:
    """How a suggestion was dismissed (kept on the suggestion)."""

    at: datetime
    by: str
    reason: str
    file_name: str = ""


def check_reason(category: str, reason: str) -> str:
    """The reason a suggestion of ``category`` may be dismissed with (stripped); InvalidValue
    when it is missing, too short or long, or not one of a 违纪 suggestion's fixed reasons."""
    said = clean_text(reason or "").strip()
    fixed = slip_rules().dismiss_reasons(category)
    if fixed:  # compared as the text normaliser has them (（ and ( are one), kept as configured
        by_text = {clean_text(r).strip(): r for r in fixed}
        if said not in by_text:
            raise InvalidValue("dismiss_reason_fixed", field="reason", allowed="、".join(fixed))
        return by_text[said]
    low, high = REASON_LENGTH
    if not low <= len(said) <= high:
        raise InvalidValue("dismiss_reason_required", field="reason", min=low, max=high)
    return said


def check_open(s: Session, sug: SlipSuggestion, manager_id: str) -> None:
    """``sug`` is ``manager_id``'s and still suggested (to dismiss it, or make a slip of it);
    NotFound for another manager's (a shared database), InvalidValue once dealt with — a
    dismissed suggestion stays dismissed and counted."""
    visit = s.get(Visit, sug.visit_id) if sug.visit_id is not None else None
    if (sug.manager_id or (visit.manager_id if visit is not None else None)) != manager_id:
        raise NotFound("slip_suggestion", id=sug.id)
    if sug.status != "suggested":
        raise InvalidValue("suggestion_closed", field="suggestion", status=sug.status)


def dismiss_in(
    s: Session,
    sug: SlipSuggestion,
    manager_id: str,
    reason: str,
    at: datetime,
    kept: tuple[StoredFile, str] | None = None,
) -> Dismissal:
    """Dismiss ``sug`` (still suggested) with ``reason``; the suggestion keeps who, when, the
    reason and ``kept`` (a stored file, its original name); the audit trail records it."""
    check_open(s, sug, manager_id)
    visit = s.get(Visit, sug.visit_id) if sug.visit_id is not None else None
    said = check_reason(sug.category, reason)
    manager = s.get_one(Manager, manager_id)
    old = (sug.status, sug.dismiss_reason)
    sug.status = "dismissed"
    sug.dismissed_at = at
    sug.dismissed_by = manager.name[:64]
    sug.dismiss_reason = said
    if kept is not None:
        sug.dismiss_file, sug.dismiss_file_name = kept[0].stored_name, kept[1][:200]
    if visit is not None:  # the visit carries its suggestions to the server
        visit.updated_at = at
    audit.record(
        s,
        manager_id=manager_id,
        record_type="slip_suggestion",
        record_id=sug.id,
        changes={"status": (old[0], "dismissed"), "dismiss_reason": (old[1], said)},
        reason=said,
        at=at,
    )
    return Dismissal(at, sug.dismissed_by, said, sug.dismiss_file_name)


def count_dismissed(s: Session, manager_id: str, lo: datetime, hi: datetime) -> dict[str, int]:
    """Category → suggestions of ``manager_id`` dismissed between ``lo`` and ``hi``."""
    rows = s.scalars(
        select(SlipSuggestion.category)
        .outerjoin(Visit, Visit.id == SlipSuggestion.visit_id)
        .where(
            or_(SlipSuggestion.manager_id == manager_id, Visit.manager_id == manager_id),
            SlipSuggestion.status == "dismissed",
            SlipSuggestion.dismissed_at.between(lo, hi),
        )
    )
    return dict(Counter(rows))


@dataclass(frozen=True)
class DismissedRow:
    """A dismissed suggestion as the spot check and the suggestions list show it."""

    suggestion_id: str
    dismissed_at: datetime
    customer: str  # "code 店名"
    category: str
    note: str
    reason: str
    by: str
    file_name: str


def dismissals(s: Session, manager_id: str, start: date, end: date) -> list[DismissedRow]:
    """The suggestions of ``manager_id`` dismissed from ``start`` to ``end``, oldest first."""
    lo, hi = datetime.combine(start, time.min), datetime.combine(end, time.max)
    rows = s.execute(
        select(SlipSuggestion, Customer.code, Customer.shop_name)
        .join(Customer, Customer.id == SlipSuggestion.customer_id)
        .outerjoin(Visit, Visit.id == SlipSuggestion.visit_id)
        .where(
            or_(SlipSuggestion.manager_id == manager_id, Visit.manager_id == manager_id),
            SlipSuggestion.status == "dismissed",
            SlipSuggestion.dismissed_at.between(lo, hi),
        )
        .order_by(SlipSuggestion.dismissed_at)
    ).all()
    return [
        DismissedRow(
            sug.id,
            sug.dismissed_at or sug.created_at,
            f"{code} {name}",
            sug.category,
            sug.note,
            sug.dismiss_reason,
            sug.dismissed_by,
            sug.dismiss_file_name,
        )
        for sug, code, name in rows
    ]


def no_order_weeks() -> int:
    """N of 连续 N 周未订货 (week.toml's ``not_ordering_weeks``: the week report lists the
    same customers)."""
    return int(load_reference("week")["not_ordering_weeks"])


def raise_no_order(s: Session, manager_id: str, at: datetime, weeks: int) -> list[str]:
    """Suggest a 不订货 slip for each active customer of ``manager_id`` without an order in the
    ``weeks`` × 7 days up to the last imported order day (``at``'s day at the latest). A run of
    weeks starts the day after the customer's last order (or on the first imported order day)
    and is suggested once: a suggestion of that run, whatever became of it, is not raised
    again, and neither is one while another 不订货 suggestion of the customer is still open.
    Returns the customer ids."""
    span = s.execute(
        select(func.min(OrderLine.order_date), func.max(OrderLine.order_date)).where(
            OrderLine.manager_id == manager_id
        )
    ).one()
    first: date | None = span[0]
    latest: date | None = span[1]
    if first is None or latest is None:
        return []
    latest = min(latest, at.date())  # a mistyped date ahead: those weeks have not passed
    since = latest - timedelta(days=7 * weeks - 1)
    last_order = dict(
        s.execute(
            select(OrderLine.customer_id, func.max(OrderLine.order_date))
            .where(OrderLine.manager_id == manager_id)
            .group_by(OrderLine.customer_id)
        ).all()
    )
    taken = {
        (cid, run)
        for cid, run in s.execute(
            select(SlipSuggestion.customer_id, SlipSuggestion.run_start).where(
                SlipSuggestion.source == "no_order"
            )
        )
    }
    pending = set(
        s.scalars(
            select(SlipSuggestion.customer_id).where(
                SlipSuggestion.category == "no_order", SlipSuggestion.status == "suggested"
            )
        )
    )
    raised = []
    for cid in s.scalars(
        select(Customer.id).where(Customer.manager_id == manager_id, Customer.status == "active")
    ):
        last = last_order.get(cid)
        run_start = last + timedelta(days=1) if last is not None else first
        if run_start > since or (cid, run_start) in taken or cid in pending:
            continue
        said = f"最后一次订货 {last:%Y-%m-%d}" if last is not None else "导入的订单中没有订货"
        s.add(
            SlipSuggestion(
                visit_id=None,
                manager_id=manager_id,
                customer_id=cid,
                category="no_order",
                source="no_order",
                run_start=run_start,
                note=f"连续 {weeks} 周未订货（{said}）",
                created_at=at,
            )
        )
        raised.append(cid)
    s.flush()
    return raised


def no_order_description(day: date, reason: str = "") -> str:
    """A 不订货 slip's description from the work log's 未订货客户 (the slip's own words are
    Chinese: the departments' form)."""
    said = f"{day.month}月{day.day}日应订货未订货"
    return f"{said}：{reason}" if reason else said
