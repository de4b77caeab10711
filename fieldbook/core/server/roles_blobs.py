"""The server's grants and row-level security for attachment files (``attachment_blobs``,
``attachment_chunks``; ``roles.init_server`` installs them after its own):

- a manager writes blobs and chunks (content-addressed: any login may add one, none may change
  a chunk once written, and a blob is marked complete only when its content hashes to its name
  — the migration's trigger) and reads the blobs their own slips' attachments name; may clear
  (delete) an incomplete blob their attachments name, so a blob another login began wrongly
  (another size, wrong chunks) cannot block the honest upload (decision 0034);
- a department reads the blobs named by attachments of slips sent to it;
- the director reads them all, the administrator does everything.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

OWN_BLOB = (
    "EXISTS (SELECT 1 FROM public.slip_attachments a JOIN public.slips s ON s.id = a.slip_id"
    " WHERE a.sha256 = {t}.sha256 AND s.manager_id = (SELECT public.fb_manager_id()))"
)
SENT_BLOB = (
    "EXISTS (SELECT 1 FROM public.slip_attachments a JOIN public.slip_deliveries d"
    " ON d.slip_id = a.slip_id WHERE a.sha256 = {t}.sha256"
    " AND d.department = (SELECT public.fb_department()))"
)

# whether a blob is complete, whoever may see it: a chunk must not be added to another
# manager's complete blob either (row-level security would hide that blob from the check)
COMPLETE_FUNCTION = """
CREATE OR REPLACE FUNCTION public.fb_blob_complete(digest varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM public.attachment_blobs b WHERE b.sha256 = digest AND b.complete)
$$
"""
INCOMPLETE = " AND NOT public.fb_blob_complete(attachment_chunks.sha256)"


def install_blobs(conn: Connection) -> None:
    """Grants and policies of the two tables."""
    for sql in (
        COMPLETE_FUNCTION,
        "REVOKE ALL ON FUNCTION public.fb_blob_complete(varchar) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION public.fb_blob_complete(varchar) TO fb_manager",
        "GRANT SELECT, INSERT ON attachment_blobs, attachment_chunks TO fb_manager",
        "GRANT UPDATE (complete) ON attachment_blobs TO fb_manager",
        "GRANT DELETE ON attachment_chunks TO fb_manager",  # a refused upload starts over
        # … and so does a blob another login began with another size (decision 0034)
        "GRANT DELETE ON attachment_blobs TO fb_manager",
        "GRANT SELECT ON attachment_blobs, attachment_chunks TO fb_department, fb_director",
    ):
        conn.execute(text(sql))
    for table in ("attachment_blobs", "attachment_chunks"):
        own, sent = OWN_BLOB.format(t=table), SENT_BLOB.format(t=table)
        done = " AND NOT complete" if table == "attachment_blobs" else INCOMPLETE
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        for name, body in (
            ("fb_everything", "TO fb_admin USING (true) WITH CHECK (true)"),
            ("fb_read_all", "FOR SELECT TO fb_director USING (true)"),
            ("fb_own_rows", f"FOR SELECT TO fb_manager USING ({own})"),
            # no chunk is added to a complete blob (it would be read past the end: 0034)
            ("fb_add_rows", f"FOR INSERT TO fb_manager WITH CHECK (true{done})"),
            ("fb_department_rows", f"FOR SELECT TO fb_department USING ({sent})"),
        ):
            conn.execute(text(f"DROP POLICY IF EXISTS {name} ON {table}"))
            conn.execute(text(f"CREATE POLICY {name} ON {table} {body}"))
        # a manager completes a blob, or clears a refused upload's chunks, of their own
        change = "UPDATE" if table == "attachment_blobs" else "DELETE"
        check = f" WITH CHECK ({own})" if change == "UPDATE" else ""
        conn.execute(text(f"DROP POLICY IF EXISTS fb_own_changes ON {table}"))
        conn.execute(
            text(
                f"CREATE POLICY fb_own_changes ON {table} FOR {change} TO fb_manager"
                f" USING ({own}{done}){check}"
            )
        )
    own = OWN_BLOB.format(t="attachment_blobs")
    conn.execute(text("DROP POLICY IF EXISTS fb_own_restart ON attachment_blobs"))
    conn.execute(
        text(
            "CREATE POLICY fb_own_restart ON attachment_blobs FOR DELETE TO fb_manager"
            f" USING ({own} AND NOT complete)"
        )
    )
