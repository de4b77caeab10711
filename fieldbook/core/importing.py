"""The shared import engine: read a table, find its header, parse every row into typed values
and report every problem by sheet row and column. Kind-specific modules
(customer_import, sku_import, orders, slip_answers) compare with the database and apply in one
transaction.

Nothing is dropped silently: a cell merged down several rows (a 线路 over five shops) gives
its value to every row of the range; a merged cell that cannot be read that way (across a
mapped column, or joined to the header) is a problem of its rows, never an empty field; a
TRUE/FALSE cell is not a code or a name; a header written twice is a problem of the file."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fieldbook.core.errors import FileRejected, InvalidValue, Problem
from fieldbook.core.normalize import clean_text
from fieldbook.core.resources import load_reference
from fieldbook.core.xlsx.headers import HeaderMatch, apply_mapping, find_header
from fieldbook.core.xlsx.tabular import Table, read_table

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
TOTALS_MARKERS = ("合计", "总计", "小计", "共计", "总数", "total")
FATAL_PROBLEMS = frozenset({"missing_column", "duplicate_column"})


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


def _column_letters(columns: tuple[int, ...]) -> str:
    from openpyxl.utils import get_column_letter

    return "、".join(get_column_letter(c + 1) for c in columns)


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
            params = {"columns": _column_letters(columns)}
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
        for n in rows:
            if n != m.first_row:
                out.fill.setdefault(n, {})[m.first_column] = value
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
        if all(clean_text(c) == "" for c in mapped) or is_totals_row(cells):
            report.skipped_rows.append(raw.number)
            continue
        values: dict[str, Any] = {}
        row_problems: list[Problem] = list(merges.problems.get(raw.number, ()))
        flagged = {p.column for p in row_problems}
        for name, index in columns.items():
            spec = specs[name]
            cell = cells[index] if index < len(cells) else None
            label = report.columns[name]
            if label in flagged:
                continue
            if isinstance(cell, bool) and not spec.accepts_bool:
                row_problems.append(Problem(raw.number, label, "boolean_cell", clean_text(cell)))
                continue
            try:
                value = spec.parse(cell)
            except InvalidValue as exc:
                shown = str(exc.data.get("value", clean_text(cell)))
                params = {k: v for k, v in exc.data.items() if k != "value"}
                row_problems.append(Problem(raw.number, label, exc.detail, shown, params))
                continue
            except ValueError:
                row_problems.append(Problem(raw.number, label, "invalid", clean_text(cell)))
                continue
            if spec.required and value in ("", None):
                row_problems.append(Problem(raw.number, label, "required"))
                continue
            if spec.max_length and isinstance(value, str) and len(value) > spec.max_length:
                row_problems.append(
                    Problem(raw.number, label, "too_long", value[:20], {"max": spec.max_length})
                )
                continue
            values[name] = value
        key_value = values.get(key)
        if key_value:
            if key_value in seen:
                row_problems.append(
                    Problem(
                        raw.number,
                        report.columns[key],
                        "duplicate_in_file",
                        str(key_value),
                        {"first_row": seen[key_value]},
                    )
                )
            else:
                seen[key_value] = raw.number
        if row_problems:
            report.problems.extend(row_problems)
        else:
            parsed.append(ParsedRow(raw.number, values))
    if progress is not None:
        progress(total, total)
    return parsed


def should_apply(report: ImportReport, *, dry_run: bool, skip_invalid: bool) -> bool:
    """All or nothing by default; ``skip_invalid`` applies the valid rows."""
    report.dry_run = dry_run
    if dry_run or report.fatal:
        return False
    return not report.problems or skip_invalid
