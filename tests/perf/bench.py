"""Fieldbook benchmarks (``make bench``): build the data once in a cache folder, measure, print a
table, write it to ``results.json``, and exit 1 when a row misses its target (or errored).

    python tests/perf/bench.py [--dir DIR] [--runs N] ...
    python -m tests.perf.bench ...            (from the repository root)

The cache folder is ``./bench-data`` unless ``$FIELDBOOK_BENCH_DIR`` or ``--dir`` says otherwise.
Cached files carry a fingerprint of the demo generator in their names, so changing the
generator or its data rebuilds them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fieldbook.core.demo import generate_demo, write_customer_workbook  # noqa: E402
from fieldbook.core.journal import Journal  # noqa: E402
from fieldbook.core.profile import ProfileInput  # noqa: E402

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
    "demo",
)
GUI_PAGES = {
    "": ("gui_time", "gui_memory"),
    "customers": ("gui_time_customers", "gui_memory_customers"),
}  # keys of the table's rows


@dataclass(frozen=True)
class Config:
    customers: int = 10_000  # rows of the customer workbook
    managers: int = 61  # demo database: managers × per_manager customers
    per_manager: int = 165
    import_runs: int = 3
    search_repeats: int = 20
    gui_runs: int = 3
    gui_timeout: float = 60.0
    import_limit_s: float = 3.0
    search_limit_ms: float = 20.0
    gui_limit_s: float = 1.5
    gui_memory_limit_mb: float = 200.0


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


def labels(cfg: Config) -> dict[str, tuple[str, str]]:
    """Row key → (name, target), in table order."""
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
        "demo": (f"demo data: {cfg.managers} managers x {cfg.per_manager} customers", "info"),
    }


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_dir(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get(BENCH_ENV) or "bench-data").resolve()


def fingerprint() -> str:
    """Changes whenever the demo generator or its data change (cache key)."""
    digest = hashlib.sha256()
    for path in (ROOT / "fieldbook/core/demo.py", ROOT / "schema/reference/demo.toml"):
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


def build_demo(path: Path, cfg: Config) -> tuple[float, int]:
    """Generate the demo database at ``path`` (atomically); returns (seconds, customers)."""
    partial = path.with_name(path.name + ".partial")
    _remove_db(partial)
    journal = Journal.open(sqlite_url(partial), backup_before_migration=False)
    try:
        start = time.perf_counter()
        summary = generate_demo(
            journal, seed=SEED, managers=cfg.managers, customers_per_manager=cfg.per_manager
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
    return Dataset(workbook, db, single)


def build_single(path: Path, workbook: Path, cfg: Config) -> None:
    """One manager whose customers are the whole workbook (imported through the core)."""
    from fieldbook.core.customer_import import import_customers

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
    from fieldbook.core.customer_import import import_customers

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


def bench_gui(ds: Dataset, cfg: Config, folder: Path, scratch: Path, page: str) -> list[Result]:
    """`fieldbook gui --screenshot` from process start on the single-manager database:
    wall time and peak memory."""
    time_key, mem_key = GUI_PAGES[page]
    time_name, time_target = labels(cfg)[time_key]
    mem_name, mem_target = labels(cfg)[mem_key]
    png = folder / f"gui-screenshot-{page or 'plan'}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDBOOK_DATA_DIR": str(scratch / "app")}
    env.pop("FIELDBOOK_DB", None)
    command = [
        sys.executable,
        "-m",
        "fieldbook",
        "--db",
        str(ds.single),
        "gui",
        "--screenshot",
        str(png),
        *(["--page", page] if page else []),
    ]
    use_time = TIME_BIN.exists() and os.access(TIME_BIN, os.X_OK)
    walls: list[float] = []
    peaks: list[int] = []
    for _ in range(cfg.gui_runs):
        png.unlink(missing_ok=True)
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


# --- the run --------------------------------------------------------------------------------
def run(folder: Path, cfg: Config) -> list[Result]:
    """Every row, in ROWS order; a step that raises becomes an "error: ..." row."""
    ds = prepare(folder, cfg)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="fieldbook-bench-") as tmp:
        scratch = Path(tmp)
        steps = {
            "import": lambda: [bench_import(ds, cfg, scratch)],
            "search": lambda: [bench_search(ds, cfg)],
            "gui_time": lambda: bench_gui(ds, cfg, folder, scratch, ""),
            "gui_time_customers": lambda: bench_gui(ds, cfg, folder, scratch, "customers"),
            "demo": lambda: [bench_demo(cfg, scratch)],
        }
        names = labels(cfg)
        for key, step in steps.items():
            log(f"measuring {names[key][0]} ...")
            try:
                results.extend(step())
            except Exception as exc:
                page = next((p for p, keys in GUI_PAGES.items() if keys[0] == key), None)
                failed_keys = GUI_PAGES[page] if page is not None else (key,)
                results.extend(error_result(k, *names[k], exc) for k in failed_keys)
    return results


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
    args = p.parse_args(argv)
    cfg = replace(
        defaults,
        customers=args.customers,
        managers=args.managers,
        per_manager=args.per_manager,
        import_runs=args.runs,
        gui_runs=args.runs,
        search_repeats=args.repeats,
        gui_timeout=args.gui_timeout,
    )
    folder = bench_dir(args.dir)
    results = run(folder, cfg)
    print(format_table(results))
    write_json(results, cfg, folder / "results.json")
    if failed(results):
        print("\nbench: some rows missed their target or failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
