"""Read the rows of a spreadsheet or CSV file into a plain :class:`Table`.

This is the only place that parses user-supplied tabular files. It keeps raw cell values (the
importers normalise them), numbers rows as Excel shows them, skips blank rows, enforces the
:class:`Limits` and turns every failure into :class:`FileRejected` with a stable ``reason``:

``unsupported_type``, ``no_such_sheet``, ``too_many_rows``, ``too_many_columns``,
``cancelled``, ``not_text``, ``mixed_encoding``, ``unreadable``, ``truncated`` plus those of
:func:`~fieldbook.core.xlsx.safety.check_workbook_file`.

A workbook's merged cells are kept as :class:`Merged` ranges (the importers fill them); a CSV
file is one encoding (UTF-8, GB18030 or UTF-16) or it is refused with the first line that
differs, never read half as mojibake.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from python_calamine import (
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetMetadata,
    SheetTypeEnum,
    SheetVisibleEnum,
    ZipError,
)

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.safety import (
    DEFAULT_LIMITS,
    EXCEL_MAX_ROW,
    Limits,
    as_file_rejected,
    check_file_size,
    read_workbook_bytes,
)

__all__ = ["Merged", "RawRow", "Table", "list_sheets", "read_table"]

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt"})
CANCEL_CHECK_EVERY = 1000
_SNIFF_BYTES = 8192
_DELIMITERS = ",;\t"
# Whitespace plus the invisible characters clean_text removes: a cell made of these is blank.
_BLANK_RE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]*")
_SEP_LINE_RE = re.compile(r"sep=(.)\r?\n?")


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
        from openpyxl.utils import get_column_letter

        first = f"{get_column_letter(self.first_column + 1)}{self.first_row}"
        last = f"{get_column_letter(self.last_column + 1)}{self.last_row}"
        return first if first == last else f"{first}:{last}"


@dataclass(frozen=True)
class Table:
    source: str  # file path
    sheet: str  # sheet name ("" for csv)
    rows: list[RawRow]  # only non-empty rows, in order
    merged: tuple[Merged, ...] = ()  # merged ranges of cells (workbooks only)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and _BLANK_RE.fullmatch(value) is not None)


def _trim(cells: Iterable[object]) -> tuple[object, ...]:
    """The cells without trailing blanks; () for a blank row."""
    values = tuple(cells)
    end = len(values)
    while end and _is_blank(values[end - 1]):
        end -= 1
    return values[:end]


class _RowCollector:
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
        return FileRejected(reason, file=str(self.path), sheet=self.sheet, **data)

    def add(self, number: int, cells: Iterable[object]) -> None:
        self._seen += 1
        if self._seen % CANCEL_CHECK_EVERY == 0 and self.cancelled is not None and self.cancelled():
            raise self._reject("cancelled", row=number)
        if number > EXCEL_MAX_ROW or self._seen > EXCEL_MAX_ROW:
            raise self._reject("too_many_rows", row=number, limit=EXCEL_MAX_ROW)
        values = _trim(cells)
        if not values:
            return
        if len(values) > self.limits.max_columns:
            raise self._reject(
                "too_many_columns", row=number, columns=len(values), limit=self.limits.max_columns
            )
        if len(self.rows) >= self.limits.max_rows:
            raise self._reject("too_many_rows", row=number, limit=self.limits.max_rows)
        self.rows.append(RawRow(number, values))


# --------------------------------------------------------------------------------------- xlsx
#
# Cell values come from calamine (Rust; its quick-xml parser never expands entities), fed only
# the bytes safety.read_workbook_bytes has checked: no DTD, sane sizes, bounded sheet areas.


def _calamine_rejected(exc: BaseException, path: Path) -> FileRejected:
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, PasswordError):
        return FileRejected("encrypted", detail, file=str(path))
    if isinstance(exc, ZipError) or "I/O error" in str(exc):
        return FileRejected("truncated", detail, file=str(path))
    return FileRejected("unreadable", detail, file=str(path))


@contextlib.contextmanager
def _calamine_errors(path: Path) -> Iterator[None]:
    """Turn calamine's exceptions, and the Rust panics pyo3 raises as BaseException, into
    FileRejected."""
    try:
        yield
    except (FileRejected, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except Exception as exc:
        raise _calamine_rejected(exc, path) from exc
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise _calamine_rejected(exc, path) from exc


def _open_workbook(path: Path, limits: Limits) -> tuple[CalamineWorkbook, list[SheetMetadata]]:
    """The checked workbook and its worksheets (not chart or dialog sheets) in tab order."""
    data = read_workbook_bytes(path, limits)
    with _calamine_errors(path):
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [meta for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
    return workbook, sheets


def _merged(sheet: CalamineSheet) -> tuple[Merged, ...]:
    """The sheet's merged ranges (calamine: 0-based ((row, col), (row, col)), both ends in)."""
    ranges = getattr(sheet, "merged_cell_ranges", None) or ()
    return tuple(
        Merged(top + 1, left, bottom + 1, right)
        for (top, left), (bottom, right) in ranges
        if (bottom, right) != (top, left)
    )


def _read_sheet(
    workbook: CalamineWorkbook,
    name: str,
    path: Path,
    limits: Limits,
    cancelled: Callable[[], bool] | None,
) -> Table:
    collector = _RowCollector(path, name, limits, cancelled)
    with _calamine_errors(path):
        sheet = workbook.get_sheet_by_name(name)
        if sheet.start is None:  # no cell at all
            return Table(str(path), name, [])
        # iter_rows yields the empty rows above the data too, so enumerating gives Excel's row
        # numbers; the columns left of the data are not yielded.
        pad = [None] * sheet.start[1]
        for number, row in enumerate(sheet.iter_rows(), start=1):
            collector.add(number, pad + [None if value == "" else value for value in row])
        merged = _merged(sheet)
    return Table(str(path), name, collector.rows, merged)


