"""Writing workbooks safely: user-typed text is always a string cell (never a formula), the
file is private (0600) and appears complete or not at all (temporary name, fsync, rename)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

CJK_FONT = "微软雅黑"  # Microsoft YaHei: on every Chinese Windows; LibreOffice substitutes
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def put(ws: Worksheet, row: int, column: int, value: Any, *, bold: bool = False) -> Cell:
    """Write one cell. Text is forced to a string cell, so ``=HYPERLINK(...)`` typed by a user
    stays text; dates and times get explicit number formats."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would otherwise turn "=..." into a formula
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
        elif isinstance(value, time):
            cell.number_format = TIME_FORMAT
    cell.font = Font(name=CJK_FONT, bold=bold, size=11)
    return cell


def header_row(ws: Worksheet, row: int, labels: list[str], widths: list[float]) -> None:
    for index, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = put(ws, row, index, label, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[cell.column_letter].width = width


def body_row(ws: Worksheet, row: int, values: list[Any], *, wrap: bool = True) -> None:
    for index, value in enumerate(values, start=1):
        cell = put(ws, row, index, value)
        cell.border = BOX
        cell.alignment = Alignment(vertical="center", wrap_text=wrap)


def a4_portrait(ws: Worksheet, *, title_rows: str | None = None, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if title_rows:
        ws.print_title_rows = title_rows


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it is fsynced, made 0600 and renamed
    to ``path``. On any failure (disk full, an exception) the temporary file is removed and an
    existing ``path`` is left as it was."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def save_workbook(wb: Workbook, path: Path) -> Path:
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return Path(path)
