"""同上次: what a visit may take from the shop's last finished visit, and the record of what it
took (``visits.carried``).

The rules are data (``schema/reference/carry_forward.toml``): stable facts are *copied* into
empty items only (never over an answer already typed); counts and intentions (*confirm*: stock,
facings, 本周订货 …) are shown with last time's value and taken only when the manager confirms
them as checked and unchanged (已核对，与上次相同) — recorded as a confirmation, not as a
count; what was done during one visit, free text and every answer that raised a finding are
never carried, so findings come from today's answers only.

Typing an answer (or a grid cell) afterwards makes it today's observation: it leaves the
record of what was carried (:func:`observed`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference
from fieldbook.core.routine.checklist import OPEN, Checklist, Item, check_answer
from fieldbook.core.routine.visit_checklist import visit_checklist
from fieldbook.core.routine.visit_grid import GRID_FIELDS
from fieldbook.core.store.models import Visit, VisitSku

#: The block name of the SKU grid (every other block is a checklist section id).
GRID = "grid"
COPY, CONFIRM, NEVER = "copy", "confirm", "never"


@dataclass(frozen=True)
class Carried:
    """What a visit took from ``source`` (the shop's last finished visit)."""

    source: str | None = None
    copied: tuple[str, ...] = ()
    confirmed: tuple[str, ...] = ()
    confirmed_skus: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str | None) -> Carried:
        data: dict[str, Any] = json.loads(text) if text else {}
        return cls(
            data.get("source"),
            tuple(data.get("copied", ())),
            tuple(data.get("confirmed", ())),
            tuple(data.get("confirmed_skus", ())),
        )

    def dumps(self) -> str:
        if self.source is None:
            return "{}"
        data = {
            "source": self.source,
            "copied": sorted(self.copied),
            "confirmed": sorted(self.confirmed),
            "confirmed_skus": sorted(self.confirmed_skus),
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Pending:
    """Last time's values still waiting for a confirmation or a new answer on this visit."""

    source: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)  # item id -> last value
    grid: dict[str, dict[str, Any]] = field(default_factory=dict)  # sku id -> last row

    def blocks(self, checklist: Checklist) -> tuple[str, ...]:
        """The blocks with something to confirm: section ids in checklist order, then grid."""
        sections = {checklist.item(i).section for i in self.answers}
        out = [s.id for s in checklist.sections if s.id in sections]
        return (*out, GRID) if self.grid else tuple(out)


def loads_answers(text: str | None) -> dict[str, Any]:
    """A visit's answers (JSON: item id -> value)."""
    data: dict[str, Any] = json.loads(text) if text else {}
    return data


def kind(item: Item, checklist_id: str = "visit") -> str:
    """copy, confirm or never, for one checklist item (the reference file's rules)."""
    rules = load_reference("carry_forward").get(checklist_id, {})
    if item.type == "text" or item.id in rules.get("never", ()):
        return NEVER
    return CONFIRM if item.id in rules.get("confirm", ()) else COPY


def last_finished(s: Session, v: Visit) -> Visit | None:
    """The shop's last finished visit on or before this one's day (not this one)."""
    return s.scalars(
        select(Visit)
        .where(
            Visit.customer_id == v.customer_id,
            Visit.status == "done",
            Visit.visit_date <= v.visit_date,
            Visit.id != v.id,
        )
        .order_by(Visit.visit_date.desc(), Visit.arrived_at.desc())
        .limit(1)
    ).first()


def _previous(checklist: Checklist, last: Visit) -> dict[str, Any]:
    """The last visit's answers in this visit's checklist version (an older version's through
    the template's ``carry_from`` table: what it does not map is not carried)."""
    return checklist.answers_from(last.checklist_version, loads_answers(last.answers))


def _offered(checklist: Checklist, previous: dict[str, Any], wanted: str) -> dict[str, Any]:
    """Last time's answers of ``wanted`` kind that are still valid, apply at this shop and
    raised no finding."""
    out: dict[str, Any] = {}
    for item in checklist.items:
        if not checklist.applies(item):
            continue
        if item.id not in previous or kind(item, checklist.id) != wanted:
            continue
        try:
            value = check_answer(item, previous[item.id])
        except InvalidValue:
            continue
        if value is None or (item.flag is not None and item.flag.condition.holds(value)):
            continue
        out[item.id] = value
    return out


