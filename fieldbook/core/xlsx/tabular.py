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

from collections.abc import Callable
from pathlib import Path

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.csv_reading import read_csv
from fieldbook.core.xlsx.safety import DEFAULT_LIMITS, Limits, as_file_rejected, check_file_size
from fieldbook.core.xlsx.table import Table
from fieldbook.core.xlsx.workbook_reading import open_workbook, read_xlsx

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt"})


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
            return read_xlsx(path, sheet, limits, cancelled)
        return read_csv(path, limits, cancelled)
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
        workbook, sheets, _ = open_workbook(path, DEFAULT_LIMITS)
        workbook.close()
        return [meta.name for meta in sheets]
    except FileRejected:
        raise
    except Exception as exc:
        raise as_file_rejected(exc, path) from exc
