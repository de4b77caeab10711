"""Import the company's customer list (.xlsx / .csv): update by customer code, never
duplicate, never delete (customers missing from the list are only reported)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields
from pathlib import Path
from typing import Any, Unpack

from sqlalchemy import func, insert, select, update

from fieldbook.core.errors import Problem
from fieldbook.core.master.customer_changes import (
    ChangeBasis,
    change_rules,
    changed,
    record_changes,
)
from fieldbook.core.master.customer_vocabulary import (
    licence_warnings,
    parse_coordinate,
    parse_format,
    parse_grade,
    parse_licence,
    parse_market_type,
    parse_phone,
    parse_status,
    parse_weekday,
)
from fieldbook.core.master.customers import TEXT_LIMITS, CustomerInput, customer_search_text
from fieldbook.core.master.roster_areas import Area, listed_customers
from fieldbook.core.master.routes import infer_weekdays, route_for_name
from fieldbook.core.store.db import refresh_statistics
from fieldbook.core.store.models import Customer, Route, local_now, new_id
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_prose, clean_text, parse_bool, parse_int
from fieldbook.core.xlsx.headers import HeaderMatch
from fieldbook.core.xlsx.importing import (
    FieldSpec,
    ImportOptions,
    ImportReport,
    ParsedRow,
    apply_wanted,
    match_with,
    parse_code,
    parse_date,
    parse_with,
)
from fieldbook.core.xlsx.table import Table

KIND = "customers"
REQUIRED = ("code", "shop_name")


def _specs() -> dict[str, FieldSpec]:
    def text(name: str, required: bool = False) -> FieldSpec:
        return FieldSpec(name, clean_text, required, TEXT_LIMITS.get(name))

    specs = [
        FieldSpec("code", parse_code, True, TEXT_LIMITS["code"]),
        FieldSpec("licence_no", parse_licence),
        text("shop_name", True),
        text("owner_name"),
        FieldSpec("phone", parse_phone),
        text("address"),
        text("district"),
        FieldSpec("format", parse_format),
        FieldSpec("market_type", parse_market_type),
        FieldSpec("grade", parse_grade),
        text("route"),
        FieldSpec("route_position", parse_int),
        FieldSpec("order_weekday", parse_weekday),
        FieldSpec("status", parse_status),
        FieldSpec("is_key_customer", lambda v: bool(parse_bool(v)), accepts_bool=True),
        FieldSpec("licence_expiry", parse_date),
        FieldSpec("gps_lat", lambda v: parse_coordinate(v, -90, 90, "latitude_range")),
        FieldSpec("gps_lon", lambda v: parse_coordinate(v, -180, 180, "longitude_range")),
        FieldSpec("notes", clean_prose, False, 2000),
    ]
    return {s.name: s for s in specs}


_INPUT_FIELDS = {f.name for f in fields(CustomerInput)}


def import_customers(
    db: Sessions,
    path: Path,
    *,
    territory: Collection[Area] | None = None,
    **options: Unpack[ImportOptions],
) -> ImportReport:
    """Check (and unless ``dry_run`` or invalid, apply) a customer list. One transaction.

    ``territory``: the (district, route) pairs that are this manager's (``roster_areas``); the
    rows of other areas are left out — not imported, not checked, not counted as missing —
    and their customer codes listed in ``report.outside``. None imports every row."""
    report = ImportReport(kind=KIND, source=str(path))
    table, match = match_with(Path(path), KIND, REQUIRED, options)
    rows = parse_with(table, match, _specs(), "code", report, options)
    if territory is not None and not report.fatal:
        rows = _in_territory(table, match, rows, report, frozenset(territory))
    mapped = frozenset(report.columns)

    with db.reading() as s:
        manager_id = db.current_manager_id(s)
        existing = _existing(s)
        licences = {r["licence_no"]: r["code"] for r in existing.values() if r["licence_no"]}
        mine = set(s.scalars(select(Customer.code).where(Customer.manager_id == manager_id)))

    # A licence belongs to one shop: within the file and against the database.
    seen_licence: dict[str, int] = {}
    valid = []
    for row in rows:
        lic = row.values.get("licence_no", "")
        code = row.values["code"]
        label = report.columns.get("licence_no", "licence_no")
        if lic and lic in seen_licence:
            report.problems.append(
                Problem(
                    row.number, label, "duplicate_in_file", lic, {"first_row": seen_licence[lic]}
                )
            )
            continue
        if lic and licences.get(lic, code) != code:
            report.problems.append(
                Problem(row.number, label, "licence_taken", lic, {"by": licences[lic]})
            )
            continue
        if lic:
            seen_licence[lic] = row.number
            for warning in licence_warnings(lic):
                report.warnings.append(Problem(row.number, label, warning, lic))
        valid.append(row)

    changes: list[tuple[str, dict[str, Any]]] = []
    for row in valid:
        code = row.values["code"]
        current = existing.get(code)
        if current is None:
            report.new.append(code)
            changes.append(("new", row.values))
        elif any(current.get(k) != v for k, v in row.values.items()):
            report.updated.append(code)
            changes.append(("update", {**row.values, "id": current["id"]}))
        else:
            report.unchanged.append(code)
    in_file = {r.values["code"] for r in rows} | {
        p.value for p in report.problems if p.column == report.columns.get("code")
    }
    report.missing = sorted(mine - in_file - set(report.new)) if not report.fatal else []
    report.problems.sort(key=lambda p: (p.row, p.column))

    if apply_wanted(report, options) and changes:
        basis = ChangeBasis(source="import")
        reason = change_rules().import_reason.format(file=Path(path).name)
        _apply(db, manager_id, changes, existing, mapped, (reason, basis))
        report.applied = True
    return report


def _in_territory(
    table: Table,
    match: HeaderMatch,
    rows: list[ParsedRow],
    report: ImportReport,
    territory: frozenset[Area],
) -> list[ParsedRow]:
    """The rows of ``territory``; the others' codes go to ``report.outside`` and their
    problems and warnings are dropped (another manager's rows are not this import's)."""
    listed = listed_customers(table, match)
    outside = {number for number, row in listed.items() if row.area not in territory}
    report.outside = [listed[number].code for number in sorted(outside)]
    report.problems = [p for p in report.problems if p.row not in outside]
    report.warnings = [w for w in report.warnings if w.row not in outside]
    return [r for r in rows if r.number not in outside]


def _existing(s: Any) -> dict[str, dict[str, Any]]:
    cols = [getattr(Customer, f) for f in sorted(_INPUT_FIELDS - {"route"})]
    stmt = select(
        Customer.id,
        Customer.manager_id,
        Customer.route_id,
        func.coalesce(Route.name, "").label("route"),
        *cols,
    ).outerjoin(Route, Customer.route_id == Route.id)
    return {r.code: dict(r._mapping) for r in s.execute(stmt)}


def _apply(
    db: Sessions,
    manager_id: str,
    changes: list[tuple[str, dict[str, Any]]],
    existing: dict[str, dict[str, Any]],
    mapped: frozenset[str],
    why: tuple[str, ChangeBasis],
) -> None:
    """Insert the new customers and update the changed ones; a change of an audited field
    (licence, status, grade, route, order day) is recorded with the import file as its
    reason (``why``: the reason and the change's basis)."""
    now = local_now()
    with db.writing("customers", "routes") as s:
        route_ids: dict[str, str] = {}
        next_pos: dict[str, int] = {
            rid: (top or 0) + 1
            for rid, top in s.execute(
                select(Customer.route_id, func.max(Customer.route_position)).group_by(
                    Customer.route_id
                )
            )
            if rid is not None
        }
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for kind, values in changes:
            record = {k: v for k, v in values.items() if k != "route"}
            if kind == "new":
                before: dict[str, Any] = {**_defaults(), "route": ""}
                record = {**_defaults(), **record, "id": new_id(), "manager_id": manager_id}
                record["created_at"] = now
            else:
                before = existing[values["code"]]
            if "route" in values:
                name = values["route"]
                if name and name not in route_ids:
                    route_ids[name] = route_for_name(s, manager_id, name).id
                record["route_id"] = route_ids.get(name) if name else None
                moved = values["route"] != before["route"]
                if moved and "route_position" not in mapped:
                    record["route_position"] = None
            rid = record.get("route_id", before.get("route_id"))
            if rid is not None and record.get("route_position", 0) is None:
                record["route_position"] = next_pos.get(rid, 1)
                next_pos[rid] = record["route_position"] + 1
            record["updated_at"] = now
            after = {**before, **values}
            record["search_text"] = customer_search_text(
                CustomerInput(
                    code=str(after.get("code") or ""),
                    shop_name=str(after.get("shop_name") or ""),
                    owner_name=str(after.get("owner_name") or ""),
                    phone=str(after.get("phone") or ""),
                    licence_no=str(after.get("licence_no") or ""),
                    address=str(after.get("address") or ""),
                )
            )
            (inserts if kind == "new" else updates).append(record)
            if kind != "new":
                record_changes(
                    s,
                    manager_id=before.get("manager_id") or manager_id,
                    customer_id=values["id"],
                    changes=changed(before, after),
                    reason=why[0],
                    basis=why[1],
                    at=now,
                )
        if inserts:
            s.execute(insert(Customer), inserts)
        if updates:
            s.execute(update(Customer), updates)
        infer_weekdays(s, manager_id)
        refresh_statistics(s)


def _defaults() -> dict[str, Any]:
    return {
        "route_id": None,
        "licence_no": "",
        "owner_name": "",
        "phone": "",
        "address": "",
        "district": "",
        "format": "",
        "market_type": "",
        "grade": None,
        "route_position": None,
        "order_weekday": None,
        "status": "active",
        "is_key_customer": False,
        "licence_expiry": None,
        "gps_lat": None,
        "gps_lon": None,
        "notes": "",
    }
