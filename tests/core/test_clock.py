"""The one clock: pinned in every test, pinnable for a whole process, the only reader of the
wall clock."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from fieldbook.core import clock

ROOT = Path(__file__).resolve().parents[2]


def test_the_suite_runs_on_the_pinned_clock(pinned_clock: datetime) -> None:
    assert clock.is_pinned()
    assert clock.today() == pinned_clock.date()
    assert abs((clock.now() - pinned_clock).total_seconds()) < 60


def test_a_pinned_clock_runs_on_unless_frozen() -> None:
    start = datetime(2031, 1, 2, 8, 10)
    with clock.pinned(start, running=False):
        time.sleep(0.02)
        assert clock.now_precise() == start
    with clock.pinned(start):
        time.sleep(0.02)
        assert clock.now_precise() > start
        assert clock.now() == start  # to the second
    with clock.pinned(datetime(2030, 12, 31, 23, 59, 59, 990000)):
        time.sleep(0.02)
        assert clock.today().isoformat() == "2031-01-01"  # runs over the year boundary


def test_utc_is_the_same_instant() -> None:
    with clock.pinned(datetime(2031, 1, 2, 8, 10), running=False):
        local = datetime(2031, 1, 2, 8, 10).astimezone()
        offset = local.utcoffset()
        assert offset is not None
        assert clock.utcnow() == datetime(2031, 1, 2, 8, 10) - offset


def _run(code: str, value: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != clock.ENV}
    if value is not None:
        env[clock.ENV] = value
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_a_process_is_pinned_by_the_environment() -> None:
    code = "from fieldbook.core import clock; print(clock.today(), clock.is_pinned())"
    assert _run(code, "2031-01-02T08:10:00").stdout.split() == ["2031-01-02", "True"]
    assert _run(code, None).stdout.split()[1] == "False"
    bad = _run(code, "next thursday")
    assert bad.returncode != 0 and "FIELDBOOK_CLOCK='next thursday'" in bad.stderr


def _wall_clock_reads(path: Path) -> list[str]:
    """Calls of datetime.now/today/utcnow, date.today and time.time in one module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        if (name, node.func.attr) in {
            ("datetime", "now"),
            ("datetime", "today"),
            ("datetime", "utcnow"),
            ("date", "today"),
            ("time", "time"),
        }:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_nothing_but_the_clock_reads_the_wall_clock() -> None:
    reads = [
        hit
        for path in sorted((ROOT / "fieldbook").rglob("*.py"))
        if path.name != "clock.py"
        for hit in _wall_clock_reads(path)
    ]
    assert reads == []
    # the check itself finds a read
    assert _wall_clock_reads(ROOT / "fieldbook" / "core" / "clock.py")
