"""Rows of what leaves the laptop, each from process start: the week and year exports, a sync
to a department server, and the department views (PostgreSQL)."""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from perf_data import build_demo, copy_db, fingerprint
from perf_process import RunFailed, env_for, last_line, timed
from perf_rows import ROOT, SEED, Config, Result, error_result, labels, measured

from fieldbook.core import clock
from fieldbook.core.journal import Journal


def _export(
    cfg: Config, scratch: Path, db: Path, args: list[str], out: Path
) -> tuple[float, int | None, str]:
    """``fieldbook --db DB export ARGS -o OUT`` from process start: (seconds, peak KB, error)."""
    command = [sys.executable, "-m", "fieldbook", "--db", str(db), "export", *args, "-o", str(out)]
    start = time.perf_counter()
    try:
        run = timed(command, env_for(scratch), 300, out)
    except RunFailed as exc:
        return time.perf_counter() - start, None, str(exc)
    return run.seconds, run.peak_kb, ""


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
    shown = f"{wall:.2f} s (median of {len(walls)}: {runs}; {label})"
    return [measured("week_export", name, shown, target, wall, "s", cfg.week_export_limit_s, 4)]


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
    time_shown = f"{seconds:.2f} s ({visits:,} visits, {first}..{end}, {size_mb:.1f} MB file)"
    time_row = ("year_export_time", time_name, time_shown, time_target)
    mem_row = ("year_export_memory", mem_name, f"{peak_mb:.0f} MB", mem_target)
    return [
        measured(*time_row, seconds, "s", cfg.year_export_limit_s, 4),
        measured(*mem_row, peak_mb, "MB", cfg.year_export_memory_mb, 1),
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
        with pgserver.server() as url:
            init_server(url)
            command = [sys.executable, "-m", "fieldbook", "--db", str(laptop), "sync"]
            env = env_for(scratch)
            runs: list[float] = []
            outputs: list[str] = []
            for args in (["--server", url], []):
                start = time.perf_counter()
                proc = subprocess.run(
                    [*command, *args],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
                runs.append(time.perf_counter() - start)
                if proc.returncode != 0:
                    return [error_result("sync_week", name, target, last_line(proc.stderr))]
                outputs.append(proc.stdout.strip().splitlines()[0])
    except pgserver.NoPostgres as exc:
        return [error_result("sync_week", name, target, f"PostgreSQL not available: {exc}")]
    con = sqlite3.connect(f"file:{laptop}?mode=ro", uri=True)
    try:
        visits, grid, lines = (
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("visits", "visit_skus", "order_lines")
        )
    finally:
        con.close()
    shown = (
        f"{runs[0]:.2f} s ({visits} visits, {grid:,} grid rows, {lines:,} order lines);"
        f" second sync {runs[1]:.2f} s ({outputs[1]})"
    )
    return [measured("sync_week", name, shown, target, runs[0], "s", cfg.sync_week_limit_s, 4)]


def bench_department(cfg: Config) -> list[Result]:
    """The market department's views on a generated year of many managers, in a throwaway
    PostgreSQL (tests/perf/department_data.py): each view timed 3 times, warm."""
    name, target = labels(cfg)["department_views"]
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "tests" / "perf"))
    import department_data
    import department_scale
    import pgserver
    from sqlalchemy import text

    from fieldbook.core.store import db

    today = clock.today()
    end = today - timedelta(days=(today.weekday() - 4) % 7)  # last Friday
    try:
        with pgserver.server() as admin:
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
            views = department_scale.views(journal, end, str(one))
            medians: dict[str, float] = {}
            for key, view in views.items():
                times = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    view()
                    times.append(time.perf_counter() - t0)
                medians[key] = statistics.median(times)
            journal.close()
    except pgserver.NoPostgres as exc:
        return [error_result("department_views", name, target, f"PostgreSQL not available: {exc}")]
    worst_key = max(medians, key=lambda k: medians[k])
    worst = medians[worst_key]
    detail = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in medians.items())
    shown = (
        f"{worst:.2f} s ({worst_key}; {detail}; {visits:,} visits, {lines:,} order lines,"
        f" generated in {filled:.0f} s)"
    )
    return [
        measured("department_views", name, shown, target, worst, "s", cfg.department_limit_s, 4)
    ]