def _grid_of(s: Session, visit_id: str) -> dict[str, VisitSku]:
    return {r.sku_id: r for r in s.scalars(select(VisitSku).where(VisitSku.visit_id == visit_id))}


def _observed(row: VisitSku | None) -> bool:
    return row is not None and any(getattr(row, f) is not None for f in GRID_FIELDS)


def fill_from_last(s: Session, v: Visit) -> Carried:
    """同上次: copy last time's stable facts into this visit's EMPTY items. Raises
    InvalidValue("no_previous_visit") when the shop has no finished visit."""
    last = last_finished(s, v)
    if last is None:
        raise InvalidValue("no_previous_visit", field="visit")
    checklist = visit_checklist(s, v)
    answers = loads_answers(v.answers)
    carried = Carried.parse(v.carried)
    if carried.source not in (None, last.id):
        carried = Carried()
    taken = {
        k: value
        for k, value in _offered(checklist, _previous(checklist, last), COPY).items()
        if k not in answers
    }
    answers.update(taken)
    v.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    carried = Carried(
        last.id,
        tuple(sorted({*carried.copied, *taken})),
        carried.confirmed,
        carried.confirmed_skus,
    )
    v.carried = carried.dumps()
    return carried


def pending(s: Session, v: Visit) -> Pending:
    """What this draft could still confirm from the shop's last visit: the confirm-kind answers
    it has none of yet, and the grid rows it has observed nothing in."""
    last = last_finished(s, v)
    if last is None or v.status != "draft":
        return Pending()
    checklist = visit_checklist(s, v)
    answers = loads_answers(v.answers)
    offered = _offered(checklist, _previous(checklist, last), CONFIRM)
    now = _grid_of(s, v.id)
    grid = {
        sku: {f: getattr(row, f) for f in GRID_FIELDS}
        for sku, row in _grid_of(s, last.id).items()
        if _observed(row) and not _observed(now.get(sku))
    }
    return Pending(last.id, {k: x for k, x in offered.items() if k not in answers}, grid)


def confirm_unchanged(s: Session, v: Visit, blocks: Iterable[str] | None = None) -> Carried:
    """已核对，与上次相同: take last time's values of the pending items and grid rows of
    ``blocks`` (section ids and/or GRID; None: every block) as confirmed on this visit."""
    waiting = pending(s, v)
    if waiting.source is None:
        raise InvalidValue("no_previous_visit", field="visit")
    checklist = visit_checklist(s, v)
    chosen = set(waiting.blocks(checklist) if blocks is None else blocks)
    items = {
        k: value for k, value in waiting.answers.items() if checklist.item(k).section in chosen
    }
    answers = loads_answers(v.answers)
    answers.update(items)
    for k in list(items):  # an item that today's answers hide (不订货原因 when 会订) is not taken
        if not checklist.is_visible(checklist.item(k), OPEN, answers):
            answers.pop(k)
            items.pop(k)
    v.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    skus = list(waiting.grid) if GRID in chosen else []
    rows = _grid_of(s, v.id)
    for sku in skus:
        row = rows.get(sku)
        if row is None:
            row = VisitSku(visit_id=v.id, sku_id=sku)
            s.add(row)
        for name, value in waiting.grid[sku].items():
            setattr(row, name, value)
    carried = Carried.parse(v.carried)
    if carried.source != waiting.source:
        carried = Carried(waiting.source)
    carried = Carried(
        waiting.source,
        carried.copied,
        tuple(sorted({*carried.confirmed, *items})),
        tuple(sorted({*carried.confirmed_skus, *skus})),
    )
    v.carried = carried.dumps()
    return carried


def observed(v: Visit, items: Iterable[str] = (), skus: Iterable[str] = ()) -> None:
    """The manager typed these answers / grid rows: today's observation, no longer carried."""
    carried = Carried.parse(v.carried)
    if carried.source is None:
        return
    gone, gone_skus = set(items), set(skus)
    v.carried = Carried(
        carried.source,
        tuple(i for i in carried.copied if i not in gone),
        tuple(i for i in carried.confirmed if i not in gone),
        tuple(k for k in carried.confirmed_skus if k not in gone_skus),
    ).dumps()
