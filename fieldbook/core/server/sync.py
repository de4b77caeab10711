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
- the market department's review of a week report comes down (review, comment, reviewer).

Push is by change cursor: rows whose ``updated_at`` (or ``imported_at``) is later than what
the last sync pushed, looked at with a margin so a clock step back cannot hide a row. Every
write on the server is conditional (an insert, or an update only where the row differs), so
a row sent twice changes nothing and is not counted: a second sync reports nothing moved.
Work goes in batches, each committed on the server before its cursor is saved locally; a
sync cut off at any point (a dropped connection, a killed process) resumes where it stopped
and ends in the same state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    and_,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError

from fieldbook.core import clock
from fieldbook.core.errors import DatabaseError
from fieldbook.core.server.sync_held import HeldBack, SyncProblem
from fieldbook.core.store import db, migrate
from fieldbook.core.store.models import Base

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

T = Base.metadata.tables
MARGIN = timedelta(seconds=5)  # look back this far behind a cursor (clock steps, ties)
BATCH = 500
EPOCH = datetime(1900, 1, 1)
SERVER_KEY = "sync.server"
CURSOR_KEY = "sync.cursor."
LAST_KEY = "sync.last"

#: Columns the departments and the market department write on the server; a push never
#: overwrites them.
DEPARTMENT_COLUMNS = {
    "slip_deliveries": ("state", "answer", "handled_by", "updated_at"),
    "week_reports": ("review", "review_comment", "reviewer", "reviewed_at"),
}


class SyncError(DatabaseError):
    """The sync could not run or stopped; what was synced before stays synced."""

    code = "sync_failed"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason, reason=f"sync_{reason}", why=detail)
        self.reason = reason
        # exit 2: the user must say where, or said something that is no server address
        self.is_input_error = reason in ("no_server", "bad_address")


@dataclass
class SyncReport:
    """What moved: table → rows, up and down; ``problems``: what could not go up (one per
    customer another manager owns on the server, with how many rows wait for it);
    ``notices``: what the manager should know (a customer moved to another manager)."""

    pushed: dict[str, int] = field(default_factory=dict)
    pulled: dict[str, int] = field(default_factory=dict)
    problems: list[SyncProblem] = field(default_factory=list)
    notices: list[SyncProblem] = field(default_factory=list)

    def add(self, direction: str, table: str, count: int) -> None:
        if count:
            target = self.pushed if direction == "up" else self.pulled
            target[table] = target.get(table, 0) + count

    @property
    def moved(self) -> int:
        return sum(self.pushed.values()) + sum(self.pulled.values())


Progress = Callable[[str], None]


