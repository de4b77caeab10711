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

A workbook cell that holds no value calamine can give us is kept as an :class:`UnreadCell`
(``Table.unread``), never read as an empty cell: a formula without a cached result (files
written by scripts and ERP exports: openpyxl writes ``<f>550</f><v></v>``) and an error value
(``#N/A``). calamine reads both as "", so the worksheet's XML is read for them by a streaming
XML parser (linear time; a value is judged by its parsed text, so CDATA, comments and processing
instructions cannot make an empty value look full); the read is skipped by plain byte searches
when the sheet has no formula and no error cell.
"""

from __future__ import annotations

import contextlib
import csv
import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
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

__all__ = ["Merged", "RawRow", "Table", "UnreadCell", "list_sheets", "read_table"]

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

    def add(self, number: int, cells: Iterable[object], *, keep: bool = False) -> None:
        """Add a row; a blank one is dropped unless ``keep`` (it holds an unread cell)."""
        self._seen += 1
        if self._seen % CANCEL_CHECK_EVERY == 0 and self.cancelled is not None and self.cancelled():
            raise self._reject("cancelled", row=number)
        if number > EXCEL_MAX_ROW or self._seen > EXCEL_MAX_ROW:
            raise self._reject("too_many_rows", row=number, limit=EXCEL_MAX_ROW)
        values = _trim(cells)
        if not values and not keep:
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


def _open_workbook(
    path: Path, limits: Limits
) -> tuple[CalamineWorkbook, list[SheetMetadata], bytes]:
    """The checked workbook, its worksheets (not chart or dialog sheets) in tab order and the
    checked bytes."""
    data = read_workbook_bytes(path, limits)
    with _calamine_errors(path):
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [meta for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
    return workbook, sheets, data


# Is there a formula or an error cell at all? Plain byte searches (a regex over a 7 MB sheet
# costs ten times more), and exact: a formula element is "<f" or "<prefix:f" followed by XML
# whitespace, ">" or "/"; an error cell is t="e" (calamine refuses any other spelling of "e",
# such as a character reference). A false alarm only costs the full scan.
_FORMULA_STARTS = (b"<f", b":f")
_TAG_NAME_ENDS = frozenset(b">/ \t\r\n")
_ERROR_TYPES = (b'"e"', b"'e'")
# Formula results held as text: an empty cached value is the empty string the formula gave.
_TEXT_TYPES = frozenset({"str", "s", "inlineStr"})
_REF_RE = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")
_ROW_NUMBER_RE = re.compile(r"[0-9]{1,7}")
_FEED_SIZE = 1 << 20


def _column_index(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number - 1


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _SheetScan:
    """Parser target that finds the unread cells of a worksheet's XML as it streams by: the
    text of ``<f>`` and ``<v>`` is what the XML parser gives (character references resolved,
    CDATA read, comments and processing instructions dropped), never the raw bytes."""

    def __init__(self) -> None:
        self.found: dict[tuple[int, int], UnreadCell] = {}
        self._stack: list[str] = []
        # Where each cell is: its r="B3", or (as Excel and calamine read a cell without r) the
        # current row and the column after the previous cell; a row without r follows the last.
        self._row, self._column = 0, -1
        self._in_cell = False
        self._type = "n"
        self._formula: list[str] | None = None
        self._value: list[str] | None = None
        self._text: list[str] | None = None  # the <f> or <v> being read

    def start(self, tag: str, attributes: list[str]) -> None:
        """An element starts: expat's name (``uri}local``) and attributes as a flat list."""
        name = _local(tag)
        parent = self._stack[-1] if self._stack else ""
        self._stack.append(name)
        if name in ("row", "c"):
            attrib = dict(zip(attributes[::2], attributes[1::2], strict=True))
        if name == "row" and parent == "sheetData":
            number = attrib.get("r", "").strip()
            self._row = int(number) if _ROW_NUMBER_RE.fullmatch(number) else self._row + 1
            self._column = -1
        elif name == "c" and parent == "row":
            ref = _REF_RE.fullmatch(attrib.get("r", "").strip())
            if ref is not None:
                self._row, self._column = int(ref.group(2)), _column_index(ref.group(1))
            else:
                self._column += 1
            self._in_cell = True
            self._type = attrib.get("t", "n")
            self._formula = self._value = self._text = None
        elif self._in_cell and parent == "c":
            if name == "f" and self._formula is None:
                self._formula = self._text = []
            elif name == "v" and self._value is None:
                self._value = self._text = []

    def data(self, text: str) -> None:
        if self._text is not None:
            self._text.append(text)

    def end(self, _tag: str) -> None:
        name = self._stack.pop()
        parent = self._stack[-1] if self._stack else ""
        if not self._in_cell:
            return
        if parent == "c" and name in ("f", "v"):
            self._text = None
        elif name == "c" and parent == "row":
            self._in_cell = False
            self._judge()

    def _judge(self) -> None:
        cached = None if self._value is None else "".join(self._value)
        where = (self._row, self._column)
        if self._type == "e":
            self.found[where] = UnreadCell("error_cell", (cached or "").strip() or "#VALUE!")
        elif self._formula is not None and (
            cached is None or (not cached.strip() and self._type not in _TEXT_TYPES)
        ):
            self.found[where] = UnreadCell("formula_without_value", "=" + "".join(self._formula))

    def close(self) -> dict[tuple[int, int], UnreadCell]:
        return self.found


def _may_have_unread(xml: bytes) -> bool:
    if any(marker in xml for marker in _ERROR_TYPES):
        return True
    for lead in _FORMULA_STARTS:
        at = xml.find(lead)
        while at >= 0:
            if at + 2 < len(xml) and xml[at + 2] in _TAG_NAME_ENDS:
                return True
            at = xml.find(lead, at + 2)
    return False


def unread_cells(xml: bytes, path: Path, sheet: str) -> dict[tuple[int, int], UnreadCell]:
    """The cells of a worksheet's XML that hold no readable value: a formula without a cached
    result (no ``<v>``, or an empty one that is not a text result) and an error value.

    The XML is read by a streaming parser (defusedxml: no DTD, no entities) in linear time;
    XML that is not well-formed is refused (``unreadable``), never guessed at."""
    # UTF-16 XML: look for our markers as ASCII, like the safety scan; the parser reads it whole.
    plain = xml.replace(b"\x00", b"") if b"\x00" in xml else xml
    if not _may_have_unread(plain):
        return {}
    scan = _SheetScan()
    parser = DefusedXMLParser(target=scan, forbid_dtd=True)
    # defusedxml guards the expat parser (no DTD, no entity, nothing external); our handlers
    # take expat's events directly, without ElementTree's per-element name and dict building.
    expat = parser.parser
    expat.StartElementHandler = scan.start
    expat.EndElementHandler = scan.end
    expat.CharacterDataHandler = scan.data
    try:
        for offset in range(0, len(xml), _FEED_SIZE):
            parser.feed(xml[offset : offset + _FEED_SIZE])
        parser.close()
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise FileRejected(
            "unreadable", f"worksheet XML: {exc}", file=str(path), sheet=sheet
        ) from exc
    return scan.found


def _worksheet_parts(data: bytes) -> dict[str, str]:
    """Worksheet name -> its zip member, from xl/workbook.xml and its relationships (the
    package passed the safety checks: no DTD anywhere, sane sizes)."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    package = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = {name.lower(): name for name in zf.namelist()}
        book = ElementTree.fromstring(zf.read(names["xl/workbook.xml"]))
        rels_name = names.get("xl/_rels/workbook.xml.rels")
        rels = ElementTree.fromstring(zf.read(rels_name)) if rels_name else None
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels.iter(f"{package}Relationship"):
            target = rel.get("Target", "").replace("\\", "/")
            member = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id", "")] = names.get(posixpath.normpath(member).lower(), "")
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{main}sheet"):
        parts[sheet.get("name", "")] = targets.get(sheet.get(f"{rel_ns}id", ""), "")
    return parts


def _read_unread(data: bytes, name: str, path: Path) -> dict[tuple[int, int], UnreadCell]:
    try:
        member = _worksheet_parts(data).get(name, "")
        if not member:
            raise FileRejected("unreadable", "worksheet part not found", file=str(path), sheet=name)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read(member)
    except FileRejected:
        raise
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
        raise FileRejected("unreadable", str(exc), file=str(path), sheet=name) from exc
    return unread_cells(xml, path, name)


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
    data: bytes,
    name: str,
    path: Path,
    limits: Limits,
    cancelled: Callable[[], bool] | None,
) -> Table:
    collector = _RowCollector(path, name, limits, cancelled)
    unread = _read_unread(data, name, path)
    unread_rows = {row for row, _ in unread}
    with _calamine_errors(path):
        sheet = workbook.get_sheet_by_name(name)
        merged = _merged(sheet)
        if sheet.start is not None:  # else no cell at all
            # iter_rows yields the empty rows above the data too, so enumerating gives Excel's
            # row numbers; the columns left of the data are not yielded.
            pad = [None] * sheet.start[1]
            for number, row in enumerate(sheet.iter_rows(), start=1):
                cells = pad + [None if value == "" else value for value in row]
                collector.add(number, cells, keep=number in unread_rows)
    rows = collector.rows
    seen = {raw.number for raw in rows}
    missing = sorted(unread_rows - seen)  # outside the area calamine reports
    if missing:
        rows = sorted([*rows, *(RawRow(n, ()) for n in missing)], key=lambda raw: raw.number)
    return Table(str(path), name, rows, merged, unread)


def _read_xlsx(
    path: Path, sheet: str | None, limits: Limits, cancelled: Callable[[], bool] | None
) -> Table:
    workbook, sheets, data = _open_workbook(path, limits)
    with workbook:
        if sheet is not None:
            if sheet not in {meta.name for meta in sheets}:
                raise FileRejected(
                    "no_such_sheet",
                    file=str(path),
                    sheet=sheet,
                    sheets=[meta.name for meta in sheets],
                )
            return _read_sheet(workbook, data, sheet, path, limits, cancelled)
        # The first sheet with data, visible sheets before hidden ones.
        ordered = sorted(sheets, key=lambda meta: meta.visible != SheetVisibleEnum.Visible)
        for meta in ordered:
            table = _read_sheet(workbook, data, meta.name, path, limits, cancelled)
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
    return Table(str(path), "", collector.rows, is_csv=True)


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
        workbook, sheets, _ = _open_workbook(path, DEFAULT_LIMITS)
        workbook.close()
        return [meta.name for meta in sheets]
    except FileRejected:
        raise
    except Exception as exc:
        raise as_file_rejected(exc, path) from exc
