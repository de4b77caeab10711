"""Writing workbooks safely: user-typed text is always a string cell (never a formula); the
form layout helpers every export uses. Where the file lands (atomic, private) is the caller's:
``fieldbook.core.reports.saving``."""

from __future__ import annotations

import errno
import math
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.text import clean_free_text
from fieldbook.core.xlsx.print_scale import print_sheet_at_fit

CJK_FONT = "微软雅黑"  # Microsoft YaHei: on every Chinese Windows; LibreOffice substitutes
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
AMOUNT, RATE, COUNT, MINUTES = "0.00", "0.0%", "0", "0.0"  # number formats
SUB_FILL = PatternFill("solid", fgColor="F2F2F2")
LINE_HEIGHT = 15.0  # points per line of 11-pt text
PAGE_FOOTER = "第 &P 页，共 &N 页"


def put(ws: Worksheet, row: int, column: int, value: Any, *, bold: bool = False) -> Cell:
    """Write one cell. Text is forced to a string cell, so ``=HYPERLINK(...)`` typed by a user
    stays text, and cleaned (normalize.clean_free_text) of what a cell cannot hold, so a
    control character stored before the database's door existed cannot fail an export;
    dates and times get explicit number formats."""
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, Cell):
        raise TypeError(f"row {row}, column {column} is inside a merged range")
    if isinstance(value, str):
        cell.value = clean_free_text(value)
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


def bar_chart() -> BarChart:
    """A bar chart whose value axis starts at zero: a bar's length is its figure (an axis
    from 650 drew 672 done of 707 planned as less than half)."""
    chart = BarChart()
    chart.y_axis.scaling.min = 0
    return chart


def first_sheet(wb: Workbook, title: str) -> Worksheet:
    """The sheet a new workbook comes with, named ``title``."""
    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError("a new workbook starts with a worksheet")
    ws.title = title
    return ws


def _part(item: HeaderFooterItem | None) -> HeaderFooterItem:
    if item is None:  # openpyxl gives every sheet its header and footer items
        raise TypeError("a worksheet without a header/footer item")
    return item


def header_text(text: str) -> str:
    """``text`` as a page header/footer prints it: every ``&`` doubled, so that a name such as
    「A&B」 is not read as Excel's codes (``&B`` bold, ``&P`` the page number)."""
    return text.replace("&", "&&")


def page_footer(ws: Worksheet, center: str = PAGE_FOOTER, *, right: str | None = None) -> None:
    """The printed page footer: ``center`` (default: page n of m) and an optional ``right``."""
    footer = _part(ws.oddFooter)
    footer.center.text = center
    if right is not None:
        footer.right.text = right


