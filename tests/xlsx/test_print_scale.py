"""The scale a table prints at (decision 0024): from its column widths against A4, never below
the configured minimum, and where a wide table breaks into pages across."""

from __future__ import annotations

import openpyxl

from fieldbook.core.xlsx.print_scale import (
    SAFETY,
    column_points,
    fit_scale,
    group_breaks,
    minimum_scale,
    print_at_fit,
    printable_points,
)


def test_the_scale_fits_the_widths_on_a4() -> None:
    assert minimum_scale() == 70  # schema/reference/detail_sheets.toml
    assert fit_scale([10.0] * 5, landscape=False) == 100  # narrow: never enlarged
    wide = [20.0] * 8
    scale = fit_scale(wide, landscape=True)
    total = sum(column_points(w) for w in wide)
    room = printable_points(landscape=True) * SAFETY  # LibreOffice rounds widths up a little
    assert total * scale / 100 <= room < total * (scale + 1) / 100
    assert fit_scale(wide, landscape=False) < scale  # portrait is narrower


def test_a_table_too_wide_prints_at_the_minimum_not_fitted() -> None:
    ws = openpyxl.Workbook().active
    assert print_at_fit(ws, [12.0] * 40, landscape=True) == 70
    assert ws.page_setup.scale == 70 and ws.sheet_properties.pageSetUpPr.fitToPage is False
    assert print_at_fit(ws, [12.0] * 10, landscape=True) == 100


def test_a_section_starts_a_page_across_when_the_page_is_full() -> None:
    # 2 key columns, then sections of 6, 6 and 30 columns of width 10 at 70 %
    room = printable_points(landscape=True) * SAFETY * 100 / 70 - 2 * column_points(10)
    per_page = int(room // column_points(10))
    assert 12 <= per_page < 18  # two sections fit one page, not a third
    breaks = group_breaks([10, 10], [[10] * 6, [10] * 6, [10] * 30], landscape=True, scale=70)
    assert breaks[0] == 2 + 12  # the third section starts the second page
    # a section wider than a page breaks inside it, each page full
    assert breaks[1:] == [14 + per_page * k for k in range(1, len(breaks))]
