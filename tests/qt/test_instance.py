"""One running app per database: a second launch brings the first forward and exits 0; a lock
left by a killed process is taken over; a holder that does not answer is named."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fieldbook.core.store.lock import DatabaseLock

SECOND = """
import sys
from fieldbook.qt.app import run_gui
raise SystemExit(run_gui(sys.argv[1]))
"""

HOLD_AND_DIE = """
import os, signal, sys
from pathlib import Path
from fieldbook.core.store.lock import DatabaseLock
DatabaseLock.acquire(Path(sys.argv[1]))
os.kill(os.getpid(), signal.SIGKILL)
"""

HOLD_UNTIL_EOF = """
import sys
from pathlib import Path
from fieldbook.core.store.lock import DatabaseLock
lock = DatabaseLock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.read()
lock.release()
"""


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.slow  # child processes
def test_a_second_launch_brings_the_first_forward_and_exits_0(
    qtbot, session_factory, filled, db_url, db_path
):
    session = session_factory()
    assert session.start() is None
    session.show()
    window = session.window
    assert session.lock is not None and DatabaseLock.holder(db_path) == os.getpid()
    assert session.server is not None and session.server.listening

    with qtbot.waitSignal(window.brought_forward, timeout=60_000):
        proc = subprocess.Popen(
            [sys.executable, "-c", SECOND, db_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60_000)
    finally:
        if proc.poll() is None:
            proc.kill()
    _out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "使用" not in err  # quietly: no "in use" message
    assert DatabaseLock.holder(db_path) == os.getpid()  # the first instance still holds it


def test_a_lock_left_by_a_killed_process_is_taken_over(qtbot, session_factory, filled, db_path):
    proc = subprocess.run(
        [sys.executable, "-c", HOLD_AND_DIE, str(db_path)], capture_output=True, timeout=60
    )
    assert proc.returncode == -9  # SIGKILL: no chance to release the lock
    dead = DatabaseLock.holder(db_path)
    assert dead is not None and dead != os.getpid()

    session = session_factory()
    assert session.start() is None
    assert session.window is not None
    assert DatabaseLock.holder(db_path) == os.getpid()
    session.shutdown()
    assert not DatabaseLock.held_here(db_path)  # released on exit


def test_a_holder_that_does_not_answer_is_named(qtbot, session_factory, filled, db_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_EOF, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        shown = []
        session = session_factory(run_dialog=lambda box: shown.append(box.text()) or 0)
        assert session.start() == 1
        assert session.window is None
        assert shown == session.told
        assert f"数据库正被另一个程序（进程 {holder.pid}）使用" in shown[0]
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)


@pytest.mark.slow  # child processes
def test_screenshot_mode_runs_beside_the_app_and_takes_no_lock(
    qtbot, session_factory, filled, db_url, db_path, tmp_path
):
    session = session_factory()
    assert session.start() is None
    script = (
        "import sys; from pathlib import Path; from fieldbook.qt.app import run_gui; "
        "raise SystemExit(run_gui(sys.argv[1], screenshot=Path(sys.argv[2]), page='plan'))"
    )
    png = tmp_path / "beside.png"
    result = subprocess.run(
        [sys.executable, "-c", script, db_url, str(png)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 10_000
    assert DatabaseLock.holder(db_path) == os.getpid()  # still the app's
