"""Is this SQLite file a Fieldbook database, with exactly the schema our migrations create?

A restore, the start-up of every command and ``fieldbook check`` compare the file's schema
objects (``sqlite_master``: tables, indexes, triggers, views) with a *reference*: an empty
in-memory database migrated to the file's own revision by the migration scripts themselves —
never a hand-kept list. Each object is compared by (type, name, table, normalised SQL); the
SQL is normalised token by token the way SQLite's tokenizer reads it (white space, comments and
ASCII case do not count; string literals do; a quoted identifier counts as the bare word only
where the bare word reads the same — ``"NOT"``, ``"INTEGER NOT"``, ``"true"`` do not; a
no-break space is part of a word, as it is to SQLite; an identifier after ``DEFAULT`` is the
text it stores), so a planted trigger, a changed one, a dropped table, an extra index or view is
found, and a database written by an older SQLite or SQLAlchemy still matches.

The reference is built once per (revision, script folder) in a process. The head revision's
reference is also shipped, generated, as ``schema/migrations/head_schema.json`` (``make
assets`` writes it, ``build_assets.py --check`` and a test fail when it is stale), so the
start-up check at head costs a read of ``sqlite_master`` (~1 ms) instead of importing Alembic
and running every migration (~0.5 s).

A candidate file is opened read-only with ``trusted_schema`` off and ``query_only`` on:
nothing in its schema can run a function with side effects while we look at it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from fieldbook.core.errors import DatabaseError, DatabaseTooNew
from fieldbook.core.store import crypto

#: Tables SQLite makes itself (AUTOINCREMENT, ANALYZE): not part of the schema we compare.
INTERNAL_TABLES = frozenset(
    {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
)
SNAPSHOT_NAME = "head_schema.json"
#: The order differences are reported in: what can run code first.
_TYPE_ORDER = {"trigger": 0, "view": 1, "table": 2, "index": 3}

#: One SQL token as SQLite's tokenizer reads it: a string literal, a quoted identifier, a
#: comment, a word (SQLite's identifier characters: ASCII letters, digits, ``_``, ``$`` and
#: every character beyond ASCII, so a no-break space is part of a word, not a space), any other
#: character. Only SQLite's own white space separates tokens.
_TOKEN = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]"""
    r"""|--[^\n]*|/\*.*?(?:\*/|$)|[A-Za-z0-9_$\u0080-\U0010ffff]+|[^ \t\n\f\r]""",
    re.DOTALL,
)
#: A quoted identifier means the same as the bare word only when it reads as one identifier
#: token bare: not a keyword, not a number, no space or punctuation inside.
_BARE_IDENTIFIER = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_$\u0080-\U0010ffff]*")
#: SQLite's keywords (https://sqlite.org/lang_keywords.html), and TRUE/FALSE, which bare are
#: values: quoted, each is an identifier (or a string), so ``"NOT"`` is not ``NOT``.
SQL_KEYWORDS = frozenset(
    [
        "abort",
        "action",
        "add",
        "after",
        "all",
        "alter",
        "always",
        "analyze",
        "and",
        "as",
        "asc",
        "attach",
        "autoincrement",
        "before",
        "begin",
        "between",
        "by",
        "cascade",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "commit",
        "conflict",
        "constraint",
        "create",
        "cross",
        "current",
        "current_date",
        "current_time",
        "current_timestamp",
        "database",
        "default",
        "deferrable",
        "deferred",
        "delete",
        "desc",
        "detach",
        "distinct",
        "do",
        "drop",
        "each",
        "else",
        "end",
        "escape",
        "except",
        "exclude",
        "exclusive",
        "exists",
        "explain",
        "fail",
        "filter",
        "first",
        "following",
        "for",
        "foreign",
        "from",
        "full",
        "generated",
        "glob",
        "group",
        "groups",
        "having",
        "if",
        "ignore",
        "immediate",
        "in",
        "index",
        "indexed",
        "initially",
        "inner",
        "insert",
        "instead",
        "intersect",
        "into",
        "is",
        "isnull",
        "join",
        "key",
        "last",
        "left",
        "like",
        "limit",
        "match",
        "materialized",
        "natural",
        "no",
        "not",
        "nothing",
        "notnull",
        "null",
        "nulls",
        "of",
        "offset",
        "on",
        "or",
        "order",
        "others",
        "outer",
        "over",
        "partition",
        "plan",
        "pragma",
        "preceding",
        "primary",
        "query",
        "raise",
        "range",
        "recursive",
        "references",
        "regexp",
        "reindex",
        "release",
        "rename",
        "replace",
        "restrict",
        "returning",
        "right",
        "rollback",
        "row",
        "rows",
        "savepoint",
        "select",
        "set",
        "table",
        "temp",
        "temporary",
        "then",
        "ties",
        "to",
        "transaction",
        "trigger",
        "unbounded",
        "union",
        "unique",
        "update",
        "using",
        "vacuum",
        "values",
        "view",
        "virtual",
        "when",
        "where",
        "window",
        "with",
        "without",
    ]
)
_VALUE_WORDS = frozenset({"true", "false"})
#: SQLite folds only ASCII letters in names ("Ä" and "ä" are two names).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _identifier(text: str) -> str:
    """A quoted identifier (its text): the bare word when that reads the same, else one
    canonical double-quoted form (whichever quotes were used)."""
    folded = text.translate(_ASCII_LOWER)
    if (
        _BARE_IDENTIFIER.fullmatch(folded)
        and folded not in SQL_KEYWORDS
        and folded not in _VALUE_WORDS
    ):
        return folded
    return '"' + folded.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_CONSTRAINT_WORDS = frozenset({"constraint", "primary", "foreign", "unique", "check"})


