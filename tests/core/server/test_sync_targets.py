"""销量任务 reach the department server: a manager's login pushes its targets (and a change of
one) under row-level security; another manager's login sees none of them and cannot write one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from sync_support import laptop, manager_logins

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.server.sync import sync

pytestmark = pytest.mark.postgresql


@pytest.fixture
def laptops(tmp_path: Path, template_db: Path) -> Iterator[list[Journal]]:
    js = [laptop(tmp_path, template_db, n) for n in (1, 2)]
    yield js
    for j in js:
        j.close()


def _rows(url: str, sql: str = "") -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return [
                tuple(r)
                for r in con.execute(
                    text(
                        sql
                        or "SELECT m.code, t.month, t.scope, t.scope_key, t.cartons FROM targets t"
                        " JOIN managers m ON m.id = t.manager_id ORDER BY m.code, t.scope"
                    )
                )
            ]
    finally:
        engine.dispose()


def test_targets_reach_the_server_under_row_level_security(
    laptops: list[Journal], pg_database: str, pinned_clock: datetime
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    one, two = laptops
    one.targets.set(TargetInput("2026-11", cartons=1800))
    one.targets.set(TargetInput("2026-11", "class", "1", cartons=200))
    assert sync(one, logins["QTH001"]).pushed.get("targets") == 2
    assert sync(two, logins["QTH002"]).pushed.get("targets") is None
    assert _rows(pg_database) == [
        ("QTH001", "2026-11", "class", "1", 200),
        ("QTH001", "2026-11", "total", "", 1800),
    ]
    with clock.pinned(pinned_clock + timedelta(hours=1)):
        one.targets.set(TargetInput("2026-11", cartons=2000))
        assert sync(one, logins["QTH001"]).pushed.get("targets") == 1
    assert ("QTH001", "2026-11", "total", "", 2000) in _rows(pg_database)
    # the other manager's login sees none of them and cannot write one for QTH001
    assert _rows(logins["QTH002"], "SELECT id FROM targets") == []
    owner = _rows(pg_database, "SELECT id FROM managers WHERE code = 'QTH001'")[0][0]
    engine = create_engine(logins["QTH002"])
    try:
        with pytest.raises(DBAPIError, match="row-level security"), engine.begin() as con:
            con.execute(
                text(
                    "INSERT INTO targets (id, manager_id, month, scope, scope_key, cartons,"
                    " created_at, updated_at) VALUES ('t-x', :m, '2026-11', 'sku', 'x', 1,"
                    " now(), now())"
                ),
                {"m": owner},
            )
    finally:
        engine.dispose()
