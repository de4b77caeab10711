"""Running ``fieldbook`` (or another program) as a fresh process and measuring it: its
environment, wall time from process start, and peak memory (``/usr/bin/time -v``)."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from perf_rows import ROOT

TIME_BIN = Path("/usr/bin/time")


def max_rss_kb(stderr: str) -> int | None:
    found = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", stderr)
    return int(found.group(1)) if found else None


def last_line(text: str) -> str:
    lines = [
        ln.strip()
        for ln in text.splitlines()
        if ln.strip() and not ln.startswith(("\t", "Command exited", "Command terminated"))
    ]
    return lines[-1] if lines else "no output"


def env_for(scratch: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDBOOK_DATA_DIR": str(scratch / "app")}
    env.pop("FIELDBOOK_DB", None)
    return env


class RunFailed(Exception):
    """A measured process failed (its exit code and last line, or no output file)."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kb: int


def timed(command: Sequence[str], env: dict[str, str], timeout: float, out: Path) -> Run:
    """Run ``command`` from process start to exit; it must exit 0 and write ``out``."""
    use_time = TIME_BIN.exists() and os.access(TIME_BIN, os.X_OK)
    argv = [str(TIME_BIN), "-v", *command] if use_time else list(command)
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise RunFailed(f"timed out after {timeout:g} s") from None
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RunFailed(f"exit {proc.returncode}: {last_line(proc.stderr)}")
    if not out.exists() or out.stat().st_size == 0:
        raise RunFailed(f"no {out.suffix.lstrip('.') or 'output'} file written")
    rss = max_rss_kb(proc.stderr) if use_time else None
    if rss is None:  # the largest child so far (Linux: kilobytes)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Run(seconds, rss)
