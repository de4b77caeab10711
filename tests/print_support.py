"""How a workbook prints, read back from its page setup (decision 0024): the scale each sheet
prints at — its ``scale``, or the one "fit to N pages" implies from its column widths and row
heights against A4 and its margins — and its visible sheets. Independent of
``fieldbook.core.xlsx.print_scale``: the same printer arithmetic, written again here."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

A4 = (595.3, 841.9)  # points, portrait
DEFAULT_WIDTH = 8.43  # characters: a column whose width is not set
DEFAULT_HEIGHT = 15.0  # points: a row whose height is not set


def _width_points(width: float) -> float:
    return (7 * width + 5) * 0.75  # 7 px a character + 5 px padding, ¾ pt a pixel


def _area(ws: Worksheet) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) that print."""
    area = ws.print_area
    if area:
        ref = (area[0] if isinstance(area, list) else area).split("!")[-1].replace("$", "")
        low, top, high, bottom = range_boundaries(ref)
        return int(low or 1), int(top or 1), int(high or 1), int(bottom or 1)
    return 1, 1, ws.max_column, ws.max_row


def sheet_scale(ws: Worksheet) -> float:
    """The percentage ``ws`` prints at."""
    setup = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr
    if not (fit is not None and fit.fitToPage):
        return float(setup.scale or 100)
    landscape = setup.orientation == "landscape"
    paper_w, paper_h = (A4[1], A4[0]) if landscape else A4
    m = ws.page_margins
    room_w = paper_w - (m.left + m.right) * 72
    room_h = paper_h - (m.top + m.bottom) * 72
    low, top, high, bottom = _area(ws)
    dims = ws.column_dimensions
    widths = []
    for col in range(low, high + 1):
        dim = dims.get(get_column_letter(col))
        widths.append(dim.width if dim is not None and dim.width else DEFAULT_WIDTH)
    scales = [100.0]
    across = int(setup.fitToWidth) if setup.fitToWidth is not None else 1
    if across:
        scales.append(room_w * across / sum(_width_points(w) for w in widths) * 100)
    down = int(setup.fitToHeight) if setup.fitToHeight is not None else 1
    if down:
        rows = ws.row_dimensions
        heights = sum(
            (rows[r].height if r in rows and rows[r].height else DEFAULT_HEIGHT)
            for r in range(top, bottom + 1)
        )
        scales.append(room_h * down / heights * 100)
    return math.floor(min(scales))


def visible_scales(path: Path) -> dict[str, float]:
    """Sheet name -> print scale of every sheet of ``path`` that prints (not hidden)."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: sheet_scale(ws) for ws in wb.worksheets if ws.sheet_state == "visible"}


def character_points() -> float:
    """The printed width of one character of column width where LibreOffice runs here: Calibri's
    (Carlito's) 7 px digit, or DejaVu Sans's wider one where Carlito is not installed (it
    replaces Calibri then; ``make system-deps`` installs Carlito)."""
    found = subprocess.run(
        ["fc-match", "Calibri"], capture_output=True, text=True, check=False
    ).stdout
    return 5.25 if "Carlito" in found else 7.0


def page_estimate(ws: Worksheet, char_points: float) -> int:
    """At most how many pages ``ws`` prints to: pages across × pages down at its scale (rows
    of unset height counted at 20 pt: CJK text), one more for a break or a chart."""
    scale = sheet_scale(ws) / 100
    landscape = ws.page_setup.orientation == "landscape"
    paper_w, paper_h = (A4[1], A4[0]) if landscape else A4
    m = ws.page_margins
    room_w = paper_w - (m.left + m.right) * 72
    room_h = paper_h - (m.top + m.bottom) * 72 - 40  # the page header and footer
    low, top, high, bottom = _area(ws)
    dims, rows = ws.column_dimensions, ws.row_dimensions
    width = 0.0
    for col in range(low, high + 1):
        dim = dims.get(get_column_letter(col))
        chars = dim.width if dim is not None and dim.width else DEFAULT_WIDTH
        width += chars * char_points + 4
    height = sum(
        (rows[r].height if r in rows and rows[r].height else 20.0) for r in range(top, bottom + 1)
    )
    across = max(1, math.ceil(width * scale / room_w))
    down = max(1, math.ceil(height * scale / room_h))
    return across * down + 1


def printed_sheets(path: Path) -> list[Worksheet]:
    """The sheets of ``path`` that print (not hidden)."""
    wb = openpyxl.load_workbook(path)
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
