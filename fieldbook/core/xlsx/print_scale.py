"""The scale a table prints at on A4, set explicitly (decision 0024): computed from its column
widths against the printable width, never below the minimum of
``schema/reference/detail_sheets.toml`` — a table wider than that prints several pages across
at the minimum with its first columns repeated, rather than shrunk to an unreadable size by
"fit to one page wide".

A column of width ``w`` (characters of the default font, Calibri 11) is ``7 w + 5`` pixels
(Excel's and LibreOffice's conversion), three quarters of a point each.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.resources import load_reference

A4_POINTS = (595.3, 841.9)  # width, height in portrait
#: Margins in millimetres of every printed sheet (the form standard, decision 0023, sets them
#: with ``reports.official.page_standard``): the binding edge (装订边) is the left on a
#: portrait page and the top on a landscape one; the other edges are the plain margin.
BINDING_MM = 25.0
EDGE_MM = 15.0
DEFAULT_WIDTH = 8.43  # characters: a column whose width is not set
#: the share of the printable width a table is fitted to: LibreOffice's conversion of column
#: widths rounds up a little (a table fitted to the last point printed two pages across)
SAFETY = 0.98


@functools.cache
def minimum_scale() -> int:
    """The smallest scale (%) any sheet prints at (``detail_sheets.toml``)."""
    return int(load_reference("detail_sheets")["minimum_scale"])


def column_points(width: float) -> float:
    """The printed width (points at 100 %) of a column ``width`` characters wide."""
    return (7 * width + 5) * 0.75


def printable_points(*, landscape: bool) -> float:
    """The width between A4's side margins, in points."""
    paper = A4_POINTS[1] if landscape else A4_POINTS[0]
    sides = 2 * EDGE_MM if landscape else BINDING_MM + EDGE_MM
    return paper - sides / 25.4 * 72


def fit_scale(widths: Sequence[float], *, landscape: bool) -> int:
    """The largest whole percentage (≤ 100) at which ``widths`` fit one page wide."""
    total = sum(column_points(w) for w in widths)
    if total <= 0:
        return 100
    return min(100, math.floor(printable_points(landscape=landscape) * SAFETY / total * 100))


def set_scale(ws: Worksheet, scale: int) -> None:
    """Print ``ws`` at ``scale`` % (not "fit to page": the scale a reader gets is this one)."""
    ws.page_setup.scale = scale
    ws.page_setup.fitToWidth = None
    ws.page_setup.fitToHeight = None
    fit = ws.sheet_properties.pageSetUpPr
    if fit is None:
        fit = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    fit.fitToPage = False


def print_at_fit(ws: Worksheet, widths: Sequence[float], *, landscape: bool) -> int:
    """Print ``ws`` (columns ``widths``) at the scale that fits one page wide, but never below
    ``minimum_scale()``; returns the scale set."""
    scale = max(minimum_scale(), fit_scale(widths, landscape=landscape))
    set_scale(ws, scale)
    return scale


DEFAULT_HEIGHT = 15.0  # points: a row whose height is not set
#: the top and bottom margins of a portrait page (the form standard: top 20 mm, bottom 15 mm)
PORTRAIT_TOP_BOTTOM_MM = EDGE_MM + 5 + EDGE_MM


def one_page_if_readable(ws: Worksheet, last_row: int) -> bool:
    """A portrait form fitted to one page tall when its rows 1..``last_row`` fit there at the
    minimum scale or more; otherwise it runs on to a second page (fit to width only), so a
    slip with a long history prints readable rather than shrunk. Returns whether one page."""
    rows = ws.row_dimensions
    height = sum(
        (rows[r].height if r in rows and rows[r].height else DEFAULT_HEIGHT)
        for r in range(1, last_row + 1)
    )
    room = A4_POINTS[1] - PORTRAIT_TOP_BOTTOM_MM / 25.4 * 72
    one = room * SAFETY / height * 100 >= minimum_scale()
    ws.page_setup.fitToHeight = 1 if one else 0
    return one


def sheet_widths(ws: Worksheet) -> list[float]:
    """The widths of ``ws``'s columns up to its last one used (unset: Excel's 8.43)."""
    out = []
    for column in range(1, ws.max_column + 1):
        dim = ws.column_dimensions.get(get_column_letter(column))
        out.append(float(dim.width) if dim is not None and dim.width else DEFAULT_WIDTH)
    return out


def print_sheet_at_fit(ws: Worksheet, *, title_columns: str | None = None) -> int:
    """``print_at_fit`` for a sheet already laid out (its widths and orientation as set);
    ``title_columns`` (e.g. "A:B") repeat on every page across when it is wider."""
    landscape = ws.page_setup.orientation == "landscape"
    scale = print_at_fit(ws, sheet_widths(ws), landscape=landscape)
    if title_columns and scale > fit_scale(sheet_widths(ws), landscape=landscape):
        ws.print_title_cols = title_columns
    return scale


def group_breaks(
    fixed: Sequence[float], groups: Sequence[Sequence[float]], *, landscape: bool, scale: int
) -> list[int]:
    """Where a table of ``fixed`` columns (repeated on every page) then ``groups`` of columns
    breaks into pages across at ``scale`` %, keeping each group on one page where it fits:
    the 1-based last column of every page but the last."""
    room = printable_points(landscape=landscape) * SAFETY * 100 / scale
    room -= sum(column_points(w) for w in fixed)
    breaks: list[int] = []
    used, column = 0.0, len(fixed)
    for group in groups:
        width = sum(column_points(w) for w in group)
        if used and used + width > room:
            breaks.append(column)
            used = 0.0
        for w in group:  # a group wider than a page breaks inside it
            if used and used + column_points(w) > room:
                breaks.append(column)
                used = 0.0
            used += column_points(w)
            column += 1
    return breaks
