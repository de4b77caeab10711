"""Big detail tables, written fast: openpyxl lays out the workbook and each table's header,
the rows are streamed into the saved package as sheet XML.

openpyxl builds a Python object per cell (about 6 µs a cell here, even in write-only mode);
a year of one manager's visits, SKU observations and order lines is two million cells, which
took 27 s and 880 MB. The body of a plain table is simple — values with a few number formats —
so :class:`TableBook` lets openpyxl write everything else (summary forms, charts, styles,
header rows, widths, frozen panes, filters, print setup) and then copies the package once,
putting each table's rows into its ``<sheetData>`` as it goes (decision 0008). Text is
always an inline string (never a formula, whatever it starts with); dates, times and the
column formats get the style ids openpyxl registered for them.
"""

from __future__ import annotations

import functools
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.text import clean_free_text
from fieldbook.core.xlsx.writer import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    TIME_FORMAT,
    finish_table,
    header_row,
    write_workbook,
)

_EPOCH = date(1899, 12, 30)  # Excel's 1900 date system, for every date after 1900-03-01
_CHUNK = 2000  # rows joined per write


@dataclass
class _Body:
    ws: Worksheet
    rows: Iterable[Sequence[Any]]
    columns: int
    styles: dict[str, int]  # "date" / "time" / "datetime" -> style id
    formats: dict[int, int]  # 1-based column -> style id for numbers


@functools.lru_cache(maxsize=65536)  # names, codes and answers repeat on every row
def _text(value: str) -> str:
    clean = clean_free_text(value)  # what XML cannot hold, for text stored before the door
    space = ' xml:space="preserve"' if clean[:1].isspace() or clean[-1:].isspace() else ""
    return f"<is><t{space}>{escape(clean)}</t></is>"


def _row_xml(number: int, values: Sequence[Any], letters: Sequence[str], body: _Body) -> str:
    out = [f'<row r="{number}">']
    append = out.append
    for index, value in enumerate(values):
        if value is None or value == "":
            continue
        ref = f"{letters[index]}{number}"
        if isinstance(value, str):
            append(f'<c r="{ref}" t="inlineStr">{_text(value)}</c>')
        elif isinstance(value, bool):
            append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, datetime):
            serial = (value.date() - _EPOCH).days + (
                value.hour * 3600 + value.minute * 60 + value.second
            ) / 86400
            append(f'<c r="{ref}" s="{body.styles["datetime"]}"><v>{serial!r}</v></c>')
        elif isinstance(value, date):
            append(f'<c r="{ref}" s="{body.styles["date"]}"><v>{(value - _EPOCH).days}</v></c>')
        elif isinstance(value, time):
            serial = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
            append(f'<c r="{ref}" s="{body.styles["time"]}"><v>{serial!r}</v></c>')
        elif isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                append(f'<c r="{ref}" t="inlineStr">{_text(str(value))}</c>')
                continue
            style = body.formats.get(index + 1)
            s = f' s="{style}"' if style is not None else ""
            append(f'<c r="{ref}"{s}><v>{value!r}</v></c>')
        else:
            append(f'<c r="{ref}" t="inlineStr">{_text(str(value))}</c>')
    append("</row>")
    return "".join(out)


class TableBook:
    """An openpyxl workbook plus tables whose rows are streamed at :meth:`save`."""

    def __init__(self) -> None:
        self.wb = Workbook()
        self._bodies: list[_Body] = []
        self._style_cache: dict[str, int] = {}

    def _style(self, ws: Worksheet, number_format: str) -> int:
        """The cellXfs index of a plain cell with ``number_format`` (registered with openpyxl,
        so its stylesheet carries it)."""
        if number_format not in self._style_cache:
            probe = Cell(ws, row=1, column=1)  # never added to the sheet
            probe.number_format = number_format
            self._style_cache[number_format] = probe.style_id
        return self._style_cache[number_format]

    def table(
        self,
        ws: Worksheet,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[Any]],
        title: str,
        formats: dict[int, str],
        *,
        landscape: bool = True,
        freeze: str = "B2",
    ) -> None:
        """A table on ``ws``: header in row 1 (openpyxl), ``rows`` from row 2 (streamed).
        ``formats`` maps 1-based columns to number formats for their numeric cells."""
        header_row(ws, 1, [c[0] for c in columns], [c[1] for c in columns], height=30)
        finish_table(
            ws, len(columns), title, freeze=freeze, landscape=landscape, last_row=len(rows) + 1
        )
        styles = {
            "date": self._style(ws, DATE_FORMAT),
            "time": self._style(ws, TIME_FORMAT),
            "datetime": self._style(ws, DATETIME_FORMAT),
        }
        numbers = {column: self._style(ws, fmt) for column, fmt in formats.items()}
        self._bodies.append(_Body(ws, rows, len(columns), styles, numbers))

    def write(self, target: Path) -> None:
        """Write the workbook to ``target``: openpyxl's package, copied with the rows put in.
        (``reports.saving.save_book`` makes that atomic and private.)"""
        if not self._bodies:
            write_workbook(self.wb, target)
            return
        staged = io.BytesIO()
        self.wb.save(staged)  # headers and layout only: small
        parts = {body.ws.path.lstrip("/"): body for body in self._bodies}
        with (
            zipfile.ZipFile(staged) as source,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out_zip,
        ):
            for info in source.infolist():
                data = source.read(info.filename)
                body = parts.get(info.filename)
                if body is None:
                    out_zip.writestr(info, data)
                    continue
                with out_zip.open(info.filename, "w", force_zip64=True) as out:
                    for chunk in _spliced(data, body):
                        out.write(chunk)


def _spliced(sheet_xml: bytes, body: _Body) -> Iterator[bytes]:
    """openpyxl's sheet XML with ``body``'s rows after its header row."""
    end = sheet_xml.find(b"</sheetData>")
    if end < 0:
        raise ValueError(f"no sheetData in {body.ws.title!r}")  # openpyxl wrote a header row
    last = max(len(body.rows) + 1, 1) if isinstance(body.rows, Sequence) else None
    head = sheet_xml[:end]
    if last is not None:
        full = f"A1:{get_column_letter(body.columns)}{last}".encode()
        head = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + full + b'"', head, count=1)
    yield head
    letters = [get_column_letter(i) for i in range(1, body.columns + 1)]
    buffer: list[str] = []
    for number, values in enumerate(body.rows, start=2):
        buffer.append(_row_xml(number, values, letters, body))
        if len(buffer) >= _CHUNK:
            yield "".join(buffer).encode("utf-8")
            buffer.clear()
    if buffer:
        yield "".join(buffer).encode("utf-8")
    yield sheet_xml[end:]


def scaled_table(
    book: TableBook,
    ws: Worksheet,
    columns: Sequence[tuple[str, float]],
    rows: Sequence[Sequence[Any]],
    title: str,
    formats: dict[int, str],
    *,
    landscape: bool = True,
    freeze: str = "B2",
) -> None:
    """``book.table`` (printed at its fitting scale by ``writer.finish_table``) with its print
    area the table, so a long text does not spill onto a page of its own."""
    book.table(ws, columns, rows, title, formats, landscape=landscape, freeze=freeze)
    ws.print_area = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
