"""Sync a manager's laptop (SQLite) with the department server (PostgreSQL).

Ownership decides the direction of every record, so no record is ever merged from two
writers (decision 0009):

- the manager's own records go up (push): the manager row, routes, plans with their stops,
  finished visits with their SKU grid, time edits and slip suggestions, follow-ups, slips
  with their attachments' metadata, order lines (by day), work logs and week reports (their
  manager-written fields);
- the company's master data comes down (pull): customers of the manager and SKUs. A customer
  or SKU the server does not know yet goes up once (insert only), so a department server can
  be seeded from the laptops; afterwards the server's copy wins;
- the departments' answers come down: each delivery's state, answer and handler, and the
  department's moves (slip events) — the manager's own events go up, both sides only append;
- the market department's review of a week report comes down (review, comment, reviewer);
- the manager's changes of customers' audited fields go up (``customer_changes``, insert only);
- the department head's answers to the problems escalated in the manager's day logs come down
  (``escalation_answers``) and are written into the logs' escalation rows; the head never
  writes the log itself, so the laptop's copy of a log pushed later cannot undo an answer.
- attachment files go up and come down as content-addressed chunks (``sync_blobs``), and the
  manager's slips made on another laptop come down (``sync_slip_copies``; decision 0031).
- the manager's audit entries go up into their own chain on the server, after a check that the
  laptop still holds what the server has (``sync_audit``, decision 0030).

Push is by change cursor: rows whose ``updated_at`` (or ``imported_at``) is later than what
the last sync pushed, looked at with a margin so a clock step back cannot hide a row. Every
write on the server is conditional (an insert, or an update only where the row differs), so
a row sent twice changes nothing and is not counted: a second sync reports nothing moved.
Work goes in batches, each committed on the server before its cursor is saved locally; a
sync cut off at any point (a dropped connection, a killed process) resumes where it stopped
and ends in the same state.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Table, delete, func, select, true
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
    ProgrammingError,
)

from fieldbook.core import clock
from fieldbook.core.server.sync_audit import AuditPush
from fieldbook.core.server.sync_blobs import Blobs
from fieldbook.core.server.sync_busy import BusyRetry, merged
from fieldbook.core.server.sync_conflicts import keep_newer_on_server, store_conflicts
from fieldbook.core.server.sync_held import HeldBack
from fieldbook.core.server.sync_log import log_sync
from fieldbook.core.server.sync_moves import push_manager_moves
from fieldbook.core.server.sync_pull import Pull
from fieldbook.core.server.sync_report import Progress, SyncError, SyncReport
from fieldbook.core.server.sync_sku_refs import translated
from fieldbook.core.server.sync_slip_copies import SlipCopies
from fieldbook.core.server.sync_units import MASTER, UNITS, Unit, stamp_of
from fieldbook.core.server.sync_writes import (
    BATCH,
    T,
    columns_of,
    insert_for,
    replace_children,
    rows_of,
    upsert,
)
from fieldbook.core.store import db, migrate

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

MARGIN = timedelta(seconds=5)  # look back this far behind a cursor (clock steps, ties)
EPOCH = datetime(1900, 1, 1)
SERVER_KEY = "sync.server"
CURSOR_KEY = "sync.cursor."
LAST_KEY = "sync.last"


# --- the sync -------------------------------------------------------------------------------
class Sync:
    """One laptop database ↔ one department server."""

    def __init__(
        self,
        journal: Journal,
        server: Engine,
        *,
        batch: int = BATCH,
        progress: Progress | None = None,
        stop_after: int | None = None,
    ) -> None:
        self.j = journal
        self.server = server
        self.batch = batch
        self.progress = progress or (lambda _m: None)
        self.report = SyncReport()
        self._stop_after = stop_after  # tests: raise after this many server commits
        self._commits = 0
        self._ids: dict[str, dict[str, str]] = {name: {} for name in MASTER}
        self.held = HeldBack()

    # cursors live in the laptop's settings
    def _cursor(self, name: str) -> datetime:
        with self.j.reading() as s:
            value = self.j.get_setting(s, CURSOR_KEY + name)
        return datetime.fromisoformat(value) if value else EPOCH

    def _save_cursor(self, name: str, value: datetime) -> None:
        with self.j.writing() as s:
            self.j.set_setting(s, CURSOR_KEY + name, value.isoformat())

    def _translate(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Laptop ids of customers and SKUs → the server's ids for the same codes."""
        if not any(self._ids.values()):
            return rows
        out = []
        for row in rows:
            row = dict(row)
            for table, column in MASTER.items():
                if column in row and row[column] in self._ids[table]:
                    row[column] = self._ids[table][row[column]]
            out.append(translated(row, self._ids["skus"]))  # a slip's 品牌上柜 SKUs
        return out

    def _push_master(self, manager: str) -> None:
        """Customers and SKUs the server does not know (by code) go up once, under the
        laptop's ids; the ones it knows are mapped to the server's ids. A customer whose code
        the server has under another manager is held back, with what names it."""
        for table_name in MASTER:
            table = T[table_name]
            customers = table_name == "customers"
            where = table.c.manager_id == manager if customers else true()
            with self.j.engine.connect() as local:
                rows = rows_of(local, select(table).where(where))
            by_code = {r["code"]: r for r in rows}
            server_ids: dict[str, str] = {}
            codes = list(by_code)
            owner = table.c.manager_id if customers else table.c.id
            with self.server.connect() as remote:
                for start in range(0, len(codes), self.batch):
                    chunk = codes[start : start + self.batch]
                    for code, sid, who in remote.execute(
                        select(table.c.code, table.c.id, owner).where(table.c.code.in_(chunk))
                    ):
                        if customers and who != manager:  # seen by a login that sees all
                            if sid == by_code[code]["id"]:
                                self.held.moved(sid, code)
                            else:
                                self.held.customer(by_code[code]["id"], code)
                        else:
                            server_ids[code] = sid
            self._ids[table_name] = {
                by_code[code]["id"]: sid
                for code, sid in server_ids.items()
                if by_code[code]["id"] != sid
            }
            elsewhere = self.held.ids(table_name) | self.held.moved_ids
            new = [
                r
                for code, r in by_code.items()
                if code not in server_ids and r["id"] not in elsewhere
            ]
            for start in range(0, len(new), self.batch):
                chunk = new[start : start + self.batch]
                with self.server.begin() as remote:
                    if customers:
                        n = self._insert_customers(remote, table, chunk)
                    else:
                        n = upsert(remote, table, chunk, insert_only=True)
                    self.report.add("up", table_name, n)
                self._committed()

    def _insert_customers(
        self, remote: Connection, table: Table, rows: list[dict[str, Any]]
    ) -> int:
        """Insert customers the server does not show this manager. One it already has
        belongs to another manager (row-level security hides it): if the server has this
        very record (same id), it was moved; if another record has the code, it is held."""
        ins = insert_for(remote)(table)
        inserted = set(
            remote.execute(ins.on_conflict_do_nothing().returning(table.c.code), rows).scalars()
        )
        probe = ins.on_conflict_do_nothing(index_elements=["id"]).returning(table.c.code)
        for row in rows:
            if row["code"] in inserted:
                continue
            try:
                with remote.begin_nested():  # a savepoint: the probe may fail on its own
                    added = remote.execute(probe, row).first()
            except IntegrityError:  # the code is another record's
                self.held.customer(row["id"], row["code"])
                continue
            if added:  # (the other record went away in between)
                inserted.add(row["code"])
            else:  # the id is the server's already: the same record, another manager's now
                self.held.moved(row["id"], row["code"])
        return len(inserted)

    def _committed(self) -> None:
        self._commits += 1
        if self._stop_after is not None and self._commits >= self._stop_after:
            raise SyncError("interrupted", f"stopped after {self._commits} server commits")

    def run(self) -> SyncReport:
        """The whole sync; the conflicts it found are kept on the laptop even when it stops
        part-way (a retried sync would not find them again: their rows have moved on)."""
        try:
            return self._run()
        finally:
            store_conflicts(self.j, self.report.conflicts)

    def _run(self) -> SyncReport:
        with self.j.reading() as s:
            manager = self.j.current_manager_id(s)
        self._check_server()
        for unit in UNITS:
            if unit.name == "plans":  # after the manager and routes, before what refers to them
                self.progress("up: customers, skus")
                self._push_master(manager)
            self.progress(f"up: {unit.name}")
            self._push(unit, manager)
            if unit.name == "slip_events":  # the manager's own moves after sending
                push_manager_moves(self.j, self.server, manager, self.report)
        self.progress("up: order_lines")
        self._push_orders(manager)
        self.progress("up: attachment files")
        blobs = Blobs(self.j, self.server, self.report)
        blobs.push(manager)
        self.progress("down: master data, answers, reviews")
        Pull(self.j, self.server, self.report).run(manager)
        SlipCopies(self.j, self.server, self.report).run(manager)  # from a second laptop
        blobs.fetch(manager)
        self.report.problems = self.held.problems() + blobs.problems()
        self.report.notices = self.held.notices()
        self.progress("up: audit_entries")
        AuditPush(self.j, self.server, self.report, self.batch, self._committed).run(manager)
        log_sync(self.j, self.server, manager, self.report)  # the server's log of syncs
        with self.j.writing() as s:
            self.j.set_setting(s, LAST_KEY, clock.now().isoformat(timespec="seconds"))
        return self.report

    def _check_server(self) -> None:
        try:
            rev = migrate.current_revision(self.server)
        except (OperationalError, DBAPIError) as exc:
            raise SyncError("unreachable", str(exc.orig or exc)) from exc
        if rev != migrate.SCHEMA_HEAD:
            raise SyncError(
                "schema",
                f"server schema {rev or 'empty'}, this Fieldbook {migrate.SCHEMA_HEAD}",
            )

    def _push(self, unit: Unit, manager: str) -> None:
        table = T[unit.name]
        since = self._cursor(unit.name)
        look = since - MARGIN if since > EPOCH else since
        with self.j.engine.connect() as local:
            stmt = unit.changed(manager, look)
            if unit.stamp:
                stmt = stmt.order_by(table.c[unit.stamp], table.c.id)
            rows = self._translate(rows_of(local, stmt))
        if not rows:
            return
        floor: datetime | None = None  # the cursor stays at or before the first held row
        for start in range(0, len(rows), self.batch):
            batch, held = self.held.split(unit.name, rows[start : start + self.batch])
            self._hold_children(unit, held)
            ids = [r["id"] for r in batch]
            with self.j.engine.connect() as local:
                children = {
                    name: self._translate(
                        rows_of(local, select(T[name]).where(T[name].c[col].in_(ids)))
                    )
                    for name, col in unit.children
                }
            waiting: dict[str, list[dict[str, Any]]] = {}
            for name, col in unit.children:
                children[name], waiting[name] = self.held.split(name, children[name])
                parents = {r[col] for r in waiting[name]}
                held += [r for r in batch if r["id"] in parents]  # for the cursor only
            with self.server.begin() as remote:
                sent = keep_newer_on_server(remote, unit.name, batch, self.report)
                if unit.keep:
                    update = [c for c in columns_of(table) if c not in unit.keep]
                    changed = upsert(remote, table, sent, update=update, guarded=unit.guard())
                else:
                    changed = upsert(remote, table, sent, insert_only=unit.insert_only)
                self.report.add("up", unit.name, changed)
                for name, col in unit.children:
                    kept = {r["id"] for r in waiting[name]}
                    n = replace_children(remote, T[name], col, ids, children[name], kept)
                    self.report.add("up", name, n)
            self._committed()  # (a test may stop here: committed there, cursor not saved)
            if unit.stamp:
                stamps = [s for r in batch + held if (s := stamp_of(unit, r)) is not None]
                held_stamps = [s for r in held if (s := stamp_of(unit, r)) is not None]
                if held_stamps:
                    floor = min([*held_stamps, floor] if floor else held_stamps)
                if stamps:
                    cursor = max(max(stamps), since)
                    self._save_cursor(unit.name, min(cursor, floor) if floor else cursor)

    def _hold_children(self, unit: Unit, held: list[dict[str, Any]]) -> None:
        """The children of held rows stay behind with them."""
        if not held or not unit.children:
            return
        ids = [r["id"] for r in held]
        with self.j.engine.connect() as local:
            for name, col in unit.children:
                for child, parent in local.execute(
                    select(T[name].c.id, T[name].c[col]).where(T[name].c[col].in_(ids))
                ):
                    self.held.hold_quietly(name, [child], self.held.origin_of(unit.name, parent))

    def _push_orders(self, manager: str) -> None:
        lines = T["order_lines"]
        since = self._cursor("order_lines")
        look = since - MARGIN if since > EPOCH else since
        with self.j.engine.connect() as local:
            days = [
                (d, stamp)
                for d, stamp in local.execute(
                    select(lines.c.order_date, func.max(lines.c.imported_at))
                    .where(lines.c.manager_id == manager)
                    .group_by(lines.c.order_date)
                    .having(func.max(lines.c.imported_at) > look)
                    .order_by(func.max(lines.c.imported_at))
                )
            ]
        floor: datetime | None = None  # the first day with lines held back
        for day, stamp in days:
            with self.j.engine.connect() as local:
                rows = self._translate(
                    rows_of(
                        local,
                        select(lines).where(
                            lines.c.manager_id == manager, lines.c.order_date == day
                        ),
                    )
                )
            rows, held = self.held.split("order_lines", rows)
            waiting = {r["id"] for r in held}
            with self.server.begin() as remote:
                stored = set(
                    remote.execute(
                        select(lines.c.id).where(
                            lines.c.manager_id == manager, lines.c.order_date == day
                        )
                    ).scalars()
                )
                if stored - waiting != {r["id"] for r in rows}:
                    day_lines = [lines.c.manager_id == manager, lines.c.order_date == day]
                    if waiting:  # lines the laptop has but holds back stay where they are
                        day_lines.append(lines.c.id.not_in(list(waiting)))
                    remote.execute(delete(lines).where(*day_lines))
                    self.report.add("up", "order_lines", upsert(remote, lines, rows))
            self._committed()
            if held and floor is None:
                floor = stamp  # this day is looked at again until its lines can go up
            self._save_cursor("order_lines", floor or max(stamp, since))


