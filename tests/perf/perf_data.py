"""The cached benchmark data (built once, keyed by a fingerprint of the demo generator) and the
rows that time the demo generator itself."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from perf_process import env_for, last_line
from perf_rows import (
    BENCH_ENV,
    ROOT,
    SEED,
    Config,
    Dataset,
    Result,
    error_result,
    labels,
    log,
    measured,
    sqlite_url,
)
from sqlalchemy import func, select

from fieldbook.core.demo.generate import generate_demo, write_customer_workbook
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_import import import_customers
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.store.models import Plan, Visit


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
        "schema/checklists/visit_v2.toml",
    )
    # a new migration too: a cache migrated on open is not what the generator writes
    migrations = sorted((ROOT / "schema/migrations/versions").glob("*.py"))
    for path in (*(ROOT / n for n in names), *migrations):
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


# --- data -----------------------------------------------------------------------------------
def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_db(source: Path, target: Path) -> Path:
    """A scratch copy of a (closed) cached database, for rows that write."""
    remove_db(target)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


def build_demo(
    path: Path, cfg: Config, *, managers: int | None = None, weeks: int | None = None
) -> tuple[float, int]:
    """Generate the demo database at ``path`` (atomically); returns (seconds, customers)."""
    partial = path.with_name(path.name + ".partial")
    remove_db(partial)
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
    remove_db(path)
    os.replace(partial, path)
    return seconds, summary.customers


@contextmanager
def _cached(path: Path) -> Iterator[Journal | None]:
    """The cached database at ``path`` opened, or None when it is missing or does not open
    (then it is built again)."""
    if not path.exists():
        yield None
        return
    try:
        journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    except Exception:
        yield None
        return
    try:
        yield journal
    finally:
        journal.close()


def _demo_ok(path: Path, cfg: Config) -> bool:
    with _cached(path) as journal:
        if journal is None:
            return False
        return journal.customers.count(everyone=True) == cfg.managers * cfg.per_manager


def prepare(folder: Path, cfg: Config, tag: str = "") -> Dataset:
    """The cached workbook and demo database, built when missing. ``tag`` names a cache built
    under another fingerprint (an earlier tree's data, when only code moved); default: this
    tree's."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = tag or fingerprint()
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
    with _cached(path) as journal:
        if journal is None:
            return False
        try:
            with journal.reading() as s:
                plans = s.scalar(select(func.count()).select_from(Plan)) or 0
            return journal.customers.count(everyone=True) == cfg.per_manager and plans > 0
        except Exception:
            return False


def build_single(path: Path, workbook: Path, cfg: Config) -> None:
    """One manager whose customers are the whole workbook (imported through the core)."""
    remove_db(path)
    journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    try:
        journal.profile.save(ProfileInput(code="BENCH01", name="测试经理", territory="基准片区"))
        report = import_customers(journal, workbook)
        if not report.applied or len(report.new) != cfg.customers:
            raise RuntimeError(f"single-manager database: imported {len(report.new)} customers")
    finally:
        journal.close()


def _single_ok(path: Path, cfg: Config) -> bool:
    with _cached(path) as journal:
        return journal is not None and journal.customers.count() == cfg.customers


def bench_demo(cfg: Config, scratch: Path) -> Result:
    """Demo generation into a fresh database (informational)."""
    name, _target = labels(cfg)["demo"]
    path = scratch / "demo.sqlite3"
    seconds, customers = build_demo(path, cfg)
    remove_db(path)
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
    name, target = labels(cfg)["demo_history"]
    path = scratch / "demo-history.sqlite3"
    remove_db(path)
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
        env=env_for(scratch),
        capture_output=True,
        text=True,
        timeout=cfg.demo_history_timeout,
        check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        return error_result(
            "demo_history", name, target, f"exit {proc.returncode}: {last_line(proc.stderr)}"
        )
    journal = Journal.open(sqlite_url(path), backup_before_migration=False)
    try:
        with journal.reading() as s:
            visits = s.scalar(select(func.count()).select_from(Visit)) or 0
    finally:
        journal.close()
        remove_db(path)
    shown = f"{seconds:.1f} s ({visits:,} visits)"
    return measured("demo_history", name, shown, target, seconds, "s", cfg.demo_history_limit_s, 3)
