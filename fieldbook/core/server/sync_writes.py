"""The conditional writes a sync makes on either side: a row goes in only where it is new, and
changes only where it differs — so a row sent twice changes nothing and is not counted.
Master data (customers, SKUs) is matched by code, since each laptop may have imported the same
list under its own ids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, case, delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from fieldbook.core.store.models import Base

T = Base.metadata.tables
BATCH = 500


def insert_for(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def columns_of(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def upsert(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    update: Iterable[str] | None = None,
    insert_only: bool = False,
    guarded: dict[str, Any] | None = None,
) -> int:
    """Insert ``rows``, or update the ``update`` columns (default: all but the key) where the
    stored row differs. Returns how many rows were inserted or changed."""
    if not rows:
        return 0
    ins = insert_for(conn)(table)
    if insert_only:
        stmt = ins.on_conflict_do_nothing(index_elements=["id"])
    else:
        names = [c for c in (update or columns_of(table)) if c != "id"]
        values = {c: ins.excluded[c] for c in names}
        for column, keep_when in (guarded or {}).items():  # the server's value wins when ...
            values[column] = case((keep_when, table.c[column]), else_=ins.excluded[column])
        differs = or_(*(table.c[c].is_distinct_from(values[c]) for c in names))
        stmt = ins.on_conflict_do_update(index_elements=["id"], set_=values, where=differs)
    # a row comes back only where one was written; a list of rows goes as few multi-row
    # statements ("insertmanyvalues"), not one round trip per row
    stmt = stmt.returning(table.c.id)
    return len(conn.execute(stmt, list(rows)).all())


def rows_of(conn: Connection, stmt: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(stmt)]


def replace_children(
    conn: Connection,
    table: Table,
    parent: str,
    parent_ids: list[str],
    rows: list[dict[str, Any]],
    held: set[str] | frozenset[str] = frozenset(),
) -> int:
    """Make the server's children of ``parent_ids`` exactly ``rows``: delete the ones the
    laptop no longer has (not the ``held`` ones: it has them, they wait), write the rest
    conditionally. Returns rows changed."""
    keep = {r["id"] for r in rows} | set(held)
    gone = 0
    if parent_ids:
        existing = conn.execute(select(table.c.id).where(table.c[parent].in_(parent_ids))).scalars()
        stale = [i for i in existing if i not in keep]
        for start in range(0, len(stale), BATCH):
            chunk = stale[start : start + BATCH]
            deleted = conn.execute(delete(table).where(table.c.id.in_(chunk)).returning(table.c.id))
            gone += len(deleted.all())
    return gone + upsert(conn, table, rows)


def merge_by_code(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """The server's master rows into the laptop: a row whose code the laptop has updates that
    row (its local id kept); a new code is inserted under the server's id."""
    if not rows:
        return 0
    local_ids = dict(
        conn.execute(
            select(table.c.code, table.c.id).where(table.c.code.in_([r["code"] for r in rows]))
        ).all()
    )
    known, new = [], []
    for row in rows:
        if row["code"] in local_ids:
            known.append({**row, "id": local_ids[row["code"]]})
        else:
            new.append(row)
    for row in known:
        row.pop("route_id", None)  # the laptop's own route planning stays the laptop's
        row.pop("route_position", None)
    if "route_id" in table.c and new:
        routes = set(conn.execute(select(T["routes"].c.id)).scalars())
        new = [{**r, "route_id": r["route_id"] if r["route_id"] in routes else None} for r in new]
    changed = update_existing(conn, table, known)
    return changed + upsert(conn, table, new, insert_only=True)


def update_existing(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """Update the given columns of rows that exist, where they differ."""
    changed = 0
    for row in rows:
        names = [k for k in row if k != "id"]
        stmt = (
            table.update()
            .where(
                and_(
                    table.c.id == bindparam("_id"),
                    or_(*(table.c[k].is_distinct_from(bindparam(f"_v_{k}")) for k in names)),
                )
            )
            .values({k: bindparam(f"_v_{k}") for k in names})
        )
        if "updated_at" in table.c and "updated_at" not in names:
            stmt = stmt.values(updated_at=table.c.updated_at)  # not a change of the laptop's
        params = {"_id": row["id"], **{f"_v_{k}": row[k] for k in names}}
        changed += len(conn.execute(stmt.returning(table.c.id), params).all())
    return changed