def _read_xlsx(
    path: Path, sheet: str | None, limits: Limits, cancelled: Callable[[], bool] | None
) -> Table:
    workbook, sheets = _open_workbook(path, limits)
    with workbook:
        if sheet is not None:
            if sheet not in {meta.name for meta in sheets}:
                raise FileRejected(
                    "no_such_sheet",
                    file=str(path),
                    sheet=sheet,
                    sheets=[meta.name for meta in sheets],
                )
            return _read_sheet(workbook, sheet, path, limits, cancelled)
        # The first sheet with data, visible sheets before hidden ones.
        ordered = sorted(sheets, key=lambda meta: meta.visible != SheetVisibleEnum.Visible)
        for meta in ordered:
            table = _read_sheet(workbook, meta.name, path, limits, cancelled)
            if table.rows:
                return table
        return Table(str(path), ordered[0].name if ordered else "", [])


# ---------------------------------------------------------------------------------------- csv


# A character of the CJK blocks (and full-width forms) written in UTF-8: what a Chinese list
# in UTF-8 is made of, and what GB18030 bytes almost never happen to form.
_UTF8_CJK_RE = re.compile(rb"[\xe2-\xe9\xef][\x80-\xbf]{2}")


def _line_encodings(data: bytes) -> tuple[list[int], list[int]]:
    """1-based numbers of the lines that are UTF-8 with CJK text, and of those that are not
    UTF-8 at all (ASCII lines fit every encoding and are in neither list)."""
    utf8: list[int] = []
    other: list[int] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
            continue
        if _UTF8_CJK_RE.search(line):
            utf8.append(number)
    return utf8, other


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileRejected("not_text", str(exc), file=str(path)) from exc
    else:
        if b"\x00" in data:
            raise FileRejected("not_text", "NUL byte in a text file", file=str(path))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Not UTF-8 as a whole. A GB18030 (GBK) file, unless some lines are UTF-8 Chinese:
            # then it is two files pasted together, and either reading garbles one part.
            utf8, other = _line_encodings(data.removeprefix(b"\xef\xbb\xbf"))
            if utf8:
                minority = other if len(other) <= len(utf8) else utf8
                raise FileRejected(
                    "mixed_encoding",
                    f"lines {utf8[:3]} are UTF-8, lines {other[:3]} are not",
                    file=str(path),
                    line=minority[0],
                    encoding="UTF-8" if minority is utf8 else "GBK/GB18030",
                ) from None
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise FileRejected("not_text", "unknown text encoding", file=str(path)) from None
    if "\x00" in text:
        raise FileRejected("not_text", "NUL character in a text file", file=str(path))
    return text


def _sniff_delimiter(sample: str) -> str:
    first_line = next((line for line in sample.splitlines() if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter and delimiter in first_line:
        return delimiter
    # Sniffer failed or picked a character absent from the header line: count instead.
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(text: str, delimiter: str, first_line: int) -> Iterator[tuple[int, list[str]]]:
    """Records with the 1-based line on which each starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    for record in reader:
        yield first_line + previous, record
        previous = reader.line_num


def _read_csv(path: Path, limits: Limits, cancelled: Callable[[], bool] | None) -> Table:
    check_file_size(path, limits)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRejected("unreadable", str(exc), file=str(path)) from exc
    text = _decode(data, path)
    first_line = 1
    sep = _SEP_LINE_RE.match(text)  # Excel's "sep=;" hint line
    if sep and sep.group(1) in _DELIMITERS:
        delimiter = sep.group(1)
        text = text[sep.end() :]
        first_line = 2
    else:
        delimiter = _sniff_delimiter(text[:_SNIFF_BYTES])
    collector = _RowCollector(path, "", limits, cancelled)
    try:
        for number, record in _csv_records(text, delimiter, first_line):
            collector.add(number, record)
    except csv.Error as exc:
        raise FileRejected("unreadable", str(exc), file=str(path)) from exc
    return Table(str(path), "", collector.rows)


# ------------------------------------------------------------------------------------- public


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in XLSX_SUFFIXES | CSV_SUFFIXES:
        raise FileRejected("unsupported_type", file=str(path), suffix=suffix)
    return suffix


def read_table(
    path: Path,
    *,
    sheet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    cancelled: Callable[[], bool] | None = None,
) -> Table:
    """Read the non-empty rows of ``path`` (.xlsx/.xlsm or .csv/.txt).

    ``sheet`` picks a worksheet by name; by default the first sheet with data is read
    (visible sheets first). ``cancelled`` is polled every 1000 rows. Raises
    :class:`FileRejected` on any problem.
    """
    path = Path(path)
    suffix = _suffix(path)
    try:
        if suffix in XLSX_SUFFIXES:
            return _read_xlsx(path, sheet, limits, cancelled)
        return _read_csv(path, limits, cancelled)
    except FileRejected:
        raise
    except Exception as exc:
        raise as_file_rejected(exc, path) from exc


def list_sheets(path: Path) -> list[str]:
    """Names of the worksheets of a workbook in tab order; ``[""]`` for a CSV file."""
    path = Path(path)
    if _suffix(path) in CSV_SUFFIXES:
        check_file_size(path)
        return [""]
    try:
        workbook, sheets = _open_workbook(path, DEFAULT_LIMITS)
        workbook.close()
        return [meta.name for meta in sheets]
    except FileRejected:
        raise
    except Exception as exc:
        raise as_file_rejected(exc, path) from exc
