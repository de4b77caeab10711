"""Reading a workbook's rows: cell values come from calamine (Rust; its quick-xml parser never
expands entities), fed only the bytes ``safety.read_workbook_bytes`` has checked (no DTD, sane
sizes, bounded sheet areas); the cells it cannot read are found by ``unread``."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
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
from fieldbook.core.xlsx.safety import Limits, read_workbook_bytes
from fieldbook.core.xlsx.table import Merged, RawRow, RowCollector, Table
from fieldbook.core.xlsx.unread import read_unread


def _calamine_rejected(exc: BaseException, path: Path) -> FileRejected:
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, PasswordError):
        return FileRejected("encrypted", detail, file=str(path))
    if isinstance(exc, ZipError) or "I/O error" in str(exc):
        return FileRejected("truncated", detail, file=str(path))
    return FileRejected("unreadable", detail, file=str(path))


@contextlib.contextmanager
def calamine_errors(path: Path) -> Iterator[None]:
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


def open_workbook(
    path: Path, limits: Limits
) -> tuple[CalamineWorkbook, list[SheetMetadata], bytes]:
    """The checked workbook, its worksheets (not chart or dialog sheets) in tab order and the
    checked bytes."""
    data = read_workbook_bytes(path, limits)
    with calamine_errors(path):
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [meta for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
    return workbook, sheets, data


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
    collector = RowCollector(path, name, limits, cancelled)
    unread = read_unread(data, name, path)
    unread_rows = {row for row, _ in unread}
    with calamine_errors(path):
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


def read_xlsx(
    path: Path, sheet: str | None, limits: Limits, cancelled: Callable[[], bool] | None
) -> Table:
    workbook, sheets, data = open_workbook(path, limits)
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
