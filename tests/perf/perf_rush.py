"""The 15:00 rush (decision 0033): every laptop of a department syncs a manager's day at once
against one server on loopback. Each laptop is its own SQLite database and its own server
login (row-level security applies, as in the field); each sync holds at most one connection
and waits ("server busy, retrying") when the server is full.

The laptops: one demo day (a manager, ~30 visits with their SKU grid, the day's order lines,
a work log, a slip) generated once and cached, then copied per laptop with every record id,
the manager's code, the customers' codes and the slip numbers made distinct (SKUs are the
company's: the same codes on every laptop). Laptops run as threads in a few processes, all
started together; each sync is timed from its start to its end, waits included.

Checks: no sync fails; the server holds exactly the sum of the laptops' rows (nothing lost,
nothing twice); a second round moves nothing. Run twice: at the server's max_connections
(200: with the 3 reserved slots, 200 laptops already fill it) and at a lower limit (50), where
most laptops are told "busy" and retry.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from perf_data import copy_db, fingerprint, remove_db
from perf_rows import ROOT, Config, Result, error_result, labels, log, sqlite_url
from sqlalchemy import create_engine, func, select
from sync_support import SYNCED_TABLES as TABLES  # what a sync moves, counted per table

from fieldbook.core import clock
from fieldbook.core.demo.generate import generate_demo
from fieldbook.core.journal import Journal
from fieldbook.core.server.roles import ServerUserInput, add_user, init_server
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_busy import BusyRetry
from fieldbook.core.store.models import Base

RUSH_DAY = datetime(2026, 12, 8, 15, 0)  # a Tuesday at 15:00: the demo's week holds Monday
RUSH_SEED = 2  # a demo day with a slip (seed 1's has none)
PASSWORD = "rush-pw-1"
PROCESSES = 8  # laptops run as threads in this many processes (2 cores: the GIL is not it)


@dataclass(frozen=True)
class Synced:
    seconds: float
    retries: int  # times this laptop was told "server busy"
    moved: int
    error: str = ""


def rush_day(folder: Path, cfg: Config) -> Path:
    """The cached demo day every laptop is copied from."""
    path = folder / f"rush-day-s{RUSH_SEED}-{cfg.per_manager}-{fingerprint()}.sqlite3"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    remove_db(partial)
    with clock.pinned(RUSH_DAY):
        journal = Journal.open(sqlite_url(partial), backup_before_migration=False)
        try:
            generate_demo(
                journal,
                seed=RUSH_SEED,
                managers=1,
                weeks=1,
                customers_per_manager=cfg.per_manager,
            )
        finally:
            journal.close()
    remove_db(path)
    shutil.move(partial, path)
    return path


def _id_columns() -> dict[str, list[str]]:
    """table → the columns holding a record id (its own or another's), SKUs left out, and the
    audit trail (append-only, and not synced: it names the records by the day's ids)."""
    out: dict[str, list[str]] = {}
    for table in Base.metadata.sorted_tables:
        if table.name.startswith("audit"):
            continue
        cols = []
        for col in table.columns:
            refs = {fk.column.table.name for fk in col.foreign_keys}
            own = col.primary_key and col.name == "id"
            if (own and table.name != "skus") or (refs and refs != {"skus"}):
                cols.append(col.name)
        if cols:
            out[table.name] = cols
    return out


def make_laptop(day: Path, target: Path, k: int) -> Path:
    """Laptop ``k``: the day with its own ids, manager code, customer codes, slip numbers."""
    copy_db(day, target)
    tail = f"{k:012d}"
    code = f"R{k:04d}"
    con = sqlite3.connect(target)
    try:
        con.execute("PRAGMA foreign_keys=OFF")
        for table, cols in _id_columns().items():
            sets = ", ".join(f"{c} = substr({c}, 1, 24) || '{tail}'" for c in cols)
            con.execute(f"UPDATE {table} SET {sets}")
        con.execute(
            "UPDATE settings SET value = substr(value, 1, 24) || ?"
            " WHERE key = 'current_manager_id'",
            (tail,),
        )
        old = con.execute("SELECT code FROM managers").fetchone()[0]
        con.execute("UPDATE managers SET code = ?, name = ?", (code, f"经理{k}"))
        con.execute(
            "UPDATE customers SET code = '23' || printf('%04d', ?) || printf('%06d', rowid)", (k,)
        )
        con.execute("UPDATE slips SET number = replace(number, ?, ?)", (old, code))
        con.commit()
    finally:
        con.close()
    return target


def _worker(jobs: list[tuple[str, str]], ready: Any, go: Any, out: Any) -> None:
    """Open this process's laptops, wait for the start, sync each in its own thread."""
    journals = [Journal.open(sqlite_url(Path(p)), backup_before_migration=False) for p, _ in jobs]
    results: list[Synced] = []

    def one(j: Journal, url: str) -> None:
        busy = BusyRetry(lambda _m: None)
        start = time.perf_counter()
        try:
            moved, error = sync(j, url, busy=busy).moved, ""
        except Exception as exc:  # a benchmark counts every failure, whatever it is
            moved, error = -1, f"{type(exc).__name__}: {exc}"[:200]
        results.append(Synced(time.perf_counter() - start, busy.retries, moved, error))

    threads = [
        threading.Thread(target=one, args=(j, url))
        for j, (_p, url) in zip(journals, jobs, strict=True)
    ]
    ready.put(len(jobs))
    go.wait()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for j in journals:
        j.close()
    out.put(results)


def rush(laptops: list[tuple[Path, str]]) -> tuple[list[Synced], float]:
    """Every laptop synced at once; the results and the wall time of the whole rush."""
    ctx = multiprocessing.get_context("fork")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    chunks = [laptops[i::PROCESSES] for i in range(PROCESSES) if laptops[i::PROCESSES]]
    procs = [
        ctx.Process(target=_worker, args=([(str(p), u) for p, u in c], ready, go, out))
        for c in chunks
    ]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=600)
    start = time.perf_counter()
    go.set()
    results: list[Synced] = []
    for _ in procs:
        results += out.get(timeout=3600)
    wall = time.perf_counter() - start
    for p in procs:
        p.join()
    return results, wall


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return {
                t: int(
                    con.execute(select(func.count()).select_from(Base.metadata.tables[t])).scalar()
                    or 0
                )
                for t in TABLES
            }
    finally:
        engine.dispose()


def _local_counts(paths: list[Path]) -> dict[str, int]:
    total = dict.fromkeys(TABLES, 0)
    for path in paths:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for t in TABLES:
                n = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                total[t] = n if t == "skus" else total[t] + n  # the company's: one list
        finally:
            con.close()
    return total


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def rush_round(cfg: Config, day: Path, scratch: Path, max_connections: int) -> tuple[str, float]:
    """One server at ``max_connections``: the rush, the checks, a second round; the line of
    the result and the p95 (raises AssertionError when a check fails)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pgserver

    folder = scratch / f"rush-{max_connections}"
    folder.mkdir()
    paths = [
        make_laptop(day, folder / f"laptop{k}.sqlite3", k) for k in range(1, cfg.rush_laptops + 1)
    ]
    with pgserver.server(max_connections=max_connections) as url:
        init_server(url)
        logins = []
        for k in range(1, cfg.rush_laptops + 1):
            role = f"rush{k:04d}"
            add_user(url, ServerUserInput(role, "manager", PASSWORD, manager_code=f"R{k:04d}"))
            logins.append(url.replace(f"{pgserver.SUPERUSER}@", f"{role}:{PASSWORD}@"))
        log(f"  {len(paths)} laptops, server max_connections={max_connections}: the rush ...")
        first, wall = rush(list(zip(paths, logins, strict=True)))
        errors = [r.error for r in first if r.error]
        assert not errors, f"{len(errors)} syncs failed, e.g. {errors[0]}"
        server, local = _counts(url), _local_counts(paths)
        assert server == local, {t: (server[t], local[t]) for t in TABLES if server[t] != local[t]}
        log("  ... the second round")
        second, _ = rush(list(zip(paths, logins, strict=True)))
        assert not [r for r in second if r.error or r.moved], "the second round moved something"
        assert _counts(url) == server
    times = [r.seconds for r in first]
    busy = [r for r in first if r.retries]
    p95 = _percentile(times, 0.95)
    return (
        f"max_connections {max_connections}: p50 {statistics.median(times):.1f} s,"
        f" p95 {p95:.1f} s, max {max(times):.1f} s (all done in {wall:.0f} s);"
        f" errors 0; busy {len(busy)} laptops ({sum(r.retries for r in first)} retries);"
        f" {server['visits']:,} visits, {server['visit_skus']:,} grid rows,"
        f" {server['order_lines']:,} order lines; second round moved 0"
    ), p95


def bench_rush(cfg: Config, folder: Path, scratch: Path) -> list[Result]:
    """The rush at the server's full and at a lower connection limit."""
    names = labels(cfg)
    day = rush_day(folder, cfg)
    results = []
    for key, limit in (("sync_rush", 200), ("sync_rush_busy", cfg.rush_max_connections)):
        name, target = names[key]
        try:
            shown, p95 = rush_round(cfg, day, scratch, limit)
        except Exception as exc:  # a row that failed: shown as such, the other still runs
            said = f"PostgreSQL not available: {exc}" if type(exc).__name__ == "NoPostgres" else exc
            results.append(error_result(key, name, target, said))
            continue
        status = "pass" if p95 < cfg.rush_p95_limit_s else "fail"
        results.append(Result(key, name, shown, target, status, p95, "s", cfg.rush_p95_limit_s))
    return results
