"""The department server (PostgreSQL): schema, roles, grants and row-level security.

``init_server`` (run by an administrator: the database owner, with CREATEROLE) migrates the
schema and (re)creates, idempotently:

- four group roles: ``fb_manager``, ``fb_department``, ``fb_director``, ``fb_admin``;
- table grants per group (what kind of statement each may run at all);
- row-level security policies (which rows): a manager sees and writes only rows whose
  ``manager_id`` is theirs (child rows through their parent); a department sees slips that
  were sent to it and changes only its own deliveries' state and answer (never a visit: it has
  no grant on visits at all); the director reads everything and writes only the review columns
  of week reports; customers and SKUs are the company's: managers may add ones the server does
  not know (sync seeds the server) but never change them.

``add_user`` creates a LOGIN role in a group and records who it is in ``server_users``, which
the policies read through ``fb_manager_id()`` / ``fb_manager_code()`` / ``fb_department()``.
PostgreSQL stores only a SCRAM hash of the password; ``hostssl`` lines in ``pg_hba.conf`` (and
``sslmode=require`` in the clients' addresses) make connections use TLS.

Those three functions decide every row a login sees, so nothing in a login's own session may
answer in their place (decision 0010): they name their tables schema-qualified and run with a
pinned ``search_path`` ending in ``pg_temp``; nobody but the owner may create temporary tables
in the database or objects in ``public``; only the Fieldbook groups may execute them. Rerunning
``init_server`` applies all of this to a server set up by an older version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, select, text

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.server.roles_blobs import install_blobs
from fieldbook.core.server.roles_moves import install_manager_moves
from fieldbook.core.server.roles_oversight import install_oversight
from fieldbook.core.server.roles_review import install_review_rounds
from fieldbook.core.server.roles_scale import install_summaries
from fieldbook.core.store import audit, db
from fieldbook.core.store.models import Customer, Manager
from fieldbook.core.text import clean_free_text

GROUPS = {
    "manager": "fb_manager",
    "department": "fb_department",
    "director": "fb_director",
    "admin": "fb_admin",
}
DEPARTMENTS = ("market", "monopoly", "distribution", "phone")

#: Tables with the owning manager's id, and how child tables reach one of them.
OWNED = (
    "routes",
    "customers",
    "plans",
    "visits",
    "followups",
    "slips",
    "slip_suggestions",  # a visit's or 连续未订货's (no visit): the manager's own column
    "order_lines",
    "day_logs",
    "week_reports",
    "attendance_days",
    "customer_changes",
    "targets",  # 销量任务: the manager's, set on the laptop, read by the department views
    "manager_audit_entries",  # 修改记录: the manager's chain, appended by their syncs (0030)
    "sync_log",  # the server's log of the manager's syncs, written by each sync (0033)
)
CHILDREN = {
    "plan_stops": ("plan_id", "plans"),
    "visit_skus": ("visit_id", "visits"),
    "visit_time_edits": ("visit_id", "visits"),
    "visit_photos": ("visit_id", "visits"),  # metadata only: the files are not synced yet
    "slip_deliveries": ("slip_id", "slips"),
    "slip_attachments": ("slip_id", "slips"),
    "escalation_answers": ("day_log_id", "day_logs"),  # the head's, read by the manager
    "week_report_rounds": ("week_report_id", "week_reports"),  # roles_review.py
}
#: What a manager's login may do per table (RLS then narrows it to their rows).
MANAGER_GRANTS = {
    "managers": "SELECT, INSERT, UPDATE",
    "routes": "SELECT, INSERT, UPDATE, DELETE",
    "customers": "SELECT, INSERT",  # the company's: added once by a sync, never changed
    "skus": "SELECT, INSERT",
    "plans": "SELECT, INSERT, UPDATE, DELETE",
    "plan_stops": "SELECT, INSERT, UPDATE, DELETE",
    "visits": "SELECT, INSERT, UPDATE",
    "visit_skus": "SELECT, INSERT, UPDATE, DELETE",
    "visit_time_edits": "SELECT, INSERT, UPDATE, DELETE",
    "visit_photos": "SELECT, INSERT, UPDATE, DELETE",
    "slip_suggestions": "SELECT, INSERT, UPDATE, DELETE",
    "followups": "SELECT, INSERT, UPDATE",
    "slips": "SELECT, INSERT, UPDATE",
    "slip_attachments": "SELECT, INSERT, UPDATE, DELETE",
    "slip_deliveries": "SELECT, INSERT",  # the state is the department's
    "slip_events": "SELECT, INSERT",
    "order_lines": "SELECT, INSERT, UPDATE, DELETE",
    "day_logs": "SELECT, INSERT, UPDATE",
    "attendance_days": "SELECT, INSERT, UPDATE",  # cleared by an empty kind, never deleted
    "customer_changes": "SELECT, INSERT",  # never changed
    "targets": "SELECT, INSERT, UPDATE",  # changed (audited), never deleted
    "escalation_answers": "SELECT",  # the department head's
    "week_report_rounds": "SELECT, INSERT",  # + UPDATE of its own columns: roles_review.py
    "manager_audit_entries": "SELECT, INSERT",  # append-only (a trigger refuses the rest)
    "sync_log": "SELECT, INSERT, UPDATE",  # one row per laptop, moved on by each sync
    "alembic_version": "SELECT",
    "server_users": "SELECT",
}
WEEK_MANAGER_COLUMNS = (
    "id, manager_id, week_label, start_date, end_date, status, narrative, next_plan, figures, "
    "submitted_at, created_at, updated_at"
)
WEEK_REVIEW_COLUMNS = "status, review, review_comment, reviewer, reviewed_at"
DELIVERY_ANSWER_COLUMNS = "state, answer, handled_by, updated_at"

_ROLE_NAME = re.compile(r"[a-z][a-z0-9_]{2,40}")


def _exec(conn: Connection, *statements: str) -> None:
    for sql in statements:
        conn.execute(text(sql))


def _ensure_group(conn: Connection, role: str) -> None:
    _exec(
        conn,
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {role} NOLOGIN; END IF; END $$",
    )


def _policy(conn: Connection, table: str, name: str, sql: str) -> None:
    _exec(conn, f"DROP POLICY IF EXISTS {name} ON {table}", sql)


def _owner_check(table: str) -> str:
    # (SELECT f()) is evaluated once per statement, not once per row
    if table == "managers":
        return "code = (SELECT public.fb_manager_code())"
    if table in OWNED:
        return "manager_id = (SELECT public.fb_manager_id())"
    column, parent = CHILDREN[table]
    return (
        f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column}"
        " AND p.manager_id = (SELECT public.fb_manager_id()))"
    )


#: The functions the policies call: who the login is. Each reads its tables by their
#: schema-qualified names with a pinned search_path (pg_temp last), so a temporary table or
#: anything else earlier on a session's path cannot answer in their place (PostgreSQL's
#: "Writing SECURITY DEFINER Functions Safely"; they are SECURITY INVOKER all the same).
FUNCTIONS = {
    "fb_manager_id": (
        "SELECT m.id FROM public.server_users u JOIN public.managers m"
        " ON m.code = u.manager_code WHERE u.role_name = current_user AND u.kind = 'manager'"
    ),
    "fb_manager_code": (
        "SELECT u.manager_code FROM public.server_users u"
        " WHERE u.role_name = current_user AND u.kind = 'manager'"
    ),
    "fb_department": (
        "SELECT u.department FROM public.server_users u"
        " WHERE u.role_name = current_user AND u.kind = 'department'"
    ),
}
PINNED_PATH = "pg_catalog, pg_temp"


def _harden(conn: Connection) -> None:
    """The policy functions, pinned; no temporary tables and no new objects for anyone but
    the owner; the functions executable by the Fieldbook groups only. Rerunning this on a
    server set up by an older Fieldbook closes what that one left open."""
    all_groups = ", ".join(GROUPS.values())
    signatures = ", ".join(f"public.{name}()" for name in FUNCTIONS)
    for name, body in FUNCTIONS.items():
        _exec(
            conn,
            f"CREATE OR REPLACE FUNCTION public.{name}() RETURNS varchar LANGUAGE sql STABLE"
            f" SECURITY INVOKER SET search_path = {PINNED_PATH} AS $$ {body} $$",
        )
    _exec(
        conn,
        f"REVOKE ALL ON FUNCTION {signatures} FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {signatures} TO {all_groups}",
        # functions this owner creates later are not executable by everyone either
        "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
        # temporary tables come first on every session's path: nobody gets to make one
        "DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, "
        + all_groups
        + "', current_database()); END $$",
        # nor tables, functions or operators in the schema the policies read (PostgreSQL 15
        # already revokes CREATE from PUBLIC; a server upgraded from 14 may still have it)
        f"REVOKE CREATE ON SCHEMA public FROM PUBLIC, {all_groups}",
    )


def init_server(url: str) -> None:
    """Migrate the schema at ``url`` and (re)create roles, grants and policies."""
    if not url.startswith("postgresql"):
        raise InvalidValue("server_needs_postgresql", field="db", value=url)
    Journal.open(url).close()  # the schema, migrated
    engine = db.make_engine(url)
    try:
        with engine.begin() as conn:
            _install(conn)
    finally:
        engine.dispose()


def _install(conn: Connection) -> None:
    # this session's names resolve to the real schema while the policies are (re)created
    _exec(conn, "SET LOCAL search_path = pg_catalog, public, pg_temp")
    for group in GROUPS.values():
        _ensure_group(conn, group)
    _harden(conn)
    _grant(conn)
    _manager_policies(conn)
    _spot_check_policies(conn)
    _department_policies(conn)
    install_oversight(conn, DEPARTMENTS)
    install_review_rounds(conn)
    install_manager_moves(conn)
    install_blobs(conn)
    install_summaries(conn)


def _grant(conn: Connection) -> None:
    """Table privileges of each group (row-level security then narrows them)."""
    all_groups = ", ".join(GROUPS.values())
    _exec(
        conn,
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {all_groups}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {all_groups}",
        f"GRANT USAGE ON SCHEMA public TO {all_groups}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fb_admin",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO fb_director",
        f"GRANT UPDATE ({WEEK_REVIEW_COLUMNS}) ON week_reports TO fb_director",
        "GRANT SELECT ON slips, slip_deliveries, slip_events, slip_attachments, customers,"
        " managers, skus, alembic_version, server_users TO fb_department",
        f"GRANT UPDATE ({DELIVERY_ANSWER_COLUMNS}) ON slip_deliveries TO fb_department",
        "GRANT INSERT ON slip_events TO fb_department",
    )
    for table, privileges in MANAGER_GRANTS.items():
        _exec(conn, f"GRANT {privileges} ON {table} TO fb_manager")
    _exec(
        conn,
        "GRANT SELECT, INSERT ON week_reports TO fb_manager",
        f"GRANT UPDATE ({WEEK_MANAGER_COLUMNS}) ON week_reports TO fb_manager",
    )


def _secure(conn: Connection, table: str, name: str, director: str) -> None:
    """Row-level security on ``table``: the administrator sees and writes everything, and
    the director gets the policy ``name`` (``director``: its clause after ``ON table``)."""
    _exec(conn, f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    _policy(
        conn,
        table,
        "fb_everything",
        f"CREATE POLICY fb_everything ON {table} TO fb_admin USING (true) WITH CHECK (true)",
    )
    _policy(conn, table, name, f"CREATE POLICY {name} ON {table} {director}")


def _manager_policies(conn: Connection) -> None:
    """A manager's own rows (and the shared SKU catalogue); the director reads all."""
    for table in ["managers", *OWNED, *CHILDREN, "slip_events", "skus"]:
        _secure(conn, table, "fb_read_all", "FOR SELECT TO fb_director USING (true)")
    for table in ["managers", *OWNED, *CHILDREN]:
        check = _owner_check(table)
        _policy(
            conn,
            table,
            "fb_own_rows",
            f"CREATE POLICY fb_own_rows ON {table} TO fb_manager USING ({check})"
            f" WITH CHECK ({check})",
        )
    events_own = (
        "EXISTS (SELECT 1 FROM slip_deliveries d JOIN slips s ON s.id = d.slip_id"
        " WHERE d.id = slip_events.delivery_id"
        " AND s.manager_id = (SELECT public.fb_manager_id()))"
    )
    _policy(
        conn,
        "slip_events",
        "fb_own_rows",
        f"CREATE POLICY fb_own_rows ON slip_events TO fb_manager USING ({events_own})"
        f" WITH CHECK ({events_own})",
    )
    _policy(
        conn,
        "skus",
        "fb_catalogue",
        "CREATE POLICY fb_catalogue ON skus TO fb_manager, fb_department USING (true)"
        " WITH CHECK (true)",
    )