def _tokens(sql: str) -> list[str]:
    """The meaning-bearing tokens of ``sql``: comments and white space dropped, ASCII case
    folded outside string literals, a quoted identifier unquoted only where the bare word reads
    the same, and an identifier after ``DEFAULT`` (which SQLite stores as that text, case
    and all) written as the string literal it is."""
    tokens: list[str] = []
    for tok in _TOKEN.findall(sql):
        first = tok[0]
        if tok.startswith(("--", "/*")):
            continue
        if first == "'":
            tokens.append(tok)  # a string literal: exactly as written
            continue
        if first in '"`[':
            text = tok[1:-1] if first == "[" else tok[1:-1].replace(first * 2, first)
            if tokens and tokens[-1] == "default":
                tokens.append(_literal(text))  # DEFAULT "x" is the string 'x'
            else:
                tokens.append(_identifier(text))
            continue
        folded = tok.translate(_ASCII_LOWER)
        if (
            tokens
            and tokens[-1] == "default"
            and _BARE_IDENTIFIER.fullmatch(tok)
            and folded not in SQL_KEYWORDS
            and folded not in _VALUE_WORDS
        ):
            tokens.append(_literal(tok))  # DEFAULT x is the string 'x', case kept
        else:
            tokens.append(folded)
    return tokens


def _table_constraints_sorted(tokens: list[str]) -> list[str]:
    """``CREATE TABLE t (columns..., constraints...)`` with the table constraints in a fixed
    order: Alembic's batch mode writes them in an order that varies from run to run (it
    collects them in a set), which says nothing about the table."""
    if tokens[:2] != ["create", "table"] or "(" not in tokens or tokens[-1] != ")":
        return tokens
    start = tokens.index("(")
    items: list[list[str]] = [[]]
    depth = 0
    for tok in tokens[start + 1 : -1]:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        if tok == "," and depth == 0:
            items.append([])
        else:
            items[-1].append(tok)
    if depth != 0:
        return tokens
    columns = [i for i in items if not i or i[0] not in _CONSTRAINT_WORDS]
    constraints = sorted((i for i in items if i and i[0] in _CONSTRAINT_WORDS), key=" ".join)
    body: list[str] = []
    for item in columns + constraints:
        if body:
            body.append(",")
        body.extend(item)
    return [*tokens[: start + 1], *body, ")"]


