"""Import the company's weekly 货源投放 (supply) list: per SKU its 货源状态, and for 限量 one row
per 档位 band (``8-12`` or ``8–12档``) with its 限量(条). The file is the whole week's list: a
SKU it does not name that is not 正常 now goes back to 正常 — unless a row's SKU cannot be
told (it may be that one); a SKU named on a bad row keeps what it has even with
``skip_invalid`` (never half its bands). Every change holds from
``valid_from`` (default: the Monday of this week) and is audited; bad rows are reported by row
and column, and nothing is written unless every row is good (or ``skip_invalid``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Unpack

from sqlalchemy import select

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, Problem
from fieldbook.core.master.supply import (
    Band,
    bands_text,
    parse_bands,
    parse_state,
    state_name,
    supply_on,
    supply_rules,
    week_start,
    write_supply,
)
from fieldbook.core.store.models import Sku
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_text
from fieldbook.core.xlsx.importing import (
    FieldSpec,
    ImportOptions,
    ImportReport,
    ParsedRow,
    apply_wanted,
    match_with,
    parse_code,
    parse_with,
)

KIND = "supply"
REQUIRED = ("state",)


def _grades(value: object) -> str:
    return clean_text(value).replace(" ", "").removesuffix("档")


def _limit(value: object) -> str:
    return clean_text(value).replace(" ", "").removesuffix("条")


_SPECS = {
    s.name: s
    for s in (
        FieldSpec("sku_code", parse_code, False, 32),
        FieldSpec("sku_name", clean_text, False, 100),
        FieldSpec("state", parse_state, True),
        FieldSpec("grades", _grades, False, 20),
        FieldSpec("limit", _limit, False, 10),
    )
}


@dataclass
class _Planned:
    """One SKU of the file: its state, its bands, the row that named it first."""

    sku_id: str
    label: str
    state: str
    first_row: int
    bands: list[Band] = field(default_factory=list)


@dataclass(frozen=True)
class _Sku:
    id: str
    code: str
    name: str


@dataclass
class SupplyReport(ImportReport):
    valid_from: date | None = None


class _Reader:
    """Turns the parsed rows into one plan per SKU, with a problem per bad row."""

    def __init__(
        self, report: SupplyReport, by_code: dict[str, _Sku], by_name: dict[str, _Sku]
    ) -> None:
        self.report, self.by_code, self.by_name = report, by_code, by_name
        self.planned: dict[str, _Planned] = {}
        self.spoiled: set[str] = set()  # SKUs named on a bad row: left as they are
        self.unknown = False  # a row whose SKU cannot be told: no SKU counts as unnamed

    def good(self) -> dict[str, _Planned]:
        """The SKUs every row of which was good."""
        return {sid: p for sid, p in self.planned.items() if sid not in self.spoiled}

    def named(self, sku_id: str) -> bool:
        return sku_id in self.planned or sku_id in self.spoiled or self.unknown

    def _column(self, name: str) -> str:
        return self.report.columns.get(name, name)

    def _problem(self, row: int, column: str, code: str, value: str = "", **params: object) -> None:
        self.report.problems.append(Problem(row, self._column(column), code, value, dict(params)))

    def row(self, row: ParsedRow) -> None:
        v = row.values
        code, name = v.get("sku_code", ""), v.get("sku_name", "")
        sku = self.by_code.get(code) if code else None
        if sku is None and name:
            sku = self.by_name.get(_normal_name(name))
        if sku is None:
            column = "sku_code" if code or "sku_name" not in self.report.columns else "sku_name"
            self._problem(row.number, column, "unknown_sku" if code or name else "required")
            self.unknown = True
            return
        before = len(self.report.problems)
        self._sku_row(row, sku)
        if len(self.report.problems) > before:
            self.spoiled.add(sku.id)

    def _sku_row(self, row: ParsedRow, sku: _Sku) -> None:
        v = row.values
        state = supply_rules().state(v["state"])
        band = self._band(row, state.needs_limits)
        if band is False:
            return
        known = self.planned.get(sku.id)
        if known is None:
            known = _Planned(sku.id, f"{sku.code} {sku.name}", state.code, row.number)
            self.planned[sku.id] = known
        elif known.state != state.code:
            self._problem(row.number, "state", "supply_state_conflict", first_row=known.first_row)
            return
        elif band is None:
            self._problem(
                row.number, "sku_code", "duplicate_in_file", sku.code, first_row=known.first_row
            )
            return
        if isinstance(band, Band):
            try:
                parse_bands(bands_text((*known.bands, band)))
            except InvalidValue as exc:
                self._problem(row.number, "grades", exc.detail, str(exc.data.get("value", "")))
                return
            known.bands.append(band)

    def _band(self, row: ParsedRow, needs: bool) -> Band | bool | None:
        """The row's band (限量), None (no band, none wanted), False (a problem)."""
        grades, limit = row.values.get("grades", ""), row.values.get("limit", "")
        if not needs:
            if grades or limit:
                column = "grades" if grades else "limit"
                self._problem(row.number, column, "supply_limits_unwanted", grades or limit)
                return False
            return None
        if not grades or not limit:
            self._problem(row.number, "grades" if not grades else "limit", "required")
            return False
        try:
            (band,) = parse_bands(f"{grades}:{limit}")
        except InvalidValue as exc:
            column = "limit" if exc.detail == "supply_band_cartons" else "grades"
            params = {k: val for k, val in exc.data.items() if k not in ("value", "field")}
            self._problem(row.number, column, exc.detail, f"{grades} / {limit}", **params)
            return False
        except ValueError:  # more than one band in one cell
            self._problem(row.number, "grades", "supply_band_format", grades)
            return False
        return band


