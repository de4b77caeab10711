"""Helpers of the fault-injection tests (imported as ``faults``: tests/ is not a package)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path


def integrity(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "; ".join(str(r[0]) for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def spawn(code: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    """Run ``code`` in a child Python with ``args``; its stdout is a pipe of text lines."""
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
        bufsize=1,
        **kwargs,
    )


def expect_line(child: subprocess.Popen[str], prefix: str) -> str:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith(prefix), f"child said {line!r}, expected {prefix!r}"
    return line.strip()
