"""What the weekly report page hands to the DB worker: plain functions of the journal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldbook.core.reports.week import export_week as write_week
from fieldbook.core.routine.week import week_rules

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.targets import MonthProgress
    from fieldbook.core.routine.week import WeekView


@dataclass(frozen=True)
class WeekData:
    view: WeekView
    history: list[tuple[str, str, str]]
    not_ordering_weeks: int
    #: 月度任务 on the report week's last day (or today, while the week runs).
    targets: MonthProgress


def load_week(j: Journal, label: str, today: date) -> WeekData:
    view = j.weeks.get(label)
    targets = j.targets.progress(min(view.end, today))
    return WeekData(view, j.weeks.history(), week_rules().not_ordering_weeks, targets)


def save_unit(j: Journal, label: str, unit: str, value: dict[str, Any]) -> None:
    """Save the narrative or next week's plan of a draft."""
    if unit == "narrative":
        return j.weeks.save(label, narrative=value)
    return j.weeks.save(label, next_plan=value)


def save_corrections(j: Journal, label: str, changes: dict[str, Any], reason: str) -> WeekView:
    """Each changed field of a submitted report as one correction with the same reason."""
    views = [j.weeks.correct(label, field, value, reason) for field, value in changes.items()]
    return views[-1] if views else j.weeks.get(label)


def export_week(j: Journal, label: str, path: Path) -> Path:
    """The report week as an Excel workbook."""
    return write_week(j, label, path)
