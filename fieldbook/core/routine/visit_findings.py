"""What a finished visit's findings leave behind: suggested slips, follow-ups for the next
visit (a finding the shop already has open attaches to it), the follow-ups it closed and its
plan stop ticked (or skipped: 关门未遇). Each function works in the finishing transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.checklist import Checklist, Hit
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store.models import FollowUp, PlanStop, SlipSuggestion, Visit

ABSENT = "absent"  # 关门未遇
K = TypeVar("K")


def suggest_slips(s: Session, v: Visit, hits: list[Hit]) -> list[str]:
    """The slips the findings call for, one suggestion per category (the manager makes the
    slip from it); returns the categories."""
    fixed = slip_rules().fixed_reason_categories
    # an open 违纪 suggestion kept through a reopening (visit_reopen) stays; the others go
    kept = {
        sug.category: sug
        for sug in s.scalars(select(SlipSuggestion).where(SlipSuggestion.visit_id == v.id))
        if sug.category in fixed and sug.status == "suggested"
    }
    s.execute(
        delete(SlipSuggestion).where(
            SlipSuggestion.visit_id == v.id, SlipSuggestion.category.not_in(list(kept))
        )
    )
    categories: dict[str, list[str]] = {}
    for hit in hits:
        if hit.slip:
            categories.setdefault(hit.slip, []).append(hit.detail or hit.item)
    for category, details in categories.items():
        if category in kept:  # found again: the same suggestion, today's details
            kept[category].note = "；".join(d for d in details if d)
            continue
        s.add(
            SlipSuggestion(
                visit_id=v.id,
                manager_id=v.manager_id,
                customer_id=v.customer_id,
                category=category,
                note="；".join(d for d in details if d),
            )
        )
    return list(categories)


def followup_texts(hits: Iterable[Hit]) -> list[str]:
    """What the findings ask to check at the next visit, once each, in finding order.

    The text is the template's (a flag's or a shop status's ``follow_up``, or the grid's),
    never what was typed — the detail stays in the visit's findings — so a finding always
    asks the same thing: the text is the follow-up's type."""
    return list(dict.fromkeys(h.follow_up for h in hits if h.follow_up))


def match_open(
    texts: Iterable[str], open_ones: Iterable[tuple[str, K]]
) -> tuple[dict[str, K], list[str]]:
    """Which follow-up ``texts`` attach to an open visit follow-up of the same text (to the
    first of ``open_ones``, (text, key) pairs oldest first, when old data holds several) and
    which open a new one. The one rule the finish path and the demo share."""
    first: dict[str, K] = {}
    for text, key in open_ones:
        first.setdefault(text, key)
    attach = {t: first[t] for t in texts if t in first}
    return attach, [t for t in texts if t not in first]


def create_followups(s: Session, v: Visit, hits: list[Hit], now: datetime) -> tuple[int, int]:
    """A follow-up (at the next visit) for each distinct thing the findings ask to check —
    unless the shop already has that follow-up open from an earlier visit: then the finding
    attaches to it (found again: counted, with this visit and when). Returns (opened,
    attached). ``now`` is the finishing moment: the follow-up's creation, or its last finding
    again (what a sync looks for)."""
    texts = followup_texts(hits)
    if not texts:
        return 0, 0
    open_ones = s.scalars(
        select(FollowUp)
        .where(
            FollowUp.customer_id == v.customer_id,
            FollowUp.status == "open",
            FollowUp.source == "visit",
            FollowUp.text.in_(texts),
        )
        .order_by(FollowUp.created_at, FollowUp.id)
    ).all()
    attach, new = match_open(texts, ((fu.text, fu) for fu in open_ones))
    for fu in attach.values():
        fu.seen_again += 1
        fu.last_seen_visit_id, fu.last_seen_at = v.id, now
    for text in new:
        s.add(
            FollowUp(
                manager_id=v.manager_id,
                customer_id=v.customer_id,
                source="visit",
                source_visit_id=v.id,
                text=text,
                due_date=None,  # at the next visit
                created_at=now,
            )
        )
    return len(new), len(attach)


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