# --- conditional writes ------------------------------------------------------------------------
def _insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _columns(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def upsert(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    update: Iterable[str] | None = None,
    insert_only: bool = False,
    guarded: dict[str, Any] | None = None,
) -> int:
    """Insert ``rows``, or update the ``update`` columns (default: all but the key) where the
    stored row differs. Returns how many rows were inserted or changed."""
    if not rows:
        return 0
    ins = _insert(conn)(table)
    if insert_only:
        stmt = ins.on_conflict_do_nothing(index_elements=["id"])
    else:
        names = [c for c in (update or _columns(table)) if c != "id"]
        values = {c: ins.excluded[c] for c in names}
        for column, keep_when in (guarded or {}).items():  # the server's value wins when ...
            values[column] = case((keep_when, table.c[column]), else_=ins.excluded[column])
        differs = or_(*(table.c[c].is_distinct_from(values[c]) for c in names))
        stmt = ins.on_conflict_do_update(index_elements=["id"], set_=values, where=differs)
    # a row comes back only where one was written; a list of rows goes as few multi-row
    # statements ("insertmanyvalues"), not one round trip per row
    stmt = stmt.returning(table.c.id)
    return len(conn.execute(stmt, list(rows)).all())


def _rows(conn: Connection, stmt: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(stmt)]


def _replace_children(
    conn: Connection,
    table: Table,
    parent: str,
    parent_ids: list[str],
    rows: list[dict],
    held: set[str] | frozenset[str] = frozenset(),
) -> int:
    """Make the server's children of ``parent_ids`` exactly ``rows``: delete the ones the
    laptop no longer has (not the ``held`` ones: it has them, they wait), write the rest
    conditionally. Returns rows changed."""
    keep = {r["id"] for r in rows} | set(held)
    gone = 0
    if parent_ids:
        existing = conn.execute(select(table.c.id).where(table.c[parent].in_(parent_ids))).scalars()
        stale = [i for i in existing if i not in keep]
        for start in range(0, len(stale), BATCH):
            chunk = stale[start : start + BATCH]
            deleted = conn.execute(delete(table).where(table.c.id.in_(chunk)).returning(table.c.id))
            gone += len(deleted.all())
    return gone + upsert(conn, table, rows)


# --- the units of a push -------------------------------------------------------------------
@dataclass(frozen=True)
class Unit:
    """One kind of record pushed together: a root table, how its changed rows are found,
    and the child tables that go with each root row."""

    name: str
    changed: Callable[[str, datetime], Any]  # (manager id, since) -> select of root rows
    stamp: str = "updated_at"
    children: tuple[tuple[str, str], ...] = ()  # (table, column naming the root row)
    insert_only: bool = False
    keep: tuple[str, ...] = ()  # columns the server owns
    guard: Callable[[], dict[str, Any]] = dict  # column -> when the server's value stays


def _since(table: Table, since: datetime, column: str = "updated_at") -> Any:
    return table.c[column] > since


def _stamp(unit: Unit, row: dict[str, Any]) -> datetime | None:
    """The moment that makes ``unit`` look at ``row`` (a follow-up: its creation or closing,
    whichever is later)."""
    stamps = [row[unit.stamp]]
    if unit.name == "followups":
        stamps.append(row["closed_at"])
    present = [s for s in stamps if s is not None]
    return max(present) if present else None


def _units() -> list[Unit]:
    routes = T["routes"]
    plans, stops, visits = T["plans"], T["plan_stops"], T["visits"]
    followups, slips, logs, weeks = T["followups"], T["slips"], T["day_logs"], T["week_reports"]
    deliveries, events = T["slip_deliveries"], T["slip_events"]

    def plans_changed(m: str, since: datetime) -> Any:
        touched = select(stops.c.plan_id).where(_since(stops, since))
        return select(plans).where(
            plans.c.manager_id == m, or_(_since(plans, since), plans.c.id.in_(touched))
        )

    def followups_changed(m: str, since: datetime) -> Any:
        return select(followups).where(
            followups.c.manager_id == m,
            or_(followups.c.created_at > since, followups.c.closed_at > since),
        )

    def events_changed(m: str, since: datetime) -> Any:
        mine = select(deliveries.c.id).join(slips, slips.c.id == deliveries.c.slip_id)
        return select(events).where(
            events.c.delivery_id.in_(mine.where(slips.c.manager_id == m)), events.c.at > since
        )

    return [
        Unit("managers", lambda m, s: select(T["managers"]).where(T["managers"].c.id == m)),
        Unit(
            "routes", lambda m, s: select(routes).where(routes.c.manager_id == m, _since(routes, s))
        ),
        Unit("plans", plans_changed, children=(("plan_stops", "plan_id"),)),
        Unit(
            "visits",
            lambda m, s: select(visits).where(
                visits.c.manager_id == m, visits.c.status != "draft", _since(visits, s)
            ),
            children=(
                ("visit_skus", "visit_id"),
                ("visit_time_edits", "visit_id"),
                ("slip_suggestions", "visit_id"),
            ),
        ),
        Unit("followups", followups_changed, stamp="created_at"),
        Unit(
            "slips",
            lambda m, s: select(slips).where(slips.c.manager_id == m, _since(slips, s)),
            children=(("slip_attachments", "slip_id"),),
        ),
        Unit(
            "slip_deliveries",
            lambda m, s: (
                select(deliveries)
                .join(slips, slips.c.id == deliveries.c.slip_id)
                .where(slips.c.manager_id == m, _since(slips, s))
            ),
            stamp="",
            insert_only=True,
        ),
        Unit("slip_events", events_changed, stamp="at", insert_only=True),
        Unit("day_logs", lambda m, s: select(logs).where(logs.c.manager_id == m, _since(logs, s))),
        Unit(
            "week_reports",
            lambda m, s: select(weeks).where(weeks.c.manager_id == m, _since(weeks, s)),
            keep=DEPARTMENT_COLUMNS["week_reports"],
            # the manager submits, the market department reviews: a review stands
            guard=lambda: {"status": weeks.c.status == "reviewed"},
        ),
    ]


UNITS = _units()

#: Master data (the company's): matched between laptop and server by code, since each laptop
#: may have imported the same list under its own ids. References to them are translated.
MASTER = {"skus": "sku_id", "customers": "customer_id"}


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
            out.append(row)
        return out

    def _push_master(self, manager: str) -> None:
        """Customers and SKUs the server does not know (by code) go up once, under the
        laptop's ids; the ones it knows are mapped to the server's ids. A customer whose code
        the server has under another manager is held back, with what names it."""
        for table_name in MASTER:
            table = T[table_name]
            customers = table_name == "customers"
            where = table.c.manager_id == manager if customers else True
            with self.j.engine.connect() as local:
                rows = _rows(local, select(table).where(where))
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

    def _insert_customers(self, remote: Connection, table: Table, rows: list[dict]) -> int:
        """Insert customers the server does not show this manager. One it already has
        belongs to another manager (row-level security hides it): if the server has this
        very record (same id), it was moved; if another record has the code, it is held."""
        ins = _insert(remote)(table)
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
        with self.j.reading() as s:
            manager = self.j.current_manager_id(s)
        self._check_server()
        for unit in UNITS:
            if unit.name == "plans":  # after the manager and routes, before what refers to them
                self.progress("up: customers, skus")
                self._push_master(manager)
            self.progress(f"up: {unit.name}")
            self._push(unit, manager)
        self.progress("up: order_lines")
        self._push_orders(manager)
        self.progress("down: master data, answers, reviews")
        self._pull(manager)
        self.report.problems = self.held.problems()
        self.report.notices = self.held.notices()
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
            rows = self._translate(_rows(local, stmt))
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
                        _rows(local, select(T[name]).where(T[name].c[col].in_(ids)))
                    )
                    for name, col in unit.children
                }
            waiting: dict[str, list[dict]] = {}
            for name, col in unit.children:
                children[name], waiting[name] = self.held.split(name, children[name])
                parents = {r[col] for r in waiting[name]}
                held += [r for r in batch if r["id"] in parents]  # for the cursor only
            with self.server.begin() as remote:
                if unit.keep:
                    update = [c for c in _columns(table) if c not in unit.keep]
                    changed = upsert(remote, table, batch, update=update, guarded=unit.guard())
                else:
                    changed = upsert(remote, table, batch, insert_only=unit.insert_only)
                self.report.add("up", unit.name, changed)
                for name, col in unit.children:
                    kept = {r["id"] for r in waiting[name]}
                    n = _replace_children(remote, T[name], col, ids, children[name], kept)
                    self.report.add("up", name, n)
            self._committed()  # (a test may stop here: committed there, cursor not saved)
            if unit.stamp:
                stamps = [s for r in batch + held if (s := _stamp(unit, r)) is not None]
                held_stamps = [s for r in held if (s := _stamp(unit, r)) is not None]
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
                    _rows(
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

    def _pull(self, manager: str) -> None:
        """Everything the company and the departments own for this manager, compared in full
        and written where it differs: a manager's master data, slips and reviews are small
        (hundreds of rows a year), and comparing them needs no clock shared with the server."""
        customers, skus = T["customers"], T["skus"]
        deliveries, events, slips = T["slip_deliveries"], T["slip_events"], T["slips"]
        weeks = T["week_reports"]
        mine = select(slips.c.id).where(slips.c.manager_id == manager)
        with self.server.connect() as remote:
            got = {
                "skus": _rows(remote, select(skus)),
                "customers": _rows(
                    remote, select(customers).where(customers.c.manager_id == manager)
                ),
                "slip_deliveries": _rows(
                    remote, select(deliveries).where(deliveries.c.slip_id.in_(mine))
                ),
                "week_reports": _rows(
                    remote,
                    select(weeks).where(
                        weeks.c.manager_id == manager, weeks.c.reviewed_at.is_not(None)
                    ),
                ),
            }
        with db.write_session(self.j.engine) as s:
            local = s.connection()
            for name in MASTER:
                self.report.add("down", name, _merge_by_code(local, T[name], got[name]))
            known = set(
                local.execute(
                    select(deliveries.c.id).where(
                        deliveries.c.slip_id.in_(
                            select(slips.c.id).where(slips.c.manager_id == manager)
                        )
                    )
                ).scalars()
            )
            answered = [r for r in got["slip_deliveries"] if r["id"] in known]
            n = upsert(local, deliveries, answered, update=DEPARTMENT_COLUMNS["slip_deliveries"])
            self.report.add("down", "slip_deliveries", n)
            have = (
                set(
                    local.execute(
                        select(events.c.id).where(events.c.delivery_id.in_(list(known)))
                    ).scalars()
                )
                if known
                else set()
            )
            with self.server.connect() as remote:
                missing = [
                    r
                    for r in _rows(
                        remote,
                        select(events).where(
                            events.c.delivery_id.in_(
                                select(deliveries.c.id).where(deliveries.c.slip_id.in_(mine))
                            )
                        ),
                    )
                    if r["id"] not in have and r["delivery_id"] in known
                ]
            self.report.add("down", "slip_events", upsert(local, events, missing, insert_only=True))
            reviewed = [
                {k: r[k] for k in ("id", "status", *DEPARTMENT_COLUMNS["week_reports"])}
                for r in got["week_reports"]
            ]
            local_ids = (
                set(
                    local.execute(
                        select(weeks.c.id).where(weeks.c.id.in_([r["id"] for r in reviewed]))
                    ).scalars()
                )
                if reviewed
                else set()
            )
            n = _update_existing(local, weeks, [r for r in reviewed if r["id"] in local_ids])
            self.report.add("down", "week_reports", n)
            self._pull_spot_checks(local, manager)

    def _pull_spot_checks(self, local: Connection, manager: str) -> None:
        """The director's spot checks of this manager, with their findings and corrections."""
        checks, items = T["spot_checks"], T["spot_check_items"]
        with self.server.connect() as remote:
            got_checks = _rows(remote, select(checks).where(checks.c.manager_id == manager))
            ids = [r["id"] for r in got_checks]
            got_items = _rows(remote, select(items).where(items.c.check_id.in_(ids))) if ids else []
        visits = (
            set(
                local.execute(
                    select(T["visits"].c.id).where(
                        T["visits"].c.id.in_([r["visit_id"] for r in got_items])
                    )
                ).scalars()
            )
            if got_items
            else set()
        )
        self.report.add("down", "spot_checks", upsert(local, checks, got_checks))
        known = [r for r in got_items if r["visit_id"] in visits]
        self.report.add("down", "spot_check_items", upsert(local, items, known))
        self.j.notify(frozenset({"customers", "catalog", "slips", "week"}))


def _merge_by_code(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """The server's master rows into the laptop: a row whose code the laptop has updates that
    row (its local id kept); a new code is inserted under the server's id."""
    if not rows:
        return 0
    local_ids = dict(
        conn.execute(
            select(table.c.code, table.c.id).where(table.c.code.in_([r["code"] for r in rows]))
        ).all()
    )
    known, new = [], []
    for row in rows:
        if row["code"] in local_ids:
            known.append({**row, "id": local_ids[row["code"]]})
        else:
            new.append(row)
    for row in known:
        row.pop("route_id", None)  # the laptop's own route planning stays the laptop's
        row.pop("route_position", None)
    if "route_id" in table.c and new:
        routes = set(conn.execute(select(T["routes"].c.id)).scalars())
        new = [{**r, "route_id": r["route_id"] if r["route_id"] in routes else None} for r in new]
    changed = _update_existing(conn, table, known)
    return changed + upsert(conn, table, new, insert_only=True)


def _update_existing(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """Update the given columns of rows that exist, where they differ."""
    changed = 0
    for row in rows:
        names = [k for k in row if k != "id"]
        stmt = (
            table.update()
            .where(
                and_(
                    table.c.id == bindparam("_id"),
                    or_(*(table.c[k].is_distinct_from(bindparam(f"_v_{k}")) for k in names)),
                )
            )
            .values({k: bindparam(f"_v_{k}") for k in names})
        )
        if "updated_at" in table.c and "updated_at" not in names:
            stmt = stmt.values(updated_at=table.c.updated_at)  # not a change of the laptop's
        params = {"_id": row["id"], **{f"_v_{k}": row[k] for k in names}}
        changed += len(conn.execute(stmt.returning(table.c.id), params).all())
    return changed


def sync(
    journal: Journal,
    server_url: str,
    *,
    batch: int = BATCH,
    progress: Progress | None = None,
    stop_after: int | None = None,
) -> SyncReport:
    """Push this laptop's records to the server at ``server_url`` and pull what the company
    and the departments own. Safe to run again at any time; see the module docstring."""
    check_server_address(server_url)
    server = db.make_engine(server_url)
    try:
        return Sync(journal, server, batch=batch, progress=progress, stop_after=stop_after).run()
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
    finally:
        server.dispose()


def check_server_address(url: str) -> str:
    """``url`` if it is a PostgreSQL address Fieldbook can use (else ``SyncError``, exit 2):
    a sync never opens, creates or changes a local file as a "server"."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

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