def _spot_check_policies(conn: Connection) -> None:
    """The director's spot checks: the director writes them, the manager reads their own;
    and the director's review of submitted week reports."""
    _exec(
        conn,
        "GRANT SELECT, INSERT, UPDATE ON spot_checks, spot_check_items TO fb_director",
        "GRANT SELECT ON spot_checks, spot_check_items TO fb_manager",
    )
    for table in ("spot_checks", "spot_check_items"):
        _secure(conn, table, "fb_checks", "TO fb_director USING (true) WITH CHECK (true)")
    _policy(
        conn,
        "spot_checks",
        "fb_own_rows",
        "CREATE POLICY fb_own_rows ON spot_checks FOR SELECT TO fb_manager"
        " USING (manager_id = (SELECT public.fb_manager_id()))",
    )
    _policy(
        conn,
        "spot_check_items",
        "fb_own_rows",
        "CREATE POLICY fb_own_rows ON spot_check_items FOR SELECT TO fb_manager USING (EXISTS"
        " (SELECT 1 FROM spot_checks c WHERE c.id = spot_check_items.check_id"
        " AND c.manager_id = (SELECT public.fb_manager_id())))",
    )
    _policy(
        conn,
        "week_reports",
        "fb_review",
        "CREATE POLICY fb_review ON week_reports FOR UPDATE TO fb_director"
        " USING (status IN ('submitted', 'reviewed')) WITH CHECK (true)",
    )