def sync(
    journal: Journal,
    server_url: str,
    *,
    batch: int = BATCH,
    progress: Progress | None = None,
    stop_after: int | None = None,
    busy: BusyRetry | None = None,
) -> SyncReport:
    """Push this laptop's records to the server at ``server_url`` and pull what the company
    and the departments own. Safe to run again at any time; see the module docstring. A full
    server is waited for (``busy``: how; see ``sync_busy``)."""
    check_server_address(server_url)
    retry = busy or BusyRetry(progress or (lambda _m: None))
    reports: list[SyncReport] = []

    def attempt() -> SyncReport:
        # its own engine, holding at most one server connection (and none once the attempt
        # ends: a refused attempt frees its slot before it waits)
        server = db.make_engine(server_url, pool_size=1, max_overflow=0)
        run = Sync(journal, server, batch=batch, progress=progress, stop_after=stop_after)
        reports.append(run.report)
        try:
            return _attempt(run)
        finally:
            server.dispose()

    retry.run(attempt)
    return merged(reports)


def _attempt(run: Sync) -> SyncReport:
    """One run, its failures worded as ``SyncError``."""
    try:
        return run.run()
    except IntegrityError as exc:
        # e.g. a second profile with a code the server already knows under another id:
        # the batch was rolled back on the server; nothing of it was written
        raise SyncError("conflict", _first_line(exc.orig or exc)) from exc
    except ProgrammingError as exc:
        if "permission denied" in str(exc.orig or exc) or "row-level security" in str(exc.orig):
            raise SyncError("refused", _first_line(exc.orig or exc)) from exc
        raise
    except (OperationalError, DBAPIError) as exc:
        raise SyncError("connection", _first_line(getattr(exc, "orig", exc) or exc)) from exc


