"""``fieldbook server status``: what an administrator checks on the department server — who
may log in, when each manager's work last arrived, how big the database is, which server and
how many of its connections are in use (decision 0033).

"Last arrived" is the newest stamp among what a manager's syncs push (visits, plans, work
logs, week reports: ``updated_at``; order lines: ``imported_at``), one grouped query per table:
the laptop's time of the newest record the server holds. "Last sync" is the server's own time
of the manager's newest completed sync, from its log of syncs (``sync_log``, with how many
laptops and syncs; ``fieldbook.core.server.sync_log``), and each manager's audit chain head
(entries, last link) comes from ``audit_chains.audit_heads`` (decision 0033, amendment).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, text

from fieldbook.core.server.audit_chains import AuditHead, audit_heads
from fieldbook.core.server.sync_log import sync_history
from fieldbook.core.store import db

#: table → the stamp a sync pushes it by (the tables that say when a manager last worked).
ARRIVALS = {
    "visits": "updated_at",
    "plans": "updated_at",
    "day_logs": "updated_at",
    "week_reports": "updated_at",
    "order_lines": "imported_at",
}
BIGGEST = 10  # how many tables the status lists by size


@dataclass(frozen=True)
class ServerUser:
    login: str
    kind: str  # manager | department | director | admin
    manager_code: str
    department: str
    display_name: str
    can_log_in: bool  # the role exists and has LOGIN (a user row can outlive its role)


@dataclass(frozen=True)
class ManagerArrival:
    code: str
    name: str
    last_record: datetime | None  # None: nothing of theirs has arrived yet
    visits: int
    last_sync: datetime | None = None  # the server's time of the newest sync; None: never
    laptops: int = 0  # laptop databases they synced from
    syncs: int = 0
    audit_entries: int = 0  # their audit chain on the server: entries, and its last link
    audit_head: str = ""


@dataclass(frozen=True)
class TableSize:
    name: str
    bytes: int
    rows: int  # live rows as the statistics count them (n_live_tup, else reltuples); -1: unknown


@dataclass
class ServerStatus:
    version: str
    database: str
    database_bytes: int
    connections: int  # client connections now, all databases
    max_connections: int
    reserved_connections: int  # superuser_reserved_connections (+ reserved_connections)
    users: list[ServerUser] = field(default_factory=list)
    managers: list[ManagerArrival] = field(default_factory=list)
    tables: list[TableSize] = field(default_factory=list)


def server_status(url: str) -> ServerStatus:
    """The status of the department server at ``url`` (an administrator's login)."""
    engine = db.make_engine(url, pool_size=1, max_overflow=0)
    try:
        heads = {h.manager_id: h for h in audit_heads(engine)}  # (its own connection first)
        with engine.connect() as con:
            status = _server(con)
            status.users = _users(con)
            status.managers = _arrivals(con, heads)
            status.tables = _tables(con)
            return status
    finally:
        engine.dispose()


def _setting(con: Connection, name: str, default: str = "0") -> str:
    value = con.execute(text("SELECT current_setting(:n, true)"), {"n": name}).scalar()
    return str(value) if value is not None else default


def _server(con: Connection) -> ServerStatus:
    row = con.execute(
        text(
            "SELECT current_database(), pg_database_size(current_database()),"
            " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')"
        )
    ).one()
    reserved = int(_setting(con, "superuser_reserved_connections")) + int(
        _setting(con, "reserved_connections")  # PostgreSQL 16+
    )
    return ServerStatus(
        version=_setting(con, "server_version", "?"),
        database=str(row[0]),
        database_bytes=int(row[1]),
        connections=int(row[2]),
        max_connections=int(_setting(con, "max_connections")),
        reserved_connections=reserved,
    )


def _users(con: Connection) -> list[ServerUser]:
    rows = con.execute(
        text(
            "SELECT u.role_name, u.kind, u.manager_code, u.department, u.display_name,"
            " coalesce(r.rolcanlogin, false)"
            " FROM server_users u LEFT JOIN pg_roles r ON r.rolname = u.role_name"
            " ORDER BY u.kind, u.manager_code, u.role_name"
        )
    )
    return [
        ServerUser(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), bool(r[5])) for r in rows
    ]


def _arrivals(con: Connection, heads: dict[str, AuditHead]) -> list[ManagerArrival]:
    newest: dict[str, datetime] = {}
    visits: dict[str, int] = {}
    for table, stamp in ARRIVALS.items():
        counted = ", count(*)" if table == "visits" else ""
        for row in con.execute(
            text(f"SELECT manager_id, max({stamp}){counted} FROM {table} GROUP BY manager_id")
        ):
            if row[1] is not None and (row[0] not in newest or row[1] > newest[row[0]]):
                newest[row[0]] = row[1]
            if counted:
                visits[row[0]] = int(row[2])
    synced = sync_history(con)
    managers = con.execute(text("SELECT id, code, name FROM managers ORDER BY code"))
    out = []
    for mid, code, name in managers:
        log, head = synced.get(mid), heads.get(mid)
        out.append(
            ManagerArrival(
                code,
                name,
                newest.get(mid),
                visits.get(mid, 0),
                last_sync=log.last_sync if log else None,
                laptops=log.laptops if log else 0,
                syncs=log.syncs if log else 0,
                audit_entries=head.count if head else 0,
                audit_head=head.link if head and head.count else "",
            )
        )
    return out


def _tables(con: Connection) -> list[TableSize]:
    rows = con.execute(
        text(
            "SELECT c.relname, pg_total_relation_size(c.oid),"
            " coalesce(s.n_live_tup, nullif(c.reltuples, -1)::bigint, -1)"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid"
            " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
            " ORDER BY 2 DESC, 1 LIMIT :n"
        ),
        {"n": BIGGEST},
    )
    return [TableSize(str(r[0]), int(r[1]), int(r[2])) for r in rows]
