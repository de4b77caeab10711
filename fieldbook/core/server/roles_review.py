"""The server's grants and row-level security of a week report's review rounds
(``week_report_rounds``, decision 0029), installed by ``roles.init_server`` after its own: the
manager inserts a round and changes only its own columns (``roles.CHILDREN`` keeps them to
their reports); the director reads every round and writes the review of a round."""

from __future__ import annotations

from sqlalchemy import Connection, text

MANAGER_COLUMNS = "id, week_report_id, round, submitted_at"
REVIEW_COLUMNS = "review, review_comment, reviewer, reviewed_at"


#: A manager's login writes no review (decision 0034): on a report or round it inserts, the
#: review columns are blank and a "reviewed" report is "submitted"; a report it updates cannot
#: become "reviewed" (out of the department's inbox) by the manager's hand. Row-level security
#: cannot say this (it sees rows, not which columns changed), so a trigger does; the director
#: and the administrator (and a superuser: a member of every role) are not managers here.
NOT_A_MANAGER = """
    IF NOT pg_has_role(current_user, 'fb_manager', 'MEMBER')
       OR pg_has_role(current_user, 'fb_admin', 'MEMBER')
       OR pg_has_role(current_user, 'fb_director', 'MEMBER') THEN
        RETURN NEW;
    END IF;"""
KEEP_REVIEW = f"""
CREATE OR REPLACE FUNCTION public.fb_keep_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{NOT_A_MANAGER}
    IF TG_OP = 'INSERT' THEN
        NEW.review := ''; NEW.review_comment := ''; NEW.reviewer := ''; NEW.reviewed_at := NULL;
    END IF;
    IF TG_TABLE_NAME <> 'week_reports' THEN
        RETURN NEW;  -- (PL/pgSQL would read NEW.status before the table name's test)
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status = 'reviewed' THEN
            NEW.status := 'submitted';
        END IF;
    ELSIF NEW.status = 'reviewed' AND OLD.status IS DISTINCT FROM 'reviewed' THEN
        NEW.status := OLD.status;
    END IF;
    RETURN NEW;
END $$
"""


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
        KEEP_REVIEW,
        "REVOKE ALL ON FUNCTION public.fb_keep_review() FROM PUBLIC",
        *(
            f"DROP TRIGGER IF EXISTS fb_keep_review ON {table}; CREATE TRIGGER fb_keep_review"
            f" BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW"
            " EXECUTE FUNCTION public.fb_keep_review()"
            for table in ("week_reports", "week_report_rounds")
        ),
    ):
        conn.execute(text(sql))
