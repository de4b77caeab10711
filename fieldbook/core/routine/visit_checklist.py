"""The checklist a visit is recorded on: the version the visit was started with (a visit
started on version 1 keeps it — to finish, correct, show and export), scoped to the shop it
was made at (its 业态: ``applies_to`` in the template, decision 0022); the columns an export of
visits of several versions shows."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.routine.checklist import Checklist, Item, load_checklist
from fieldbook.core.store.models import Customer, Visit


def shop_format(s: Session, customer_id: str) -> str:
    """The shop's 业态 code ("" when not recorded)."""
    return s.scalar(select(Customer.format).where(Customer.id == customer_id)) or ""


def visit_checklist(s: Session, v: Visit) -> Checklist:
    """``v``'s checklist version, as it applies at ``v``'s shop — a finished visit's as it
    was asked (its answers tell which 业态-scoped items were), not as the shop is now."""
    checklist = load_checklist(v.checklist_id or "visit", v.checklist_version)
    scoped = checklist.for_shop(shop_format(s, v.customer_id))
    if v.status == "done":
        return scoped.as_recorded(json.loads(v.answers or "{}"))
    return scoped


def export_items(versions: Iterable[int], checklist_id: str = "visit") -> list[Item]:
    """The checklist items an export of visits recorded on ``versions`` shows, a column each:
    the newest of those versions' items in its order, then the items only older ones have
    (a v1 visit's 宣传品 is still exported). No visits: the newest version's items."""
    chosen = sorted(set(versions), reverse=True) or [load_checklist(checklist_id).version]
    out: dict[str, Item] = {}
    for version in chosen:
        for item in load_checklist(checklist_id, version).items:
            out.setdefault(item.id, item)
    return list(out.values())


def export_sections(versions: Iterable[int], checklist_id: str = "visit") -> dict[str, str]:
    """Section id -> title of the sections ``export_items(versions)`` come from: the newest
    version's in its order, then the sections only older ones have."""
    chosen = sorted(set(versions), reverse=True) or [load_checklist(checklist_id).version]
    out: dict[str, str] = {}
    for version in chosen:
        for section in load_checklist(checklist_id, version).sections:
            out.setdefault(section.id, section.title)
    return out
