"""Fieldbook benchmarks (``make bench``): build the data once in a cache folder, measure, print a
table, write it to ``results.json``, and exit 1 when a row misses its target (or errored).

    python tests/perf/bench.py [--dir DIR] [--runs N] ...
    python -m tests.perf.bench ...            (from the repository root)

The cache folder is ``./bench-data`` unless ``$FIELDBOOK_BENCH_DIR`` or ``--dir`` says otherwise.
Cached files carry a fingerprint of the demo generator in their names, so changing the
generator or its data rebuilds them. Rows that write (a day in the field, the GUI on the
history) work on a scratch copy: the cache is never changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fieldbook.core.demo.generate import generate_demo, write_customer_workbook  # noqa: E402
from fieldbook.core.journal import Journal  # noqa: E402
from fieldbook.core.master.profile import ProfileInput  # noqa: E402

BENCH_ENV = "FIELDBOOK_BENCH_DIR"
SEED = 1
TIME_BIN = Path("/usr/bin/time")
ROWS = (
    "import",
    "search",
    "gui_time",
    "gui_memory",
    "gui_time_customers",
    "gui_memory_customers",
    "plan_build",
    "visit_screen",
    "visit_finish",
    "daylog_draft",
    "gui_time_history",
    "gui_memory_history",
    "week_export",
    "year_export_time",
    "year_export_memory",
    "sync_week",
    "department_views",
    "demo",
    "demo_history",
)
DAY_ROWS = ("plan_build", "visit_screen", "visit_finish", "daylog_draft")  # one step
GUI_ROWS = {
    "gui_time": ("gui_time", "gui_memory"),
    "gui_time_customers": ("gui_time_customers", "gui_memory_customers"),
    "gui_time_history": ("gui_time_history", "gui_memory_history"),
}  # a GUI step's time row → its rows


@dataclass(frozen=True)
class Config:
    customers: int = 10_000  # rows of the customer workbook
    managers: int = 61  # demo database: managers × per_manager customers
    per_manager: int = 165
    demo_weeks: int = 4  # history of the many-manager demo (generate_demo's default)
    history_weeks: int = 260  # one manager's long history: five years
    visit_shops: int = 20  # shops of the visit rows (one more is the warm-up call)
    plan_days: int = 10  # fresh days of the plan-building row
    import_runs: int = 3
    search_repeats: int = 20
    gui_runs: int = 3
    gui_timeout: float = 60.0
    import_limit_s: float = 3.0
    search_limit_ms: float = 20.0
    gui_limit_s: float = 1.5
    gui_memory_limit_mb: float = 200.0
    plan_build_limit_ms: float = 50.0
    visit_screen_limit_ms: float = 100.0
    visit_finish_limit_ms: float = 30.0
    daylog_limit_ms: float = 200.0
    week_export_runs: int = 3
    week_export_limit_s: float = 1.5
    year_visits: int = 7_500  # "a year of visits": the period holding this many
    year_export_limit_s: float = 10.0
    year_export_memory_mb: float = 400.0
    sync_week_limit_s: float = 5.0
    department_managers: int = 50
    department_customers: int = 150  # per manager; 30 shops a working day
    department_weeks: int = 52
    department_limit_s: float = 1.0
    demo_history_limit_s: float = 120.0
    demo_history_timeout: float = 600.0


@dataclass(frozen=True)
class Result:
    key: str
    name: str
    result: str
    target: str
    status: str  # pass | fail | error | info
    value: float | None = None
    unit: str = ""
    limit: float | None = None


@dataclass(frozen=True)
class Dataset:
    workbook: Path
    db: Path  # the demo database: many managers
    single: Path  # one manager with every customer of the workbook (the worst case for screens)
    history: Path  # one manager, history_weeks of plans and visits (demo)


def labels(cfg: Config) -> dict[str, tuple[str, str]]:
    """Row key → (name, target), in table order."""
    history = f"{cfg.history_weeks}-week history of one manager"
    return {
        "import": (f"import {cfg.customers:,}-customer workbook", f"< {cfg.import_limit_s:g} s"),
        "search": (
            f"customer search over {cfg.customers:,} customers",
            f"< {cfg.search_limit_ms:g} ms",
        ),
        "gui_time": (
            f"gui --screenshot (plan page, {cfg.customers:,} customers): start to PNG",
            f"< {cfg.gui_limit_s:g} s",
        ),
        "gui_memory": (
            f"gui --screenshot (plan page, {cfg.customers:,} customers): peak memory",
            f"< {cfg.gui_memory_limit_mb:g} MB",
        ),
        "gui_time_customers": (
            f"gui --screenshot (customers page, all {cfg.customers:,} listed): start to PNG",
            f"< {cfg.gui_limit_s:g} s",
        ),
        "gui_memory_customers": (
            f"gui --screenshot (customers page, all {cfg.customers:,} listed): peak memory",
            f"< {cfg.gui_memory_limit_mb:g} MB",
        ),
        "plan_build": (
            f"build a day's plan ({history}, median of {cfg.plan_days} fresh days)",
            f"< {cfg.plan_build_limit_ms:g} ms",
        ),
        "visit_screen": (
            f"open a shop's visit screen ({history}, median of {cfg.visit_shops} shops)",
            f"< {cfg.visit_screen_limit_ms:g} ms",
        ),
        "visit_finish": (
            f"finish a visit, commit included ({history}, median of {cfg.visit_shops} shops)",
            f"< {cfg.visit_finish_limit_ms:g} ms",
        ),
        "daylog_draft": (
            f"draft a day's work log ({history}, median of 10 days)",
            f"< {cfg.daylog_limit_ms:g} ms",
        ),
        "gui_time_history": (
            f"gui --screenshot (plan page, {history}): start to PNG",
            f"< {cfg.gui_limit_s:g} s",
        ),
        "gui_memory_history": (
            f"gui --screenshot (plan page, {history}): peak memory",
            f"< {cfg.gui_memory_limit_mb:g} MB",
        ),
        "week_export": (
            f"fieldbook export week ({history}): process start to file, "
            f"median of {cfg.week_export_runs}",
            f"< {cfg.week_export_limit_s:g} s",
        ),
        "year_export_time": (
            f"fieldbook export period, ~{cfg.year_visits:,} visits ({history}): start to file",
            f"< {cfg.year_export_limit_s:g} s",
        ),
        "year_export_memory": (
            f"fieldbook export period, ~{cfg.year_visits:,} visits: peak memory",
            f"< {cfg.year_export_memory_mb:g} MB",
        ),
        "sync_week": (
            "fieldbook sync: one manager's week to a fresh department server (PostgreSQL), "
            "process start to done",
            f"< {cfg.sync_week_limit_s:g} s",
        ),
        "department_views": (
            f"department views over {cfg.department_managers} managers x "
            f"{cfg.department_weeks} weeks (PostgreSQL): slowest view, median of 3",
            f"< {cfg.department_limit_s:g} s",
        ),
        "demo": (
            f"demo data: {cfg.managers} managers x {cfg.per_manager} customers, "
            f"{cfg.demo_weeks} weeks",
            "info",
        ),
        "demo_history": (
            f"demo --weeks {cfg.history_weeks} (1 manager x {cfg.per_manager} customers)",
            f"< {cfg.demo_history_limit_s:g} s",
        ),
    }


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_dir(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get(BENCH_ENV) or "bench-data").resolve()


def fingerprint() -> str:
    """Changes whenever the demo generator or its data change (cache key)."""
    digest = hashlib.sha256()
    names = (
        "fieldbook/core/demo/generate.py",
        "fieldbook/core/demo/visits.py",
        "schema/reference/demo.toml",
        "schema/reference/plan.toml",
        "schema/checklists/visit_v1.toml",
    )
    # a new migration too: a cache migrated on open is not what the generator writes
    migrations = sorted((ROOT / "schema/migrations/versions").glob("*.py"))
    for path in (*(ROOT / n for n in names), *migrations):
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def verdict(value: float, limit: float) -> str:
    return "pass" if value < limit else "fail"


def error_result(key: str, name: str, target: str, exc: BaseException | str) -> Result:
    text = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return Result(key, name, f"error: {text}"[:160], target, "error")


# --- data -----------------------------------------------------------------------------------
def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_db(source: Path, target: Path) -> Path:
    """A scratch copy of a (closed) cached database, for rows that write."""
    _remove_db(target)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


def build_demo(
    path: Path, cfg: Config, *, managers: int | None = None, weeks: int | None = None
) -> tuple[float, int]:
    """Generate the demo database at ``path`` (atomically); returns (seconds, customers)."""
    partial = path.with_name(path.name + ".partial")
    _remove_db(partial)
    journal = Journal.open(sqlite_url(partial), backup_before_migration=False)
    try:
        start = time.perf_counter()
        summary = generate_demo(
            journal,
            seed=SEED,
            managers=managers or cfg.managers,
            weeks=weeks or cfg.demo_weeks,
            customers_per_manager=cfg.per_manager,
        )
        seconds = time.perf_counter() - start
    finally:
        journal.close()
    _remove_db(path)
    os.replace(partial, path)
    return seconds, summary.customers


def _demo_ok(path: Path, cfg: Config) -> bool:
    if not path.exists():
        return False
    try:
        journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    except Exception:
        return False
    try:
        return journal.customers.count(everyone=True) == cfg.managers * cfg.per_manager
    finally:
        journal.close()


def prepare(folder: Path, cfg: Config) -> Dataset:
    """The cached workbook and demo database, built when missing."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = fingerprint()
    workbook = folder / f"customers-s{SEED}-{cfg.customers}-{tag}.xlsx"
    if not workbook.exists():
        log(f"building {workbook.name} ...")
        write_customer_workbook(workbook, SEED, cfg.customers)
    db = folder / f"demo-s{SEED}-{cfg.managers}x{cfg.per_manager}-{tag}.sqlite3"
    if not _demo_ok(db, cfg):
        log(f"building {db.name} ...")
        build_demo(db, cfg)
    single = folder / f"single-s{SEED}-{cfg.customers}-{tag}.sqlite3"
    if not _single_ok(single, cfg):
        log(f"building {single.name} ...")
        build_single(single, workbook, cfg)
    history = folder / f"history-s{SEED}-{cfg.per_manager}-{cfg.history_weeks}w-{tag}.sqlite3"
    if not _history_ok(history, cfg):
        log(f"building {history.name} ...")
        build_demo(history, cfg, managers=1, weeks=cfg.history_weeks)
    return Dataset(workbook, db, single, history)


