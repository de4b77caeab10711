"""A manager's own moves of a delivery after it was sent (decision 0029). The moves (slip
events) go up insert-only with the other units; this step then makes the server's delivery
state the manager's where the manager moved it last:

- the laptop's copy is newer (``updated_at``) and differs (state, answer, handler), and the
  server has no move the laptop has not seen: the server takes the laptop's state;
- the department moved it too since the last sync (the server has events the laptop has not
  pulled yet): the department's state stays, both moves stay in the history, and a
  ``delivery_moved_both`` conflict says so. The pull that follows brings the department's
  state down, so the conflict is reported once.

It compares the two copies, not a cursor: a sync cut off anywhere ends the same when run
again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select, update

from fieldbook.core.server.sync_report import SyncConflict, SyncReport
from fieldbook.core.server.sync_writes import T, rows_of
from fieldbook.core.slips.vocabulary import department_name, state_name

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: The columns of a delivery a move changes.
MOVED = ("state", "answer", "handled_by", "updated_at")


def push_manager_moves(journal: Journal, server: Engine, manager: str, report: SyncReport) -> None:
    """Write the manager's newest moves into the server's deliveries, or report a conflict."""
    deliveries, slips = T["slip_deliveries"], T["slips"]
    with journal.engine.connect() as local:
        here = {
            r["id"]: r
            for r in rows_of(
                local,
                select(deliveries, slips.c.number)
                .join(slips, slips.c.id == deliveries.c.slip_id)
                .where(slips.c.manager_id == manager, deliveries.c.state != "pending"),
            )
        }
    if not here:
        return
    with server.connect() as remote:
        there = {
            r["id"]: r
            for r in rows_of(
                remote,
                select(deliveries.c.id, *(deliveries.c[c] for c in MOVED)).where(
                    deliveries.c.id.in_(list(here))
                ),
            )
        }
    newer = [
        here[i]
        for i, theirs in there.items()
        if here[i]["updated_at"] > theirs["updated_at"]
        and any(here[i][c] != theirs[c] for c in MOVED if c != "updated_at")
    ]
    if not newer:
        return
    unseen = _unseen_moves(journal, server, [r["id"] for r in newer])
    taken = 0
    with server.begin() as remote:
        for row in newer:
            if unseen.get(row["id"]):
                report.conflict(_both_moved(row, there[row["id"]]["state"]))
                continue
            kept = there[row["id"]]["answer"]
            if kept and row["answer"] != kept:  # the server keeps its answer (decision 0034)
                report.conflict(
                    SyncConflict(
                        "delivery_answer_kept",
                        "slip_deliveries",
                        row["id"],
                        f"{row['number']} {department_name(row['department'])}",
                        "server",
                        str(row["answer"])[:80],
                    )
                )
            stmt = (
                update(deliveries)
                .where(
                    deliveries.c.id == row["id"],
                    deliveries.c.updated_at == there[row["id"]]["updated_at"],
                )
                .values({c: row[c] for c in MOVED})
            )
            taken += remote.execute(stmt).rowcount
    report.add("up", "slip_deliveries", taken)


def _unseen_moves(journal: Journal, server: Engine, ids: list[str]) -> dict[str, int]:
    """Per delivery: how many moves the server has that the laptop has not seen."""
    events = T["slip_events"]
    with journal.engine.connect() as local:
        stmt = select(events.c.id).where(events.c.delivery_id.in_(ids))
        seen = set(local.execute(stmt).scalars())
    out: dict[str, int] = {}
    with server.connect() as remote:
        for event_id, delivery_id in remote.execute(
            select(events.c.id, events.c.delivery_id).where(events.c.delivery_id.in_(ids))
        ):
            if event_id not in seen:
                out[delivery_id] = out.get(delivery_id, 0) + 1
    return out


def _both_moved(row: dict[str, Any], kept_state: str) -> SyncConflict:
    return SyncConflict(
        "delivery_moved_both",
        "slip_deliveries",
        row["id"],
        f"{row['number']} {department_name(row['department'])}",
        "server",
        f"{state_name(row['state'])} → {state_name(kept_state)}",  # this laptop's → kept
    )
