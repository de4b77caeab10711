"""The shared import engine: read a table, find its header, parse every row into typed values
and report every problem by sheet row and column. Kind-specific modules
(customer_import, sku_import) compare with the database and apply in one transaction."""

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


@dataclass(frozen=True)
class FieldSpec:
    name: str
    parse: Callable[[object], Any]
    required: bool = False
    max_length: int | None = None


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
        """Problems that no row-skipping can cure (a required column is missing)."""
        return any(p.code == "missing_column" for p in self.problems)


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
    for name in match.missing_required:
        aliases = header_aliases(report.kind).get(name, [name])
        report.problems.append(Problem(match.row_number, aliases[0], "missing_column"))
    if report.fatal:
        return []
    columns = {f: i for f, i in match.columns.items() if f in specs}
    body = table.rows[match.row_index + 1 :]
    parsed: list[ParsedRow] = []
    seen: dict[str, int] = {}
    total = len(body)
    for n, raw in enumerate(body):
        if cancelled is not None and n % 500 == 0 and cancelled():
            raise FileRejected("cancelled")
        if progress is not None and n % 500 == 0:
            progress(n, total)
        cells = raw.cells
        mapped = [cells[i] if i < len(cells) else None for i in columns.values()]
        if all(clean_text(c) == "" for c in mapped) or is_totals_row(cells):
            report.skipped_rows.append(raw.number)
            continue
        values: dict[str, Any] = {}
        row_problems: list[Problem] = []
        for name, index in columns.items():
            spec = specs[name]
            cell = cells[index] if index < len(cells) else None
            label = report.columns[name]
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