def check_server_address(url: str) -> str:
    """``url`` if it is a PostgreSQL address Fieldbook can use (else ``SyncError``, exit 2):
    a sync never opens, creates or changes a local file as a "server"."""
    try:
        parsed = make_url(url)
        parsed.get_dialect()
        _ = parsed.port
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise SyncError("bad_address", _first_line(exc)) from exc
    if parsed.get_backend_name() != "postgresql":
        raise SyncError("bad_address", parsed.render_as_string(hide_password=True))
    return url


#: Query options of a PostgreSQL address that carry a secret (libpq connection parameters).
SECRET_OPTIONS = frozenset({"password", "sslpassword"})


def has_secret(url: str) -> bool:
    """Whether ``url`` carries a password (``user:pw@`` or ``?password=…``)."""
    given = make_url(url)
    return bool(given.password) or any(k.lower() in SECRET_OPTIONS for k in given.query)


def address_only(url: str) -> str:
    """``url`` without a password, in the user part or the query (the one thing of a server
    address that is never stored)."""
    given = make_url(url)
    return URL.create(
        given.drivername,
        username=given.username,
        host=given.host,
        port=given.port,
        database=given.database,
        query={k: v for k, v in given.query.items() if k.lower() not in SECRET_OPTIONS},
    ).render_as_string(hide_password=False)


def _first_line(exc: object) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
