"""The server's per manager and day summaries (``day_figures``, ``day_order_figures``: migration
0021, decision 0032) equal a recomputation from the raw rows after syncs under the managers'
own logins (row-level security), a re-import of a day's orders, edits and deletions made on the
server, and a SKU's price class changing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session
from sync_support import MON, laptop, manager_logins

from fieldbook.core.journal import Journal
from fieldbook.core.routine import attendance
from fieldbook.core.routine.class_structure import first_headline
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.routine.price_figures import answered_tags
from fieldbook.core.server import department as dept
from fieldbook.core.server.department_days import (
    COUNTS,
    DAY_ORDER_FIGURES,
    days_worked,
    raw_day_counts,
    raw_order_days,
    summary_rows,
    tag_days,
)
from fieldbook.core.server.sync import sync

pytestmark = pytest.mark.postgresql

FIRST, LAST = date(2020, 1, 1), date(2040, 12, 31)


@pytest.fixture
def laptops(tmp_path: Path, template_db: Path) -> list[Journal]:
    js = [laptop(tmp_path, template_db, n) for n in (1, 2)]
    yield js
    for j in js:
        j.close()


def summaries(url: str) -> tuple[dict[tuple[str, date], dict[str, int]], set[tuple]]:
    """(the summary tables' figures, a recomputation from the raw rows) per manager and day."""
    engine = create_engine(url)
    try:
        with Session(engine) as s:
            ids = list(s.scalars(text("SELECT id FROM managers")))
            kept = {(m, day): counts for m, day, counts in summary_rows(s)}
            raw = {
                key: {c: getattr(row, c) for c in COUNTS}
                for key, row in raw_day_counts(s, ids, FIRST, LAST).items()
            }
            assert kept == raw
            top = list(first_headline()[1])
            t = DAY_ORDER_FIGURES
            stored: dict[tuple[str, date], list[int]] = {}
            for m, day, cls, cartons, amount in s.execute(select(t)):
                figures = stored.setdefault((m, day), [0, 0, 0])
                figures[0] += cartons
                figures[1] += amount
                figures[2] += cartons if cls in top else 0
            computed = {
                (m, day): [int(c or 0), int(a or 0), int(x or 0)]
                for m, day, c, a, x in raw_order_days(s, ids, FIRST, LAST, top)
            }
            assert stored == computed
            assert tag_days(s, ids, FIRST, LAST) == {
                key: tags for key, tags in answered_tags(s, ids, FIRST, LAST).items() if tags[0]
            }
            assert days_worked(s, ids, FIRST, LAST) == attendance._days_with(s, ids, FIRST, LAST)
            return kept, {(m, day, *f) for (m, day), f in stored.items()}
    finally:
        engine.dispose()


def on_server(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as con:
            for sql in statements:
                con.execute(text(sql))
    finally:
        engine.dispose()


def import_day(j: Journal, folder: Path, rows: list[tuple[str, str, int]]) -> None:
    book = openpyxl.Workbook()
    book.active.append(["订单日期", "客户编码", "客户名称", "卷烟代码", "卷烟名称", "订购量(条)"])
    for customer, sku, cartons in rows:
        book.active.append([MON.isoformat(), customer, "", sku, "", cartons])
    path = folder / "orders.xlsx"
    book.save(path)
    assert import_orders(j, path).applied


def test_the_summaries_equal_the_raw_rows_after_syncs_edits_and_deletions(
    laptops: list[Journal], pg_database: str, tmp_path: Path
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    j1, j2 = laptops
    import_day(j1, tmp_path, [("23091001", "13100101", 2), ("23091002", "15300202", 3)])
    for j, code in ((j1, "QTH001"), (j2, "QTH002")):
        assert sync(j, logins[code]).problems == []
    kept, orders = summaries(pg_database)
    assert len({m for m, _ in kept}) == 2
    assert sum(c["visited"] for c in kept.values()) == 6
    assert sum(c["slips_opened"] for c in kept.values()) == 2
    assert sorted(o[2] for o in orders) == [5]  # 2 + 3 cartons of MON

    # a manager's login reads their own days only (row-level security)
    own = create_engine(logins["QTH001"])
    try:
        with own.connect() as con:
            seen = con.execute(text("SELECT count(DISTINCT manager_id) FROM day_figures"))
            assert seen.scalar() == 1
    finally:
        own.dispose()

    # the week table reads the summaries: the same figures as the raw rows
    server = Journal.open(pg_database)
    rows = dept.weeks_table(server, MON, MON)
    server.close()
    assert sum(r.cartons for r in rows) == 5 and sum(r.visited for r in rows) == 6

    # a re-import of the day replaces its lines; the sync deletes and inserts them
    import_day(j1, tmp_path, [("23091003", "13600111", 7)])
    assert sync(j1, logins["QTH001"]).problems == []
    _, orders = summaries(pg_database)
    assert sorted(o[2] for o in orders) == [7]

    # edits and deletions made on the server itself (an administrator)
    on_server(
        pg_database,
        "UPDATE visits SET findings = '[]'",
        "UPDATE plan_stops SET state = 'removed' WHERE id IN (SELECT id FROM plan_stops LIMIT 2)",
        "UPDATE skus SET price_class = 1 WHERE code = '13600111'",
    )
    kept, orders = summaries(pg_database)
    assert sum(c["visits_with_findings"] for c in kept.values()) == 0
    on_server(
        pg_database, "UPDATE visits SET answers = '{}' WHERE id IN (SELECT min(id) FROM visits)"
    )
    summaries(pg_database)
    on_server(
        pg_database,
        "DELETE FROM order_lines",
        "DELETE FROM slip_deliveries",
        "DELETE FROM slip_events",
        "DELETE FROM slips",
    )
    kept, orders = summaries(pg_database)
    assert orders == set()
    assert sum(c["slips_opened"] for c in kept.values()) == 0
