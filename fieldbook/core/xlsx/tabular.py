"""Read the rows of a spreadsheet or CSV file into a plain :class:`Table`.

This is the only place that parses user-supplied tabular files. It keeps raw cell values (the
importers normalise them), numbers rows as Excel shows them, skips blank rows, enforces the
:class:`Limits` and turns every failure into :class:`FileRejected` with a stable ``reason``:

``unsupported_type``, ``no_such_sheet``, ``too_many_rows``, ``too_many_columns``,
``cancelled``, ``not_text``, ``unreadable``, ``truncated`` plus those of
:func:`~fieldbook.core.xlsx.safety.check_workbook_file`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.safety import (
    DEFAULT_LIMITS,
    Limits,
    as_file_rejected,
    check_file_size,
    iter_xml_chunks,
    open_workbook_zip,
    parse_xml_member,
)

__all__ = ["RawRow", "Table", "list_sheets", "read_table"]

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt"})
EXCEL_MAX_ROW = 1_048_576
EXCEL_MAX_COLUMN = 16_384  # XFD
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
# The package is parsed here rather than with openpyxl.load_workbook: openpyxl sends all XML
# through defusedxml's pure-Python expat wrapper and takes ~1.5 s for a 10,000 x 20 sheet on
# the target machine. We use the C parser (3x faster) fed only by safety.iter_xml_chunks,
# which refuses any DOCTYPE, so no entity can be declared: the protection defusedxml gives.
# openpyxl still supplies the subtle parts: number-format date detection and serial dates.

_WORKSHEET_REL = "/worksheet"
_SHARED_STRINGS_REL = "/sharedStrings"
_STYLES_REL = "/styles"
_OFFICE_DOCUMENT_REL = "/officeDocument"
# Built-in number formats that are dates/times only in East-Asian locales (ECMA-376 18.8.30).
# Chinese Excel and WPS use them (31 = yyyy"年"m"月"d"日") without defining them; openpyxl
# does not know them and would return the serial number.
_CJK_DATE_FORMAT_IDS = frozenset({*range(27, 37), *range(50, 59)})
_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_DIGITS = "0123456789"
# Bounds for one streamed item (a row, a shared string) and for nesting elsewhere: far above
# anything Excel writes (16,384 cells x ~60 bytes is ~1 MiB), they cap memory on hostile XML.
_MAX_ITEM_BYTES = 8 * 1024 * 1024
_MAX_DEPTH = 256


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _unescape(text: str) -> str:
    """Undo OOXML's _xHHHH_ escaping of characters XML cannot hold."""
    if "_x" not in text:
        return text
    return _ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)


_column_cache: dict[str, int] = {}


def _column_index(ref: str) -> int:
    """1-based column of a cell reference ("C7" → 3); 0 without letters; EXCEL_MAX_COLUMN + 1
    for nonsense."""
    letters = ref.rstrip(_DIGITS)
    index = _column_cache.get(letters)
    if index is None:
        index = 0
        for char in letters.upper():
            if not "A" <= char <= "Z" or index > EXCEL_MAX_COLUMN:
                index = EXCEL_MAX_COLUMN + 1
                break
            index = index * 26 + ord(char) - 64
        index = min(index, EXCEL_MAX_COLUMN + 1)
        if len(_column_cache) < 4 * EXCEL_MAX_COLUMN:
            _column_cache[letters] = index
    return index


