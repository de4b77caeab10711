"""A laptop database copied to another computer becomes a new origin (decision 0030,
amended at the merge): the usual way to set up a manager's second laptop no longer looks like
a tampered trail; on the same computer a trail cut back is still caught."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sync_support import laptop, manager_logins
from test_sync_audit import correct

from fieldbook.core.journal import Journal
from fieldbook.core.server import sync_origin
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_origin import ORIGIN_KEY, laptop_origin
from fieldbook.messages import describe_sync_problem


@pytest.fixture
def one(tmp_path: Path, template_db: Path) -> Iterator[Journal]:
    j = laptop(tmp_path, template_db, 1)
    yield j
    j.close()


def _copy(j: Journal, path: Path) -> Journal:
    source = str(j.engine.url).removeprefix("sqlite:///")
    j.engine.dispose()
    shutil.copyfile(source, path)
    return Journal.open(f"sqlite:///{path}")


def test_the_origin_stays_on_its_computer_and_changes_on_another(
    one: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_origin, "machine_id", lambda: "computer-a")
    notices: list = []
    first = laptop_origin(one, notices)
    assert laptop_origin(one, notices) == first and notices == []
    monkeypatch.setattr(sync_origin, "machine_id", lambda: "computer-b")
    moved = laptop_origin(one, notices)
    assert moved != first
    assert [n.kind for n in notices] == ["new_laptop"]
    assert "另一台电脑" in describe_sync_problem(notices[0], "zh_CN")
    assert laptop_origin(one, notices) == moved and len(notices) == 1  # said once


def test_no_readable_machine_id_keeps_the_origin(
    one: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_origin, "machine_id", lambda: "computer-a")
    first = laptop_origin(one)
    monkeypatch.setattr(sync_origin, "machine_id", lambda: "")
    assert laptop_origin(one) == first
    with one.reading() as s:
        assert one.get_setting(s, ORIGIN_KEY) == first


@pytest.mark.postgresql
def test_a_copy_on_a_second_computer_syncs_as_a_second_laptop(
    one: Journal, tmp_path: Path, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    monkeypatch.setattr(sync_origin, "machine_id", lambda: "computer-a")
    correct(one, 2)
    sync(one, logins["QTH001"])
    second = _copy(one, tmp_path / "second.sqlite3")
    try:
        correct(one, 1)
        correct(second, 2)  # the same numbers as the first laptop's new entry: a fork
        assert sync(one, logins["QTH001"]).problems == []
        monkeypatch.setattr(sync_origin, "machine_id", lambda: "computer-b")
        report = sync(second, logins["QTH001"])
        assert report.problems == [] and report.conflicts == []
        assert [n.kind for n in report.notices] == ["new_laptop"]
        assert report.pushed["audit_entries"] == 2
    finally:
        second.close()
    engine = create_engine(pg_database)
    try:
        with engine.connect() as con:
            assert con.execute(text("SELECT count(*) FROM manager_audit_entries")).scalar() == 5
            assert con.execute(text("SELECT count(*) FROM sync_log")).scalar() == 2
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_a_copy_on_the_same_computer_is_still_a_fork(
    one: Journal, tmp_path: Path, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without another computer the copy cannot be told from a rollback: reported."""
    logins = manager_logins(pg_database, ["QTH001"])
    monkeypatch.setattr(sync_origin, "machine_id", lambda: "computer-a")
    sync(one, logins["QTH001"])
    second = _copy(one, tmp_path / "second.sqlite3")
    try:
        correct(one, 1)
        correct(second, 1)
        sync(one, logins["QTH001"])
        report = sync(second, logins["QTH001"])
        assert [p.kind for p in report.problems] == ["audit_rewritten"] or [
            p.kind for p in report.problems
        ] == ["audit_deleted"]
    finally:
        second.close()
