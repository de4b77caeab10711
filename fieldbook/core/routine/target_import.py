"""Import the company's monthly targets (销量任务) from Excel or CSV: ``fieldbook import targets``.

A row names the manager (员工编号 or 姓名), the month and, optionally, a price class (价类) or a
SKU (卷烟: code or name); its figures are either columns (销量任务(条) or (箱), 金额任务(元),
单条值) or an 指标 column (销量 / 金额 / 单条值) with the figure in a 任务 column — then
several rows make one target. Rows of another manager are left out and counted
(``report.outside``). All or nothing, as every import: a bad row is reported with its row and
column and nothing is written unless ``skip_invalid``; every change is audited."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Unpack

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue, Problem
from fieldbook.core.master.catalog import parse_price_class
from fieldbook.core.routine.target_entry import TargetInput, check_target, write_targets
from fieldbook.core.routine.targets import CLASS, SKU, TOTAL, month_targets, target_rules
from fieldbook.core.store.models import Manager, Sku
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_text, parse_decimal_fen, parse_int
from fieldbook.core.xlsx.importing import (
    FieldSpec,
    ImportOptions,
    ImportReport,
    ParsedRow,
    apply_wanted,
    match_with,
    parse_with,
)

KIND = "targets"
REQUIRED = ("manager", "month")
FIGURES = ("cartons", "cases", "amount", "per_carton")
#: 指标 as written → the figure it names.
METRICS = {
    "销量": "cartons",
    "销量任务": "cartons",
    "销量(条)": "cartons",
    "条": "cartons",
    "销量(箱)": "cases",
    "箱": "cases",
    "金额": "amount",
    "金额任务": "amount",
    "销售额": "amount",
    "单条值": "per_carton",
}
_COLUMNS = {"amount_fen": "amount", "per_carton_fen": "per_carton"}
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*月?$")


def parse_month(value: object) -> str:
    """``2026-12``, ``2026年12月``, ``202612``, ``2026/12`` or a date cell → ``2026-12``."""
    if isinstance(value, datetime | date):
        return f"{value:%Y-%m}"
    text = clean_text(value).replace(" ", "")
    if not text:
        return ""
    found = _MONTH.match(text)
    first, last = target_rules().years
    if (
        found is None
        or not 1 <= int(found.group(2)) <= 12
        or not first <= int(found.group(1)) <= last
    ):
        raise InvalidValue("month", value=text)
    return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"


def parse_metric(value: object) -> str:
    text = clean_text(value).replace(" ", "").replace("（", "(").replace("）", ")")
    if not text:
        return ""
    if text not in METRICS:
        raise InvalidValue("invalid", value=text)
    return METRICS[text]


_SPECS = {
    s.name: s
    for s in (
        FieldSpec("manager", clean_text, True, 50),
        FieldSpec("month", parse_month, True),
        FieldSpec("metric", parse_metric),
        FieldSpec("value", parse_decimal_fen),  # read as hundredths; the metric decides
        FieldSpec("cartons", parse_int),
        FieldSpec("cases", parse_decimal_fen),
        FieldSpec("amount", parse_decimal_fen),
        FieldSpec("per_carton", parse_decimal_fen),
        FieldSpec("price_class", parse_price_class),
        FieldSpec("sku", clean_text, False, 100),
    )
}


def import_targets(db: Sessions, path: Path, **options: Unpack[ImportOptions]) -> ImportReport:
    report = ImportReport(kind=KIND, source=str(path))
    table, match = match_with(Path(path), KIND, REQUIRED, options)
    rows = parse_with(table, match, _SPECS, "", report, options)
    _scale_units(rows, match.row_number, report)
    with db.reading() as s:
        me = s.get(Manager, db.current_manager_id(s))
        assert me is not None
        mine = [r for r in rows if r.values["manager"] in (me.code, me.name)]
        outside = {r.number for r in rows if r not in mine}
        report.outside = sorted({r.values["manager"] for r in rows if r.number in outside})
        planned = _plan(s, mine, report)
        current = {
            (t.month, t.scope, t.key): t
            for month in {t.month for t in planned.values()}
            for t in month_targets(s, me.id, month)
        }
    changes = []
    for (month, scope, key), t in planned.items():
        label = f"{month} {_scope_text(scope, key)}"
        old = current.get((month, scope, key))
        new = (t.cartons, t.amount_fen, t.per_carton_fen)
        if old is None:
            report.new.append(label)
        elif (old.cartons, old.amount_fen, old.per_carton_fen) != new:
            report.updated.append(label)
        else:
            report.unchanged.append(label)
            continue
        changes.append(t)
    report.problems.sort(key=lambda p: (p.row, p.column))
    if apply_wanted(report, options) and changes:
        with db.writing("targets", "daylog", "week") as s:
            write_targets(
                s, db.current_manager_id(s), changes, f"导入月度任务（{Path(path).name}）"
            )
        report.applied = True
    return report


def _scale_units(rows: list[ParsedRow], header_row: int, report: ImportReport) -> None:
    """A figure column whose header names a unit in 万: 金额(万元) is read ×10,000; any other
    (万支, 万条, 单条值(万元)) cannot be converted and stops the import — never read as 条 or
    元, 10,000 times too small."""
    for name, label in report.columns.items():
        unit = next((u for u in _WAN_UNITS if u in label), None)
        if name not in (*FIGURES, "value") or unit is None:
            continue
        if (name, unit) != ("amount", "万元"):
            report.problems.append(Problem(header_row, label, "unit_column", "", {"unit": unit}))
            continue
        for row in rows:
            if row.values.get(name) is not None:
                row.values[name] *= 10_000


_WAN_UNITS = ("万元", "万支", "万条", "万箱", "万")


def _scope_text(scope: str, key: str) -> str:
    return {TOTAL: "全月", CLASS: f"价类{key}", SKU: f"卷烟{key}"}[scope]


def _plan(
    s: Session, rows: list[ParsedRow], report: ImportReport
) -> dict[tuple[str, str, str], TargetInput]:
    """The targets the rows make, keyed by (month, scope, key); problems into ``report``."""
    planned: dict[tuple[str, str, str], TargetInput] = {}
    first: dict[tuple[str, str, str, str], int] = {}
    rows_of: dict[tuple[str, str, str], list[int]] = {}
    for row in rows:
        try:
            scope, key = _scope(s, row.values)
            figures = _figures(row.values)
        except InvalidValue as exc:
            _problem(report, row.number, exc)
            continue
        ident = (row.values["month"], scope, key)
        base = planned.get(ident, TargetInput(ident[0], scope, key))
        for name, value in figures.items():
            seen = first.setdefault((*ident, name), row.number)
            if seen != row.number:
                field = _COLUMNS.get(name, name)
                column = report.columns.get(field) or report.columns.get("metric") or field
                report.problems.append(
                    Problem(row.number, column, "target_duplicate", "", {"first_row": seen})
                )
                continue
            base = _with(base, name, value)
        planned[ident] = base
        rows_of.setdefault(ident, []).append(row.number)
    checked: dict[tuple[str, str, str], TargetInput] = {}
    for ident, t in planned.items():
        try:
            checked[ident] = check_target(s, t)
        except InvalidValue as exc:
            # a bad figure is its own row's problem (a later row repeating it is not): the
            # row that gave the field, else every row of the target
            name = {"amount": "amount_fen", "per_carton": "per_carton_fen"}.get(
                str(exc.data.get("field", "")), str(exc.data.get("field", ""))
            )
            gave = first.get((*ident, name))
            for number in [gave] if gave is not None else rows_of[ident]:
                _problem(report, number, exc)
    bad = {p.row for p in report.problems}
    return {i: t for i, t in checked.items() if not bad & set(rows_of[i])}


def _with(t: TargetInput, name: str, value: int | None) -> TargetInput:
    figures = {"cartons": t.cartons, "amount_fen": t.amount_fen, "per_carton_fen": t.per_carton_fen}
    figures[name] = value
    return TargetInput(t.month, t.scope, t.key, **figures)


def _problem(report: ImportReport, number: int, exc: InvalidValue) -> None:
    field = str(exc.data.get("field", "manager"))
    column = {"price_class_key": "price_class", "scope": "sku"}.get(field, field)
    label = report.columns.get(column) or report.columns.get("metric") or column
    params = {k: v for k, v in exc.data.items() if k not in ("field", "value")}
    report.problems.append(
        Problem(number, label, exc.detail, str(exc.data.get("value", "")), params)
    )


def _scope(s: Session, values: dict[str, Any]) -> tuple[str, str]:
    price_class, sku = values.get("price_class"), values.get("sku") or ""
    if price_class is not None and sku:
        raise InvalidValue("target_scope", field="sku", value=sku)
    if price_class is not None:
        return CLASS, str(price_class)
    if not sku:
        return TOTAL, ""
    codes = list(s.scalars(select(Sku.code).where(or_(Sku.code == sku, Sku.name == sku))))
    if len(codes) != 1:
        raise InvalidValue("target_sku", field="sku", value=sku)
    return SKU, codes[0]


def _figures(values: dict[str, Any]) -> dict[str, int | None]:
    """The row's figures as TargetInput fields (cartons, amount_fen, per_carton_fen)."""
    found: dict[str, Any] = {name: values.get(name) for name in FIGURES}
    metric = values.get("metric") or ""
    if metric:
        found[metric] = values.get("value")
        if metric == "cartons" and found[metric] is not None:
            if found[metric] % 100:
                raise InvalidValue("invalid", field="value", value=f"{found[metric] / 100:g}")
            found[metric] //= 100
    out: dict[str, int | None] = {}
    if found["cases"] is not None:
        cartons = found["cases"] * target_rules().cartons_per_case
        if cartons % 100:
            raise InvalidValue("invalid", field="cases", value=f"{found['cases'] / 100:g}")
        out["cartons"] = cartons // 100
    if found["cartons"] is not None:
        out["cartons"] = found["cartons"]
    if found["amount"] is not None:
        out["amount_fen"] = found["amount"]
    if found["per_carton"] is not None:
        out["per_carton_fen"] = found["per_carton"]
    return out