def _part_name(base: str, target: str) -> str:
    """Resolve a relationship target against the part that owns the relationship."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _string_item_text(item: ET.Element) -> str:
    """Plain text of a shared-string item or inline string: <t> and runs, no phonetics."""
    parts: list[str] = []
    for child in item:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return _unescape("".join(parts))


def _prune_spine(element: ET.Element, path: Path) -> None:
    """Drop all finished descendants of an unfinished element we do not need."""
    depth = 0
    while len(element):
        del element[:-1]
        element = element[-1]
        depth += 1
        if depth > _MAX_DEPTH:
            raise FileRejected("unreadable", "XML nested too deeply", file=str(path))


class _ItemStream:
    """Streams the finished ``item`` elements of a large XML part with bounded memory.

    Items are children of the root (``container`` None) or of the root's ``container`` child.
    The C parser builds the tree; after every chunk the finished items are handed out and
    removed, and finished parts we do not need are pruned. No per-element Python callback
    runs except the element factory, which only remembers the root.
    """

    def __init__(self, path: Path, container: str | None, item: str) -> None:
        self.path = path
        self.container = container
        self.item = item
        self._open_item: ET.Element | None = None  # the unfinished item after the last chunk
        self._tracked_item: ET.Element | None = None
        self._open_bytes = 0

    def iter(self, chunks: Iterable[bytes]) -> Iterator[ET.Element]:
        roots: list[ET.Element] = []

        def factory(tag: str, attrib: dict[str, str]) -> ET.Element:
            element = ET.Element(tag, attrib)
            if not roots:
                roots.append(element)
            return element

        parser = ET.XMLParser(target=ET.TreeBuilder(element_factory=factory))
        for chunk in chunks:
            parser.feed(chunk)
            if roots:
                yield from self._drain(roots[0], final=False)
                self._check_open_item(len(chunk))
        parser.close()
        if roots:
            yield from self._drain(roots[0], final=True)

    def _check_open_item(self, fed: int) -> None:
        """Count the bytes fed while the same item stays unfinished; reject absurd items."""
        if self._open_item is None or self._open_item is not self._tracked_item:
            self._tracked_item = self._open_item
            self._open_bytes = 0
            return
        self._open_bytes += fed
        if self._open_bytes > _MAX_ITEM_BYTES:
            raise FileRejected(
                "unreadable",
                f"<{self.item}> too large",
                file=str(self.path),
                limit=_MAX_ITEM_BYTES,
            )

    def _drain(self, root: ET.Element, final: bool) -> list[ET.Element]:
        if self.container is None:
            return self._take(root, final)
        items: list[ET.Element] = []
        finished = len(root) if final else max(len(root) - 1, 0)
        for child in root[:finished]:
            if _local(child.tag) == self.container:
                items.extend(self._take(child, final=True))
        del root[:finished]
        if len(root):
            last = root[-1]
            if _local(last.tag) == self.container:
                items.extend(self._take(last, final=False))
            else:
                self._open_item = None
                _prune_spine(last, self.path)
        return items

    def _take(self, parent: ET.Element, final: bool) -> list[ET.Element]:
        finished = len(parent) if final else max(len(parent) - 1, 0)
        items = [child for child in parent[:finished] if _local(child.tag) == self.item]
        del parent[:finished]
        self._open_item = None
        if len(parent):
            last = parent[-1]
            if _local(last.tag) == self.item:
                self._open_item = last
            else:
                _prune_spine(last, self.path)
        return items


@dataclass(frozen=True)
class _SheetRef:
    name: str
    part: str
    visible: bool


class _Package:
    """An open .xlsx/.xlsm package: its worksheets, shared strings and date styles."""

    def __init__(self, zf: zipfile.ZipFile, path: Path) -> None:
        self.zf = zf
        self.path = path
        self._names = {name.lower(): name for name in zf.namelist()}
        self.workbook_part = self._office_document()
        rels = self._relationships(self.workbook_part)
        self.sheets, self.epoch = self._read_workbook(rels)
        self._shared_strings_part = self._related(rels, _SHARED_STRINGS_REL)
        self._styles_part = self._related(rels, _STYLES_REL)
        self._shared_strings: list[str] | None = None
        self._date_styles: dict[int, bool] | None = None

    # -- package structure

    def _member(self, part: str | None) -> str | None:
        return None if part is None else self._names.get(part.lower())

    def _root(self, part: str | None) -> ET.Element | None:
        member = self._member(part)
        return None if member is None else parse_xml_member(self.zf, member, self.path)

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, resolved target part) for ``part``."""
        rels_part = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part))
        root = self._root(rels_part + ".rels")
        result: dict[str, tuple[str, str]] = {}
        for rel in root if root is not None else ():
            if _local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            if target:
                result[rel.get("Id", "")] = (rel.get("Type", ""), _part_name(part, target))
        return result

    @staticmethod
    def _related(rels: dict[str, tuple[str, str]], suffix: str) -> str | None:
        return next((target for kind, target in rels.values() if kind.endswith(suffix)), None)

    def _office_document(self) -> str:
        target = self._related(self._relationships(""), _OFFICE_DOCUMENT_REL)
        return target if self._member(target) else "xl/workbook.xml"

    def _read_workbook(self, rels: dict[str, tuple[str, str]]) -> tuple[list[_SheetRef], datetime]:
        root = self._root(self.workbook_part)
        if root is None:
            raise FileRejected("not_a_workbook", "no workbook part", file=str(self.path))
        epoch = WINDOWS_EPOCH
        sheets: list[_SheetRef] = []
        for child in root:
            tag = _local(child.tag)
            if tag == "workbookPr" and child.get("date1904", "").lower() in ("1", "true"):
                epoch = MAC_EPOCH
            elif tag == "sheets":
                for sheet in child:
                    rel_id = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), "")
                    kind, part = rels.get(rel_id, ("", ""))
                    if kind.endswith(_WORKSHEET_REL) and self._member(part):
                        visible = sheet.get("state", "visible") == "visible"
                        sheets.append(_SheetRef(sheet.get("name", ""), part, visible))
        return sheets, epoch

    # -- tables loaded on first use

    @property
    def shared_strings(self) -> list[str]:
        if self._shared_strings is None:
            member = self._member(self._shared_strings_part)
            strings: list[str] = []
            if member is not None:
                stream = _ItemStream(self.path, None, "si")
                chunks = iter_xml_chunks(self.zf, member, self.path)
                strings = [_string_item_text(item) for item in stream.iter(chunks)]
            self._shared_strings = strings
        return self._shared_strings

    @property
    def date_styles(self) -> dict[int, bool]:
        """Cell style index → True for a duration format, False for a date/time format."""
        if self._date_styles is None:
            self._date_styles = self._read_date_styles()
        return self._date_styles

    def _read_date_styles(self) -> dict[int, bool]:
        root = self._root(self._styles_part)
        if root is None:
            return {}
        custom: dict[int, str] = {}
        cell_xfs: list[ET.Element] = []
        for child in root:
            tag = _local(child.tag)
            if tag == "numFmts":
                for fmt in child:
                    with contextlib.suppress(ValueError):
                        custom[int(fmt.get("numFmtId", ""))] = fmt.get("formatCode", "")
            elif tag == "cellXfs":
                cell_xfs = list(child)
        styles: dict[int, bool] = {}
        for index, xf in enumerate(cell_xfs):
            try:
                fmt_id = int(xf.get("numFmtId", "0"))
            except ValueError:
                continue
            code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id))
            if is_timedelta_format(code):
                styles[index] = True
            elif is_date_format(code) or (fmt_id in _CJK_DATE_FORMAT_IDS and fmt_id not in custom):
                styles[index] = False
        return styles

    # -- rows

    def iter_rows(self, sheet: _SheetRef) -> Iterator[tuple[int, list[object]]]:
        """(row number, cell values) for every <row> of the sheet, in file order."""
        member = self._member(sheet.part)
        if member is None:  # pragma: no cover - filtered out in _read_workbook
            return
        stream = _ItemStream(self.path, "sheetData", "row")
        number = 0
        for row in stream.iter(iter_xml_chunks(self.zf, member, self.path)):
            ref = row.get("r")
            number = int(ref) if ref and ref.isdigit() else number + 1
            try:
                values = self._row_values(row, row.tag[:-3])
            except (ValueError, IndexError, OverflowError) as exc:
                raise FileRejected(
                    "unreadable", f"bad cell value: {exc}", file=str(self.path), row=number
                ) from exc
            yield number, values

    def _row_values(self, row: ET.Element, namespace: str) -> list[object]:
        """The values of one <row>; the hot loop of the reader, hence the inlining."""
        cell_tag, value_tag = namespace + "c", namespace + "v"
        date_styles = self.date_styles
        values: list[object] = []
        column = 0
        for cell in row:
            if cell.tag != cell_tag:
                continue
            ref = cell.get("r")
            column = (_column_index(ref) if ref else 0) or column + 1  # no r: the next one
            kind = cell.get("t")
            value: object
            if kind == "inlineStr":
                inline = cell.find(namespace + "is")
                if inline is None:
                    continue
                value = _string_item_text(inline)
            else:
                text = cell.findtext(value_tag)
                if not text:
                    continue
                if kind is None or kind == "n":
                    value = float(text) if "." in text or "E" in text or "e" in text else int(text)
                    style = cell.get("s")
                    if (
                        style
                        and date_styles
                        and (duration := date_styles.get(int(style))) is not None
                    ):
                        value = self._date(value, duration)
                elif kind == "s":
                    value = self.shared_strings[int(text)]
                elif kind == "b":
                    value = text.strip() in ("1", "true")
                elif kind == "d":
                    value = from_ISO8601(text)
                else:  # "str" (a formula's text result), "e" (an error such as #N/A)
                    value = _unescape(text)
            if column == len(values) + 1:
                values.append(value)
            elif column > len(values):
                if column > EXCEL_MAX_COLUMN:
                    raise FileRejected("too_many_columns", file=str(self.path), columns=column)
                values.extend([None] * (column - 1 - len(values)))
                values.append(value)
            elif column >= 1:
                values[column - 1] = value
        return values

    def _date(self, serial: float, duration: bool) -> object:
        try:
            return from_excel(serial, self.epoch, timedelta=duration)
        except (OverflowError, ValueError):
            return serial  # a "date" out of range: let the importer complain


