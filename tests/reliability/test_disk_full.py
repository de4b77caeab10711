"""A full disk (RLIMIT_FSIZE in a child, SIGXFSZ ignored, so writes fail with EFBIG the way
they fail with ENOSPC): a save fails as ``SaveFailed`` and keeps everything committed before;
an export fails with a clear message and leaves no file under the target's name and an
existing target untouched."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from faults import integrity, spawn

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.routine.checklist import load_checklist

pytestmark = pytest.mark.slow  # child processes on a full disk

SAVE_CHILD = r"""
import json, resource, signal, sys
from datetime import date, datetime, time
from fieldbook.core.store.db import SaveFailed
from fieldbook.core.journal import Journal

url, answers, day = sys.argv[1], json.loads(sys.argv[2]), date.fromisoformat(sys.argv[3])
j = Journal.open(url)
customers = [c.id for c in j.customers.list()]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))  # the WAL may not grow past 1 MB


def visit(cid):
    v = j.visits.start(cid, at=datetime.combine(day, time(9, 0)))
    j.visits.set_shop_status(v.id, "open")
    j.visits.save_answers(v.id, {**answers, "notes": "库存充足。" * 90})
    for k, row in enumerate(v.grid[:3]):
        j.visits.save_grid(v.id, row.sku_id, stock_cartons=k + 1)
    j.visits.finish(v.id, at=datetime.combine(day, time(9, 10)))
    return v.id


last = None
for cid in customers:
    try:
        last = visit(cid)
    except SaveFailed as exc:
        print("failed", exc.reason, flush=True)
        try:  # the same visit again fails the same clean way; reading still works
            visit(cid)
        except SaveFailed as again:
            print("again", again.reason, flush=True)
        print("readable", j.visits.get(last).status, flush=True)
        break
    print("done", last, flush=True)
j.close()
"""


def test_disk_full_during_saves_keeps_what_was_committed(
    demo_db: Path, open_answers: dict[str, object]
) -> None:
    url = f"sqlite:///{demo_db}"
    day = clock.today() + timedelta(days=3)
    child = spawn(SAVE_CHILD, url, json.dumps(open_answers), day.isoformat())
    out, _ = child.communicate(timeout=60)
    lines = out.splitlines()
    done = [line.split()[1] for line in lines if line.startswith("done")]
    failed = [line.split()[1] for line in lines if line.startswith(("failed", "again"))]
    assert child.returncode == 0, out
    assert len(done) >= 3, "the limit should allow a few visits first"
    assert len(failed) == 2 and set(failed) <= {"disk_full", "io"}, lines
    assert "readable done" in lines

    assert integrity(demo_db) == "ok"
    checklist = load_checklist("visit")
    con = sqlite3.connect(demo_db)
    try:
        rows = dict(
            con.execute(
                "SELECT id, status FROM visits WHERE visit_date = ?", (day.isoformat(),)
            ).fetchall()
        )
        for vid in done:  # everything committed before the disk filled up
            assert rows[vid] == "done"
            text, shop_format = con.execute(
                "SELECT answers, format FROM visits JOIN customers ON customers.id = customer_id"
                " WHERE visits.id = ?",
                (vid,),
            ).fetchone()
            answers = json.loads(text)
            assert checklist.for_shop(shop_format).missing("open", answers) == []
            assert answers["notes"] == "库存充足。" * 90
        for vid, status in rows.items():  # no finished visit without its grid rows
            if status == "done":
                n = con.execute(
                    "SELECT count(*) FROM visit_skus WHERE visit_id = ? AND stock_cartons > 0",
                    (vid,),
                ).fetchone()[0]
                assert n == 3
    finally:
        con.close()
    j = Journal.open(url)  # the app opens it again with everything, and saves again
    try:
        assert j.visits.get(done[-1]).status == "done"
        cid = j.customers.list()[len(done)].id
        visit = j.visits.start(cid, day=day)
        j.visits.set_shop_status(visit.id, "open")
        assert j.visits.get(visit.id).shop_status == "open"
    finally:
        j.close()


EXPORT_CHILD = r"""
import resource, signal, sys
from datetime import date
from pathlib import Path
from fieldbook.core.journal import Journal
from fieldbook.core.reports.plan_sheet import export_plan

url, day, target = sys.argv[1], date.fromisoformat(sys.argv[2]), Path(sys.argv[3])
j = Journal.open(url)
j.plans.build(day)  # the plan is saved before the disk fills up
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    export_plan(j, day, target)
except OSError as exc:
    print("core", exc.errno, flush=True)
import fieldbook.cli.database as database
import fieldbook.cli.main as cli
database.open_journal = lambda args: j  # already open: the disk filled up while the app ran
code = cli.main(["--db", url, "export", "plan", "--date", day.isoformat(), "-o", str(target)])
print("cli", code, flush=True)
"""


def test_disk_full_during_an_export_leaves_the_target_alone(demo_db: Path, tmp_path: Path) -> None:
    import errno

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "路线单.xlsx"
    target.write_bytes(b"last week's route sheet")
    day = clock.today() + timedelta(days=1)
    child = spawn(EXPORT_CHILD, f"sqlite:///{demo_db}", day.isoformat(), str(target))
    out, _ = child.communicate(timeout=60)
    lines = out.splitlines()
    assert f"core {errno.EFBIG}" in lines, out
    assert "cli 1" in lines, out
    assert target.read_bytes() == b"last week's route sheet"
    assert [p.name for p in out_dir.iterdir()] == [target.name]  # no temporary file left

    missing = out_dir / "new.xlsx"  # and no file at all under a new name
    child = spawn(EXPORT_CHILD, f"sqlite:///{demo_db}", day.isoformat(), str(missing))
    out, _ = child.communicate(timeout=60)
    assert "cli 1" in out.splitlines()
    assert not missing.exists()
    assert [p.name for p in out_dir.iterdir()] == [target.name]
    assert integrity(demo_db) == "ok"


def test_cli_words_a_full_disk_for_an_export(demo_db: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    code = EXPORT_CHILD.replace('print("cli", code, flush=True)', "sys.exit(code)")
    target = tmp_path / "plan.xlsx"
    day = (clock.today() + timedelta(days=1)).isoformat()
    proc = subprocess.run(
        [sys.executable, "-c", code, f"sqlite:///{demo_db}", day, str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "磁盘已满：文件没有写出" in proc.stderr
    assert not target.exists()


OPEN_CHILD = r"""
import resource, signal, sys
from fieldbook.core.store.check import DatabaseUnreadable
from fieldbook.core.journal import Journal

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # not even the -shm fits
try:
    Journal.open(sys.argv[1])
except DatabaseUnreadable as exc:
    print("unreadable", exc.data["error"], flush=True)
"""


def test_a_full_disk_at_start_up_is_not_taken_for_damage(demo_db: Path) -> None:
    import hashlib

    digest = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    child = spawn(OPEN_CHILD, f"sqlite:///{demo_db}")
    out, _ = child.communicate(timeout=60)
    assert out.startswith("unreadable"), out
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == digest
    assert not [p for p in demo_db.parent.iterdir() if ".damaged-" in p.name]
