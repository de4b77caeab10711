"""The week report's line on the time model (decision 0018): the days' arrivals in the area,
returns to the office and time in the area, summed up under the main figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.reports.form import LAST, cells
from fieldbook.core.routine.day_times import week_summary, week_summary_text

if TYPE_CHECKING:
    from fieldbook.core.routine.week import WeekView


def time_row(ws: Worksheet, row: int, view: WeekView | None) -> int:
    """``工作时间 | 5 天：到达片区迟到 1 天；回到单位按时 3 天…`` (a week's report only: a
    month's export has no view); returns the next row."""
    if view is None:
        return row
    text = week_summary_text(week_summary(view.times))
    cells(ws, row, [(1, 1, "工作时间", "label"), (2, LAST, text, None)])
    return row + 1