def _department_policies(conn: Connection) -> None:
    """A department: the slips sent to it, its own deliveries, the customers and managers
    named."""
    mine = "department = (SELECT public.fb_department())"
    sent_to_me = (
        "EXISTS (SELECT 1 FROM slip_deliveries d WHERE d.slip_id = {t}.{c}"
        " AND d.department = (SELECT public.fb_department()))"
    )
    department_policies = {
        "slip_deliveries": f"USING ({mine}) WITH CHECK ({mine})",
        "slips": f"USING ({sent_to_me.format(t='slips', c='id')})",
        "slip_attachments": f"USING ({sent_to_me.format(t='slip_attachments', c='slip_id')})",
        "slip_events": (
            "USING (EXISTS (SELECT 1 FROM slip_deliveries d WHERE d.id = slip_events.delivery_id"
            f" AND d.{mine})) WITH CHECK (EXISTS (SELECT 1 FROM slip_deliveries d"
            f" WHERE d.id = slip_events.delivery_id AND d.{mine}))"
        ),
        "customers": "USING (true)",
        "managers": "USING (true)",
    }
    for table, body in department_policies.items():
        command = "" if "WITH CHECK" in body else "FOR SELECT "  # writes only where checked
        _policy(
            conn,
            table,
            "fb_department_rows",
            f"CREATE POLICY fb_department_rows ON {table} {command}TO fb_department {body}",
        )


