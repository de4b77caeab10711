"""Migrations: the head matches the scripts, the models match the migrated schema, a failed
migration leaves the database exactly as it was, a newer database is refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from migration_scripts import scripts_with
from sqlalchemy import Connection

from fieldbook.core.errors import DatabaseTooNew, MigrationFailed
from fieldbook.core.journal import Journal
from fieldbook.core.master.supply import SupplyInput
from fieldbook.core.server.department_days import SERVER_ONLY
from fieldbook.core.store import migrate
from fieldbook.core.store.backup import list_backups
from fieldbook.core.store.db import make_engine
from fieldbook.core.store.models import Base


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@contextmanager
def older_database(path: Path, revision: str) -> Iterator[Connection]:
    """A new SQLite database at ``path`` migrated only up to ``revision``; what the block
    writes on the connection is committed."""
    engine = make_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    try:
        with engine.connect() as conn, conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            yield conn
    finally:
        engine.dispose()


def test_schema_head_constant_matches_scripts() -> None:
    assert migrate.script_head() == migrate.SCHEMA_HEAD


def server_only(obj: object, name: str | None, kind: str, reflected: bool, _to: object) -> bool:
    """False for the PostgreSQL server's own tables and indexes (not in the models: a laptop
    never has them)."""
    return name not in SERVER_ONLY


def test_models_match_migrated_schema(journal: Journal) -> None:
    with journal.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": server_only}
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_fresh_database_is_at_head(journal: Journal) -> None:
    assert migrate.current_revision(journal.engine) == migrate.SCHEMA_HEAD


def test_failed_migration_leaves_database_unchanged(
    journal: Journal, db_path: Path, tmp_path: Path
) -> None:
    journal.close()
    before = dump(db_path)
    scripts = scripts_with(
        tmp_path,
        "    op.create_table('half_done', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    op.execute(\"UPDATE managers SET name = 'overwritten'\")\n"
        "    with op.batch_alter_table('customers') as b:\n"
        "        b.add_column(sa.Column('extra', sa.Text))\n"
        "    raise RuntimeError('boom half-way')",
    )
    with pytest.raises(MigrationFailed):
        Journal.open(f"sqlite:///{db_path}", script_location=scripts)
    assert dump(db_path) == before
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_pending_migration_runs_after_a_backup(
    journal: Journal, db_path: Path, tmp_path: Path
) -> None:
    journal.close()
    scripts = scripts_with(
        tmp_path, "    op.create_table('added', sa.Column('id', sa.Integer, primary_key=True))"
    )
    j = Journal.open(f"sqlite:///{db_path}", script_location=scripts)
    try:
        assert migrate.current_revision(j.engine) == "9000_next"
    finally:
        j.close()
    backups = list_backups(db_path)
    assert len(backups) == 1 and "pre-migration" in backups[0].name
    con = sqlite3.connect(backups[0])
    try:
        assert (
            con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            == migrate.SCHEMA_HEAD
        )
        assert con.execute("SELECT name FROM managers").fetchone()[0] == "王建国"
    finally:
        con.close()


def test_newer_database_is_refused_and_untouched(journal: Journal, db_path: Path) -> None:
    journal.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    con.commit()
    con.close()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNew) as info:
        Journal.open(f"sqlite:///{db_path}")
    assert info.value.data["revision"] == "0099_from_the_future"
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest
    assert list_backups(db_path) == []


def test_upgrade_from_the_first_release_keeps_the_data(tmp_path: Path) -> None:
    """A database written by the first schema (0001) upgrades to head with its rows intact."""
    path = tmp_path / "old.sqlite3"
    with older_database(path, "0001_foundation") as conn:
        conn.exec_driver_sql(
            "INSERT INTO managers VALUES ('m1', 'QTH001', '王建国', '新兴区', '', '', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO customers (id, manager_id, code, licence_no, shop_name, owner_name, phone,"
            " address, district, format, market_type, status, is_key_customer, notes, search_text,"
            " created_at, updated_at) VALUES ('c1', 'm1', '230900000001', '230902100001',"
            " '张小便利店', '张小', '', '', '', 'B', 'C', 'active', 0, '', 'zxbld',"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    j = Journal.open(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(j.engine) == migrate.SCHEMA_HEAD
        assert [c.shop_name for c in j.customers.list("zxbl")] == ["张小便利店"]
    finally:
        j.close()
    assert len(list_backups(path)) == 1


def test_upgrade_rebuilds_tables_that_have_children(tmp_path: Path) -> None:
    """Batch-mode rebuilds of a parent table (customers) with child rows (visits, plan stops)
    must not trip foreign keys: a real database at an older revision upgrades with its data."""
    path = tmp_path / "old.sqlite3"
    with older_database(path, "0003_audit") as conn:
        ts = "'2026-11-30 08:00:00'"
        conn.exec_driver_sql(
            f"INSERT INTO managers VALUES ('m1', 'QTH001', '王建国', '', '', '', {ts}, {ts})"
        )
        conn.exec_driver_sql(
            "INSERT INTO customers (id, manager_id, code, licence_no, shop_name, owner_name,"
            " phone, address, district, format, market_type, status, is_key_customer, notes,"
            f" search_text, created_at, updated_at) VALUES ('c1', 'm1', 'C1', '', '张小便利店',"
            f" '', '', '', '', '', '', 'active', 0, '', 'zxbld', {ts}, {ts})"
        )
        conn.exec_driver_sql(
            "INSERT INTO visits (id, manager_id, customer_id, visit_date, status, shop_status,"
            " checklist_id, checklist_version, answers, findings, late_entry, recorded_at,"
            f" updated_at) VALUES ('v1', 'm1', 'c1', '2026-11-30', 'done', 'open', 'visit', 1,"
            f" '{{}}', '[]', 0, {ts}, {ts})"
        )
        conn.exec_driver_sql(
            "INSERT INTO followups (id, manager_id, customer_id, source, text, status,"
            f" created_at, close_note) VALUES ('f1', 'm1', 'c1', 'visit', '复查', 'open', {ts}, '')"
        )
    j = Journal.open(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(j.engine) == migrate.SCHEMA_HEAD
        assert j.customers.by_code("C1").shop_name == "张小便利店"
        with j.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM visits").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        j.close()


def test_upgrade_to_supply_keeps_order_lines_without_a_demand(tmp_path: Path) -> None:
    """0017_sku_supply on a database with orders: every line keeps its 订货量 and has no
    需求量 (so no 满足率), and supply can be set at once."""
    path = tmp_path / "old.sqlite3"
    ts = "'2026-11-30 08:00:00'"
    with older_database(path, "0015_customer_changes") as conn:
        conn.exec_driver_sql(
            f"INSERT INTO managers VALUES ('m1', 'QTH001', '王建国', '', '', '', {ts}, {ts})"
        )
        conn.exec_driver_sql("INSERT INTO settings VALUES ('current_manager_id', 'm1')")
        conn.exec_driver_sql(
            "INSERT INTO customers (id, manager_id, code, licence_no, shop_name, owner_name,"
            " phone, address, district, format, market_type, status, is_key_customer, notes,"
            " search_text, created_at, updated_at, pending_completion) VALUES ('c1', 'm1', 'C1',"
            f" '', '张小便利店', '', '', '', '', '', '', 'active', 0, '', '', {ts}, {ts}, 0)"
        )
        conn.exec_driver_sql(
            "INSERT INTO skus (id, code, name, brand, price_class, price_class_overridden,"
            " wholesale_fen, retail_fen, is_key_brand, is_new, on_market, search_text,"
            f" created_at, updated_at) VALUES ('s1', '13100101', '中华(硬)', '中华', 1, 0, 38160,"
            f" 45000, 1, 0, 1, '', {ts}, {ts})"
        )
        conn.exec_driver_sql(
            "INSERT INTO order_lines (id, manager_id, order_date, customer_id, sku_id, cartons,"
            f" amount_fen, imported_at, source) VALUES ('o1', 'm1', '2026-11-30', 'c1', 's1', 2,"
            f" 76320, {ts}, 'old.xlsx')"
        )
    j = Journal.open(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(j.engine) == migrate.SCHEMA_HEAD
        with j.engine.connect() as conn:
            line = conn.exec_driver_sql(
                "SELECT cartons, demand_cartons FROM order_lines WHERE id = 'o1'"
            ).one()
        assert tuple(line) == (2, None)
        figures = j.daylogs.facts(date(2026, 11, 30)).orders["figures"]
        assert figures["cartons"] == 2 and figures["fill_rate"] is None
        j.supply.set("s1", SupplyInput("tight", "", date(2026, 11, 30)))
        assert [r.code for r in j.supply.on(date(2026, 12, 1))] == ["13100101"]
    finally:
        j.close()