def header_row(
    ws: Worksheet,
    row: int,
    labels: list[str],
    widths: list[float],
    *,
    height: float | None = None,
) -> None:
    for index, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = put(ws, row, index, label, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[cell.column_letter].width = width
    if height is not None:
        ws.row_dimensions[row].height = height


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
    fit = ws.sheet_properties.pageSetUpPr
    if fit is None:
        fit = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    fit.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if title_rows:
        ws.print_title_rows = title_rows


# --- form layout: a grid of fixed-width columns, merged wrapped boxed cells ---------------------
def text_width(text: str) -> float:
    """Width of ``text`` in column-width units: a CJK character is about two."""
    return sum(2.0 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    usable = max(width - 1.0, 1.0)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in str(text).split("\n"))


def row_height(texts: Iterable[tuple[str, float]], minimum: float = 20.0) -> float:
    """Height (points) of a row whose wrapped cells hold ``(text, width)``."""
    lines = max((lines_needed(t, w) for t, w in texts if t), default=1)
    return max(minimum, lines * LINE_HEIGHT + 6)


def span_width(first: int, last: int, widths: Sequence[float]) -> float:
    return sum(widths[first - 1 : last])


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def title_row(
    ws: Worksheet,
    row: int,
    text: str,
    last: int,
    *,
    size: int,
    height: float | None = None,
    centred: bool = True,
) -> Cell:
    """A big bold title across columns 1..``last``."""
    cell = put(ws, row, 1, text, bold=True)
    cell.font = Font(name=CJK_FONT, bold=True, size=size)
    if centred:
        cell.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    if height is not None:
        ws.row_dimensions[row].height = height
    return cell


def merged(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    value: Any,
    *,
    bold: bool = False,
    fill: PatternFill | None = None,
    horizontal: str = "left",
    number_format: str | None = None,
) -> Cell:
    """``value`` in columns ``first``..``last`` of ``row``: merged, boxed, wrapped."""
    target = put(ws, row, first, value, bold=bold)
    if number_format and not isinstance(value, str):
        target.number_format = number_format
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    for column in range(first, last + 1):
        c = ws.cell(row=row, column=column)
        c.border = BOX
        if fill is not None:
            c.fill = fill
        c.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
    return target


def label_value_row(
    ws: Worksheet,
    row: int,
    spec: Sequence[tuple[int, int, Any, str | None]],
    widths: Sequence[float],
) -> None:
    """A row of ``(first, last, value, number_format)``; labels (format "label") bold on grey;
    the height fits the longest text."""
    texts = []
    for first, last, value, fmt in spec:
        label = fmt == "label"
        merged(
            ws,
            row,
            first,
            last,
            value,
            bold=label,
            fill=SUB_FILL if label else None,
            horizontal="center" if label or not isinstance(value, str) else "left",
            number_format=None if label else fmt,
        )
        if isinstance(value, str):
            texts.append((value, span_width(first, last, widths)))
        elif fmt and '"' in fmt and isinstance(value, int | float):
            # a number shown with words (+2.6个百分点): as high as its printed text
            shown = f"{value:+.1f}{fmt.split(chr(34))[1]}"
            texts.append((shown, span_width(first, last, widths)))
    ws.row_dimensions[row].height = row_height(texts)


def section_row(
    ws: Worksheet, row: int, text: str, last: int, *, fill: PatternFill, height: float
) -> int:
    """A bold section title across columns 1..``last``; returns the next row."""
    merged(ws, row, 1, last, text, bold=True, fill=fill)
    ws.row_dimensions[row].height = height
    return row + 1


def paragraph_row(
    ws: Worksheet, row: int, text: str, widths: Sequence[float], *, size: int = 11
) -> int:
    """``text`` across the whole grid, wrapped; returns the next row."""
    last = len(widths)
    merged(ws, row, 1, last, text)
    if size != 11:
        ws.cell(row=row, column=1).font = Font(name=CJK_FONT, size=size)
    ws.row_dimensions[row].height = row_height([(text, span_width(1, last, widths) * 11 / size)])
    return row + 1


def finish_table(
    ws: Worksheet,
    columns: int,
    title: str,
    *,
    freeze: str,
    landscape: bool,
    last_row: int | None = None,
) -> None:
    """Freeze panes, autofilter from the header (row 1) down to ``last_row`` (default: the
    sheet's last row), A4 with the header repeated, printed at the scale that fits one page
    wide but never below the minimum (decision 0024): a wider table prints pages across with
    its frozen key columns repeated."""
    ws.freeze_panes = freeze
    last = last_row if last_row is not None else ws.max_row
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(last, 1)}"
    a4_portrait(ws, title_rows="1:1", landscape=landscape)
    frozen = ws.freeze_panes
    keys = "".join(ch for ch in frozen if ch.isalpha()) if frozen else "A"
    index = column_index_from_string(keys) - 1
    print_sheet_at_fit(ws, title_columns=f"A:{get_column_letter(index)}" if index else None)
    _part(ws.oddHeader).center.text = header_text(title)
    page_footer(ws)


def _as_os_error(exc: Exception) -> OSError | None:
    """openpyxl writes through lxml when it is installed (several times faster than the
    pure-Python writer); lxml reports a failed write as ``SerialisationError("IO_EFBIG")``
    rather than an ``OSError``. Give it back its errno, so a full disk is worded as one."""
    if type(exc).__name__ != "SerialisationError":
        return None
    name = str(exc).removeprefix("IO_")
    number = getattr(errno, name, None)
    if not isinstance(number, int):
        return None
    return OSError(number, os.strerror(number))


def write_workbook(wb: Workbook, target: Path) -> None:
    """``wb.save(target)``, a failed write worded as the ``OSError`` it is (a full disk)."""
    try:
        wb.save(target)
    except Exception as exc:
        mapped = _as_os_error(exc)
        if mapped is None:
            raise
        raise mapped from exc
