"""Import the company's SKU list (卷烟规格): code, name, brand, prices per carton, class."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path
from typing import Unpack

from sqlalchemy import select

from fieldbook.core.errors import InvalidValue, Problem
from fieldbook.core.master.catalog import SkuInput, apply_sku, check_sku, parse_price_class
from fieldbook.core.store.models import Sku
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_text, parse_bool, parse_decimal_fen
from fieldbook.core.xlsx.importing import (
    FieldSpec,
    ImportOptions,
    ImportReport,
    apply_wanted,
    match_with,
    parse_code,
    parse_with,
)

KIND = "skus"
REQUIRED = ("code", "name")

_SPECS = {
    s.name: s
    for s in (
        FieldSpec("code", parse_code, True, 32),
        FieldSpec("name", clean_text, True, 100),
        FieldSpec("brand", clean_text, False, 50),
        FieldSpec("price_class", parse_price_class),
        FieldSpec("wholesale", parse_decimal_fen),
        FieldSpec("retail", parse_decimal_fen),
        FieldSpec("is_key_brand", lambda v: bool(parse_bool(v)), accepts_bool=True),
        FieldSpec("is_new", lambda v: bool(parse_bool(v)), accepts_bool=True),
        FieldSpec("on_market", lambda v: parse_bool(v) is not False, accepts_bool=True),
    )
}
_RENAME = {"wholesale": "wholesale_fen", "retail": "retail_fen"}


def import_skus(db: Sessions, path: Path, **options: Unpack[ImportOptions]) -> ImportReport:
    report = ImportReport(kind=KIND, source=str(path))
    table, match = match_with(Path(path), KIND, REQUIRED, options)
    rows = parse_with(table, match, _SPECS, "code", report, options)
    with db.reading() as s:
        existing = {sku.code: sku for sku in s.scalars(select(Sku))}
        current = {
            code: SkuInput(
                code=sku.code,
                name=sku.name,
                brand=sku.brand,
                price_class=sku.price_class if sku.price_class_overridden else None,
                wholesale_fen=sku.wholesale_fen,
                retail_fen=sku.retail_fen,
                is_key_brand=sku.is_key_brand,
                is_new=sku.is_new,
                on_market=sku.on_market,
            )
            for code, sku in existing.items()
        }
    planned: dict[str, SkuInput] = {}
    for row in rows:
        values = {_RENAME.get(k, k): v for k, v in row.values.items()}
        code = values["code"]
        base = current.get(code)
        data = replace(base, **values) if base else SkuInput(**values)
        try:
            data = check_sku(data)
        except InvalidValue as exc:
            column = str(exc.data.get("field", "name")).removesuffix("_fen")
            label = report.columns.get(column, column)
            report.problems.append(
                Problem(row.number, label, exc.detail, str(exc.data.get("value", "")))
            )
            continue
        if base is None:
            report.new.append(code)
        elif asdict(check_sku(base)) != asdict(data):
            report.updated.append(code)
        else:
            report.unchanged.append(code)
            continue
        planned[code] = data
    report.missing = sorted(set(current) - {r.values["code"] for r in rows})
    report.problems.sort(key=lambda p: (p.row, p.column))
    if apply_wanted(report, options) and planned:
        with db.writing("skus") as s:
            by_code = {sku.code: sku for sku in s.scalars(select(Sku))}
            for code, data in planned.items():
                sku = by_code.get(code)
                if sku is None:
                    sku = Sku(code=code, name=data.name)
                    s.add(sku)
                apply_sku(sku, data)
        report.applied = True
    return report
