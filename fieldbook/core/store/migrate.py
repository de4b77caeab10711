"""Bring a database to the current schema revision, or refuse it.

Opening a database: if it is at ``SCHEMA_HEAD`` nothing is imported or run (fast start).
Otherwise a backup is taken first (SQLite files), then every pending migration runs inside
ONE transaction: either the database reaches the head revision or it is left exactly as it
was. A database whose revision this version does not know was written by a newer Fieldbook:
it is refused with ``DatabaseTooNew`` and never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from fieldbook.core.errors import DatabaseTooNew, MigrationFailed
from fieldbook.core.resources import migrations_dir

#: The newest revision in schema/migrations (a test checks it matches the scripts).
SCHEMA_HEAD = "0008_spot_checks"
VERSION_TABLE = "alembic_version"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        row = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
        return row[0] if row else None


def _alembic_config(script_location: Path) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def script_head(script_location: Path | None = None) -> str | None:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(script_location or migrations_dir())
    return ScriptDirectory.from_config(cfg).get_current_head()  # type: ignore[arg-type]


def needs_upgrade(engine: Engine, script_location: Path | None = None) -> bool:
    """True when the database is behind; raises DatabaseTooNew when it is ahead/unknown."""
    rev = current_revision(engine)
    if rev == SCHEMA_HEAD and script_location is None:
        return False
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(script_location or migrations_dir()))  # type: ignore[arg-type]
    if rev is None:
        return True
    known = {s.revision for s in script.walk_revisions()}
    if rev not in known:
        raise DatabaseTooNew(
            f"database revision {rev!r} is newer than this version of Fieldbook", revision=rev
        )
    return rev != script.get_current_head()


def upgrade(
    engine: Engine,
    script_location: Path | None = None,
    before: Callable[[], None] | None = None,
    *,
    target: str = "head",
) -> bool:
    """Migrate to ``target`` (the head by default) in one transaction. Returns True when
    anything ran.

    ``before`` runs once an upgrade is known to be needed (used to take a backup). Another
    ``target`` builds the reference schema of an older revision (``schema_check``).
    """
    if not needs_upgrade(engine, script_location):
        return False
    if before is not None:
        before()
    from alembic import command

    cfg = _alembic_config(script_location or migrations_dir())
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect().execution_options(fieldbook_write=True) as conn:
            raw = conn.connection.dbapi_connection
            if sqlite and raw is not None:
                # SQLite's documented procedure for schema changes: foreign keys off (only
                # possible outside a transaction), rebuild tables, then foreign_key_check
                # before COMMIT. Dropping a rebuilt parent table (batch mode) would otherwise
                # count violations for its children even after the new table takes its name.
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    cfg.attributes["connection"] = conn  # type: ignore[attr-defined]
                    command.upgrade(cfg, target)  # type: ignore[arg-type]
                    if sqlite:
                        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise MigrationFailed(
                                "the migration left broken foreign keys",
                                rows=[tuple(r) for r in broken[:5]],
                            )
            finally:
                if sqlite and raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")
    except DatabaseTooNew:
        raise
    except Exception as exc:
        raise MigrationFailed(str(exc), revision=current_revision(engine)) from exc
    return True
