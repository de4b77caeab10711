"""The department server's operations (decision 0033): a backup made while it holds synced
work restores into a fresh database with the same rows, department views, grants and
row-level security (the restore drill); ``server status`` says who, when and how big."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pgserver import pg_admin, with_database
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError
from sync_support import MON, laptop, manager_logins

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.outputs import OutputRefused
from fieldbook.core.server import department as dept
from fieldbook.core.server.audit_chains import audit_heads
from fieldbook.core.server.server_backup import (
    ServerOperationFailed,
    backup_server,
    restore_server,
)
from fieldbook.core.server.status import server_status
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_origin import ORIGIN_KEY
from fieldbook.core.store import audit
from fieldbook.core.store.audit import GENESIS
from fieldbook.core.store.models import Base, Manager

pytestmark = pytest.mark.postgresql

SECURITY = {
    "policies": "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check"
    " FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2",
    "rls": "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class c"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1",
    "grants": "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants"
    " WHERE table_schema = 'public' ORDER BY 1, 2, 3",
}


@pytest.fixture
def synced(tmp_path: Path, template_db: Path, pg_database: str) -> Iterator[dict[str, str]]:
    """Three managers' Mondays synced, each through their own login; code → login URL."""
    logins = manager_logins(pg_database, ["QTH001", "QTH002", "QTH003"])
    for n in (1, 2, 3):
        j = laptop(tmp_path, template_db, n)
        try:
            assert sync(j, logins[f"QTH00{n}"]).problems == []
        finally:
            j.close()
    yield logins


def _deparsed(value: object) -> object:
    """A policy's expression as compared: PostgreSQL prints a restored ``IN (...)`` with its
    casts placed differently (``ARRAY[...]::text[]`` vs ``ARRAY[(...)::text, ...]``)."""
    if not isinstance(value, str):
        return value
    for noise in ("::text[]", "::text", "::character varying", "(", ")", " "):
        value = value.replace(noise, "")
    return value


