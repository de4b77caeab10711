"""The start-up rows: ``fieldbook gui --screenshot`` from process start to PNG, each beside its
yardstick — a bare PySide6 window that opens the same database with SQLAlchemy
(``bare_window.py``) — run alternately in the same step, so the ratio holds on a loaded machine;
and ``fieldbook --help``.

Before timing, :func:`prime` compiles the package to bytecode (an installed Fieldbook has its
``.pyc``, as PySide6 and SQLAlchemy have theirs; with ``PYTHONDONTWRITEBYTECODE`` set, an
editable checkout would otherwise recompile every module on every run) and each step makes one
untimed run of each program (the database's pages in the OS cache for both alike).
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from perf_process import Run, RunFailed, env_for, last_line, timed
from perf_rows import GUI_ROWS, ROOT, Config, Result, at_most, error_result, labels, verdict

BARE_WINDOW = Path(__file__).with_name("bare_window.py")


def prime() -> None:
    """Compile the package to bytecode, as an installed one is (see the module docstring)."""
    compileall.compile_dir(ROOT / "fieldbook", quiet=1)


def fieldbook_gui(db: Path, png: Path, page: str) -> list[str]:
    command = [sys.executable, "-m", "fieldbook", "--db", str(db), "gui", "--screenshot", str(png)]
    return [*command, "--page", page] if page else command


def bare_window(db: Path, png: Path, page: str) -> list[str]:
    return [sys.executable, str(BARE_WINDOW), str(db), str(png), page]


def bench_gui(
    cfg: Config,
    folder: Path,
    scratch: Path,
    time_key: str,
    page: str,
    database: Callable[[], Path],
) -> list[Result]:
    """`fieldbook gui --screenshot` from process start: wall time and peak memory, and for a
    step with a yardstick the bare window's time and the ratio, their runs alternated.
    ``database()`` gives the database of each run (a fresh scratch copy when the GUI may
    write to it)."""
    keys = GUI_ROWS[time_key]
    names = labels(cfg)
    tag = time_key.removeprefix("gui_time").strip("_") or "plan"
    png = folder / f"gui-screenshot-{tag}.png"
    bare_png = scratch / f"bare-{tag}.png"
    env = env_for(scratch)
    with_bare = len(keys) == 4
    ours: list[Run] = []
    bare: list[Run] = []
    try:
        for n in range(cfg.gui_runs + 1):  # the first run of each is untimed
            run = timed(fieldbook_gui(database(), png, page), env, cfg.gui_timeout, png)
            if n:
                ours.append(run)
            if with_bare:
                db = database()
                yardstick = timed(bare_window(db, bare_png, page or "plan"), env, 60, bare_png)
                if n:
                    bare.append(yardstick)
    except RunFailed as exc:
        return [error_result(k, *names[k], str(exc)) for k in keys]
    finally:
        bare_png.unlink(missing_ok=True)
    rows = gui_rows(cfg, keys, ours)
    if with_bare:
        rows += ratio_rows(cfg, keys, ours, bare)
    return rows


def gui_rows(cfg: Config, keys: Sequence[str], runs: Sequence[Run]) -> list[Result]:
    time_key, mem_key = keys[:2]
    names = labels(cfg)
    wall = statistics.median(r.seconds for r in runs)
    peak_mb = max(r.peak_kb for r in runs) / 1024
    limit = cfg.gui_limit_s if len(keys) == 2 else cfg.startup_limit_s
    judge = verdict if len(keys) == 2 else at_most
    return [
        Result(
            time_key,
            names[time_key][0],
            f"{wall:.2f} s (median of {len(runs)})",
            names[time_key][1],
            judge(wall, limit),
            round(wall, 4),
            "s",
            limit,
        ),
        Result(
            mem_key,
            names[mem_key][0],
            f"{peak_mb:.0f} MB (max of {len(runs)})",
            names[mem_key][1],
            verdict(peak_mb, cfg.gui_memory_limit_mb),
            round(peak_mb, 1),
            "MB",
            cfg.gui_memory_limit_mb,
        ),
    ]


def ratio_rows(
    cfg: Config, keys: Sequence[str], ours: Sequence[Run], bare: Sequence[Run]
) -> list[Result]:
    bare_key, ratio_key = keys[2:]
    names = labels(cfg)
    mine = statistics.median(r.seconds for r in ours)
    base = statistics.median(r.seconds for r in bare)
    ratio = mine / base
    return [
        Result(
            bare_key,
            names[bare_key][0],
            f"{base:.2f} s (median of {len(bare)})",
            "info",
            "info",
            round(base, 4),
            "s",
        ),
        Result(
            ratio_key,
            names[ratio_key][0],
            f"{ratio:.2f}× ({mine:.2f} s / {base:.2f} s, medians of {len(ours)})",
            names[ratio_key][1],
            at_most(ratio, cfg.startup_ratio),
            round(ratio, 3),
            "×",
            cfg.startup_ratio,
        ),
    ]


def bench_help(cfg: Config, scratch: Path) -> Result:
    """`python -m fieldbook --help` from process start to exit: the median of several runs
    (after one untimed run)."""
    name, target = labels(cfg)["help_time"]
    env = env_for(scratch)
    command = [sys.executable, "-m", "fieldbook", "--help"]
    times: list[float] = []
    for n in range(cfg.help_runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        if proc.returncode != 0 or "usage" not in proc.stdout:
            return error_result(
                "help_time", name, target, f"exit {proc.returncode}: {last_line(proc.stderr)}"
            )
        if n:
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return Result(
        "help_time",
        name,
        f"{median:.3f} s (median of {len(times)}, best {min(times):.3f})",
        target,
        at_most(median, cfg.help_limit_s),
        round(median, 4),
        "s",
        cfg.help_limit_s,
    )
