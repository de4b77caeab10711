"""What a week's demo slips come from: the week's finished visits to open shops (a slip is
reported at one, a follow-up may be closed at one) and the slips the visits suggested."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.store.models import SlipSuggestion, Visit


@dataclass
class OpenVisit:
    id: str
    customer_id: str
    day: date
    finished: datetime | None


def open_shop_visits(
    s: Session, monday: date, sunday: date
) -> tuple[dict[str, list[OpenVisit]], dict[str, list[OpenVisit]]]:
    """The week's finished visits to open shops: by manager, and by customer."""
    visits: dict[str, list[OpenVisit]] = {}
    by_customer: dict[str, list[OpenVisit]] = {}
    for vid, mid, cid, day, finished in s.execute(
        select(Visit.id, Visit.manager_id, Visit.customer_id, Visit.visit_date, Visit.finished_at)
        .where(Visit.visit_date >= monday, Visit.visit_date <= sunday)
        .where(Visit.status == "done", Visit.shop_status == "open")
        .order_by(Visit.visit_date, Visit.arrived_at)
    ):
        v = OpenVisit(vid, cid, day, finished)
        visits.setdefault(mid, []).append(v)
        by_customer.setdefault(cid, []).append(v)
    return visits, by_customer


def open_suggestions(s: Session, monday: date, sunday: date) -> dict[str, list[dict[str, Any]]]:
    """The week's slip suggestions still open, by manager, with the visit's answers."""
    suggestions: dict[str, list[dict[str, Any]]] = {}
    for sid, cat, cid, vid, mid, day, answers, created in s.execute(
        select(
            SlipSuggestion.id,
            SlipSuggestion.category,
            SlipSuggestion.customer_id,
            Visit.id,
            Visit.manager_id,
            Visit.visit_date,
            Visit.answers,
            SlipSuggestion.created_at,
        )
        .join(Visit, Visit.id == SlipSuggestion.visit_id)
        .where(Visit.visit_date >= monday, Visit.visit_date <= sunday)
        .where(SlipSuggestion.status == "suggested")
        .order_by(Visit.visit_date, Visit.arrived_at, SlipSuggestion.category)
    ):
        suggestions.setdefault(mid, []).append(
            {
                "id": sid,
                "category": cat,
                "customer_id": cid,
                "visit_id": vid,
                "day": day,
                "answers": json.loads(answers or "{}"),
                "created_at": created,  # a late-entered visit makes it in the evening
            }
        )
    return suggestions
