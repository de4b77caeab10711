"""A manager's own moves of a delivery after sending reach the server (decision 0029); when
the department moved the same delivery since the last sync, its state stays, both moves stay
in the history, and a ``delivery_moved_both`` conflict is reported and kept on the laptop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sync_support import laptop, manager_logins

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_conflicts import stored_conflicts

pytestmark = pytest.mark.postgresql


@pytest.fixture
def one(tmp_path: Path, template_db: Path) -> Iterator[Journal]:
    j = laptop(tmp_path, template_db, 1)  # QTH001: a slip sent to three departments
    yield j
    j.close()


def _server(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return [tuple(r) for r in con.execute(text(sql), params)]
    finally:
        engine.dispose()


def _delivery(j: Journal, department: str) -> str:
    with j.engine.connect() as con:
        return str(
            con.execute(
                text("SELECT id FROM slip_deliveries WHERE department = :d"), {"d": department}
            ).scalar_one()
        )


def _department_moves(url: str, delivery_id: str, at: datetime) -> None:
    server = Journal.open(url)
    try:
        with clock.pinned(at, running=False):
            server.slips.advance(delivery_id, "received", actor="配送中心王五")
    finally:
        server.close()


def test_a_managers_own_move_after_sending_reaches_the_servers_state(
    one: Journal, pg_database: str
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    start = clock.now()
    sync(one, logins["QTH001"])
    delivery = _delivery(one, "phone")
    with clock.pinned(start + timedelta(hours=1), running=False):
        one.slips.advance(delivery, "received", actor="经理1", note="电话确认已收到")
        report = sync(one, logins["QTH001"])
    assert report.conflicts == []
    assert report.pushed.get("slip_deliveries") == 1 and report.pushed.get("slip_events") == 1
    assert _server(
        pg_database, "SELECT state, handled_by FROM slip_deliveries WHERE id = :d", d=delivery
    ) == [("received", "经理1")]
    assert sync(one, logins["QTH001"]).moved == 0  # nothing moves twice


def test_a_delivery_moved_by_both_keeps_the_departments_state_and_both_moves(
    one: Journal, pg_database: str
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    start = clock.now()
    sync(one, logins["QTH001"])
    delivery = _delivery(one, "distribution")
    _department_moves(pg_database, delivery, start + timedelta(hours=1))
    with clock.pinned(start + timedelta(hours=2), running=False):
        one.slips.advance(delivery, "returned", actor="经理1", reason="送错部门")
        report = sync(one, logins["QTH001"])
    assert [(c.kind, c.record_id, c.kept, c.detail) for c in report.conflicts] == [
        ("delivery_moved_both", delivery, "server", "退回 → 已接收")
    ]
    assert _server(pg_database, "SELECT state FROM slip_deliveries WHERE id = :d", d=delivery) == [
        ("received",)
    ]
    moves = "SELECT to_state FROM slip_events WHERE delivery_id = :d ORDER BY at"
    assert _server(pg_database, moves, d=delivery) == [("sent",), ("received",), ("returned",)]
    with one.engine.connect() as con:  # the laptop: the department's state, both moves
        assert (
            con.execute(
                text("SELECT state FROM slip_deliveries WHERE id = :d"), {"d": delivery}
            ).scalar_one()
            == "received"
        )
        assert [tuple(r) for r in con.execute(text(moves), {"d": delivery})] == [
            ("sent",),
            ("received",),
            ("returned",),
        ]
    assert [c.kind for c in stored_conflicts(one)] == ["delivery_moved_both"]
    with clock.pinned(start + timedelta(hours=3), running=False):
        again = sync(one, logins["QTH001"])
    assert again.conflicts == [] and again.moved == 0  # reported once
