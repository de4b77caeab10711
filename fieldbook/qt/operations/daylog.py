"""What the work log page hands to the DB worker: plain functions of the journal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldbook.core.reports.day import export_day
from fieldbook.core.routine.daylog import customer_name

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.daylog import DayLogView
    from fieldbook.core.routine.targets import MonthProgress


@dataclass(frozen=True)
class DayLogData:
    view: DayLogView
    #: Escalations of OTHER days not answered yet: (day, row).
    earlier: tuple[tuple[date, dict[str, Any]], ...]
    #: Shop names of the customer codes the sections mention.
    names: dict[str, str]
    #: 月度任务: 任务完成率 and 时间进度 on the day (routine.targets).
    targets: MonthProgress


def load_daylog(j: Journal, day: date) -> DayLogData:
    view = j.daylogs.get(day)
    earlier = tuple((d, row) for d, row in j.daylogs.open_escalations() if d != day)
    codes = {
        str(row.get("customer_code"))
        for name in ("escalations", "mutual_control")
        for row in (view.sections.get(name) or [])
        if isinstance(row, dict) and row.get("customer_code")
    }
    codes |= {str(row.get("customer_code")) for _d, row in earlier if row.get("customer_code")}
    names = {code: customer_name(j, code) for code in sorted(codes)}
    named = {k: v for k, v in names.items() if v}
    return DayLogData(view, earlier, named, j.targets.progress(day))


def save_corrections(j: Journal, day: date, changes: dict[str, Any], reason: str) -> DayLogView:
    """Each changed section as one correction with the same reason."""
    view = None
    for name, value in changes.items():
        view = j.daylogs.correct(day, name, value, reason)
    return view if view is not None else j.daylogs.get(day)


def export_daylog(j: Journal, day: date, path: Path) -> Path:
    """The day's log as an Excel workbook."""
    return export_day(j, day, path)
