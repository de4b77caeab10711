"""The server's grants and row-level security of the per manager and day summaries
(``day_figures``, ``day_order_figures``: migration 0021, decision 0032), which
``roles.init_server`` installs after its own: only the triggers write them (as the owner); the
director and the administrator read every row, a manager reads their own, a department none.
The 明码标价 answer they count follows the configuration: when it changed, every day is
recomputed (the views read the raw answers meanwhile)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from fieldbook.core.routine.price_checks import price_rules

SUMMARY_TABLES = ("day_figures", "day_order_figures")
OWN = "manager_id = (SELECT public.fb_manager_id())"


def install_summaries(conn: Connection) -> None:
    for table in SUMMARY_TABLES:
        for sql in (
            f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {table} FROM fb_admin",
            f"GRANT SELECT ON {table} TO fb_manager",
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS fb_everything ON {table}",
            f"CREATE POLICY fb_everything ON {table} FOR SELECT TO fb_admin USING (true)",
            f"DROP POLICY IF EXISTS fb_read_all ON {table}",
            f"CREATE POLICY fb_read_all ON {table} FOR SELECT TO fb_director USING (true)",
            f"DROP POLICY IF EXISTS fb_own_rows ON {table}",
            f"CREATE POLICY fb_own_rows ON {table} FOR SELECT TO fb_manager USING ({OWN})",
        ):
            conn.execute(text(sql))
    rules = price_rules()
    changed = conn.execute(
        text(
            "UPDATE day_figures_settings SET tags_item = :item, tags_complete = :complete"
            " WHERE (tags_item, tags_complete) IS DISTINCT FROM (:item, :complete) RETURNING id"
        ),
        {"item": rules.tags_item, "complete": rules.tags_complete},
    ).first()
    if changed is not None:
        conn.execute(
            text(
                "SELECT public.fb_refresh_days(array_agg(manager_id), array_agg(day))"
                " FROM day_figures HAVING count(*) > 0"
            )
        )