@dataclass(frozen=True)
class ServerUserInput:
    role_name: str
    kind: str  # manager | department | director | admin
    password: str
    manager_code: str = ""
    department: str = ""
    display_name: str = ""


def add_user(url: str, user: ServerUserInput) -> None:
    """Create (or re-password) a LOGIN role in its group and record who it is."""
    name = user.role_name.strip().lower()
    if not _ROLE_NAME.fullmatch(name):
        raise InvalidValue("role_name", field="role_name", value=user.role_name)
    if user.kind not in GROUPS:
        raise InvalidValue("unknown_kind", field="kind", value=user.kind)
    if len(user.password) < 8:
        raise InvalidValue("password_too_short", field="password")
    if clean_free_text(user.password) != user.password or "\t" in user.password:
        # text parameters are cleaned on the way to the database: such a password would be
        # stored as something other than what was typed
        raise InvalidValue("password_control_chars", field="password")
    if user.kind == "manager" and not user.manager_code.strip():
        raise InvalidValue("required", field="manager")
    if user.kind == "department" and user.department not in DEPARTMENTS:
        raise InvalidValue("unknown_department", field="department", value=user.department)
    engine = db.make_engine(url)
    try:
        with engine.begin() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}
            ).scalar()
            # the password is sent as a literal PostgreSQL hashes (SCRAM) before storing it
            password = conn.execute(text("SELECT quote_literal(:p)"), {"p": user.password}).scalar()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(text(f"{verb} ROLE {name} LOGIN PASSWORD {password}"))
            conn.execute(text(f"GRANT {GROUPS[user.kind]} TO {name}"))
            for kind, group in GROUPS.items():  # a login changing kind leaves its old group
                if kind != user.kind:
                    conn.execute(text(f"REVOKE {group} FROM {name}"))
            conn.execute(
                text(
                    "INSERT INTO server_users (role_name, kind, manager_code, department,"
                    " display_name, created_at) VALUES (:r, :k, :m, :d, :n, now())"
                    " ON CONFLICT (role_name) DO UPDATE SET kind = excluded.kind,"
                    " manager_code = excluded.manager_code, department = excluded.department,"
                    " display_name = excluded.display_name"
                ),
                {
                    "r": name,
                    "k": user.kind,
                    "m": user.manager_code.strip().upper() if user.kind == "manager" else "",
                    "d": user.department if user.kind == "department" else "",
                    "n": user.display_name,
                },
            )
    finally:
        engine.dispose()


