"""The schema a Fieldbook database must have is what the migrations create (issue 13, item
4): the reference is a freshly migrated database, never a hand-kept list; it holds for old
revisions and across runs; the open database is checked at start-up (fast) and by
``fieldbook check``; a planted trigger or a dropped one stops every command before it runs."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from damage import PHONE_TRIGGER, plant
from migration_scripts import NEXT_REVISION, scripts_with

from fieldbook.cli.main import main
from fieldbook.core.journal import Journal
from fieldbook.core.resources import migrations_dir
from fieldbook.core.store import migrate, schema_reference
from fieldbook.core.store.db import make_engine
from fieldbook.core.store.schema_check import NotFieldbookDatabase, SchemaMismatch, inspect_file
from fieldbook.core.store.schema_reference import migrated_schema
from fieldbook.core.store.schema_sql import normalise_sql


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_shipped_head_schema_is_a_fresh_migration() -> None:
    """head_schema.json is generated (make assets); a stale one fails here and in --check."""
    shipped = (migrations_dir() / schema_reference.SNAPSHOT_NAME).read_text(encoding="utf-8")
    assert shipped == schema_reference.snapshot_text()
    assert f'"revision": "{migrate.SCHEMA_HEAD}"' in shipped


@pytest.mark.slow  # a child Python process
def test_a_database_made_in_another_run_matches(tmp_path: Path) -> None:
    """Alembic's batch mode orders a rebuilt table's constraints differently from run to run
    (hash seeds): that must never look like a changed table."""
    for seed in ("1", "2", "3"):
        path = tmp_path / f"seed{seed}.sqlite3"
        code = f"from fieldbook.core.journal import Journal; Journal.open('sqlite:///{path}')"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        report = inspect_file(path)
        assert report.ok, report


@pytest.mark.parametrize("revision", ["0001_foundation", "0003_audit", "0006_week"])
def test_an_older_revision_is_compared_with_its_own_reference(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, target=revision)
    engine.dispose()
    report = inspect_file(path)
    assert report.revision == revision and report.ok, report
    plant(path, PHONE_TRIGGER)
    assert [str(d) for d in inspect_file(path).differences] == [
        "extra trigger trg_phone on customers"
    ]
    Journal.open(f"sqlite:///{path}".replace("old", "new")).close()  # a fresh file: fine
    with pytest.raises(SchemaMismatch):
        Journal.open(f"sqlite:///{path}")  # never migrated with the trigger in it
    assert schema_reference.is_known_revision(revision)


def test_the_reference_is_the_migrations_not_a_list(tmp_path: Path) -> None:
    """A migration that adds an object changes the reference of its revision (so the check
    follows the scripts, whatever they create)."""
    scripts = scripts_with(tmp_path, "    op.execute('CREATE INDEX ix_new ON customers (phone)')")
    ref = migrated_schema(NEXT_REVISION, scripts)
    assert ("index", "ix_new") in ref
    path = tmp_path / "next.sqlite3"
    Journal.open(f"sqlite:///{path}", script_location=scripts).close()
    assert inspect_file(path, script_location=scripts).ok
    assert inspect_file(path).problem == "too_new"  # this version's scripts do not know it


def test_normalised_sql_ignores_form_but_not_meaning() -> None:
    a = "CREATE TRIGGER \"t\" BEFORE DELETE ON [x] -- note\n BEGIN SELECT RAISE(ABORT, 'no'); END"
    b = "create trigger t before delete on x begin select raise(abort,'no');end"
    assert normalise_sql(a) == normalise_sql(b)
    assert normalise_sql(b) != normalise_sql(b.replace("'no'", "'No'"))
    assert normalise_sql(b) != normalise_sql(b.replace("before delete", "before update"))
    t1 = "CREATE TABLE t (a INT, b INT, UNIQUE (a), FOREIGN KEY(b) REFERENCES u (id))"
    t2 = "CREATE TABLE t (a INT, b INT, FOREIGN KEY(b) REFERENCES u (id), UNIQUE (a))"
    assert normalise_sql(t1) == normalise_sql(t2)
    assert normalise_sql(t1) != normalise_sql(t1.replace("UNIQUE (a)", "CHECK (a > 0)"))


def _meaning(create: str) -> tuple[object, ...]:
    """What SQLite makes of a CREATE TABLE: its columns (name, type, NOT NULL, default) and
    what a row (1, 1) and a row of defaults do."""
    con = sqlite3.connect(":memory:")
    con.execute(create)
    columns = con.execute("PRAGMA table_info(t)").fetchall()
    outcomes: list[object] = []
    for insert in ("INSERT INTO t VALUES (1, 1)", "INSERT INTO t DEFAULT VALUES"):
        try:
            con.execute(insert)
            outcomes.append("ok")
        except sqlite3.DatabaseError as exc:
            outcomes.append(str(exc))
    rows = con.execute("SELECT * FROM t").fetchall()
    con.close()
    return columns, outcomes, rows


@pytest.mark.parametrize(
    ("honest", "disguised"),
    [
        # "NOT" quoted is part of the type name: NOT NULL is gone (any quotes)
        ("seq INTEGER NOT NULL", 'seq INTEGER "NOT" NULL'),
        ("seq INTEGER NOT NULL", "seq INTEGER [NOT] NULL"),
        ("seq INTEGER NOT NULL", "seq INTEGER `not` NULL"),
        # one quoted identifier is not two words
        ("seq INTEGER NOT NULL", 'seq "INTEGER NOT" NULL'),
        # a no-break space is an identifier character to SQLite, not white space
        ("seq INTEGER NOT NULL", "seq INTEGER\u00a0NOT NULL"),
        ("seq INTEGER NOT NULL", "seq INTEGER\u3000NOT NULL"),
        # quoted, TRUE is a name (or the string 'true'), not the value
        ("ok INTEGER CHECK (ok = true)", 'ok INTEGER CHECK (ok = "true")'),
        # SQLite keeps a DEFAULT identifier as text, case and all
        ("kind TEXT DEFAULT open", "kind TEXT DEFAULT Open"),
        ("kind TEXT DEFAULT open", 'kind TEXT DEFAULT "Open"'),
        # SQLite folds only ASCII letters in names
        ("\u00e4 TEXT", "\u00c4 TEXT"),
    ],
)
def test_quoting_that_changes_meaning_is_a_difference(honest: str, disguised: str) -> None:
    """Each pair reads differently to SQLite (checked here): it must not normalise alike."""
    a, b = f"CREATE TABLE t (id INTEGER, {honest})", f"CREATE TABLE t (id INTEGER, {disguised})"
    assert _meaning(a) != _meaning(b)
    assert normalise_sql(a) != normalise_sql(b)


def test_quoting_that_changes_nothing_still_compares_equal() -> None:
    plain = "CREATE TABLE t (id INTEGER NOT NULL, kind TEXT DEFAULT 'x', PRIMARY KEY (id))"
    for same in (
        'CREATE TABLE "t" ("id" INTEGER NOT NULL, [kind] TEXT DEFAULT \'x\', PRIMARY KEY (`ID`))',
        "create table T (ID integer not null /* c */, KIND text default 'x', primary key (id))",
    ):
        assert normalise_sql(same) == normalise_sql(plain)
    keyed = 'CREATE TABLE s ("key" TEXT, value TEXT, PRIMARY KEY ("key"))'
    assert normalise_sql(keyed) == normalise_sql(keyed.replace('"key"', "[KEY]"))
    assert normalise_sql(keyed) != normalise_sql(keyed.replace('"key"', "key"))


def test_a_hidden_not_null_is_refused_by_restore_start_up_and_check(
    world: Journal, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The attack: writable_schema, then `seq INTEGER "NOT" NULL` in audit_entries (the
    column loses NOT NULL; the old normalisation read both alike)."""
    from fieldbook.core.store.restore import BackupRejected, restore_backup

    world.close()
    forged = tmp_path / "forged.sqlite3"
    shutil.copyfile(db_path, forged)
    con = sqlite3.connect(forged, isolation_level=None)
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_entries'").fetchone()[0]
    assert "seq INTEGER NOT NULL" in sql
    con.execute("PRAGMA writable_schema = ON")
    con.execute(
        "UPDATE sqlite_master SET sql = ? WHERE name = 'audit_entries'",
        (sql.replace("seq INTEGER NOT NULL", 'seq INTEGER "NOT" NULL'),),
    )
    con.execute("PRAGMA writable_schema = OFF")
    con.close()
    con = sqlite3.connect(forged)
    assert [r[3] for r in con.execute("PRAGMA table_info(audit_entries)") if r[1] == "seq"] == [0]
    con.close()
    assert [str(d) for d in inspect_file(forged).differences] == ["table audit_entries differs"]
    before = sha(db_path)
    with pytest.raises(BackupRejected) as info:
        restore_backup(db_path, forged)
    assert info.value.reason == "restore_schema_differs"
    assert sha(db_path) == before
    with pytest.raises(SchemaMismatch):
        Journal.open(f"sqlite:///{forged}")
    capsys.readouterr()
    assert main(["--db", str(forged), "check"]) == 1
    assert "audit_entries" in capsys.readouterr().err