def _picture(url: str) -> dict[str, object]:
    """What must survive a restore: every table's rows, the grants and the policies."""
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            out: dict[str, object] = {
                t.name: sorted(map(tuple, con.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables
            }
            for name, sql in SECURITY.items():
                out[name] = [tuple(map(_deparsed, r)) for r in con.execute(text(sql))]
            return out
    finally:
        engine.dispose()


def _views(url: str) -> tuple[list[object], ...]:
    """The department views, each as a sorted list (rows equal in their sort key may come in
    either order)."""
    j = Journal.open(url)
    try:
        start, end = MON, date(2026, 12, 6)
        views: tuple[list[object], ...] = (
            list(dept.weeks_table(j, start, end)),
            list(dept.managers_overview(j, start, end, today=end)),
            list(dept.inbox(j, "market", today=end)),
            list(dept.followups(j, today=end)),
        )
        assert all(views), "each view shows something"
        return tuple(sorted(v, key=repr) for v in views)
    finally:
        j.close()


def _seen_by(login: str) -> int:
    engine = create_engine(login)
    try:
        with engine.connect() as con:
            return int(
                con.execute(
                    select(func.count()).select_from(Base.metadata.tables["visits"])
                ).scalar()
                or 0
            )
    finally:
        engine.dispose()


def test_restore_drill(synced: dict[str, str], pg_database: str, tmp_path: Path) -> None:
    target = tmp_path / "department.dump"
    made = backup_server(pg_database, target)
    assert made.path == target and target.stat().st_size == made.bytes > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left

    fresh_name = make_url(pg_database).database + "_restored"
    admin = with_database(pg_database, "postgres")
    pg_admin(admin, f"CREATE DATABASE {fresh_name}")
    fresh = with_database(pg_database, fresh_name)
    try:
        restore_server(target, fresh)
        assert _picture(fresh) == _picture(pg_database)
        assert _views(fresh) == _views(pg_database)
        # the roles are the cluster's: the same logins see the same, and only their own, rows
        for code, login in synced.items():
            on_fresh = with_database(login, fresh_name)
            assert _seen_by(on_fresh) == _seen_by(login) == 3, code
        with pytest.raises(ServerOperationFailed) as not_empty:  # never over what is there
            restore_server(target, fresh)
        assert not_empty.value.reason == "server_restore_not_empty"
    finally:
        pg_admin(admin, f"DROP DATABASE IF EXISTS {fresh_name} WITH (FORCE)")


def test_a_backup_never_overwrites_a_file(
    synced: dict[str, str], pg_database: str, tmp_path: Path
) -> None:
    existing = tmp_path / "old.dump"
    existing.write_bytes(b"yesterday's backup")
    with pytest.raises(OutputRefused) as refused:
        backup_server(pg_database, existing)
    assert refused.value.data["reason"] == "output_exists"
    assert existing.read_bytes() == b"yesterday's backup"
    laptop_db = tmp_path / "laptop1.sqlite3"  # a Fieldbook database (made by the fixture)
    before = laptop_db.read_bytes()
    with pytest.raises(OutputRefused):
        backup_server(pg_database, laptop_db)
    assert laptop_db.read_bytes() == before
    with pytest.raises(ServerOperationFailed) as failed:  # pg_dump refused: no file at all
        backup_server(with_database(pg_database, "no_such_db"), tmp_path / "x.dump")
    assert failed.value.reason == "server_dump_failed"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["old.dump", *(p.name for p in tmp_path.glob("laptop*"))]
    )


def test_status_names_users_last_records_sizes_and_connections(
    synced: dict[str, str], pg_database: str
) -> None:
    status = server_status(pg_database)
    assert status.version and status.database == make_url(pg_database).database
    assert status.database_bytes > 0 and 1 <= status.connections <= status.max_connections
    assert sorted((u.kind, u.manager_code, u.can_log_in) for u in status.users) == [
        ("manager", code, True) for code in ("QTH001", "QTH002", "QTH003")
    ]
    assert [(m.code, m.visits) for m in status.managers] == [
        ("QTH001", 3),
        ("QTH002", 3),
        ("QTH003", 3),
    ]
    assert all(m.last_record is not None and m.last_record.date() >= MON for m in status.managers)
    assert status.tables and status.tables == sorted(
        status.tables, key=lambda t: (-t.bytes, t.name)
    )


def _log_rows(login: str) -> list[tuple[str, int]]:
    """(manager code, syncs) of every sync_log row ``login`` can see."""
    engine = create_engine(login)
    try:
        with engine.connect() as con:
            return sorted(
                (str(code), int(n))
                for code, n in con.execute(
                    text(
                        "SELECT m.code, l.syncs FROM sync_log l"
                        " JOIN managers m ON m.id = l.manager_id"
                    )
                )
            )
    finally:
        engine.dispose()


def test_status_says_when_each_manager_last_synced_and_their_audit_head(
    synced: dict[str, str], pg_database: str, tmp_path: Path
) -> None:
    second = tmp_path / "laptop1-second.sqlite3"  # manager 1's second laptop
    shutil.copyfile(tmp_path / "laptop1.sqlite3", second)
    j = Journal.open(f"sqlite:///{second}")
    try:
        with j.engine.begin() as con:  # a second laptop is its own origin (decision 0030)
            con.exec_driver_sql("DELETE FROM settings WHERE key = 'sync.audit_origin'")
        with j.writing() as s:  # a correction on it: its chain on the server has an entry
            manager = j.current_manager_id(s)
            audit.record(
                s,
                manager_id=manager,
                record_type="visit",
                record_id="v-1",
                changes={"note": ("旧", "新")},
                reason="补记",
            )
        laptop_at = clock.now()
        sync(j, synced["QTH001"])
        report = sync(j, synced["QTH001"])  # once more: counted again
        with j.reading() as s:
            origin = j.get_setting(s, ORIGIN_KEY)
    finally:
        j.close()
    with create_engine(pg_database).connect() as con:  # a manager nobody synced for yet
        con.execute(insert(Manager).values(id="m-new", code="QTH009", name="新经理"))
        con.commit()
        row = con.execute(
            text(
                "SELECT syncs, last_moved, last_laptop_at, first_server_at < last_server_at"
                " FROM sync_log WHERE origin = :o"
            ),
            {"o": origin},
        ).one()
    assert tuple(row[:2]) == (2, report.moved) and row[3]
    assert abs((row[2] - laptop_at).total_seconds()) < 60  # the laptop's clock

    status = {m.code: m for m in server_status(pg_database).managers}
    first = status["QTH001"]
    assert (first.laptops, first.syncs) == (2, 3) and first.last_sync is not None
    admin = create_engine(pg_database)
    heads = {h.code: h for h in audit_heads(admin)}
    admin.dispose()
    assert first.audit_entries == heads["QTH001"].count == 1
    assert first.audit_head == heads["QTH001"].link != GENESIS
    second_one = status["QTH002"]
    assert (second_one.laptops, second_one.syncs, second_one.audit_entries) == (1, 1, 0)
    assert second_one.last_sync is not None and second_one.audit_head == ""
    never = status["QTH009"]
    assert (never.last_sync, never.laptops, never.syncs, never.audit_entries) == (None, 0, 0, 0)

    # row-level security: a manager sees (and so writes) only their own rows; the
    # administrator sees them all
    assert _log_rows(synced["QTH002"]) == [("QTH002", 1)]
    assert _log_rows(pg_database) == [("QTH001", 1), ("QTH001", 2), ("QTH002", 1), ("QTH003", 1)]
    forged = create_engine(synced["QTH002"])
    try:
        with pytest.raises(ProgrammingError, match="row-level security"), forged.begin() as con:
            con.execute(
                text(
                    "INSERT INTO sync_log VALUES ((SELECT id FROM managers WHERE code = 'QTH001'),"
                    " 'forged', now(), now(), now(), now(), 1, 0, 0)"
                )
            )
    finally:
        forged.dispose()
