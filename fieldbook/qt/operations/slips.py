"""What the feedback-slip screens read and write: plain functions of the journal, run on the DB
worker. The files in and out (forms, the register, answers) are in :mod:`slip_files`, which
this module does not import: the plan page's summary needs no spreadsheet code at start-up."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldbook.core.display_names import ENGLISH
from fieldbook.core.errors import NotFound
from fieldbook.core.routine.checklist_names import ChecklistNames, checklist_names
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.slips.service import SlipInput, SlipRow

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.checklist import Item
    from fieldbook.core.routine.visit_views import VisitView


@dataclass(frozen=True)
class SlipFilter:
    open_only: bool = True
    department: str | None = None
    start: date | None = None
    end: date | None = None
    search: str = ""


def matches(row: SlipRow, search: str) -> bool:
    """Every word of ``search`` in the number, the customer code or the shop name."""
    hay = f"{row.number} {row.customer_code} {row.shop_name}".lower()
    return all(word in hay for word in search.lower().split())


def load_slips(j: Journal, f: SlipFilter) -> list[SlipRow]:
    rows = j.slips.list(open_only=f.open_only, start=f.start, end=f.end, department=f.department)
    return [r for r in rows if matches(r, f.search)] if f.search.strip() else rows


def manager_name(j: Journal) -> str:
    profile = j.profile.get()
    return profile.name if profile is not None else ""


# --- from a visit's suggestion to a prefilled slip ------------------------------------------------
def _finding_parts(
    visit: VisitView, category: str, lang: str = "zh_CN"
) -> tuple[list[str], list[str]]:
    """What the visit found for ``category``, in words (labels, not "True"), plus the text the
    manager wrote in the same checklist sections; and the labels alone (for the sub-reason).
    In Chinese by default: a slip's description goes to the departments as written."""
    checklist = visit.checklist
    names = checklist_names(checklist, lang)
    said = ": " if lang == ENGLISH else "："
    parts: list[str] = []
    labels: list[str] = []
    sections: set[str] = set()
    for hit in visit.findings:
        if hit.slip != category:
            continue
        if hit.item == "shop_status":
            label = names.status(visit.shop_status)
            parts.append(label)
            labels.append(label)
            continue
        try:
            item = checklist.item(hit.item)
        except NotFound:
            parts.append(hit.detail or hit.item)
            labels.append(hit.item)
            continue
        sections.add(item.section)
        label = names.item(item)
        labels.append(label)
        if item.type == "bool" or hit.detail in ("", "True", "False"):
            parts.append(label)
        else:
            parts.append(f"{label}{said}{_detail(names, item, hit.detail)}")
    for item in checklist.items:
        if item.section in sections and item.type == "text":
            text = str(visit.answers.get(item.id) or "").strip()
            if text:
                parts.append(f"{names.item(item)}{said}{text}")
    return list(dict.fromkeys(p for p in parts if p)), labels


def _detail(names: ChecklistNames, item: Item, detail: str) -> str:
    """A flagged answer as stored in the finding (options joined by 、) in ``names``' words."""
    if item.type not in ("choice", "multi"):
        return detail
    joined = ", " if names.english else "、"
    return joined.join(names.option(item, o) for o in detail.split("、"))


def prefill_from_suggestion(j: Journal, suggestion_id: str) -> SlipInput:
    """The core's prefilled slip, with the description worded from the visit's findings and
    the sub-reason guessed when a finding names one (疑似假烟 → 假烟)."""
    data = j.slips.suggestion_input(suggestion_id)
    if not data.source_visit_id:
        return data
    visit = j.visits.get(data.source_visit_id)
    parts, labels = _finding_parts(visit, data.category)
    if not parts:
        return data
    day = visit.visit_date
    description = f"{day.month}月{day.day}日走访发现：" + "；".join(parts)
    category = slip_rules().categories.get(data.category)
    sub_reason = data.sub_reason
    if not sub_reason and category is not None:
        sub_reason = next(
            (s for s in category.sub_reasons if s != "其他" and any(s in t for t in labels)), ""
        )
    return replace(data, description=description[:1000], sub_reason=sub_reason)


@dataclass(frozen=True)
class SuggestionRow:
    """A visit's suggested slip as the suggestions tab lists it, its finding in words."""

    id: str
    category: str
    shop_name: str
    finding: str
    visit_date: date


def load_suggestions(j: Journal, lang: str = "zh_CN") -> list[SuggestionRow]:
    """The open suggestions, their findings worded in ``lang`` (the interface language)."""
    rows = []
    joined = "; " if lang == ENGLISH else "；"
    for sid, category, shop, note, visit_date in j.slips.suggestions(open_only=True):
        finding = "" if note in ("True", "False", "shop_status") else note
        try:
            data = j.slips.suggestion_input(sid)
            if data.source_visit_id:
                visit = j.visits.get(data.source_visit_id)
                parts, _labels = _finding_parts(visit, category, lang)
                finding = joined.join(parts) or finding
        except NotFound:
            pass
        rows.append(SuggestionRow(sid, category, shop, finding, visit_date))
    return rows


@dataclass(frozen=True)
class VisitSuggestion:
    id: str
    category: str
    note: str


def visit_suggestions(j: Journal, visit_id: str, day: date) -> list[VisitSuggestion]:
    """The open suggestions of one visit (the core lists them without their visit: matched by
    the visit date, then checked exactly through ``suggestion_input``)."""
    found = []
    for sid, category, _shop, note, visit_date in j.slips.suggestions(open_only=True):
        if visit_date != day:
            continue
        if j.slips.suggestion_input(sid).source_visit_id == visit_id:
            found.append(VisitSuggestion(sid, category, note))
    return found


# --- files ----------------------------------------------------------------------------------------
def attach(j: Journal, slip_id: str, path: Path) -> Any:
    return j.slips.attach(slip_id, Path(path), j.attachments_dir())
