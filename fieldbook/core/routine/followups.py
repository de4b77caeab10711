"""跟踪事项: anything to act on at a customer — a phone-order staff request (电访员反馈), an
item found at a visit, a director's correction — tracked with a due date (working days) until
it is closed with a note. Follow-ups due bring the customer into the day's plan and show on
the visit screen, where they can be closed. A visit that finds again what an open visit
follow-up asks to check attaches to it (``visit_findings.create_followups``): ``seen_again``
counts those visits."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from fieldbook.core import clock, workdays
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.store.models import Customer, FollowUp
from fieldbook.core.store.sessions import Sessions

TOPIC = "followups"
SOURCES = {
    "visit": "走访发现",
    "phone_staff": "电访员反馈",
    "manual": "自行记录",
    "director": "主任抽查",
}


@dataclass(frozen=True)
class FollowUpView:
    id: str
    customer_id: str
    shop_name: str
    source: str
    requested_by: str
    text: str
    due_date: date | None
    status: str
    created_at: datetime
    closed_at: datetime | None
    closed_by: str
    close_note: str
    seen_again: int = 0  # later visits that found the same thing while it was open
    last_seen_at: datetime | None = None

    def overdue(self, today: date) -> bool:
        return self.status == "open" and self.due_date is not None and self.due_date < today


def count_followups(s: Session, m: str, when: ColumnElement[bool]) -> int:
    """How many of manager ``m``'s follow-ups match ``when`` (e.g. opened within a week)."""
    count = s.scalar(
        select(func.count()).select_from(FollowUp).where(FollowUp.manager_id == m, when)
    )
    return int(count or 0)


class FollowUpService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    def create(
        self,
        customer_id: str,
        text: str,
        *,
        source: str = "manual",
        requested_by: str = "",
        due_days: int | None = 3,
        due_date: date | None = None,
        at: datetime | None = None,
    ) -> FollowUpView:
        """Record something to act on; due in ``due_days`` working days unless ``due_date``
        is given (None for both: at the next visit)."""
        text = str(text or "").strip()
        if not 2 <= len(text) <= 500:
            raise InvalidValue("description_length", field="text", min=2, max=500)
        if source not in SOURCES:
            raise InvalidValue("unknown_source", field="source", value=source)
        now = at or clock.now()
        if due_date is None and due_days is not None:
            due_date = workdays.add_working_days(now.date(), due_days)
        with self.db.writing(TOPIC, "plan") as s:
            if s.get(Customer, customer_id) is None:
                raise NotFound("customer", id=customer_id)
            fu = FollowUp(
                manager_id=self.db.current_manager_id(s),
                customer_id=customer_id,
                source=source,
                requested_by=str(requested_by or "").strip()[:50],
                text=text,
                due_date=due_date,
                created_at=now,
            )
            s.add(fu)
            s.flush()
            fid = fu.id
        return self.get(fid)

    def close(
        self, followup_id: str, note: str = "", *, by: str = "", at: datetime | None = None
    ) -> FollowUpView:
        with self.db.writing(TOPIC, "plan") as s:
            fu = s.get(FollowUp, followup_id)
            if fu is None:
                raise NotFound("followup", id=followup_id)
            if fu.status != "open":
                raise InvalidValue("followup_not_open", field="followups")
            fu.status, fu.closed_at = "closed", at or clock.now()
            fu.close_note, fu.closed_by = str(note or "").strip(), str(by or "").strip()[:50]
        return self.get(followup_id)

    def get(self, followup_id: str) -> FollowUpView:
        rows = self._select(FollowUp.id == followup_id)
        if not rows:
            raise NotFound("followup", id=followup_id)
        return rows[0]

    def list(
        self, *, open_only: bool = True, customer_id: str | None = None
    ) -> builtins.list[FollowUpView]:
        conditions: builtins.list[ColumnElement[bool]] = []
        if open_only:
            conditions.append(FollowUp.status == "open")
        if customer_id is not None:
            conditions.append(FollowUp.customer_id == customer_id)
        return self._select(*conditions)

    def due(self, day: date) -> builtins.list[FollowUpView]:
        """Open follow-ups due on or before ``day`` (overdue ones included)."""
        return [f for f in self.list() if f.due_date is not None and f.due_date <= day]

    def _select(self, *conditions: ColumnElement[bool]) -> builtins.list[FollowUpView]:
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            stmt = (
                select(
                    FollowUp.id,
                    FollowUp.customer_id,
                    Customer.shop_name,
                    FollowUp.source,
                    FollowUp.requested_by,
                    FollowUp.text,
                    FollowUp.due_date,
                    FollowUp.status,
                    FollowUp.created_at,
                    FollowUp.closed_at,
                    FollowUp.closed_by,
                    FollowUp.close_note,
                    FollowUp.seen_again,
                    FollowUp.last_seen_at,
                )
                .join(Customer, Customer.id == FollowUp.customer_id)
                .where(FollowUp.manager_id == manager_id, *conditions)
                .order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.created_at)
            )
            return [FollowUpView(**r._asdict()) for r in s.execute(stmt)]
