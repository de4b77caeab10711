"""A process killed (SIGKILL) while a checklist is being filled: every change it reported as
saved is there, the database is sound, and the draft comes back for that shop only."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from fieldbook.core.journal import Journal

pytestmark = pytest.mark.slow  # a child process killed mid-visit

CHILD = r"""
import sys
from datetime import datetime
from fieldbook.core.journal import Journal

j = Journal.open(sys.argv[1])
cid = j.customers.by_code("M001").id
v = j.visits.start(cid, at=datetime(2026, 11, 30, 7, 35))
j.visits.set_shop_status(v.id, "open")
print("started", v.id, flush=True)
n = 0
while True:  # keep typing until killed: promoters count 0, 1, 2, ... and grid stock
    j.visits.save_answer(v.id, "promoters_count", n % 20)
    j.visits.save_grid(v.id, v.grid[0].sku_id, stock_cartons=n % 500)
    print("saved", n, flush=True)
    n += 1
"""


def test_sigkill_mid_checklist_keeps_the_draft_for_that_shop_only(
    world: Journal, db_path: Path
) -> None:
    world.close()
    url = f"sqlite:///{db_path}"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE, text=True, bufsize=1
    )
    assert child.stdout is not None
    started = child.stdout.readline().split()
    assert started[0] == "started"
    visit_id = started[1]
    last_saved = -1
    while last_saved < 25:
        line = child.stdout.readline()
        assert line, "the child died before it was killed"
        last_saved = int(line.split()[1])
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    j = Journal.open(url)
    try:
        drafts = j.visits.drafts()
        assert [(d.visit_id, d.shop_name) for d in drafts] == [(visit_id, "周一店1")]
        draft = j.visits.start(j.customers.by_code("M001").id, day=date(2026, 11, 30))
        assert draft.id == visit_id and draft.shop_status == "open"
        # every change reported as saved is there (the child may have saved more before the
        # kill landed); the answer and the grid are from the same or the next iteration
        stock = draft.grid[0].stock_cartons
        assert stock is not None and stock >= last_saved
        assert draft.answers["promoters_count"] in (stock % 20, (stock + 1) % 20)
        other = j.visits.start(j.customers.by_code("M002").id, day=date(2026, 11, 30))
        assert other.id != visit_id and other.answers == {} and other.shop_status == ""
    finally:
        j.close()
