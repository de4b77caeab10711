"""Fieldbook benchmarks (``make bench``): build the data once in a cache folder, measure, print a
table, write it to ``results.json``, and exit 1 when a row misses its target (or errored).

    python tests/perf/bench.py [--dir DIR] [--runs N] ...
    python -m tests.perf.bench ...            (from the repository root)

The cache folder is ``./bench-data`` unless ``$FIELDBOOK_BENCH_DIR`` or ``--dir`` says otherwise.
Cached files carry a fingerprint of the demo generator in their names, so changing the
generator or its data rebuilds them; ``--data-tag TAG`` uses the cache built under fingerprint
TAG as it is (when only code moved since, not the generated data). Rows that write (a day in
the field, the GUI on the history) work on a scratch copy: the cache is never changed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _folder in (HERE.parents[1], HERE.parent, HERE):  # the repository, tests/, this folder
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import department_scale  # noqa: E402
from perf_data import bench_demo, bench_demo_history, bench_dir, copy_db, prepare  # noqa: E402
from perf_outputs import (  # noqa: E402
    bench_department,
    bench_sync_week,
    bench_week_export,
    bench_year_export,
)
from perf_routine import bench_day, bench_import, bench_search  # noqa: E402
from perf_rows import (  # noqa: E402
    BENCH_ENV,
    DAY_ROWS,
    GUI_ROWS,
    ROWS,
    Config,
    Result,
    error_result,
    labels,
    log,
    verdict,
)
from perf_rush import bench_rush  # noqa: E402
from perf_startup import bench_gui, bench_help, prime  # noqa: E402

from fieldbook.core import clock  # noqa: E402

__all__ = [  # what the smoke test and other callers use
    "DAY_ROWS",
    "ROWS",
    "Config",
    "Result",
    "bench_day",
    "error_result",
    "failed",
    "main",
    "prepare",
    "replace",
    "run",
    "verdict",
]


# --- the run --------------------------------------------------------------------------------
def run(folder: Path, cfg: Config, only: Sequence[str] = (), tag: str = "") -> list[Result]:
    """Every row (or the steps holding the ``only`` rows), in ROWS order; a step that raises
    becomes an "error: ..." row. ``tag``: the cache fingerprint to use (default this tree's)."""
    ds = prepare(folder, cfg, tag)
    prime()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="fieldbook-bench-") as tmp:
        scratch = Path(tmp)

        def history_copy() -> Path:  # the GUI may build today's plan: never in the cache
            return copy_db(ds.history, scratch / "gui-history.sqlite3")

        steps: dict[tuple[str, ...], Callable[[], list[Result]]] = {
            ("help_time",): lambda: [bench_help(cfg, scratch)],
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
            ("sync_rush", "sync_rush_busy"): lambda: bench_rush(cfg, folder, scratch),
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
        "when": clock.now().isoformat(timespec="seconds"),
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
    p.add_argument("--rush-laptops", type=int, default=defaults.rush_laptops)
    p.add_argument("--department-managers", type=int, default=defaults.department_managers)
    p.add_argument("--department-weeks", type=int, default=defaults.department_weeks)
    p.add_argument(
        "--department-scale",
        default="",
        metavar="MxY[,MxY]",
        help="also time the department views at these sizes (managers x years kept, e.g."
        " 50x1,100x2,200x3,500x5) and print the scaling table (decision 0032)",
    )
    p.add_argument(
        "--department-plans",
        type=Path,
        help="with --department-scale: write the EXPLAIN plans at the largest size here",
    )
    p.add_argument(
        "--only",
        default="",
        metavar="ROW[,ROW]",
        help=f"measure only these rows (of: {', '.join(ROWS)})",
    )
    p.add_argument(
        "--data-tag",
        default="",
        metavar="TAG",
        help="use the cached data of this fingerprint (built by an earlier tree) as it is",
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
        rush_laptops=args.rush_laptops,
        department_managers=args.department_managers,
        department_weeks=args.department_weeks,
        import_runs=args.runs,
        gui_runs=args.runs,
        search_repeats=args.repeats,
        gui_timeout=args.gui_timeout,
    )
    folder = bench_dir(args.dir)
    results = run(folder, cfg, only, args.data_tag)
    print(format_table(results))
    write_json(results, cfg, folder / "results.json")
    if args.department_scale:
        print("\ndepartment views by size (seconds, median of 3):")
        print(department_scale.run(args.department_scale, args.department_plans))
    if failed(results):
        print("\nbench: some rows missed their target or failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
