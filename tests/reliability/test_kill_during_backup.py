"""SIGKILL while a child process makes backup after backup of a ~20 MB database: earlier
backups are intact, no partial file ever carries a backup's name (only ``.*.tmp`` may be
left, and nothing lists those), the database itself is sound."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from faults import expect_line, integrity, spawn

from fieldbook.core.sqlite_files import backup_dir_for
from fieldbook.core.store.backup import list_backups, list_backups_info
from fieldbook.core.store.head_log import heads_log, recorded_heads

pytestmark = pytest.mark.slow  # child processes killed mid-backup

KILLS = 6
FILLER_COUNT = "SELECT count(*) FROM settings WHERE key LIKE 'filler-%'"

CHILD = r"""
import sys
from fieldbook.core.store.backup import create_backup
from fieldbook.core.store.db import make_engine
print("ready", flush=True)
sys.stdin.readline()
engine = make_engine(sys.argv[1])
while True:
    print("made", create_backup(engine, label="auto"), flush=True)
"""


@pytest.fixture(scope="session")
def big_template(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    shutil.copyfile(demo_template, path)
    con = sqlite3.connect(path)
    # ~21 MB whatever the demo's size (it depends on the calendar around the pinned date)
    blobs = max(0, (21 * 2**20 - path.stat().st_size) // 65536)
    # in an existing table (settings): an extra table would make the schema differ from the
    # migrations', and such a backup is listed as one a restore refuses
    con.executemany(
        "INSERT INTO settings (key, value) VALUES (?, hex(randomblob(32768)))",
        [(f"filler-{n}",) for n in range(blobs)],
    )
    con.commit()
    con.close()
    assert 19 * 2**20 < path.stat().st_size < 24 * 2**20
    return path


def _filler(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute(FILLER_COUNT).fetchone()[0])
    finally:
        con.close()


def test_sigkill_during_backups_leaves_earlier_backups_intact(
    tmp_path: Path, big_template: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = folder / "fieldbook.sqlite3"
    shutil.copyfile(big_template, db)
    url = f"sqlite:///{db}"
    rng = random.Random(7)
    made: list[Path] = []
    blobs = _filler(db)
    nxt = spawn(CHILD, url)
    for run in range(KILLS):
        child = nxt
        expect_line(child, "ready")
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        if run + 1 < KILLS:
            nxt = spawn(CHILD, url)
        if run % 2 == 0:
            # every other child is killed while a LATER backup is being written (so there are
            # earlier ones to keep however slow the machine is); the others at a random moment
            # from the start, the first backup's temporary file included
            made.append(Path(expect_line(child, "made").split(" ", 1)[1]))
        time.sleep(rng.uniform(0.05, 0.9))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        made += [Path(line.split(" ", 1)[1]) for line in child.stdout.read().splitlines()]

    backups = list_backups(db)
    assert set(made) <= set(backups)  # every backup reported as made is there
    assert len(backups) >= 2
    for path in backups:  # ...and every file under a backup's name is complete and sound
        assert integrity(path) == "ok", path
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        assert con.execute(FILLER_COUNT).fetchone()[0] == blobs
        assert con.execute("SELECT count(*) FROM customers").fetchone()[0] == 150
        con.close()
    named = re.compile(r"fieldbook-\d{8}-\d{6}-\d{6}-auto\.sqlite3")
    # besides backups, only the hidden temporary copy of a killed backup: its .tmp file and,
    # if the kill came while SQLite switched the copy out of WAL, that file's own -wal/-shm
    # (thin_backups removes them once stale; test_backup covers that)
    leftover = re.compile(r"\..*\.tmp(-wal|-shm)?")
    log = heads_log(db)  # the audit chain's head at each backup: appended, a line may be torn
    for path in backup_dir_for(db).iterdir():
        assert named.fullmatch(path.name) or leftover.fullmatch(path.name) or path == log, path
    # the head is recorded before the backup takes its name: none exists without it
    assert {p.name for p in backups} <= {h.where for h in recorded_heads(db)}
    infos = list_backups_info(db)
    assert [i.path for i in infos] == backups[::-1]
    assert all(i.readable and i.customers == 150 for i in infos)
    assert integrity(db) == "ok"
