"""What a visit looks like to screens and exports: the visit with its grid, time edits and
suggested slips; a visit in lists; an unfinished draft; a follow-up shown at the visit; the
outcome of finishing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.resources import load_reference
from fieldbook.core.routine.checklist import Checklist, Hit, load_checklist
from fieldbook.core.routine.day_progress import minutes_in_shop
from fieldbook.core.routine.visit_carry import Carried
from fieldbook.core.routine.visit_checklist import shop_format
from fieldbook.core.routine.visit_grid import GridRow, grid_rows
from fieldbook.core.store.models import SlipSuggestion, Visit, VisitTimeEdit


@dataclass(frozen=True)
class TimeEdit:
    field: str
    old_value: datetime | None
    new_value: datetime | None
    edited_at: datetime


@dataclass(frozen=True)
class VisitView:
    id: str
    customer_id: str
    visit_date: date
    status: str
    shop_status: str
    arrived_at: datetime | None
    left_at: datetime | None
    arrived_first: datetime | None
    left_first: datetime | None
    checklist_version: int
    answers: dict[str, Any]
    grid: tuple[GridRow, ...]
    findings: tuple[Hit, ...]
    late_entry: bool
    recorded_at: datetime
    finished_at: datetime | None
    plan_stop_id: str | None
    time_edits: tuple[TimeEdit, ...] = ()
    slip_suggestions: tuple[str, ...] = ()
    #: What 同上次 took from the shop's last visit (copied answers, confirmations).
    carried: Carried = field(default_factory=Carried)
    #: The shop's 业态 code: which items of the checklist apply there (``applies_to``); None:
    #: not looked up (an earlier visit shown in a list: every answer it kept is shown).
    shop_format: str | None = None

    @property
    def minutes(self) -> int | None:
        minutes = minutes_in_shop(self.arrived_at, self.left_at)
        return round(minutes) if minutes is not None else None

    @property
    def checklist(self) -> Checklist:
        """The visit's own checklist version, as it applies at its shop (a finished visit's:
        as it was asked, ``Checklist.as_recorded``)."""
        checklist = load_checklist("visit", self.checklist_version)
        if self.shop_format is None:
            return checklist
        scoped = checklist.for_shop(self.shop_format)
        return scoped.as_recorded(self.answers) if self.status == "done" else scoped


@dataclass(frozen=True)
class VisitListRow:
    """A visit as lists and exports show it (no SKU grid)."""

    id: str
    visit_date: date
    customer_id: str
    customer_code: str
    shop_name: str
    status: str
    shop_status: str
    arrived_at: datetime | None
    left_at: datetime | None
    late_entry: bool
    checklist_version: int
    answers: dict[str, Any]
    findings: tuple[Hit, ...]

    @property
    def minutes(self) -> int | None:
        minutes = minutes_in_shop(self.arrived_at, self.left_at)
        return round(minutes) if minutes is not None else None


@dataclass(frozen=True)
class DraftInfo:
    """A visit left unfinished (the app offers to recover exactly this one)."""

    visit_id: str
    customer_id: str
    shop_name: str
    visit_date: date
    arrived_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    customer_id: str
    text: str
    source: str
    due_date: date | None
    created_at: datetime
    status: str


@dataclass(frozen=True)
class FinishResult:
    visit: VisitView
    followups_created: int
    followups_closed: int
    slip_categories: tuple[str, ...]
    next_stop_id: str | None = None
    followups_attached: int = 0  # findings of follow-ups the shop already had open


def min_visit_minutes() -> int:
    """Minutes in the shop below which finishing a visit asks once (``plan.toml``)."""
    return int(load_reference("plan")["min_visit_minutes"])


def loads_answers(text: str) -> Any:
    return json.loads(text) if text else {}


def visit_view(
    s: Session, v: Visit, *, with_grid: bool = True, with_shop: bool | str = True
) -> VisitView:
    """A visit as the visit screen shows it (the SKU grid unless ``with_grid`` is False; the
    shop's 业态, which scopes its checklist, unless ``with_shop`` is False — or is the 业态,
    known already)."""
    grid = grid_rows(s, v.id) if with_grid else ()
    edits = tuple(
        TimeEdit(e.field, e.old_value, e.new_value, e.edited_at)
        for e in s.scalars(
            select(VisitTimeEdit)
            .where(VisitTimeEdit.visit_id == v.id)
            .order_by(VisitTimeEdit.edited_at)
        )
    )
    slips = tuple(s.scalars(select(SlipSuggestion.category).where(SlipSuggestion.visit_id == v.id)))
    return VisitView(
        id=v.id,
        customer_id=v.customer_id,
        visit_date=v.visit_date,
        status=v.status,
        shop_status=v.shop_status,
        arrived_at=v.arrived_at,
        left_at=v.left_at,
        arrived_first=v.arrived_first,
        left_first=v.left_first,
        checklist_version=v.checklist_version,
        answers=loads_answers(v.answers),
        grid=grid,
        findings=tuple(Hit(**h) for h in json.loads(v.findings or "[]")),
        late_entry=v.late_entry,
        recorded_at=v.recorded_at,
        finished_at=v.finished_at,
        plan_stop_id=v.plan_stop_id,
        time_edits=edits,
        slip_suggestions=slips,
        carried=Carried.parse(v.carried),
        shop_format=_shop(s, v, with_shop),
    )


def _shop(s: Session, v: Visit, with_shop: bool | str) -> str | None:
    if isinstance(with_shop, str):
        return with_shop
    return shop_format(s, v.customer_id) if with_shop else None
