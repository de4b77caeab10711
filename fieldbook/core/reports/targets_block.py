"""月度任务 in the printable reports (the work log, the week and month workbooks): 时间进度,
then each target's 任务完成率 and its gap in words — the lines of ``routine.targets``, the one
computation, so every export says what the screen and ``log show`` say."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.reports.form import banner, paragraph
from fieldbook.core.routine.targets import MonthProgress, progress_lines

TITLE = "月度任务（任务完成率对比时间进度）"


def targets_block(ws: Worksheet, row: int, month: MonthProgress, title: str = TITLE) -> int:
    """The block from ``row``; returns the next row."""
    row = banner(ws, row, f"{title}　截至 {month.day:%Y-%m-%d}")
    for line in progress_lines(month):
        row = paragraph(ws, row, line)
    return row
