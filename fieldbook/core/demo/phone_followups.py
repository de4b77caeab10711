"""The 电访员's requests (phone-staff follow-ups) in the demo: a few a week per manager, each
closed at a visit to the shop before its due date, else by phone the working day before it,
or still open today. Rates and texts in ``schema/reference/demo.toml`` [followups]."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any, Protocol

from fieldbook.core import workdays
from fieldbook.core.demo.context import poisson
from fieldbook.core.store.models import FollowUp


class Visited(Protocol):
    """A visit to an open shop, as the slip history keeps it."""

    @property
    def id(self) -> str: ...
    @property
    def day(self) -> date: ...
    @property
    def finished(self) -> datetime | None: ...


class PhoneFollowUps:
    """The requests drawn so far and not yet written (they wait to be settled)."""

    def __init__(
        self,
        rng: Random,
        ref: dict[str, Any],
        new_id: Callable[[], str],
        names: dict[str, str],
        today: date,
        limit: datetime,
    ) -> None:
        self.rng, self.ref, self.new_id, self.names = rng, ref, new_id, names
        self.today, self.limit = today, limit
        self.pending: list[dict[str, Any]] = []

    def request(self, manager_id: str, active: list[str], monday: date) -> None:
        """New requests of the week for a manager's ``active`` customers; written when resolved
        (closed) or at the end (open)."""
        rng, ref = self.rng, self.ref
        days = [
            d
            for d in workdays.working_days_between(monday, monday + timedelta(days=6))
            if d < self.today
        ]
        if not days or not active:
            return
        for _ in range(poisson(rng, float(ref["phone_per_week"]))):
            day = rng.choice(days)
            created = datetime.combine(day, time(15, 10)) + timedelta(minutes=rng.randint(0, 40))
            due = workdays.add_working_days(day, int(ref["due_days"]))
            self.pending.append(
                {
                    "id": self.new_id(),
                    "manager_id": manager_id,
                    "customer_id": rng.choice(active),
                    "source": "phone_staff",
                    "source_visit_id": None,
                    "text": rng.choice(ref["texts"]),
                    "requested_by": rng.choice(ref["requested_by"]),
                    "due_date": due,
                    "status": "open",
                    "closed_by": "",
                    "created_at": created,
                    "closed_at": None,
                    "closed_visit_id": None,
                    "close_note": "",
                }
            )

    def resolve(
        self,
        visits: Mapping[str, Sequence[Visited]],
        next_monday: date | None,
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        """Close at a visit before the due date, else by phone the working day before it; keep
        open what is not settled before today. ``next_monday`` None: the end of history."""
        rng, ref, names = self.rng, self.ref, self.names
        waiting = []
        for fu in self.pending:
            day, due = fu["created_at"].date(), fu["due_date"]
            visit = next((v for v in visits.get(fu["customer_id"], ()) if day < v.day < due), None)
            if visit is not None:
                fu.update(
                    status="closed",
                    closed_at=visit.finished,
                    closed_visit_id=visit.id,
                    closed_by=names[fu["manager_id"]],
                    close_note=rng.choice(ref["close_visit"]),
                )
                out[FollowUp].append(fu)
                continue
            if next_monday is not None and due > next_monday:
                waiting.append(fu)  # a visit next week may still settle it
                continue
            by_phone = workdays.previous_working_day(due)
            at = datetime.combine(by_phone, time(16, 0)) + timedelta(minutes=rng.randint(0, 50))
            if at > fu["created_at"] and at < self.limit:
                fu.update(
                    status="closed",
                    closed_at=at,
                    closed_by=names[fu["manager_id"]],
                    close_note=rng.choice(ref["close_phone"]),
                )
                out[FollowUp].append(fu)
            elif next_monday is None:
                out[FollowUp].append(fu)  # still open today
            else:
                waiting.append(fu)
        self.pending = waiting