def _normal_name(name: str) -> str:
    return clean_text(name).replace("（", "(").replace("）", ")")


def import_supply(
    db: Sessions, path: Path, valid_from: date | None = None, **options: Unpack[ImportOptions]
) -> SupplyReport:
    """Check and (unless dry run or invalid) apply a 货源投放 file from ``valid_from``."""
    since = valid_from or week_start(clock.today())
    report = SupplyReport(kind=KIND, source=str(path), valid_from=since)
    table, match = match_with(Path(path), KIND, REQUIRED, options)
    if "sku_code" not in match.columns and "sku_name" not in match.columns:
        report.problems.append(Problem(match.row_number, "卷烟代码", "missing_column"))
        return report
    rows = parse_with(table, match, _SPECS, "", report, options)
    with db.reading() as s:
        skus = [_Sku(*r) for r in s.execute(select(Sku.id, Sku.code, Sku.name))]
        now = {r.sku_id: r for r in supply_on(s, since, shown_only=False)}
    reader = _Reader(report, {k.code: k for k in skus}, {_normal_name(k.name): k for k in skus})
    # a row dropped for a bad cell (a state misspelt): its SKU is not known to be unnamed
    reader.unknown = bool({p.row for p in report.problems} - {r.number for r in rows})
    for row in rows:
        reader.row(row)
    report.problems.sort(key=lambda p: (p.row, p.column))
    default = supply_rules().default
    wanted: dict[str, tuple[str, tuple[Band, ...]]] = {
        sid: (p.state, tuple(sorted(p.bands))) for sid, p in reader.good().items()
    }
    for sid, row_now in now.items():
        if not reader.named(sid) and row_now.state != default:
            wanted[sid] = (default, ())
            report.missing.append(f"{row_now.code} {row_now.name}")
    for sid, (state, bands) in wanted.items():
        held = now.get(sid)
        label = reader.planned[sid].label if sid in reader.planned else ""
        label = label or (f"{held.code} {held.name}" if held else sid)
        same = (held.state, held.bands) == (state, bands) if held else state == default
        if same:
            report.unchanged.append(label)
        else:
            (report.updated if held else report.new).append(f"{label}：{state_name(state)}")
    if apply_wanted(report, options) and wanted:
        source = f"导入 {Path(path).name}"[:200]
        with db.writing("skus") as s:
            for sid, (state, bands) in wanted.items():
                sku = s.get(Sku, sid)
                if sku is not None:
                    write_supply(db, s, sku, state, bands, since, source)
        report.applied = True
    return report