@lru_cache(maxsize=1024)
def normalise_sql(sql: str | None) -> str:
    """``sql`` as a canonical token string: keywords and identifiers lower-case and unquoted,
    whitespace and comments dropped, string literals kept exactly, a table's constraints in
    a fixed order."""
    if not sql:
        return ""
    return " ".join(_table_constraints_sorted(_tokens(sql)))


@dataclass(frozen=True, order=True)
class SchemaObject:
    type: str  # table, index, trigger, view
    name: str
    table: str
    sql: str  # normalised


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


Schema = dict[tuple[str, str], SchemaObject]


def read_schema(con: Any) -> Schema:
    """The schema objects of a DB-API connection (``main`` database only)."""
    rows = con.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    found: Schema = {}
    for kind, name, table, sql in rows:
        kind, name, table = str(kind), str(name), str(table or "")
        if kind == "table" and name.lower() in INTERNAL_TABLES:
            continue
        found[(kind, name.lower())] = SchemaObject(kind, name, table, normalise_sql(sql))
    return found


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


# --- the reference ----------------------------------------------------------------------------
def _snapshot_path() -> Path:
    from fieldbook.core.resources import migrations_dir

    return migrations_dir() / SNAPSHOT_NAME


def _as_json(revision: str, schema: Schema) -> str:
    rows = [
        json.dumps([o.type, o.name, o.table, o.sql], ensure_ascii=False)
        for o in sorted(schema.values())
    ]
    head = json.dumps(revision)
    return '{"revision": ' + head + ', "objects": [\n' + ",\n".join(rows) + "\n]}\n"


def _from_json(text: str) -> tuple[str, Schema]:
    data = json.loads(text)
    schema: Schema = {}
    for kind, name, table, sql in data["objects"]:
        schema[(kind, name.lower())] = SchemaObject(kind, name, table, sql)
    return str(data["revision"]), schema


def migrated_schema(revision: str, script_location: Path | None = None) -> Schema:
    """Migrate an empty in-memory database to ``revision`` and read its schema."""
    from sqlalchemy.pool import StaticPool

    from fieldbook.core.store import migrate
    from fieldbook.core.store.db import make_engine

    engine = make_engine("sqlite://", poolclass=StaticPool)
    try:
        migrate.upgrade(engine, script_location, target=revision)
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            return read_schema(raw)
    finally:
        engine.dispose()


def snapshot_text() -> str:
    """The text of ``head_schema.json``: the head revision's freshly migrated schema."""
    from fieldbook.core.store.migrate import SCHEMA_HEAD

    return _as_json(SCHEMA_HEAD, migrated_schema(SCHEMA_HEAD))


@cache
def _reference(revision: str, script_location: str | None) -> Schema:
    from fieldbook.core.store.migrate import SCHEMA_HEAD

    if script_location is None and revision == SCHEMA_HEAD:
        try:
            shipped, schema = _from_json(_snapshot_path().read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            shipped = None
        if shipped == revision:
            return schema
    return migrated_schema(revision, Path(script_location) if script_location else None)


def reference_schema(revision: str, script_location: Path | None = None) -> Schema:
    """The schema the migrations create at ``revision`` (cached per process)."""
    return _reference(revision, str(script_location) if script_location else None)


@cache
def _known_revisions(script_location: str | None) -> frozenset[str]:
    from alembic.script import ScriptDirectory

    from fieldbook.core.resources import migrations_dir
    from fieldbook.core.store.migrate import _alembic_config

    folder = Path(script_location) if script_location else migrations_dir()
    script = ScriptDirectory.from_config(_alembic_config(folder))  # type: ignore[arg-type]
    return frozenset(s.revision for s in script.walk_revisions())


def is_known_revision(revision: str, script_location: Path | None = None) -> bool:
    from fieldbook.core.store.migrate import SCHEMA_HEAD

    if script_location is None and revision == SCHEMA_HEAD:
        return True  # no need to import Alembic at start-up
    return revision in _known_revisions(str(script_location) if script_location else None)


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
    from fieldbook.core.store.db import engine_path

    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        report = inspect_connection(raw, script_location)
        conn.rollback()
    require(report, engine_path(engine))
    return report
