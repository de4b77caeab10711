"""市场部主任抽查: the market department director's monthly spot check of one manager.

The director picks a manager and a month; a sample of that manager's finished visits is drawn
(spread over the month: the visits are put in date order and one is taken at random from each
of ``size`` equal slices, with a recorded seed so the draw can be shown and repeated). For each
sampled visit the director records whether the visit is confirmed (the shop says it happened),
whether the recorded time and the recorded content check out, the service quality, the
problems found and a correction. A correction stays open until it is marked done, with a note
(直到改正为止); the month's report lists all of it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.slips.suggestions import DismissedRow, dismissals
from fieldbook.core.store.models import Customer, Manager, SpotCheck, SpotCheckItem, Visit
from fieldbook.core.text import clean_text
from fieldbook.core.workdays import month_range

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

TOPIC = "spotcheck"
QUALITY = ("好", "较好", "一般", "差")
DEFAULT_SIZE = 10
MAX_SIZE = 60
TEXT_LIMIT = 1000


@dataclass(frozen=True)
class ItemView:
    id: str
    position: int
    visit_id: str
    visit_date: date
    customer: str
    arrived_at: datetime | None
    left_at: datetime | None
    confirmed: bool | None
    time_ok: bool | None
    content_ok: bool | None
    service_quality: str
    problems: str
    correction: str
    correction_status: str  # none | open | done
    correction_note: str
    corrected_at: datetime | None
    checked_at: datetime | None

    @property
    def checked(self) -> bool:
        return self.confirmed is not None


@dataclass(frozen=True)
class SpotCheckView:
    id: str
    manager_id: str
    manager: str
    month: str
    checker: str
    seed: int
    summary: str
    items: tuple[ItemView, ...]
    #: the month's dismissed suggestions of the manager, each with its reason (不准隐瞒问题)
    dismissed: tuple[DismissedRow, ...] = ()

    @property
    def checked(self) -> int:
        return sum(1 for i in self.items if i.checked)

    @property
    def not_confirmed(self) -> int:
        return sum(1 for i in self.items if i.confirmed is False)

    @property
    def corrections_open(self) -> int:
        return sum(1 for i in self.items if i.correction_status == "open")

    @property
    def corrections_done(self) -> int:
        return sum(1 for i in self.items if i.correction_status == "done")


def draw(
    journal: Journal,
    manager_code: str,
    month: str,
    *,
    checker: str,
    size: int = DEFAULT_SIZE,
    seed: int | None = None,
) -> SpotCheckView:
    """Draw the month's sample (or return the check already drawn for that month)."""
    start, end = month_range(month)
    month = f"{start:%Y-%m}"
    checker = clean_text(checker)[:50]
    if not checker:
        raise InvalidValue("required", field="checker")
    if not 1 <= size <= MAX_SIZE:
        raise InvalidValue("sample_size", field="sample_size", value=size, max=MAX_SIZE)
    with journal.writing(TOPIC) as s:
        manager = s.scalars(select(Manager).where(Manager.code == manager_code.strip())).first()
        if manager is None:
            raise InvalidValue("unknown_manager", field="manager", value=manager_code)
        existing = s.scalars(
            select(SpotCheck).where(SpotCheck.manager_id == manager.id, SpotCheck.month == month)
        ).first()
        if existing is not None:
            check_id = existing.id
        else:
            visits = list(
                s.scalars(
                    select(Visit.id)
                    .where(
                        Visit.manager_id == manager.id,
                        Visit.status == "done",
                        Visit.visit_date.between(start, end),
                    )
                    .order_by(Visit.visit_date, Visit.arrived_at, Visit.id)
                )
            )
            if not visits:
                raise InvalidValue("no_visits_in_month", field="month", value=month)
            seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
            chosen = sample_spread(visits, size, seed)
            check = SpotCheck(
                manager_id=manager.id,
                month=month,
                checker=checker,
                sample_size=len(chosen),
                seed=seed,
            )
            s.add(check)
            s.flush()
            for position, visit_id in enumerate(chosen, start=1):
                s.add(SpotCheckItem(check_id=check.id, visit_id=visit_id, position=position))
            check_id = check.id
    return get(journal, check_id)


def sample_spread(ids: list[str], size: int, seed: int) -> list[str]:
    """One id at random from each of ``size`` equal slices of ``ids`` (in their order)."""
    if size >= len(ids):
        return list(ids)
    rng = random.Random(seed)
    out = []
    for k in range(size):
        lo, hi = k * len(ids) // size, (k + 1) * len(ids) // size
        out.append(ids[rng.randrange(lo, hi)])
    return out