def _read_sheet(
    package: _Package,
    sheet: _SheetRef,
    limits: Limits,
    cancelled: Callable[[], bool] | None,
) -> list[RawRow]:
    collector = _RowCollector(package.path, sheet.name, limits, cancelled)
    for number, values in package.iter_rows(sheet):
        collector.add(number, values)
    return collector.rows


def _read_xlsx(
    path: Path, sheet: str | None, limits: Limits, cancelled: Callable[[], bool] | None
) -> Table:
    with open_workbook_zip(path, limits) as zf:
        package = _Package(zf, path)
        if sheet is not None:
            chosen = next((ref for ref in package.sheets if ref.name == sheet), None)
            if chosen is None:
                raise FileRejected(
                    "no_such_sheet",
                    file=str(path),
                    sheet=sheet,
                    sheets=[ref.name for ref in package.sheets],
                )
            return Table(str(path), sheet, _read_sheet(package, chosen, limits, cancelled))
        # The first sheet with data, visible sheets before hidden ones.
        ordered = sorted(package.sheets, key=lambda ref: not ref.visible)
        for ref in ordered:
            rows = _read_sheet(package, ref, limits, cancelled)
            if rows:
                return Table(str(path), ref.name, rows)
        return Table(str(path), ordered[0].name if ordered else "", [])


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
        with open_workbook_zip(path) as zf:
            return [ref.name for ref in _Package(zf, path).sheets]
    except FileRejected:
        raise
    except Exception as exc:
        raise as_file_rejected(exc, path) from exc