def _history_ok(path: Path, cfg: Config) -> bool:
    from sqlalchemy import func, select

    from fieldbook.core.store.models import Plan

    if not path.exists():
        return False
    try:
        journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    except Exception:
        return False
    try:
        with journal.reading() as s:
            plans = s.scalar(select(func.count()).select_from(Plan)) or 0
        return journal.customers.count(everyone=True) == cfg.per_manager and plans > 0
    except Exception:
        return False
    finally:
        journal.close()


def build_single(path: Path, workbook: Path, cfg: Config) -> None:
    """One manager whose customers are the whole workbook (imported through the core)."""
    from fieldbook.core.master.customer_import import import_customers

    _remove_db(path)
    journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    try:
        journal.profile.save(ProfileInput(code="BENCH01", name="测试经理", territory="基准片区"))
        report = import_customers(journal, workbook)
        if not report.applied or len(report.new) != cfg.customers:
            raise RuntimeError(f"single-manager database: imported {len(report.new)} customers")
    finally:
        journal.close()


def _single_ok(path: Path, cfg: Config) -> bool:
    if not path.exists():
        return False
    journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    try:
        return journal.customers.count() == cfg.customers
    finally:
        journal.close()


# --- measurements ---------------------------------------------------------------------------
def bench_import(ds: Dataset, cfg: Config, scratch: Path) -> Result:
    """import_customers of the workbook into a fresh database with a profile (median)."""
    from fieldbook.core.master.customer_import import import_customers

    name, target = labels(cfg)["import"]
    times = []
    for run in range(cfg.import_runs):
        path = scratch / f"import-{run}.sqlite3"
        _remove_db(path)
        journal = Journal.open(sqlite_url(path), backup_before_migration=False)
        try:
            journal.profile.save(ProfileInput(code="BENCH01", name="测试经理"))
            start = time.perf_counter()
            report = import_customers(journal, ds.workbook)
            times.append(time.perf_counter() - start)
            if not report.applied or len(report.new) != cfg.customers:
                first = report.problems[0] if report.problems else None
                return error_result(
                    "import",
                    name,
                    target,
                    f"imported {len(report.new)} of {cfg.customers} (first problem: {first})",
                )
        finally:
            journal.close()
            _remove_db(path)
    median = statistics.median(times)
    shown = f"{median:.2f} s (median of {len(times)}, best {min(times):.2f})"
    return Result(
        "import",
        name,
        shown,
        target,
        verdict(median, cfg.import_limit_s),
        round(median, 4),
        "s",
        cfg.import_limit_s,
    )