def get(journal: Journal, check_id: str) -> SpotCheckView:
    with journal.reading() as s:
        check = s.get(SpotCheck, check_id)
        if check is None:
            raise NotFound("spot_check", id=check_id)
        manager = s.get_one(Manager, check.manager_id)
        rows = s.execute(
            select(SpotCheckItem, Visit, Customer.code, Customer.shop_name)
            .join(Visit, Visit.id == SpotCheckItem.visit_id)
            .join(Customer, Customer.id == Visit.customer_id)
            .where(SpotCheckItem.check_id == check_id)
            .order_by(SpotCheckItem.position)
        ).all()
        items = tuple(
            ItemView(
                i.id,
                i.position,
                v.id,
                v.visit_date,
                f"{code} {name}",
                v.arrived_at,
                v.left_at,
                i.confirmed,
                i.time_ok,
                i.content_ok,
                i.service_quality,
                i.problems,
                i.correction,
                i.correction_status,
                i.correction_note,
                i.corrected_at,
                i.checked_at,
            )
            for i, v, code, name in rows
        )
        return SpotCheckView(
            check.id,
            manager.id,
            f"{manager.name}（{manager.code}）",
            check.month,
            check.checker,
            check.seed,
            check.summary,
            items,
            tuple(dismissals(s, manager.id, *month_range(check.month))),
        )


def find(journal: Journal, manager_code: str, month: str) -> SpotCheckView | None:
    start, _ = month_range(month)
    with journal.reading() as s:
        check_id = s.scalars(
            select(SpotCheck.id)
            .join(Manager, Manager.id == SpotCheck.manager_id)
            .where(Manager.code == manager_code.strip(), SpotCheck.month == f"{start:%Y-%m}")
        ).first()
    return get(journal, check_id) if check_id else None


def _text(value: str, name: str) -> str:
    text = str(value or "").strip()
    if len(text) > TEXT_LIMIT:
        raise InvalidValue("too_long", field=name, max=TEXT_LIMIT)
    return text


def record(
    journal: Journal,
    item_id: str,
    *,
    confirmed: bool,
    time_ok: bool,
    content_ok: bool,
    service_quality: str,
    problems: str = "",
    correction: str = "",
    at: datetime | None = None,
) -> SpotCheckView:
    """The director's findings for one sampled visit. A correction opens a follow-up that
    stays open until :func:`correct` marks it done; clearing it is refused once it is done."""
    if service_quality not in QUALITY:
        raise InvalidValue("unknown_quality", field="service_quality", value=service_quality)
    problems, correction = _text(problems, "problems"), _text(correction, "correction")
    if not confirmed and not problems:
        raise InvalidValue("reason_required", field="problems")  # an unconfirmed visit: say why
    with journal.writing(TOPIC) as s:
        item = s.get(SpotCheckItem, item_id)
        if item is None:
            raise NotFound("spot_check_item", id=item_id)
        if item.correction_status == "done" and correction != item.correction:
            raise InvalidValue("correction_done", field="correction")
        item.confirmed, item.time_ok, item.content_ok = confirmed, time_ok, content_ok
        item.service_quality, item.problems = service_quality, problems
        if item.correction_status != "done":
            item.correction = correction
            item.correction_status = "open" if correction else "none"
        item.checked_at = at or clock.now()
        check_id = item.check_id
    return get(journal, check_id)


def correct(
    journal: Journal, item_id: str, note: str, *, at: datetime | None = None
) -> SpotCheckView:
    """Mark an open correction done (改正), with a note of what was done."""
    note = _text(note, "correction_note")
    if not note:
        raise InvalidValue("required", field="correction_note")
    with journal.writing(TOPIC) as s:
        item = s.get(SpotCheckItem, item_id)
        if item is None:
            raise NotFound("spot_check_item", id=item_id)
        if item.correction_status != "open":
            raise InvalidValue("no_open_correction", field="correction")
        item.correction_status, item.correction_note = "done", note
        item.corrected_at = at or clock.now()
        check_id = item.check_id
    return get(journal, check_id)


def set_summary(journal: Journal, check_id: str, summary: str) -> SpotCheckView:
    summary = _text(summary, "summary")
    with journal.writing(TOPIC) as s:
        check = s.get(SpotCheck, check_id)
        if check is None:
            raise NotFound("spot_check", id=check_id)
        check.summary = summary
    return get(journal, check_id)
