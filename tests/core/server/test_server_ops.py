"""The department server's operations (decision 0033): a backup made while it holds synced
work restores into a fresh database with the same rows, department views, grants and
row-level security (the restore drill); ``server status`` says who, when and how big."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pgserver import pg_admin, with_database
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sync_support import MON, laptop, manager_logins

from fieldbook.core.journal import Journal
from fieldbook.core.outputs import OutputRefused
from fieldbook.core.server import department as dept
from fieldbook.core.server.server_backup import (
    ServerOperationFailed,
    backup_server,
    restore_server,
)
from fieldbook.core.server.status import server_status
from fieldbook.core.server.sync import sync
from fieldbook.core.store.models import Base

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
