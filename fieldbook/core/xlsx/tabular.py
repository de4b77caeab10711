"""Read the rows of a spreadsheet or CSV file into a plain :class:`Table`.

This is the only place that parses user-supplied tabular files. It keeps raw cell values (the
importers normalise them), numbers rows as Excel shows them, skips blank rows, enforces the
:class:`Limits` and turns every failure into :class:`FileRejected` with a stable ``reason``:

``unsupported_type``, ``no_such_sheet``, ``too_many_rows``, ``too_many_columns``,
``cancelled``, ``not_text``, ``unreadable``, ``truncated`` plus those of
:func:`~fieldbook.core.xlsx.safety.check_workbook_file`.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.safety import DEFAULT_LIMITS, Limits, check_file_size, check_workbook_file

__all__ = ["RawRow", "Table", "list_sheets", "read_table"]

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt"})
EXCEL_MAX_ROW = 1_048_576
CANCEL_CHECK_EVERY = 1000
_SNIFF_BYTES = 8192
_DELIMITERS = ",;\t"
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")
# Whitespace plus the invisible characters clean_text removes: a cell made of these is blank.
_BLANK_RE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]*")
_SEP_LINE_RE = re.compile(r"sep=(.)\r?\n?")


@dataclass(frozen=True)
class RawRow:
    number: int  # the sheet row number as Excel shows it (1-based)
    cells: tuple[object, ...]  # raw cell values (str, int, float, datetime, bool or None)


@dataclass(frozen=True)
class Table:
    source: str  # file path
    sheet: str  # sheet name ("" for csv)
    rows: list[RawRow]  # only non-empty rows, in order


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
        if number > EXCEL_MAX_ROW:
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


def _load_workbook(fh: io.BufferedReader) -> Any:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # "Workbook contains no default style", "Data Validation extension is not supported"...
        warnings.simplefilter("ignore")
        return load_workbook(fh, read_only=True, data_only=True, keep_links=False)


def _read_worksheet(
    ws: Any, path: Path, limits: Limits, cancelled: Callable[[], bool] | None
) -> list[RawRow]:
    collector = _RowCollector(path, ws.title, limits, cancelled)
    # The <dimension> element is often wrong (some writers always say "A1"); openpyxl would
    # then cut rows off. Without it, iter_rows(min_row=1) yields one tuple per sheet row from
    # row 1, gaps included, so enumerate(start=1) gives the Excel row numbers. (ws.min_row is
    # NOT a safe start: iter_rows starts at row 1 whatever the dimension says.)
    ws.reset_dimensions()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, cells in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
            collector.add(number, cells)
    return collector.rows


def _worksheets(wb: Any) -> list[Any]:
    return list(wb.worksheets)  # chartsheets excluded


def _open_workbook_guarded(path: Path, limits: Limits) -> tuple[io.BufferedReader, Any]:
    check_workbook_file(path, limits)
    fh = path.open("rb")
    try:
        return fh, _load_workbook(fh)
    except BaseException:
        fh.close()
        raise


def _translate_errors(path: Path, exc: Exception) -> FileRejected:
    """Any other failure of zipfile/openpyxl/XML parsing as a FileRejected."""
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return FileRejected("truncated", str(exc), file=str(path))
    return FileRejected("unreadable", f"{type(exc).__name__}: {exc}", file=str(path))


def _read_xlsx(
    path: Path, sheet: str | None, limits: Limits, cancelled: Callable[[], bool] | None
) -> Table:
    fh, wb = _open_workbook_guarded(path, limits)
    try:
        sheets = _worksheets(wb)
        if sheet is not None:
            chosen = [ws for ws in sheets if ws.title == sheet]
            if not chosen:
                raise FileRejected(
                    "no_such_sheet",
                    file=str(path),
                    sheet=sheet,
                    sheets=[ws.title for ws in sheets],
                )
            return Table(str(path), sheet, _read_worksheet(chosen[0], path, limits, cancelled))
        # The first sheet with data, visible sheets before hidden ones.
        ordered = sorted(sheets, key=lambda ws: ws.sheet_state != "visible")
        for ws in ordered:
            rows = _read_worksheet(ws, path, limits, cancelled)
            if rows:
                return Table(str(path), ws.title, rows)
        return Table(str(path), ordered[0].title if ordered else "", [])
    finally:
        wb.close()
        fh.close()


# ---------------------------------------------------------------------------------------- csv


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileRejected("not_text", str(exc), file=str(path)) from exc
    else:
        if b"\x00" in data:
            raise FileRejected("not_text", "NUL byte in a text file", file=str(path))
        for encoding in _CSV_ENCODINGS:
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise FileRejected("not_text", "unknown text encoding", file=str(path))
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

    ``sheet`` picks a worksheet by name; by default the first sheet with data is read.
    ``cancelled`` is polled every 1000 rows. Raises :class:`FileRejected` on any problem.
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
        raise _translate_errors(path, exc) from exc


def list_sheets(path: Path) -> list[str]:
    """Names of the worksheets of a workbook, in order; ``[""]`` for a CSV file."""
    path = Path(path)
    suffix = _suffix(path)
    if suffix in CSV_SUFFIXES:
        check_file_size(path)
        return [""]
    try:
        fh, wb = _open_workbook_guarded(path, DEFAULT_LIMITS)
        try:
            return [ws.title for ws in _worksheets(wb)]
        finally:
            wb.close()
            fh.close()
    except FileRejected:
        raise
    except Exception as exc:
        raise _translate_errors(path, exc) from exc