@dataclass(frozen=True)
class Reassigned:
    """A customer moved between managers on the server (``changed`` False: it already was)."""

    code: str
    shop_name: str
    from_manager: str
    to_manager: str
    changed: bool


def reassign_customer(url: str, code: str, to_manager: str, *, reason: str) -> Reassigned:
    """Make ``to_manager`` the customer ``code``'s manager on the server (an administrator's
    decision, e.g. a conflict a sync reported). Only the company's record moves: its manager,
    and its place on the old manager's route (routes are the manager's own). Visits, slips,
    plans and order lines stay with the manager who wrote them. The change is recorded in the
    server's audit trail with ``reason``, in the same transaction."""
    journal = Journal.open(url)
    try:
        with journal.writing("customers") as s:
            customer = s.scalars(
                select(Customer).where(Customer.code == code.strip()).with_for_update()
            ).one_or_none()
            if customer is None:
                raise InvalidValue("server_unknown_customer", field="customer", value=code)
            target = s.scalars(
                select(Manager).where(Manager.code == to_manager.strip().upper())
            ).one_or_none()
            if target is None:
                raise InvalidValue("server_unknown_manager", field="manager", value=to_manager)
            source = s.get(Manager, customer.manager_id)
            before = source.code if source else customer.manager_id
            moved = Reassigned(customer.code, customer.shop_name, before, target.code, False)
            if customer.manager_id == target.id:
                return moved
            audit.record(
                s,
                manager_id=target.id,
                record_type="customer",
                record_id=customer.id,
                changes={
                    "manager": (before, target.code),
                    "route_id": (customer.route_id, None),
                    "route_position": (customer.route_position, None),
                },
                reason=reason,
            )
            customer.manager_id = target.id
            customer.route_id = None
            customer.route_position = None
            customer.updated_at = clock.now()
        return Reassigned(customer.code, customer.shop_name, before, target.code, True)
    finally:
        journal.close()
