"""What a finished visit's findings leave behind: suggested slips, follow-ups for the next
visit, the follow-ups it closed and its plan stop ticked (or skipped: 关门未遇). Each function
works in the finishing transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.checklist import Checklist, Hit
from fieldbook.core.store.models import FollowUp, PlanStop, SlipSuggestion, Visit

ABSENT = "absent"  # 关门未遇


def suggest_slips(s: Session, v: Visit, hits: list[Hit]) -> list[str]:
    """The slips the findings call for, one suggestion per category (the manager makes the
    slip from it); returns the categories."""
    s.execute(delete(SlipSuggestion).where(SlipSuggestion.visit_id == v.id))
    categories: dict[str, list[str]] = {}
    for hit in hits:
        if hit.slip:
            categories.setdefault(hit.slip, []).append(hit.detail or hit.item)
    for category, details in categories.items():
        s.add(
            SlipSuggestion(
                visit_id=v.id,
                customer_id=v.customer_id,
                category=category,
                note="；".join(d for d in details if d),
            )
        )
    return list(categories)


def create_followups(s: Session, v: Visit, hits: list[Hit]) -> int:
    """A follow-up (at the next visit) for each distinct thing the findings ask to check."""
    texts = list(dict.fromkeys(h.follow_up for h in hits if h.follow_up))
    for text in texts:
        s.add(
            FollowUp(
                manager_id=v.manager_id,
                customer_id=v.customer_id,
                source="visit",
                source_visit_id=v.id,
                text=text,
                due_date=None,  # at the next visit
                created_at=v.finished_at or clock.now(),
            )
        )
    return len(texts)


def close_followups(s: Session, v: Visit, followup_ids: list[str], note: str, now: datetime) -> int:
    """Close the shop's open follow-ups the manager checked at this visit."""
    for fid in followup_ids:
        fu = s.get(FollowUp, fid)
        if fu is None or fu.customer_id != v.customer_id or fu.status != "open":
            raise InvalidValue("followup_not_open", field="followups")
        fu.status, fu.closed_at, fu.closed_visit_id = "closed", now, v.id
        fu.close_note = note
    return len(followup_ids)


def tick_stop(s: Session, v: Visit, checklist: Checklist) -> None:
    """The visit's plan stop is visited — or skipped when the shop was closed (关门未遇: it
    was not really visited and is carried over)."""
    if v.plan_stop_id is None:
        return
    stop = s.get(PlanStop, v.plan_stop_id)
    if stop is not None and v.shop_status == ABSENT:
        stop.state = "skipped"
        stop.state_reason = checklist.status(ABSENT).label
    elif stop is not None:
        stop.state, stop.state_reason = "visited", ""
