"""The server's grant for a manager's own moves of a delivery after sending (decision 0029,
``sync_moves``): the manager's login may change a delivery's state, answer, handler and time;
row-level security (``roles.CHILDREN``) keeps that to the manager's own slips, and the sync
writes a move only where the department has not moved the delivery since."""

from __future__ import annotations

from sqlalchemy import Connection, text

MOVED_COLUMNS = "state, answer, handled_by, updated_at"


def install_manager_moves(conn: Connection) -> None:
    conn.execute(text(f"GRANT UPDATE ({MOVED_COLUMNS}) ON slip_deliveries TO fb_manager"))
