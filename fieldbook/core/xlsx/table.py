"""A spreadsheet's rows as the readers give them (:class:`Table`): raw values numbered as Excel
shows them, the merged ranges and the cells whose value could not be read, and the collector
that skips blank rows and holds every reader to the :class:`Limits` and to cancellation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.safety import EXCEL_MAX_ROW, Limits, column_letters

CANCEL_CHECK_EVERY = 1000
# Invisible characters a blank-looking cell may hold.
_BLANK_RE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]*")


@dataclass(frozen=True)
class RawRow:
    number: int  # the sheet row number as Excel shows it (1-based)
    # raw cell values: str, float, bool, date, datetime, time, timedelta or None (CSV: str)
    cells: tuple[object, ...]


@dataclass(frozen=True)
class Merged:
    """A merged range of cells: sheet row numbers (1-based, as Excel shows them) and column
    indexes (0-based, as in ``RawRow.cells``), both ends included. Only its first cell holds
    a value; a reader sees the others as empty."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    def covers(self, row: int, column: int) -> bool:
        return (
            self.first_row <= row <= self.last_row
            and self.first_column <= column <= self.last_column
        )

    @property
    def ref(self) -> str:
        """The range as Excel writes it, e.g. ``F2:F6``."""
        first = f"{column_letters(self.first_column + 1)}{self.first_row}"
        last = f"{column_letters(self.last_column + 1)}{self.last_row}"
        return first if first == last else f"{first}:{last}"


@dataclass(frozen=True)
class UnreadCell:
    """A workbook cell whose value cannot be read: ``reason`` is ``formula_without_value``
    (``text`` the formula, with its ``=``) or ``error_cell`` (``text`` the error, ``#N/A``)."""

    reason: str
    text: str


@dataclass(frozen=True)
class Table:
    source: str  # file path
    sheet: str  # sheet name ("" for csv)
    rows: list[RawRow]  # only non-empty rows (and rows with an unread cell), in order
    merged: tuple[Merged, ...] = ()  # merged ranges of cells (workbooks only)
    # (sheet row number, column index) -> a cell with no readable value (workbooks only);
    # its place in RawRow.cells is None
    unread: dict[tuple[int, int], UnreadCell] = field(default_factory=dict)
    is_csv: bool = False


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and _BLANK_RE.fullmatch(value) is not None)


def trim_row(cells: Iterable[object]) -> tuple[object, ...]:
    """The cells without trailing blanks; () for a blank row."""
    values = tuple(cells)
    end = len(values)
    while end and is_blank(values[end - 1]):
        end -= 1
    return values[:end]


class RowCollector:
    """Collects numbered rows, skipping blank ones and enforcing limits and cancellation."""

    def __init__(
        self,
        path: Path,
        sheet: str,
        limits: Limits,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.path = path
        self.sheet = sheet
        self.limits = limits
        self.cancelled = cancelled
        self.rows: list[RawRow] = []
        self._seen = 0

    def _reject(self, reason: str, **data: object) -> FileRejected:
        return FileRejected(reason, "", file=str(self.path), sheet=self.sheet, **data)

    def add(self, number: int, cells: Iterable[object], *, keep: bool = False) -> None:
        """Add a row; a blank one is dropped unless ``keep`` (it holds an unread cell)."""
        self._seen += 1
        if self._seen % CANCEL_CHECK_EVERY == 0 and self.cancelled is not None and self.cancelled():
            raise self._reject("cancelled", row=number)
        if number > EXCEL_MAX_ROW or self._seen > EXCEL_MAX_ROW:
            raise self._reject("too_many_rows", row=number, limit=EXCEL_MAX_ROW)
        values = trim_row(cells)
        if not values and not keep:
            return
        if len(values) > self.limits.max_columns:
            raise self._reject(
                "too_many_columns", row=number, columns=len(values), limit=self.limits.max_columns
            )
        if len(self.rows) >= self.limits.max_rows:
            raise self._reject("too_many_rows", row=number, limit=self.limits.max_rows)
        self.rows.append(RawRow(number, values))
