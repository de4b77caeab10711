"""The workbook cells that hold no value calamine can give us: a formula without a cached
result (files written by scripts and ERP exports: openpyxl writes ``<f>550</f><v></v>``) and an
error value (``#N/A``). calamine reads both as "", so the worksheet's XML is read for them by a
streaming XML parser (linear time; a value is judged by its parsed text, so CDATA, comments and
processing instructions cannot make an empty value look full); the read is skipped by plain
byte searches when the sheet has no formula and no error cell."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.safety import column_number
from fieldbook.core.xlsx.table import UnreadCell

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
                self._row, self._column = int(ref.group(2)), column_number(ref.group(1)) - 1
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


def read_unread(data: bytes, name: str, path: Path) -> dict[tuple[int, int], UnreadCell]:
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
