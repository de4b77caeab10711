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
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from fieldbook.core.errors import DatabaseTooNew, MigrationFailed
from fieldbook.core.resources import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

#: The newest revision in schema/migrations (a test checks it matches the scripts).
SCHEMA_HEAD = "0022_sync_log"
VERSION_TABLE = "alembic_version"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        row = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
        return row[0] if row else None


def alembic_config(script_location: Path | None = None) -> Config:
    """Alembic's configuration for the migration scripts in ``script_location`` (ours by
    default). Alembic is imported only here, when a migration may be needed."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    return cfg


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
    """The migration scripts in ``script_location`` (ours by default)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location))


def script_head(script_location: Path | None = None) -> str | None:
    return script_directory(script_location).get_current_head()


def known_revisions(script_location: Path | None = None) -> frozenset[str]:
    """Every revision of the migration scripts in ``script_location`` (ours by default)."""
    return frozenset(s.revision for s in script_directory(script_location).walk_revisions())


def needs_upgrade(engine: Engine, script_location: Path | None = None) -> bool:
    """True when the database is behind; raises DatabaseTooNew when it is ahead/unknown."""
    rev = current_revision(engine)
    if rev == SCHEMA_HEAD and script_location is None:
        return False
    script = script_directory(script_location)
    if rev is None:
        return True
    if rev not in {s.revision for s in script.walk_revisions()}:
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

    cfg = alembic_config(script_location)
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
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, target)
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
