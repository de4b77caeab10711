"""SIGKILL at 20 random points while a child process saves visit after visit (start, shop
status, answers, grid rows, finish — each its own transaction): every visit the child reported
as finished is there in full, no finished visit lacks its grid, the file is sound."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from faults import expect_line, integrity, spawn

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.routine.checklist import load_checklist

pytestmark = pytest.mark.slow  # child processes killed at random points

KILLS = 20
GRID_ROWS = 3

CHILD = r"""
import json, sys
from datetime import date, datetime, time, timedelta
from fieldbook.core.journal import Journal
import fieldbook.core.routine.visits

url, answers = sys.argv[1], json.loads(sys.argv[2])
print("ready", flush=True)
run = int(sys.stdin.readline())          # wait for "go" (imports overlap the previous run)
day = date.fromisoformat(sys.argv[3]) + timedelta(days=run)
j = Journal.open(url)
customers = [c.id for c in j.customers.list()]
print("open", flush=True)
for cid in customers:
    v = j.visits.start(cid, at=datetime.combine(day, time(8, 0)))
    j.visits.set_shop_status(v.id, "open")
    j.visits.save_answers(v.id, answers)
    for k, row in enumerate(v.grid[:3]):
        j.visits.save_grid(v.id, row.sku_id, stock_cartons=k + 1, facings=2)
    j.visits.finish(v.id, at=datetime.combine(day, time(8, 10)))
    print("done", v.id, flush=True)
print("exhausted", flush=True)
"""


def _our_visits(con: sqlite3.Connection, first_day: date) -> dict[str, tuple[str, str]]:
    rows = con.execute(
        "SELECT id, status, answers FROM visits WHERE visit_date >= ?", (first_day.isoformat(),)
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def _grid(con: sqlite3.Connection, visit_id: str) -> list[tuple[int | None, int | None]]:
    return list(
        con.execute(
            "SELECT stock_cartons, facings FROM visit_skus WHERE visit_id = ? "
            "AND stock_cartons IS NOT NULL ORDER BY stock_cartons",
            (visit_id,),
        )
    )


def test_sigkill_at_random_points_loses_no_finished_visit(
    demo_db: Path, open_answers: dict[str, object]
) -> None:
    url = f"sqlite:///{demo_db}"
    first_day = clock.today() + timedelta(days=1)
    checklist = load_checklist("visit")
    rng = random.Random(20261130)
    reported: set[str] = set()
    nxt = spawn(CHILD, url, json.dumps(open_answers), first_day.isoformat())
    for run in range(KILLS):
        child = nxt
        expect_line(child, "ready")
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(f"{run}\n")
        child.stdin.flush()
        expect_line(child, "open")
        if run + 1 < KILLS:  # the next child imports while this one saves
            nxt = spawn(CHILD, url, json.dumps(open_answers), first_day.isoformat())
        deadline = time.monotonic() + rng.uniform(0.0, 0.5)
        mine: list[str] = []
        partial = ""  # a non-blocking read may stop mid-line: only whole lines count
        os.set_blocking(child.stdout.fileno(), False)
        while time.monotonic() < deadline:
            chunk = child.stdout.readline()
            if not chunk:
                time.sleep(0.002)
                continue
            partial += chunk
            if partial.endswith("\n"):
                if partial.startswith("done "):
                    mine.append(partial.split()[1])
                partial = ""
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        os.set_blocking(child.stdout.fileno(), True)
        rest = (partial + child.stdout.read()).split("\n")
        # every complete line; a last line cut by the kill (no newline) was never reported
        mine += [line.split()[1] for line in rest[:-1] if line.startswith("done ")]
        reported.update(mine)

        assert integrity(demo_db) == "ok"
        con = sqlite3.connect(demo_db)
        try:
            visits = _our_visits(con, first_day)
            for vid in reported:  # every visit reported as finished is there, in full
                status, answers = visits[vid]
                assert status == "done", vid
                shop_format = con.execute(
                    "SELECT format FROM customers JOIN visits ON customers.id = customer_id"
                    " WHERE visits.id = ?",
                    (vid,),
                ).fetchone()[0]
                shop = checklist.for_shop(shop_format)  # 促销员 only where they apply
                assert shop.missing("open", json.loads(answers)) == []
                assert _grid(con, vid) == [(1, 2), (2, 2), (3, 2)]
            for vid, (status, _) in visits.items():  # no finished visit without its grid
                if status == "done":
                    assert len(_grid(con, vid)) == GRID_ROWS, vid
        finally:
            con.close()

    assert len(reported) >= KILLS // 2  # the kills really landed mid-stream, after saves
    j = Journal.open(url)
    try:
        for vid in sorted(reported)[:20]:
            view = j.visits.get(vid)
            assert view.status == "done" and view.shop_status == "open"
            shop = view.checklist  # 促销员 only where they apply (checklist v2)
            kept = {k: x for k, x in open_answers.items() if shop.applies(shop.item(k))}
            assert {k: view.answers[k] for k in kept} == kept
        drafts = j.visits.drafts()
        assert all(d.visit_id not in reported for d in drafts)
    finally:
        j.close()
