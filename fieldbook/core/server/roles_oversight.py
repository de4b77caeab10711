"""The server's grants and row-level security for what the departments see of the managers'
work beyond slips (``roles.init_server`` installs them after its own):

- ``customer_changes`` (客户信息变更): every department reads them (the director already reads
  every manager's rows); the managers write their own (``roles.OWNED``);
- ``escalation_answers`` (上报问题答复): the head department (``schema/reference/
  escalations.toml``) and the director read the managers' day logs and add or change answers;
  a manager reads the answers to their own logs (``roles.CHILDREN``) and writes none.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.escalations import head_department

DEPARTMENT = "(SELECT public.fb_department())"


def _policy(conn: Connection, table: str, name: str, body: str) -> None:
    conn.execute(text(f"DROP POLICY IF EXISTS {name} ON {table}"))
    conn.execute(text(f"CREATE POLICY {name} ON {table} {body}"))


def install_oversight(conn: Connection, departments: tuple[str, ...]) -> None:
    """Grants and policies of the two tables (``departments``: the server's department
    codes, the head department among them)."""
    head = head_department()
    if head not in departments:
        raise InvalidValue("unknown_department", field="department", value=head)
    is_head = f"{DEPARTMENT} = '{head}'"
    for sql in (
        "GRANT SELECT ON customer_changes TO fb_department",
        "GRANT SELECT ON day_logs TO fb_department",
        "GRANT SELECT, INSERT, UPDATE ON escalation_answers TO fb_department, fb_director",
    ):
        conn.execute(text(sql))
    for table, name, body in (
        ("customer_changes", "fb_department_rows", "FOR SELECT TO fb_department USING (true)"),
        ("day_logs", "fb_department_rows", f"FOR SELECT TO fb_department USING ({is_head})"),
        (
            "escalation_answers",
            "fb_department_rows",
            f"TO fb_department USING ({is_head}) WITH CHECK ({is_head})",
        ),
        ("escalation_answers", "fb_head_answers", "TO fb_director USING (true) WITH CHECK (true)"),
    ):
        _policy(conn, table, name, body)
