"""SQLite settings from DESIGN.md §5 on every connection, transactions, file modes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from fieldbook.core.journal import Journal
from fieldbook.core.store import db
from fieldbook.core.store.models import Customer, Manager


def test_pragmas_on_every_connection(db_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{db_path}")
    conns = [engine.connect() for _ in range(3)]  # three distinct pooled connections
    try:
        for conn in conns:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.BUSY_TIMEOUT_MS
    finally:
        for conn in conns:
            conn.close()
        engine.dispose()


def test_foreign_keys_enforced(journal: Journal) -> None:
    with pytest.raises(IntegrityError), journal.writing() as s:
        s.add(Customer(manager_id="no-such-manager", code="1", shop_name="x", search_text=""))
    # A fresh connection enforces them too.
    journal.engine.dispose()
    with pytest.raises(IntegrityError), journal.writing() as s:
        s.add(Customer(manager_id="no-such-manager", code="2", shop_name="y", search_text=""))
    assert journal.customers.count() == 0


def test_write_transaction_rolls_back_entirely(journal: Journal) -> None:
    before = journal.profile.get()
    assert before is not None
    with pytest.raises(RuntimeError), journal.writing() as s:
        s.get_one(Manager, before.id).name = "changed"
        s.flush()
        raise RuntimeError("crash in the middle of a save")
    after = journal.profile.get()
    assert after is not None and after.name == before.name


def test_savepoint_is_real(journal: Journal) -> None:
    with journal.writing() as s:
        s.execute(text("CREATE TABLE scratch (x INTEGER)"))
        s.execute(text("INSERT INTO scratch VALUES (1)"))
        nested = s.begin_nested()
        s.execute(text("INSERT INTO scratch VALUES (2)"))
        nested.rollback()
    with journal.reading() as s:
        assert s.execute(text("SELECT x FROM scratch")).scalars().all() == [1]


def test_ddl_is_transactional(journal: Journal) -> None:
    with pytest.raises(RuntimeError), journal.writing() as s:
        s.execute(text("CREATE TABLE doomed (x INTEGER)"))
        raise RuntimeError
    assert not inspect(journal.engine).has_table("doomed")  # SQLite and PostgreSQL alike


def test_new_database_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = tmp_path / "fresh"
        j = Journal.open(f"sqlite:///{folder / 'f.sqlite3'}")
        with j.writing() as s:
            s.add(Manager(code="A", name="甲"))
        try:
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
            for name in ("f.sqlite3", "f.sqlite3-wal", "f.sqlite3-shm"):
                path = folder / name
                if path.exists():
                    assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
        finally:
            j.close()
    finally:
        os.umask(old)