def search_queries(journal: Journal) -> dict[str, str]:
    """Realistic queries taken from the data: what an AM types into the search box."""
    rows = journal.customers.list(everyone=True)
    sample = rows[len(rows) // 3]
    return {
        "pinyin initials": "zxbl",
        "phone fragment": sample.phone[-4:],
        "code fragment": sample.code[-6:],
        "Chinese name fragment": "鑫源",
    }


def bench_search(ds: Dataset, cfg: Config) -> Result:
    """journal.customers.list(q): median over all queries and the worst query's median."""
    name, target = labels(cfg)["search"]
    journal = Journal.open(sqlite_url(ds.single), backup_before_migration=False)
    try:
        queries = search_queries(journal)
        medians: dict[str, float] = {}
        hits: dict[str, int] = {}
        every: list[float] = []
        for label, query in queries.items():
            hits[label] = len(journal.customers.list(query, everyone=True))  # warm-up
            times = []
            for _ in range(cfg.search_repeats):
                start = time.perf_counter()
                journal.customers.list(query, everyone=True)
                times.append((time.perf_counter() - start) * 1000)
            medians[label] = statistics.median(times)
            every.extend(times)
    finally:
        journal.close()
    worst = max(medians, key=lambda k: medians[k])
    shown = (
        f"median {statistics.median(every):.1f} ms, worst {medians[worst]:.1f} ms "
        f"({worst} {queries[worst]!r}, {hits[worst]} hits)"
    )
    return Result(
        "search",
        name,
        shown,
        target,
        verdict(medians[worst], cfg.search_limit_ms),
        round(medians[worst], 3),
        "ms",
        cfg.search_limit_ms,
    )


def _max_rss_kb(stderr: str) -> int | None:
    found = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", stderr)
    return int(found.group(1)) if found else None


def _last_line(text: str) -> str:
    lines = [
        ln.strip()
        for ln in text.splitlines()
        if ln.strip() and not ln.startswith(("\t", "Command exited", "Command terminated"))
    ]
    return lines[-1] if lines else "no output"


def _env(scratch: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDBOOK_DATA_DIR": str(scratch / "app")}
    env.pop("FIELDBOOK_DB", None)
    return env


def bench_gui(
    cfg: Config,
    folder: Path,
    scratch: Path,
    time_key: str,
    page: str,
    database: Callable[[], Path],
) -> list[Result]:
    """`fieldbook gui --screenshot` from process start: wall time and peak memory.
    ``database()`` gives the database of each run (a fresh scratch copy when the GUI may
    write to it)."""
    time_key, mem_key = GUI_ROWS[time_key]
    time_name, time_target = labels(cfg)[time_key]
    mem_name, mem_target = labels(cfg)[mem_key]
    png = folder / f"gui-screenshot-{time_key.removeprefix('gui_time').strip('_') or 'plan'}.png"
    env = _env(scratch)
    use_time = TIME_BIN.exists() and os.access(TIME_BIN, os.X_OK)
    walls: list[float] = []
    peaks: list[int] = []
    for _ in range(cfg.gui_runs):
        png.unlink(missing_ok=True)
        command = [
            sys.executable,
            "-m",
            "fieldbook",
            "--db",
            str(database()),
            "gui",
            "--screenshot",
            str(png),
            *(["--page", page] if page else []),
        ]
        argv = [str(TIME_BIN), "-v", *command] if use_time else command
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                argv,
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=cfg.gui_timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            failure = f"timed out after {cfg.gui_timeout:g} s"
            return [
                error_result(time_key, time_name, time_target, failure),
                error_result(mem_key, mem_name, mem_target, failure),
            ]
        walls.append(time.perf_counter() - start)
        if proc.returncode != 0 or not png.exists() or png.stat().st_size == 0:
            failure = f"exit {proc.returncode}: {_last_line(proc.stderr)}"
            if proc.returncode == 0:
                failure = "no screenshot written"
            return [
                error_result(time_key, time_name, time_target, failure),
                error_result(mem_key, mem_name, mem_target, failure),
            ]
        rss = _max_rss_kb(proc.stderr) if use_time else None
        if rss is None:  # the largest child so far (Linux: kilobytes)
            rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peaks.append(rss)
    wall = statistics.median(walls)
    peak_mb = max(peaks) / 1024
    return [
        Result(
            time_key,
            time_name,
            f"{wall:.2f} s (median of {len(walls)})",
            time_target,
            verdict(wall, cfg.gui_limit_s),
            round(wall, 4),
            "s",
            cfg.gui_limit_s,
        ),
        Result(
            mem_key,
            mem_name,
            f"{peak_mb:.0f} MB (max of {len(peaks)})",
            mem_target,
            verdict(peak_mb, cfg.gui_memory_limit_mb),
            round(peak_mb, 1),
            "MB",
            cfg.gui_memory_limit_mb,
        ),
    ]


def _export(
    cfg: Config, scratch: Path, db: Path, args: list[str], out: Path
) -> tuple[float, int | None, str]:
    """``fieldbook --db DB export ARGS -o OUT`` from process start: (seconds, peak KB, error)."""
    command = [sys.executable, "-m", "fieldbook", "--db", str(db), "export", *args, "-o", str(out)]
    use_time = TIME_BIN.exists() and os.access(TIME_BIN, os.X_OK)
    argv = [str(TIME_BIN), "-v", *command] if use_time else command
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.run(
        argv, cwd=ROOT, env=_env(scratch), capture_output=True, text=True, timeout=300, check=False
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0 or not out.exists():
        return seconds, None, f"exit {proc.returncode}: {_last_line(proc.stderr)}"
    rss = _max_rss_kb(proc.stderr) if use_time else None
    if rss is None:
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, rss, ""


def _last_visit_day(db: Path) -> date:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return date.fromisoformat(con.execute("SELECT max(visit_date) FROM visits").fetchone()[0])
    finally:
        con.close()


def bench_week_export(cfg: Config, scratch: Path, db: Path) -> list[Result]:
    """One manager's week workbook, from process start: the last full report week (Friday to
    the Thursday on or before the last visit day)."""
    name, target = labels(cfg)["week_export"]
    last = _last_visit_day(db)
    thursday = last - timedelta(days=(last.weekday() - 3) % 7)
    iso = thursday.isocalendar()
    label = f"{iso.year}-W{iso.week:02d}"
    walls: list[float] = []
    for _ in range(cfg.week_export_runs):
        seconds, _rss, error = _export(
            cfg, scratch, db, ["week", "--week", label], scratch / "week.xlsx"
        )
        if error:
            return [error_result("week_export", name, target, error)]
        walls.append(seconds)
    wall = statistics.median(walls)
    runs = ", ".join(f"{w:.2f}" for w in walls)
    return [
        Result(
            "week_export",
            name,
            f"{wall:.2f} s (median of {len(walls)}: {runs}; {label})",
            target,
            verdict(wall, cfg.week_export_limit_s),
            round(wall, 4),
            "s",
            cfg.week_export_limit_s,
        )
    ]


def bench_year_export(cfg: Config, scratch: Path, db: Path) -> list[Result]:
    """The workbook of the period ending on the last visit day that holds ``year_visits``
    visits (the demo manager makes ~6,000 a year; a real year is ~7,500), from process start."""
    time_name, time_target = labels(cfg)["year_export_time"]
    mem_name, mem_target = labels(cfg)["year_export_memory"]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        end, first, earliest = con.execute(
            "SELECT (SELECT max(visit_date) FROM visits),"
            " (SELECT visit_date FROM visits ORDER BY visit_date DESC LIMIT 1 OFFSET ?),"
            " (SELECT min(visit_date) FROM visits)",
            (cfg.year_visits - 1,),
        ).fetchone()
        first = first or earliest  # a short history: all of it
        visits = con.execute(
            "SELECT count(*) FROM visits WHERE visit_date BETWEEN ? AND ?", (first, end)
        ).fetchone()[0]
    finally:
        con.close()
    out = scratch / "year.xlsx"
    seconds, rss, error = _export(cfg, scratch, db, ["period", "--from", first, "--to", end], out)
    if error or rss is None:
        failure = error or "no memory figure"
        return [
            error_result("year_export_time", time_name, time_target, failure),
            error_result("year_export_memory", mem_name, mem_target, failure),
        ]
    size_mb = out.stat().st_size / 1e6
    peak_mb = rss / 1024
    return [
        Result(
            "year_export_time",
            time_name,
            f"{seconds:.2f} s ({visits:,} visits, {first}..{end}, {size_mb:.1f} MB file)",
            time_target,
            verdict(seconds, cfg.year_export_limit_s),
            round(seconds, 4),
            "s",
            cfg.year_export_limit_s,
        ),
        Result(
            "year_export_memory",
            mem_name,
            f"{peak_mb:.0f} MB",
            mem_target,
            verdict(peak_mb, cfg.year_export_memory_mb),
            round(peak_mb, 1),
            "MB",
            cfg.year_export_memory_mb,
        ),
    ]


def bench_sync_week(cfg: Config, folder: Path, scratch: Path) -> list[Result]:
    """One manager's week (the demo's last full week, its master data included) pushed by
    ``fieldbook sync`` into a fresh server on a throwaway local PostgreSQL, from process
    start; then the second sync, which has nothing to move."""
    name, target = labels(cfg)["sync_week"]
    sys.path.insert(0, str(ROOT / "tests"))
    import pgserver

    from fieldbook.core.server.roles import init_server

    week = folder / f"week-s{SEED}-{cfg.per_manager}-{fingerprint()}.sqlite3"
    if not week.exists():
        build_demo(week, cfg, managers=1, weeks=2)
    laptop = copy_db(week, scratch / "laptop.sqlite3")
    try:
        context = pgserver.server()
        url = context.__enter__()
    except pgserver.NoPostgres as exc:
        return [error_result("sync_week", name, target, f"PostgreSQL not available: {exc}")]
    try:
        init_server(url)
        command = [sys.executable, "-m", "fieldbook", "--db", str(laptop), "sync"]
        env = _env(scratch)
        runs: list[float] = []
        outputs: list[str] = []
        for args in (["--server", url], []):
            start = time.perf_counter()
            proc = subprocess.run(
                [*command, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
            )
            runs.append(time.perf_counter() - start)
            if proc.returncode != 0:
                return [error_result("sync_week", name, target, _last_line(proc.stderr))]
            outputs.append(proc.stdout.strip().splitlines()[0])
    finally:
        context.__exit__(None, None, None)
    con = sqlite3.connect(f"file:{laptop}?mode=ro", uri=True)
    try:
        visits, grid, lines = (
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("visits", "visit_skus", "order_lines")
        )
    finally:
        con.close()
    return [
        Result(
            "sync_week",
            name,
            f"{runs[0]:.2f} s ({visits} visits, {grid:,} grid rows, {lines:,} order lines);"
            f" second sync {runs[1]:.2f} s ({outputs[1]})",
            target,
            verdict(runs[0], cfg.sync_week_limit_s),
            round(runs[0], 4),
            "s",
            cfg.sync_week_limit_s,
        )
    ]


def bench_department(cfg: Config) -> list[Result]:
    """The market department's views on a generated year of many managers, in a throwaway
    PostgreSQL (tests/perf/department_data.py): each view timed 3 times, warm."""
    name, target = labels(cfg)["department_views"]
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "tests" / "perf"))
    import department_data
    import pgserver
    from sqlalchemy import text

    from fieldbook.core.server import department as dept
    from fieldbook.core.store import db

    end = date.today() - timedelta(days=(date.today().weekday() - 4) % 7)  # last Friday
    try:
        context = pgserver.server()
        admin = context.__enter__()
    except pgserver.NoPostgres as exc:
        return [error_result("department_views", name, target, f"PostgreSQL not available: {exc}")]
    try:
        pgserver.pg_admin(admin, "CREATE DATABASE department")
        url = pgserver.with_database(admin, "department")
        Journal.open(url).close()
        engine = db.make_engine(url)
        start = time.perf_counter()
        department_data.fill(
            engine,
            managers=cfg.department_managers,
            customers=cfg.department_customers,
            weeks=cfg.department_weeks,
            end=end,
        )
        filled = time.perf_counter() - start
        with engine.connect() as con:
            visits = con.execute(text("SELECT count(*) FROM visits")).scalar()
            lines = con.execute(text("SELECT count(*) FROM order_lines")).scalar()
        engine.dispose()
        journal = Journal.open(url)
        one = journal.engine.connect().execute(text("SELECT min(id) FROM managers")).scalar()
        views: dict[str, Callable[[], Any]] = {
            "4 weeks x all": lambda: dept.weeks_table(journal, end - timedelta(weeks=3), end),
            "13 weeks x all": lambda: dept.weeks_table(journal, end - timedelta(weeks=12), end),
            "year x all": lambda: dept.weeks_table(journal, end - timedelta(weeks=51), end),
            "year x 1": lambda: dept.weeks_table(
                journal, end - timedelta(weeks=51), end, manager_ids=[one]
            ),
            "overview": lambda: dept.managers_overview(
                journal, end - timedelta(weeks=3), end, today=end
            ),
            "inbox": lambda: dept.inbox(journal, "market", today=end),
            "follow-ups": lambda: dept.followups(journal, today=end),
        }
        medians: dict[str, float] = {}
        for key, view in views.items():
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                view()
                times.append(time.perf_counter() - t0)
            medians[key] = statistics.median(times)
        journal.close()
    finally:
        context.__exit__(None, None, None)
    worst_key = max(medians, key=lambda k: medians[k])
    worst = medians[worst_key]
    detail = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in medians.items())
    return [
        Result(
            "department_views",
            name,
            f"{worst:.2f} s ({worst_key}; {detail}; {visits:,} visits, {lines:,} order lines,"
            f" generated in {filled:.0f} s)",
            target,
            verdict(worst, cfg.department_limit_s),
            round(worst, 4),
            "s",
            cfg.department_limit_s,
        )
    ]


def bench_demo(cfg: Config, scratch: Path) -> Result:
    """Demo generation into a fresh database (informational)."""
    name, _target = labels(cfg)["demo"]
    path = scratch / "demo.sqlite3"
    seconds, customers = build_demo(path, cfg)
    _remove_db(path)
    return Result(
        "demo",
        name,
        f"{seconds:.2f} s ({customers:,} customers)",
        "info",
        "info",
        round(seconds, 4),
        "s",
    )


def bench_demo_history(cfg: Config, scratch: Path) -> Result:
    """`fieldbook demo --weeks N` for one manager, from process start (what the user waits)."""
    from sqlalchemy import func, select

    from fieldbook.core.store.models import Visit

    name, target = labels(cfg)["demo_history"]
    path = scratch / "demo-history.sqlite3"
    _remove_db(path)
    command = [
        sys.executable,
        "-m",
        "fieldbook",
        "--db",
        str(path),
        "demo",
        "--seed",
        str(SEED),
        "--weeks",
        str(cfg.history_weeks),
        "--customers-per-manager",
        str(cfg.per_manager),
    ]
    start = time.perf_counter()
    proc = subprocess.run(
        command,
        cwd=ROOT,
        env=_env(scratch),
        capture_output=True,
        text=True,
        timeout=cfg.demo_history_timeout,
        check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        return error_result(
            "demo_history", name, target, f"exit {proc.returncode}: {_last_line(proc.stderr)}"
        )
    journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    try:
        with journal.reading() as s:
            visits = s.scalar(select(func.count()).select_from(Visit)) or 0
    finally:
        journal.close()
        _remove_db(path)
    return Result(
        "demo_history",
        name,
        f"{seconds:.1f} s ({visits:,} visits)",
        target,
        verdict(seconds, cfg.demo_history_limit_s),
        round(seconds, 3),
        "s",
        cfg.demo_history_limit_s,
    )


# --- a day in the field, on the long history ------------------------------------------------
def _median_ms(times: Sequence[float]) -> float:
    return statistics.median(times) * 1000


def _fresh_days(journal: Journal, count: int) -> list[date]:
    """The first ``count`` working days after the history's last plan."""
    from sqlalchemy import func, select

    from fieldbook.core import workdays
    from fieldbook.core.store.models import Plan

    with journal.reading() as s:
        last = s.scalar(select(func.max(Plan.plan_date)))
    day = last or date.today()
    days = []
    for _ in range(count):
        day = workdays.next_working_day(day)
        days.append(day)
    return days


def _complete_answers(journal: Journal, customer_id: str, day: date) -> dict[str, Any]:
    """The answers of a complete visit: the shop's last open visit's (they passed the
    template), else a neutral set for every required item."""
    from fieldbook.core.routine.checklist import OPEN, load_checklist

    for visit in journal.visits.previous(customer_id, day, 5):
        if visit.shop_status == OPEN and visit.answers:
            return dict(visit.answers)
    checklist = load_checklist()
    answers: dict[str, Any] = {}
    for item in checklist.items:
        if item.required and checklist.is_visible(item, OPEN, answers):
            defaults = {"bool": False, "number": 0, "text": "无"}
            answers[item.id] = item.options[0] if item.options else defaults[item.type]
    return answers


def bench_day(ds: Dataset, cfg: Config, scratch: Path) -> list[Result]:
    """On a copy of the long history: build the plans of fresh days, then open and finish
    visits of the first one's shops, through the core as the screens do."""
    names = labels(cfg)
    journal = Journal.open(
        sqlite_url(copy_db(ds.history, scratch / "day.sqlite3")), backup_before_migration=False
    )
    try:
        days = _fresh_days(journal, cfg.plan_days)
        builds = []
        for day in days:
            start = time.perf_counter()
            plan = journal.plans.build(day)
            builds.append(time.perf_counter() - start)
            if not plan.stops and day.weekday() < 5:
                raise RuntimeError(f"the plan of {day} is empty")
        day = days[0]
        plan = journal.plans.build(day)
        shops = [st.customer_id for st in plan.active_stops][: cfg.visit_shops + 1]
        if len(shops) < 2:
            raise RuntimeError(f"the plan of {day} has {len(shops)} stops")
        screens: list[float] = []
        finishes: list[float] = []
        arrival = datetime.combine(day, clock_time(7, 30))
        for shop in shops:
            start = time.perf_counter()
            visit = journal.visits.start(shop, day=day, at=arrival)
            previous = journal.visits.previous(shop, day, 5)
            journal.visits.grid_skus(shop)
            followups = journal.visits.open_followups(shop)
            journal.customers.get(shop)
            screens.append(time.perf_counter() - start)
            if not previous:
                raise RuntimeError(f"no previous visit of {shop}: the history is missing")
            journal.visits.set_shop_status(visit.id, "open")
            journal.visits.save_answers(visit.id, _complete_answers(journal, shop, day))
            arrival += timedelta(minutes=10)
            start = time.perf_counter()
            journal.visits.finish(visit.id, at=arrival, close_followups=[f.id for f in followups])
            finishes.append(time.perf_counter() - start)
            arrival += timedelta(minutes=3)
        logs: list[float] = []
        done_visits = 0
        past = [d for d in (day - timedelta(days=n) for n in range(1, 30)) if d.weekday() < 5]
        for log_day in [day, *past[:10]]:  # drafting = computing the day's facts, always
            start = time.perf_counter()
            facts = journal.daylogs.facts(log_day)
            logs.append(time.perf_counter() - start)
            done_visits += facts.done
        if done_visits == 0:
            raise RuntimeError("the work logs found no visits: the history is missing")
    finally:
        journal.close()
        _remove_db(scratch / "day.sqlite3")
    screens, finishes, logs = screens[1:], finishes[1:], logs[1:]  # first calls warm up
    rows = []
    for key, times, limit, what in (
        ("plan_build", builds, cfg.plan_build_limit_ms, f"{len(builds)} days"),
        ("visit_screen", screens, cfg.visit_screen_limit_ms, f"{len(screens)} shops"),
        ("visit_finish", finishes, cfg.visit_finish_limit_ms, f"{len(finishes)} shops"),
        ("daylog_draft", logs, cfg.daylog_limit_ms, f"{len(logs)} days"),
    ):
        median = _median_ms(times)
        rows.append(
            Result(
                key,
                names[key][0],
                f"{median:.1f} ms (median of {what}, worst {max(times) * 1000:.1f})",
                names[key][1],
                verdict(median, limit),
                round(median, 3),
                "ms",
                limit,
            )
        )
    return rows


# --- the run --------------------------------------------------------------------------------
def run(folder: Path, cfg: Config, only: Sequence[str] = ()) -> list[Result]:
    """Every row (or the steps holding the ``only`` rows), in ROWS order; a step that raises
    becomes an "error: ..." row."""
    ds = prepare(folder, cfg)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="fieldbook-bench-") as tmp:
        scratch = Path(tmp)

        def history_copy() -> Path:  # the GUI may build today's plan: never in the cache
            return copy_db(ds.history, scratch / "gui-history.sqlite3")

        steps: dict[tuple[str, ...], Callable[[], list[Result]]] = {
            ("import",): lambda: [bench_import(ds, cfg, scratch)],
            ("search",): lambda: [bench_search(ds, cfg)],
            GUI_ROWS["gui_time"]: lambda: bench_gui(
                cfg, folder, scratch, "gui_time", "", lambda: ds.single
            ),
            GUI_ROWS["gui_time_customers"]: lambda: bench_gui(
                cfg, folder, scratch, "gui_time_customers", "customers", lambda: ds.single
            ),
            DAY_ROWS: lambda: bench_day(ds, cfg, scratch),
            GUI_ROWS["gui_time_history"]: lambda: bench_gui(
                cfg, folder, scratch, "gui_time_history", "plan", history_copy
            ),
            ("week_export",): lambda: bench_week_export(cfg, scratch, history_copy()),
            ("year_export_time", "year_export_memory"): lambda: bench_year_export(
                cfg, scratch, history_copy()
            ),
            ("sync_week",): lambda: bench_sync_week(cfg, folder, scratch),
            ("department_views",): lambda: bench_department(cfg),
            ("demo",): lambda: [bench_demo(cfg, scratch)],
            ("demo_history",): lambda: [bench_demo_history(cfg, scratch)],
        }
        names = labels(cfg)
        for keys, step in steps.items():
            if only and not set(only) & set(keys):
                continue
            log(f"measuring {names[keys[0]][0]} ...")
            try:
                results.extend(step())
            except Exception as exc:
                results.extend(error_result(k, *names[k], exc) for k in keys)
    return sorted(results, key=lambda r: ROWS.index(r.key))


def format_table(results: Sequence[Result]) -> str:
    headers = ("name", "result", "target", "pass/fail")
    rows = [(r.name, r.result, r.target, r.status) for r in results]
    widths = [max(len(str(row[i])) for row in (headers, *rows)) for i in range(4)]
    lines = [
        " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in (headers, *rows)
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def write_json(results: Sequence[Result], cfg: Config, path: Path) -> None:
    data = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "config": asdict(cfg),
        "results": [asdict(r) for r in results],
    }
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, path)


