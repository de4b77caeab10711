"""The shared import engine: read a table, find its header, parse every row into typed values
and report every problem by sheet row and column. Kind-specific modules
(customer_import, sku_import, orders, slip_answers) compare with the database and apply in one
transaction.

Nothing is dropped silently: a cell merged down several rows (a 线路 over five shops) gives
its value to every row of the range; a merged cell that cannot be read that way (across a
mapped column, or joined to the header) is a problem of its rows, never an empty field; a
TRUE/FALSE cell is not a code or a name; a header written twice is a problem of the file.

Nor is a cell read as empty when it is not: a formula without a computed value and an error
value (``#N/A``) are problems of their row and column; a CSV row with more cells than the
header (an unquoted comma in 备注) is a problem of its row; a code stored as a number of more
than 15 digits (Excel kept only 15) is a problem of its cell; a column that holds data but has
no header is named in a warning."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypedDict

from fieldbook.core.errors import FileRejected, InvalidValue, Problem
from fieldbook.core.resources import load_reference
from fieldbook.core.text import clean_code, clean_text
from fieldbook.core.xlsx.headers import HeaderMatch, apply_mapping, find_header
from fieldbook.core.xlsx.safety import column_letters
from fieldbook.core.xlsx.table import Table, UnreadCell
from fieldbook.core.xlsx.tabular import read_table

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportOptions(TypedDict, total=False):
    """The keywords every list import takes (customers, SKUs, orders): the sheet (default the
    first), a column mapping (field -> column index, None to leave a field out), ``dry_run``
    (check only), ``skip_invalid`` (apply the valid rows), and the progress and cancel
    callbacks of a long read."""

    sheet: str | None
    mapping: Mapping[str, int | None] | None
    dry_run: bool
    skip_invalid: bool
    progress: Progress | None
    cancelled: Cancelled | None


TOTALS_MARKERS = ("合计", "总计", "小计", "共计", "总数", "total")
FATAL_PROBLEMS = frozenset({"missing_column", "duplicate_column", "unit_column"})


@dataclass(frozen=True)
class FieldSpec:
    name: str
    parse: Callable[[object], Any]
    required: bool = False
    max_length: int | None = None
    accepts_bool: bool = False  # a TRUE/FALSE cell is a value here (yes/no fields only)


@dataclass(frozen=True)
class ParsedRow:
    number: int
    values: dict[str, Any]


@dataclass
class ImportReport:
    """What an import found and did. ``applied`` is True only when the database changed."""

    kind: str
    source: str
    sheet: str = ""
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    unknown_columns: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    #: Rows left out as another manager's (customer lists filtered to a territory): their codes.
    outside: list[str] = field(default_factory=list)
    dry_run: bool = False
    applied: bool = False

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def fatal(self) -> bool:
        """Problems that no row-skipping can cure (a required column is missing, a column's
        header is written twice)."""
        return any(p.code in FATAL_PROBLEMS for p in self.problems)


def header_aliases(kind: str) -> dict[str, list[str]]:
    return {k: list(v) for k, v in load_reference("import_headers")[kind].items()}


def parse_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value).replace("/", "-").replace(".", "-")
    text = text.replace("年", "-").replace("月", "-").replace("日", "")
    if not text:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        raise InvalidValue("date_format", value=clean_text(value)) from None


# Excel keeps 15 significant digits of a number: a longer code typed into a number cell has
# lost its last digits before we see it (123456789012345678901 -> 123456789012346000000).
_EXCEL_DIGITS = 15
_SCIENTIFIC_CODE_RE = re.compile(r"\d(?:\.\d+)?[eE]\+?\d{1,3}")


def parse_code(value: object) -> str:
    """A code from a cell (:func:`clean_code`), refused when Excel stored it as a number of
    more than 15 digits: its last digits are already lost in the file."""
    lost = False
    if isinstance(value, float) and not isinstance(value, bool) and value == value:
        if abs(value) >= 10**_EXCEL_DIGITS and value not in (float("inf"), float("-inf")):
            lost = True
        elif float(f"{value:.{_EXCEL_DIGITS}g}") != value:
            lost = value.is_integer()  # a whole number with more digits than Excel keeps
    elif isinstance(value, int) and not isinstance(value, bool):
        lost = abs(value) >= 10**_EXCEL_DIGITS
    elif isinstance(value, str):
        text = clean_text(value).replace(" ", "")
        lost = bool(_SCIENTIFIC_CODE_RE.fullmatch(text)) and len(clean_code(text)) > _EXCEL_DIGITS
    if lost:
        raise InvalidValue("code_precision_lost", value=clean_code(value))
    return clean_code(value)


def is_totals_row(cells: tuple[object, ...]) -> bool:
    for cell in cells[:4]:
        if isinstance(cell, str):
            text = clean_text(cell).replace(" ", "").lower()
            if text.startswith(TOTALS_MARKERS):
                return True
    return False


def read_and_match(
    path: Path,
    kind: str,
    required: tuple[str, ...],
    *,
    sheet: str | None = None,
    mapping: Mapping[str, int | None] | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[Table, HeaderMatch]:
    table = read_table(path, sheet=sheet, cancelled=cancelled)
    if not table.rows:
        raise FileRejected("no_rows", file=str(path))
    match = find_header(table, header_aliases(kind), required=required)
    if mapping:
        match = apply_mapping(match, mapping)
    return table, match


def match_with(
    path: Path, kind: str, required: tuple[str, ...], options: ImportOptions
) -> tuple[Table, HeaderMatch]:
    """``read_and_match`` with the sheet, mapping and cancel callback of ``options``."""
    return read_and_match(
        path,
        kind,
        required,
        sheet=options.get("sheet"),
        mapping=options.get("mapping"),
        cancelled=options.get("cancelled"),
    )


def _column_letters(columns: tuple[int, ...]) -> str:
    return "、".join(column_letters(c + 1) for c in columns)


def _header_problems(
    match: HeaderMatch, specs: Mapping[str, FieldSpec], report: ImportReport
) -> None:
    """A missing required column, a header written twice (fatal, unless the user chose the
    column); another column that is also one of a field's names (a warning naming the column
    used)."""
    for name in match.missing_required:
        aliases = header_aliases(report.kind).get(name, [name])
        report.problems.append(Problem(match.row_number, aliases[0], "missing_column"))
    for name, columns in match.duplicates.items():
        if name in specs:
            label = match.labels[name]
            params: dict[str, object] = {"columns": _column_letters(columns)}
            if name in match.chosen:  # the user picked the column in the import dialog
                params["used"] = _column_letters((match.columns[name],))
                report.warnings.append(
                    Problem(match.row_number, label, "duplicate_column_chosen", label, params)
                )
            else:
                report.problems.append(
                    Problem(match.row_number, label, "duplicate_column", label, params)
                )
    for name, columns in match.alternatives.items():
        if name in specs:
            others = "、".join(match.headers[c] for c in columns if c < len(match.headers))
            report.warnings.append(
                Problem(
                    match.row_number,
                    match.labels[name],
                    "alternative_column",
                    others,
                    {"used": _column_letters((match.columns[name],))},
                )
            )


@dataclass
class _Merges:
    """What the merged ranges below the header mean for the body: values to fill in (sheet row
    → column → value) and problems per row."""

    fill: dict[int, dict[int, object]] = field(default_factory=dict)
    problems: dict[int, list[Problem]] = field(default_factory=dict)


def _merges(
    table: Table, match: HeaderMatch, columns: Mapping[str, int], labels: Mapping[str, str]
) -> _Merges:
    """A range merged down gives the value of its first cell to every row it spans (Excel
    shows the value beside each of them: 线路 over five shops). A mapped column covered by a
    range that starts in another column, or a range joined to the header row, has no value of
    its own there: a problem of that row and column, never an empty field (an update would
    blank it)."""
    out = _Merges()
    if not table.merged:
        return out
    header = match.row_number
    by_number = {raw.number: raw for raw in table.rows[match.row_index + 1 :]}
    label_of = {index: labels[name] for name, index in columns.items()}
    for m in table.merged:
        if m.last_row <= header:
            continue  # a title above the header
        rows = [n for n in range(max(m.first_row, header + 1), m.last_row + 1) if n in by_number]
        if m.first_row <= header:
            bad = [c for c in range(m.first_column, m.last_column + 1) if c in label_of]
            for n in rows:
                for c in bad:
                    out.problems.setdefault(n, []).append(
                        Problem(n, label_of[c], "merged_with_header", m.ref)
                    )
            continue
        anchor = by_number.get(m.first_row)
        cells = anchor.cells if anchor is not None else ()
        value = cells[m.first_column] if m.first_column < len(cells) else None
        unread = table.unread.get((m.first_row, m.first_column))
        for n in rows:
            if n != m.first_row:
                if unread is None:
                    out.fill.setdefault(n, {})[m.first_column] = value
                elif m.first_column in label_of:  # the merged value cannot be read
                    label = label_of[m.first_column]
                    out.problems.setdefault(n, []).append(
                        Problem(n, label, unread.reason, unread.text[:40])
                    )
            for c in range(m.first_column + 1, m.last_column + 1):
                if c in label_of:
                    out.problems.setdefault(n, []).append(
                        Problem(n, label_of[c], "merged_across_columns", m.ref)
                    )
    return out


def _filled(cells: tuple[object, ...], fill: Mapping[int, object] | None) -> tuple[object, ...]:
    if not fill:
        return cells
    values = list(cells) + [None] * (max(fill) + 1 - len(cells))
    for column, value in fill.items():
        values[column] = value
    return tuple(values)


def _unlabelled_columns(table: Table, match: HeaderMatch, report: ImportReport) -> set[int]:
    """A column with data below the header but no header text: a warning naming it (its data
    is not imported); in a CSV file, a row with more cells than the header: a problem of the
    row (an unquoted comma split a cell, and the rest would be lost). Returns those rows."""
    width = len(match.headers)
    named = {i for i, text in enumerate(match.headers) if clean_text(text)}
    first_row: dict[int, int] = {}
    long_rows: set[int] = set()
    for raw in table.rows[match.row_index + 1 :]:
        for index, cell in enumerate(raw.cells):
            if index in named or index in first_row or clean_text(cell) == "":
                continue
            if table.is_csv and index >= width:
                continue
            first_row[index] = raw.number
        if table.is_csv and len(raw.cells) > width:
            extra = [clean_text(c) for c in raw.cells[width:]]
            if any(extra):
                long_rows.add(raw.number)
                report.problems.append(
                    Problem(
                        raw.number,
                        column_letters(width + 1),
                        "extra_cells",
                        "，".join(e for e in extra if e)[:40],
                    )
                )
    for index, number in sorted(first_row.items()):
        letter = column_letters(index + 1)
        report.warnings.append(Problem(number, letter, "unlabelled_column", "", {"letter": letter}))
    return long_rows


def _unread_problem(number: int, label: str, unread: UnreadCell) -> Problem:
    return Problem(number, label, unread.reason, unread.text[:40])


def parse_rows(
    table: Table,
    match: HeaderMatch,
    specs: Mapping[str, FieldSpec],
    key: str,
    report: ImportReport,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[ParsedRow]:
    """Parse the rows below the header; problems and skipped rows go into ``report``."""
    report.sheet = table.sheet
    report.header_row = match.row_number
    report.columns = {f: match.labels[f] for f in match.columns if f in specs}
    report.unknown_columns = list(match.unknown)
    _header_problems(match, specs, report)
    if report.fatal:
        return []
    columns = {f: i for f, i in match.columns.items() if f in specs}
    long_rows = _unlabelled_columns(table, match, report)
    merges = _merges(table, match, columns, report.columns)
    body = table.rows[match.row_index + 1 :]
    parsed: list[ParsedRow] = []
    seen: dict[str, int] = {}
    total = len(body)
    for n, raw in enumerate(body):
        if cancelled is not None and n % 500 == 0 and cancelled():
            raise FileRejected("cancelled")
        if progress is not None and n % 500 == 0:
            progress(n, total)
        cells = _filled(raw.cells, merges.fill.get(raw.number))
        mapped = [cells[i] if i < len(cells) else None for i in columns.values()]
        unread = {
            i: table.unread[(raw.number, i)]
            for i in columns.values()
            if (raw.number, i) in table.unread
        }
        extra = raw.number in long_rows
        blank = all(clean_text(c) == "" for c in mapped) and not unread and not extra
        if blank or is_totals_row(cells):
            report.skipped_rows.append(raw.number)
            continue
        row_problems: list[Problem] = list(merges.problems.get(raw.number, ()))
        values = _parse_cells(
            raw.number, cells, columns, specs, report.columns, unread, row_problems
        )
        _check_key(raw.number, values.get(key), report.columns.get(key, ""), seen, row_problems)
        if row_problems:
            report.problems.extend(row_problems)
        elif not extra:
            parsed.append(ParsedRow(raw.number, values))
    if progress is not None:
        progress(total, total)
    return parsed


def parse_with(
    table: Table,
    match: HeaderMatch,
    specs: Mapping[str, FieldSpec],
    key: str,
    report: ImportReport,
    options: ImportOptions,
) -> list[ParsedRow]:
    """``parse_rows`` with the progress and cancel callbacks of ``options``."""
    return parse_rows(
        table,
        match,
        specs,
        key,
        report,
        progress=options.get("progress"),
        cancelled=options.get("cancelled"),
    )


def _parse_cells(
    number: int,
    cells: tuple[object, ...],
    columns: Mapping[str, int],
    specs: Mapping[str, FieldSpec],
    labels: Mapping[str, str],
    unread: Mapping[int, UnreadCell],
    problems: list[Problem],
) -> dict[str, Any]:
    """The typed values of one row's mapped cells; each bad cell adds a problem (a column
    already flagged for the row, by a merged range, is left alone)."""
    values: dict[str, Any] = {}
    flagged = {p.column for p in problems}
    for name, index in columns.items():
        spec = specs[name]
        cell = cells[index] if index < len(cells) else None
        label = labels[name]
        if label in flagged:
            continue
        if index in unread:
            problems.append(_unread_problem(number, label, unread[index]))
            continue
        if isinstance(cell, bool) and not spec.accepts_bool:
            problems.append(Problem(number, label, "boolean_cell", clean_text(cell)))
            continue
        try:
            value = spec.parse(cell)
        except InvalidValue as exc:
            shown = str(exc.data.get("value", clean_text(cell)))
            params = {k: v for k, v in exc.data.items() if k != "value"}
            problems.append(Problem(number, label, exc.detail, shown, params))
            continue
        except ValueError:
            problems.append(Problem(number, label, "invalid", clean_text(cell)))
            continue
        if spec.required and value in ("", None):
            problems.append(Problem(number, label, "required"))
            continue
        if spec.max_length and isinstance(value, str) and len(value) > spec.max_length:
            problems.append(
                Problem(number, label, "too_long", value[:20], {"max": spec.max_length})
            )
            continue
        values[name] = value
    return values


def _check_key(
    number: int, key_value: Any, label: str, seen: dict[str, int], problems: list[Problem]
) -> None:
    """A key (a code) written on two rows: a problem of the later row."""
    if not key_value:
        return
    if key_value in seen:
        problems.append(
            Problem(
                number, label, "duplicate_in_file", str(key_value), {"first_row": seen[key_value]}
            )
        )
    else:
        seen[key_value] = number


def should_apply(report: ImportReport, *, dry_run: bool, skip_invalid: bool) -> bool:
    """All or nothing by default; ``skip_invalid`` applies the valid rows."""
    report.dry_run = dry_run
    if dry_run or report.fatal:
        return False
    return not report.problems or skip_invalid


def apply_wanted(report: ImportReport, options: ImportOptions) -> bool:
    """``should_apply`` with the ``dry_run`` and ``skip_invalid`` of ``options``."""
    return should_apply(
        report,
        dry_run=options.get("dry_run", False),
        skip_invalid=options.get("skip_invalid", False),
    )