def test_a_trigger_planted_in_the_live_database_stops_every_command(
    world: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world.close()
    plant(db_path, PHONE_TRIGGER)
    before = sha(db_path)
    with pytest.raises(SchemaMismatch) as info:
        Journal.open(f"sqlite:///{db_path}")
    assert [str(d) for d in info.value.differences] == ["extra trigger trg_phone on customers"]
    capsys.readouterr()
    code = main(["--db", str(db_path), "customers", "list"])
    _out, err = capsys.readouterr()
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "多出触发器 trg_phone（表 customers）" in err and "Traceback" not in err
    assert sha(db_path) == before  # nothing ran, nothing migrated, nothing moved
    assert not list(db_path.parent.glob("*.damaged-*"))


def test_check_reports_unexpected_schema_objects(
    world: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world.close()
    assert main(["--db", str(db_path), "check"]) == 0
    plant(
        db_path,
        PHONE_TRIGGER,
        "DROP TRIGGER audit_entries_no_delete",
        "CREATE VIEW v_all AS SELECT * FROM customers",
    )
    capsys.readouterr()
    assert main(["--db", str(db_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "结构：多出触发器 trg_phone（表 customers）" in err
    assert "结构：缺少触发器 audit_entries_no_delete（表 audit_entries）" in err
    assert "结构：多出视图 v_all" in err


def test_an_unrelated_sqlite_file_is_not_opened_or_changed(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    plant(other, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    before = sha(other)
    with pytest.raises(NotFieldbookDatabase):
        Journal.open(f"sqlite:///{other}")
    assert sha(other) == before
    con = sqlite3.connect(other)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["notes"]
    con.close()


@pytest.mark.slow  # a child Python process
def test_the_start_up_check_at_head_migrates_nothing(
    world: Journal, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At head the reference is the shipped snapshot: no Alembic import, no migration per
    start (measured: ~1 ms instead of ~450 ms a command; see the module schema_check)."""
    world.close()
    code = (
        "import sys\n"
        "from fieldbook.core.store import recovery\n"
        f"assert recovery.check_on_open('sqlite:///{db_path}').ok\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

    def no_migration(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the head's reference was migrated again")

    schema_reference._reference.cache_clear()
    monkeypatch.setattr(schema_reference, "migrated_schema", no_migration)
    try:
        assert inspect_file(db_path).ok
    finally:
        schema_reference._reference.cache_clear()
