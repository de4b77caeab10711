"""The server's grants and row-level security of a week report's review rounds
(``week_report_rounds``, decision 0029), installed by ``roles.init_server`` after its own: the
manager inserts a round and changes only its own columns (``roles.CHILDREN`` keeps them to
their reports); the director reads every round and writes the review of a round."""

from __future__ import annotations

from sqlalchemy import Connection, text

MANAGER_COLUMNS = "id, week_report_id, round, submitted_at"
REVIEW_COLUMNS = "review, review_comment, reviewer, reviewed_at"


def install_review_rounds(conn: Connection) -> None:
    for sql in (
        f"GRANT UPDATE ({MANAGER_COLUMNS}) ON week_report_rounds TO fb_manager",
        "GRANT SELECT, INSERT ON week_report_rounds TO fb_director",
        f"GRANT UPDATE ({REVIEW_COLUMNS}) ON week_report_rounds TO fb_director",
        # a review writes the report's updated_at back as it was (department.review_week):
        # a push compares it to find a copy newer on the server (sync_conflicts)
        "GRANT UPDATE (updated_at) ON week_reports TO fb_director",
        "DROP POLICY IF EXISTS fb_review ON week_report_rounds",
        "CREATE POLICY fb_review ON week_report_rounds TO fb_director USING (true)"
        " WITH CHECK (true)",
    ):
        conn.execute(text(sql))
