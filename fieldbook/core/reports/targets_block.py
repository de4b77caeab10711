"""月度任务 in the printable reports (the work log, the week and month workbooks): 时间进度,
then each target's 任务完成率 and its gap in words — the lines of ``routine.targets``, the one
computation, so every export says what the screen and ``log show`` say; and the department
workbook's 任务进度 sheet, one row a manager."""

from __future__ import annotations

from datetime import date

from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.journal import Journal
from fieldbook.core.reports.form import banner, paragraph
from fieldbook.core.reports.official import date_text
from fieldbook.core.routine.targets import MonthProgress, progress_lines
from fieldbook.core.server.department_targets import targets_rows, targets_table
from fieldbook.core.xlsx.stream import TableBook

TITLE = "月度任务（任务完成率对比时间进度）"


def targets_block(ws: Worksheet, row: int, month: MonthProgress, title: str = TITLE) -> int:
    """The block from ``row``; returns the next row."""
    row = banner(ws, row, f"{title}　截至 {date_text(month.day)}")
    for line in progress_lines(month):
        row = paragraph(ws, row, line)
    return row


SHEET_TARGETS = "任务进度"
TARGETS_HEAD = [
    ("客户经理", 18.0),
    ("时间进度", 10.0),
    ("任务完成率（销量）", 14.0),
    ("任务完成率（金额）", 14.0),
    ("对比时间进度", 48.0),
]


def targets_sheet(book: TableBook, journal: Journal, day: date) -> None:
    """The department workbook's 任务进度: every manager on ``day`` (``department_targets``)."""
    rows = targets_rows(targets_table(journal, day))
    title = f"任务进度（任务完成率对比时间进度）　截至 {date_text(day)}"
    book.table(book.wb.create_sheet(SHEET_TARGETS), TARGETS_HEAD, rows, title, {})
