"""The schema our migrations create: the *reference* a database's schema is compared with.

The reference of a revision is an empty in-memory database migrated to it by the migration
scripts themselves — never a hand-kept list — built once per (revision, script folder) in a
process. The head revision's reference is also shipped, generated, as
``schema/migrations/head_schema.json`` (``make assets`` writes it, ``build_assets.py --check``
and a test fail when it is stale), so the start-up check at head costs a read of
``sqlite_master`` (~1 ms) instead of importing Alembic and running every migration (~0.5 s).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.pool import StaticPool

from fieldbook.core.resources import migrations_dir
from fieldbook.core.store import migrate
from fieldbook.core.store.db import make_engine
from fieldbook.core.store.schema_sql import normalise_sql

#: Tables SQLite makes itself (AUTOINCREMENT, ANALYZE): not part of the schema we compare.
INTERNAL_TABLES = frozenset(
    {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
)
SNAPSHOT_NAME = "head_schema.json"


@dataclass(frozen=True, order=True)
class SchemaObject:
    type: str  # table, index, trigger, view
    name: str
    table: str
    sql: str  # normalised


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


def _snapshot_path() -> Path:
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
    return _as_json(migrate.SCHEMA_HEAD, migrated_schema(migrate.SCHEMA_HEAD))


@cache
def _reference(revision: str, script_location: str | None) -> Schema:
    if script_location is None and revision == migrate.SCHEMA_HEAD:
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
    return migrate.known_revisions(Path(script_location) if script_location else None)


def is_known_revision(revision: str, script_location: Path | None = None) -> bool:
    if script_location is None and revision == migrate.SCHEMA_HEAD:
        return True  # no need to import Alembic at start-up
    return revision in _known_revisions(str(script_location) if script_location else None)
