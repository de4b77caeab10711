"""The conflicts of a sync (decision 0029): found while pushing (a manager's record changed on
two laptops, the server's copy newer), reported through ``SyncReport.conflict`` by every part
of the sync, kept on the laptop at the end of the sync and listed until the manager has seen
them. Never resolved silently: each says what, which record, and which copy was kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select, update

from fieldbook.core import clock
from fieldbook.core.server.sync_report import SyncConflict, SyncReport
from fieldbook.core.server.sync_writes import T
from fieldbook.core.store.models import SyncConflictRow

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: The manager's records a second laptop of the same manager may change too, and the column
#: that names each in the manager's words: a push never overwrites a newer copy on the server.
CHECKED_NEWER = {"day_logs": "log_date", "week_reports": "week_label"}


def keep_newer_on_server(
    remote: Connection, table_name: str, rows: list[dict[str, Any]], report: SyncReport
) -> list[dict[str, Any]]:
    """``rows`` without the ones whose server copy is newer (``updated_at``): those stay as
    the server has them, each reported as a ``newer_on_server`` conflict."""
    if table_name not in CHECKED_NEWER or not rows:
        return rows
    table = T[table_name]
    ids = [r["id"] for r in rows]
    stored: dict[str, datetime] = {
        row_id: at
        for row_id, at in remote.execute(
            select(table.c.id, table.c.updated_at).where(table.c.id.in_(ids))
        )
    }
    out = []
    for row in rows:
        theirs = stored.get(row["id"])
        if theirs is None or theirs <= row["updated_at"]:
            out.append(row)
            continue
        report.conflict(
            SyncConflict(
                "newer_on_server",
                table_name,
                row["id"],
                str(row[CHECKED_NEWER[table_name]]),
                "server",
                f"{theirs:%Y-%m-%d %H:%M} > {row['updated_at']:%Y-%m-%d %H:%M}",
            )
        )
    return out


@dataclass(frozen=True)
class StoredConflict:
    """A conflict kept on the laptop."""

    id: str
    found_at: datetime
    kind: str
    table: str
    record_id: str
    label: str
    kept: str
    detail: str
    acknowledged_at: datetime | None


def store_conflicts(journal: Journal, conflicts: Sequence[SyncConflict]) -> None:
    """Keep the conflicts a sync reported on the laptop (one transaction)."""
    if not conflicts:
        return
    now = clock.now()
    with journal.writing("sync") as s:
        for c in conflicts:
            s.add(
                SyncConflictRow(
                    found_at=now,
                    kind=c.kind[:32],
                    table_name=c.table[:40],
                    record_id=c.record_id[:48],
                    label=c.label[:100],
                    kept=c.kept[:16],
                    detail=c.detail,
                )
            )


def stored_conflicts(journal: Journal, *, include_seen: bool = False) -> list[StoredConflict]:
    """The conflicts kept on the laptop, newest first (only the unseen ones, unless asked)."""
    stmt = select(SyncConflictRow).order_by(
        SyncConflictRow.found_at.desc(), SyncConflictRow.table_name, SyncConflictRow.label
    )
    if not include_seen:
        stmt = stmt.where(SyncConflictRow.acknowledged_at.is_(None))
    with journal.reading() as s:
        return [
            StoredConflict(
                r.id,
                r.found_at,
                r.kind,
                r.table_name,
                r.record_id,
                r.label,
                r.kept,
                r.detail,
                r.acknowledged_at,
            )
            for r in s.scalars(stmt)
        ]


def acknowledge_conflicts(journal: Journal) -> int:
    """Mark every unseen conflict seen; how many were."""
    with journal.writing("sync") as s:
        result = s.execute(
            update(SyncConflictRow)
            .where(SyncConflictRow.acknowledged_at.is_(None))
            .values(acknowledged_at=clock.now())
            .returning(SyncConflictRow.id)
        )
        return len(result.all())
