"""The server's grant for a manager's own moves of a delivery after sending (decision 0029,
``sync_moves``): the manager's login may change a delivery's state, answer, handler and time;
row-level security (``roles.CHILDREN``) keeps that to the manager's own slips, and the sync
writes a move only where the department has not moved the delivery since."""

from __future__ import annotations

from sqlalchemy import Connection, text

from fieldbook.core.server.roles_review import NOT_A_MANAGER

MOVED_COLUMNS = "state, answer, handled_by, updated_at"

#: A department's answer, once on the server, is not rewritten by a manager's login (decision
#: 0034): the answer and who gave it stay; the manager's move of the state still goes in, but
#: only a move the history has (a slip event to that state, which the sync sends first): a
#: state changed without one is refused.
KEEP_ANSWER = f"""
CREATE OR REPLACE FUNCTION public.fb_keep_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{NOT_A_MANAGER}
    IF NEW.state IS DISTINCT FROM OLD.state AND NOT EXISTS (
        SELECT 1 FROM public.slip_events e
        WHERE e.delivery_id = NEW.id AND e.to_state = NEW.state
    ) THEN
        RAISE EXCEPTION 'slip delivery %: a manager''s move needs its slip event', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.answer <> '' AND NEW.answer IS DISTINCT FROM OLD.answer THEN
        NEW.answer := OLD.answer;
        NEW.handled_by := OLD.handled_by;
    END IF;
    RETURN NEW;
END $$
"""


def install_manager_moves(conn: Connection) -> None:
    for sql in (
        f"GRANT UPDATE ({MOVED_COLUMNS}) ON slip_deliveries TO fb_manager",
        KEEP_ANSWER,
        "REVOKE ALL ON FUNCTION public.fb_keep_answer() FROM PUBLIC",
        "DROP TRIGGER IF EXISTS fb_keep_answer ON slip_deliveries",
        "CREATE TRIGGER fb_keep_answer BEFORE UPDATE ON slip_deliveries FOR EACH ROW"
        " EXECUTE FUNCTION public.fb_keep_answer()",
    ):
        conn.execute(text(sql))
