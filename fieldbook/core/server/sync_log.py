"""The department server's log of syncs (``sync_log``; decision 0033, amendment).

At the end of each completed sync the manager's own login writes one row per (manager,
laptop database): the laptop database is named by its audit origin (``sync.audit_origin``,
``sync_origin.ORIGIN_KEY``), the one id the server already knows a laptop by. The first sync
of a laptop inserts the row; every later one moves its ``last_*`` times on, counts it and
says what it moved and how many problems and conflicts it had. Two times are kept: the
laptop's clock (``clock.now()``: what the manager saw) and the server's receipt time (its own
``localtimestamp``: one clock for every laptop, so the administrator can compare managers).

Row-level security (``roles.OWNED``) lets a manager write only their own rows; the director
and the administrator read them all: :func:`sync_history` is what ``server status`` shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    Connection,
    DateTime,
    Engine,
    Table,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import insert

from fieldbook.core import clock
from fieldbook.core.server.sync_origin import ORIGIN_KEY
from fieldbook.core.server.sync_report import SyncReport
from fieldbook.core.store.models import SyncLogEntry

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: The server's own time, as a timestamp without time zone (like every stamp of the schema).
SERVER_NOW: ColumnElement[datetime] = literal_column("localtimestamp", DateTime())


def log_sync(journal: Journal, server: Engine, manager: str, report: SyncReport) -> None:
    """Count this completed sync of ``manager`` from ``journal``'s laptop database (named by
    its audit origin, which the audit push of the same sync has set) on ``server``: an upsert,
    the first sync of a laptop inserts its row, later ones update it."""
    with journal.reading() as s:
        origin = journal.get_setting(s, ORIGIN_KEY)
    if not origin:  # (not reached: the audit push names the laptop first)
        raise ValueError(f"{ORIGIN_KEY} is not set")
    t: Table = SyncLogEntry.__table__  # type: ignore[assignment]
    laptop_at = clock.now().replace(microsecond=0)
    last = {
        "last_laptop_at": laptop_at,
        "last_server_at": SERVER_NOW,
        "last_moved": report.moved,
        "last_problems": len(report.problems) + len(report.conflicts),
    }
    stmt = insert(t).values(
        manager_id=manager,
        origin=origin,
        first_laptop_at=laptop_at,
        first_server_at=SERVER_NOW,
        syncs=1,
        **last,
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[t.c.manager_id, t.c.origin],
        set_={**last, "syncs": t.c.syncs + 1},
    )
    with server.begin() as remote:
        remote.execute(stmt)


@dataclass(frozen=True)
class SyncHistory:
    """A manager's syncs on the server: the newest (server time), from how many laptops, how
    many in all, and what the newest one moved and found."""

    last_sync: datetime
    laptops: int
    syncs: int
    last_moved: int
    last_problems: int


def sync_history(con: Connection) -> dict[str, SyncHistory]:
    """manager id → their :class:`SyncHistory` (managers who never synced are absent), in one
    query over the log (what the login may see of it)."""
    e = SyncLogEntry
    newest = select(
        e.manager_id,
        e.last_moved,
        e.last_problems,
        func.row_number()
        .over(partition_by=e.manager_id, order_by=e.last_server_at.desc())
        .label("n"),
    ).subquery()
    totals = (
        select(
            e.manager_id,
            func.max(e.last_server_at).label("last"),
            func.count().label("laptops"),
            func.sum(e.syncs).label("syncs"),
        )
        .group_by(e.manager_id)
        .subquery()
    )
    rows = con.execute(
        select(totals, newest.c.last_moved, newest.c.last_problems).join(
            newest, (newest.c.manager_id == totals.c.manager_id) & (newest.c.n == 1)
        )
    )
    return {
        r.manager_id: SyncHistory(
            r.last, int(r.laptops), int(r.syncs), int(r.last_moved), int(r.last_problems)
        )
        for r in rows
    }
