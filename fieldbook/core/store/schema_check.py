"""Is this SQLite file a Fieldbook database, with exactly the schema our migrations create?

A restore, the start-up of every command and ``fieldbook check`` compare the file's schema
objects (``sqlite_master``: tables, indexes, triggers, views) with the *reference* of the
file's own revision (``schema_reference``). Each object is compared by (type, name, table,
normalised SQL: ``schema_sql``), so a planted trigger, a changed one, a dropped table, an extra
index or view is found.

A candidate file is opened read-only with ``trusted_schema`` off and ``query_only`` on:
nothing in its schema can run a function with side effects while we look at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldbook.core.errors import DatabaseError, DatabaseTooNew
from fieldbook.core.store import crypto
from fieldbook.core.store.db import engine_path
from fieldbook.core.store.schema_reference import (
    Schema,
    is_known_revision,
    read_schema,
    reference_schema,
)

#: The order differences are reported in: what can run code first.
_TYPE_ORDER = {"trigger": 0, "view": 1, "table": 2, "index": 3}


@dataclass(frozen=True)
class SchemaDifference:
    """One object that is not as the migrations make it: ``change`` is ``extra``,
    ``missing`` or ``changed``."""

    change: str
    type: str
    name: str
    table: str

    def __str__(self) -> str:
        on = f" on {self.table}" if self.table and self.table != self.name else ""
        if self.change == "changed":
            return f"{self.type} {self.name}{on} differs"
        return f"{self.change} {self.type} {self.name}{on}"


def compare(actual: Schema, expected: Schema) -> tuple[SchemaDifference, ...]:
    """What ``actual`` has more, less or otherwise than ``expected``; triggers and views
    first (they can run code), then tables, then indexes."""
    found: list[SchemaDifference] = []
    for key in actual.keys() - expected.keys():
        o = actual[key]
        found.append(SchemaDifference("extra", o.type, o.name, o.table))
    for key in expected.keys() - actual.keys():
        o = expected[key]
        found.append(SchemaDifference("missing", o.type, o.name, o.table))
    for key in actual.keys() & expected.keys():
        a, e = actual[key], expected[key]
        if a.table.lower() != e.table.lower() or a.sql != e.sql:
            found.append(SchemaDifference("changed", a.type, a.name, a.table))
    return tuple(sorted(found, key=lambda d: (_TYPE_ORDER.get(d.type, 9), d.name, d.change)))


# --- checking a database ----------------------------------------------------------------------
@dataclass(frozen=True)
class SchemaReport:
    """``problem``: None (a Fieldbook database; see ``differences``), ``empty`` (no schema
    at all: a new file), ``not_fieldbook`` (no single schema revision) or ``too_new`` (a
    revision this version does not know)."""

    revision: str | None
    problem: str | None = None
    differences: tuple[SchemaDifference, ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.differences


def _revision(con: Any) -> tuple[str | None, str | None]:
    """(revision, problem) from ``alembic_version``."""
    has = con.execute(
        "SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()[0]
    if not has:
        return None, "not_fieldbook"
    rows = con.execute("SELECT version_num FROM main.alembic_version").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], str):
        return None, "not_fieldbook"
    return rows[0][0], None


def inspect_connection(con: Any, script_location: Path | None = None) -> SchemaReport:
    """Check the schema of an open DB-API connection against the reference of its own
    revision. Only reads ``sqlite_master`` and ``alembic_version``."""
    objects = con.execute("SELECT count(*) FROM main.sqlite_master").fetchone()[0]
    if objects == 0:
        return SchemaReport(None, "empty")
    revision, problem = _revision(con)
    if revision is None:
        return SchemaReport(None, problem)
    if not is_known_revision(revision, script_location):
        return SchemaReport(revision, "too_new")
    expected = reference_schema(revision, script_location)
    return SchemaReport(revision, None, compare(read_schema(con), expected))


def guard(con: Any) -> None:
    """Make a connection safe to look at an untrusted schema with: functions with side
    effects may not run from the schema, and nothing may be written."""
    con.execute("PRAGMA trusted_schema = OFF")
    con.execute("PRAGMA query_only = ON")


def inspect_file(
    path: Path, *, passphrase: str | None = None, script_location: Path | None = None
) -> SchemaReport:
    """:func:`inspect_connection` on ``path`` opened read-only, ``trusted_schema`` off and
    ``query_only`` on. Raises the driver's ``DatabaseError`` for a file SQLite cannot read,
    ``WrongPassphrase`` as ``crypto.connect`` does."""
    con = crypto.connect(Path(path), passphrase, mode="ro")
    try:
        guard(con)
        return inspect_connection(con, script_location)
    finally:
        con.close()


# --- refusing -----------------------------------------------------------------------------------
class NotFieldbookDatabase(DatabaseError):
    """A SQLite file with tables but no Fieldbook schema revision: never opened or changed."""

    code = "not_fieldbook_database"
    is_input_error = True


class SchemaMismatch(DatabaseError):
    """The database's schema is not what the migrations create (an object was added, dropped
    or changed outside Fieldbook): it is not opened; nothing was changed. ``differences``
    lists them (``fieldbook check`` shows all)."""

    code = "schema_mismatch"

    def __init__(self, differences: tuple[SchemaDifference, ...], **data: object) -> None:
        super().__init__("schema_mismatch", differences=differences, **data)
        self.differences = differences


def require(report: SchemaReport, path: Path | None) -> None:
    """Raise for a report that must stop an open (an empty file is fine: it is new)."""
    file = str(path) if path is not None else ""
    if report.problem == "too_new":
        raise DatabaseTooNew(
            f"database revision {report.revision!r} is newer than this version of Fieldbook",
            revision=report.revision,
        )
    if report.problem == "not_fieldbook":
        raise NotFieldbookDatabase("not_fieldbook_database", file=file)
    if report.differences:
        raise SchemaMismatch(report.differences, file=file)


def check_on_open(engine: Any, script_location: Path | None = None) -> SchemaReport | None:
    """The start-up schema check of ``Journal.open`` on a SQLite engine (None for other
    databases): raises ``DatabaseTooNew``, ``NotFieldbookDatabase`` or ``SchemaMismatch``
    before anything is migrated or written."""
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        report = inspect_connection(raw, script_location)
        conn.rollback()
    require(report, engine_path(engine))
    return report