def failed(results: Sequence[Result]) -> bool:
    return any(r.status in ("fail", "error") for r in results)


def main(argv: Sequence[str] | None = None) -> int:
    defaults = Config()
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--dir", help=f"cache folder (default ${BENCH_ENV} or ./bench-data)")
    p.add_argument("--customers", type=int, default=defaults.customers)
    p.add_argument("--managers", type=int, default=defaults.managers)
    p.add_argument("--per-manager", type=int, default=defaults.per_manager)
    p.add_argument("--runs", type=int, default=3, help="runs of the import and GUI rows")
    p.add_argument(
        "--repeats", type=int, default=defaults.search_repeats, help="repeats per search query"
    )
    p.add_argument("--gui-timeout", type=float, default=defaults.gui_timeout)
    p.add_argument(
        "--history-weeks",
        type=int,
        default=defaults.history_weeks,
        help="weeks of the one-manager history (default: five years)",
    )
    p.add_argument("--department-managers", type=int, default=defaults.department_managers)
    p.add_argument("--department-weeks", type=int, default=defaults.department_weeks)
    p.add_argument(
        "--only",
        default="",
        metavar="ROW[,ROW]",
        help=f"measure only these rows (of: {', '.join(ROWS)})",
    )
    args = p.parse_args(argv)
    only = [k.strip() for k in args.only.split(",") if k.strip()]
    unknown = [k for k in only if k not in ROWS]
    if unknown:
        p.error(f"unknown rows: {', '.join(unknown)}")
    cfg = replace(
        defaults,
        customers=args.customers,
        managers=args.managers,
        per_manager=args.per_manager,
        history_weeks=args.history_weeks,
        department_managers=args.department_managers,
        department_weeks=args.department_weeks,
        import_runs=args.runs,
        gui_runs=args.runs,
        search_repeats=args.repeats,
        gui_timeout=args.gui_timeout,
    )
    folder = bench_dir(args.dir)
    results = run(folder, cfg, only)
    print(format_table(results))
    write_json(results, cfg, folder / "results.json")
    if failed(results):
        print("\nbench: some rows missed their target or failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
