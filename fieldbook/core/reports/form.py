"""The form standard the printable reports share: the 8-column A4 grid of the day's log and the
week's summary, its building blocks (label/value rows, banners, paragraphs), and the values
every export words the same way (weekday names, a checklist answer, a change against before).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.xlsx.writer import (
    HEADER_FILL,
    SUB_FILL,
    label_value_row,
    paragraph_row,
    section_row,
)

FORM_WIDTHS = (13.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 13.0)  # A..H: one A4 page wide
LAST = len(FORM_WIDTHS)
WEEKDAYS = "一二三四五六日"
#: A change in percentage points (the value is in points: 2.1 → "+2.1个百分点").
PP_CHANGE = '+0.0"个百分点";-0.0"个百分点";"持平"'

#: One cell of a form row: (first column, last column, value, number format or "label").
Spec = tuple[int, int, Any, str | None]


def cells(ws: Worksheet, row: int, spec: Sequence[Spec]) -> None:
    """A row of label/value boxes on the form grid."""
    label_value_row(ws, row, spec, FORM_WIDTHS)


def banner(ws: Worksheet, row: int, text: str) -> int:
    """A section title across the grid; returns the next row."""
    return section_row(ws, row, text, LAST, fill=HEADER_FILL, height=22)


def subhead(ws: Worksheet, row: int, text: str) -> None:
    section_row(ws, row, text, LAST, fill=SUB_FILL, height=20)


def paragraph(ws: Worksheet, row: int, text: str, *, size: int = 11) -> int:
    """``text`` across the grid, wrapped; returns the next row."""
    return paragraph_row(ws, row, text, FORM_WIDTHS, size=size)


def table_head(ws: Worksheet, row: int, head: Sequence[tuple[int, int, str]]) -> None:
    """A header row of ``(first, last, label)`` boxes."""
    cells(ws, row, [(first, last, label, "label") for first, last, label in head])


def figure_rows(
    ws: Worksheet,
    row: int,
    figures: Sequence[tuple[str, Any, str | None]],
    *,
    per_row: int,
    widths: Sequence[float] = FORM_WIDTHS,
) -> int:
    """``(label, value, number format)`` figures as label/value pairs, ``per_row`` pairs to a
    row of the grid ``widths``; returns the next row."""
    for i in range(0, len(figures), per_row):
        spec: list[Spec] = []
        for k, (label, value, fmt) in enumerate(figures[i : i + per_row]):
            spec += [(2 * k + 1, 2 * k + 1, label, "label"), (2 * k + 2, 2 * k + 2, value, fmt)]
        label_value_row(ws, row, spec, widths)
        row += 1
    return row


def day_title(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


def answer_value(value: Any) -> Any:
    """A checklist answer as a cell shows it: yes/no in words, a list joined, numbers kept."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if value is None:
        return ""
    return value if isinstance(value, int | float) else str(value)


def change(now: float | None, before: float | None) -> float | str:
    """The relative change from ``before`` to ``now``; "—" when there is nothing to compare."""
    if now is None or not before:
        return "—"
    return (now - before) / before


#: A correction made after submit: (when, what field, before, after, why), already as text.
Correction = tuple[datetime, str, str, str, str]
CORRECTION_HEAD = (
    (1, 1, "时间"),
    (2, 2, "栏目"),
    (3, 4, "原内容"),
    (5, 6, "更正后"),
    (7, 8, "原因"),
)


def corrections_table(ws: Worksheet, row: int, corrections: Sequence[Correction]) -> int:
    """The 更正记录 table: a header and one row per correction; returns the next row."""
    table_head(ws, row, CORRECTION_HEAD)
    for n, (at, label, old, new, reason) in enumerate(corrections, start=1):
        cells(
            ws,
            row + n,
            [
                (1, 1, f"{at:%Y-%m-%d %H:%M}", None),
                (2, 2, label, None),
                (3, 4, old, None),
                (5, 6, new, None),
                (7, 8, reason, None),
            ],
        )
    return row + len(corrections) + 1
