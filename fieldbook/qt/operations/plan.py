"""What the plan page hands to the DB worker: the day's plan with what did not fit and the
unfinished visits, and the printable route sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldbook.core.journal import Journal
from fieldbook.core.routine.plan import PlanView
from fieldbook.core.routine.visit_views import DraftInfo


@dataclass(frozen=True)
class PlanData:
    day: date
    view: PlanView | None
    waiting: tuple[tuple[str, str, str], ...]
    drafts: tuple[DraftInfo, ...]


def load_plan(j: Journal, day: date, build: bool) -> PlanData:
    """The day's plan (built when ``build`` and there is none yet), the carried-over customers
    that did not fit, and every unfinished visit."""
    view = j.plans.get(day)
    if view is None and build:
        view = j.plans.build(day)
    return PlanData(day, view, tuple(j.plans.waiting(day)), tuple(j.visits.drafts()))


def export_route_sheet(j: Journal, day: date, path: Path) -> Path:
    # The sheet's module imports openpyxl (a heavy leaf): only when exporting.
    from fieldbook.core.reports.plan_sheet import export_plan  # noqa: PLC0415

    return export_plan(j, day, path)
