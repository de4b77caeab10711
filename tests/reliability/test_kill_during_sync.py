"""A sync killed (SIGKILL) at several moments, then run again to the end, leaves the server
exactly as one uninterrupted sync does; the laptop stays sound."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from faults import integrity, spawn
from pgserver import pg_admin, with_database
from sync_support import laptop, server_state

from fieldbook.core.journal import Journal
from fieldbook.core.server.sync import sync

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]  # child processes killed mid-sync

CHILD = r"""
import sys
from fieldbook.core.journal import Journal
from fieldbook.core.server.sync import sync
j = Journal.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
sync(j, sys.argv[2], batch=1, progress=lambda m: print("step", m, flush=True))
print("done", flush=True)
"""


def test_sigkill_mid_sync_then_rerun_equals_one_clean_sync(
    tmp_path: Path, template_db: Path, pg_server: str, pg_database: str
) -> None:
    name = pg_database.rsplit("/", 1)[1]
    reference = with_database(pg_server, name + "_clean")
    pg_admin(pg_server, f"CREATE DATABASE {name}_clean TEMPLATE {name}")
    try:
        j = laptop(tmp_path, template_db, 1)
        url = j.url
        path = Path(j.db_path or "")
        j.close()
        # the same laptop, copied before any sync: the uninterrupted reference
        copy = tmp_path / "copy.sqlite3"
        copy.write_bytes(path.read_bytes())
        ref = Journal.open(f"sqlite:///{copy}")
        sync(ref, reference)
        ref.close()

        cut_midway = 0
        # Each kill lands a moment after the sync reported its first step (not after a fixed
        # time from the start: on a loaded machine the child may not have begun by then).
        for delay in (0.0, 0.1, 0.3):
            child = spawn(CHILD, url, pg_database)
            assert child.stdout is not None and child.stdin is not None
            assert child.stdout.readline().startswith("ready")
            child.stdin.write("go\n")
            child.stdin.flush()
            first = child.stdout.readline()
            time.sleep(delay)
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
            said = first + child.stdout.read()
            cut_midway += "step" in said and "done" not in said
            assert integrity(path) == "ok"
        assert cut_midway >= 1  # at least one kill really landed in the middle of a sync
        j = Journal.open(url)
        try:
            sync(j, pg_database)
            assert sync(j, pg_database).moved == 0
        finally:
            j.close()
        assert server_state(pg_database) == server_state(reference)  # every synced table
    finally:
        pg_admin(pg_server, f"DROP DATABASE IF EXISTS {name}_clean WITH (FORCE)")
