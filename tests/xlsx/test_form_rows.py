"""A form row is as high as what it prints: a wrapped text, and a number shown with words
(「+2.6个百分点」 in a 12-wide box wraps to two lines on paper, and was cut in half)."""

from __future__ import annotations

from openpyxl import Workbook

from fieldbook.core.reports.form import FORM_WIDTHS, PP_CHANGE
from fieldbook.core.xlsx.writer import LINE_HEIGHT, label_value_row, row_height


def test_a_number_with_words_gets_the_height_of_its_printed_text() -> None:
    ws = Workbook().active
    label_value_row(ws, 1, [(1, 1, "较上周同日", "label"), (2, 2, 2.6, PP_CHANGE)], FORM_WIDTHS)
    label_value_row(ws, 2, [(1, 1, "订货量", "label"), (2, 2, 827, "0")], FORM_WIDTHS)
    two_lines = 2 * LINE_HEIGHT + 6
    assert ws.row_dimensions[1].height >= two_lines  # "+2.6个百分点" does not fit on one line
    assert ws.row_dimensions[2].height == row_height([("订货量", FORM_WIDTHS[0])])  # one line
