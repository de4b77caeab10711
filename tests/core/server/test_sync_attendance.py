"""出勤 reaches the department server: a manager's login pushes its days out of the field (and
a cleared one as an empty kind) under row-level security, never another manager's; the
department views on the server leave those days out of the rate and show them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sync_support import MON, laptop, manager_logins

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.server.department import weeks_table
from fieldbook.core.server.sync import sync

pytestmark = pytest.mark.postgresql


@pytest.fixture
def laptops(tmp_path: Path, template_db: Path) -> list[Journal]:
    js = [laptop(tmp_path, template_db, n) for n in (1, 2)]
    yield js
    for j in js:
        j.close()


def _server_rows(url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return [
                tuple(r)
                for r in con.execute(
                    text(
                        "SELECT m.code, a.kind, a.leave_type FROM attendance_days a"
                        " JOIN managers m ON m.id = a.manager_id ORDER BY m.code"
                    )
                )
            ]
    finally:
        engine.dispose()


def test_a_day_out_of_the_field_reaches_the_server_and_its_views(
    laptops: list[Journal], pg_database: str, pinned_clock: datetime
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    one, two = laptops
    one.attendance.set(MON, "leave", leave_type="sick")
    assert sync(one, logins["QTH001"]).pushed.get("attendance_days") == 1
    assert sync(two, logins["QTH002"]).pushed.get("attendance_days") is None
    assert _server_rows(pg_database) == [("QTH001", "leave", "sick")]
    server = Journal.open(pg_database)
    try:
        rows = {r.manager_code: r for r in weeks_table(server, MON, MON)}
        # laptop 1's Monday (5 stops, 3 visited) is left out; laptop 2's counts
        assert (rows["QTH001"].planned, rows["QTH001"].visited) == (0, 0)
        assert [m.label for m in rows["QTH001"].marks] == ["请假（病假）"]
        assert (rows["QTH002"].planned, rows["QTH002"].visited) == (5, 3)
        assert rows["QTH002"].marks == []
    finally:
        server.close()
    with clock.pinned(pinned_clock + timedelta(hours=1)):
        one.attendance.clear(MON)
        assert sync(one, logins["QTH001"]).pushed.get("attendance_days") == 1
    assert _server_rows(pg_database) == [("QTH001", "", "")]
