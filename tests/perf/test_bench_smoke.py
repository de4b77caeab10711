"""Smoke test of the benchmark harness on a tiny dataset: every row is reported, the JSON is
written, the exit code follows the rows, the cache is reused. No timing assertions."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.perf

TINY = [
    "--customers",
    "300",
    "--managers",
    "2",
    "--per-manager",
    "150",
    "--runs",
    "1",
    "--repeats",
    "2",
    "--history-weeks",
    "2",
    "--department-managers",
    "2",
    "--department-weeks",
    "2",
    "--rush-laptops",
    "3",
]


def load_bench() -> ModuleType:
    name = "fieldbook_perf_bench"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("bench.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_harness_reports_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_bench()
    code = bench.main(["--dir", str(tmp_path), *TINY])
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    rows = data["results"]
    assert [r["key"] for r in rows] == list(bench.ROWS)
    assert all(r["status"] in {"pass", "fail", "error", "info"} and r["result"] for r in rows)
    by_key = {r["key"]: r for r in rows}
    # The core rows must really measure (the GUI row may be "error: ..." while it is built).
    assert by_key["search"]["status"] in {"pass", "fail"} and by_key["search"]["value"] > 0
    assert "300 customers" in by_key["search"]["name"]
    assert by_key["demo"]["status"] == "info" and "300 customers" in by_key["demo"]["result"]
    # The day in the field and the long demo are core rows too: they must really measure.
    for key in ("plan_build", "visit_screen", "visit_finish", "demo_history"):
        assert by_key[key]["status"] in {"pass", "fail"}, by_key[key]["result"]
        assert by_key[key]["value"] > 0 and by_key[key]["limit"] > 0
    assert "2-week history" in by_key["visit_screen"]["name"]
    assert "visits)" in by_key["demo_history"]["result"]
    # the year exports and the server rows measure too (PostgreSQL: `make system-deps`)
    for key in ("week_export", "year_export_time", "year_export_memory"):
        assert by_key[key]["status"] in {"pass", "fail"}, by_key[key]["result"]
    for key in ("sync_week", "sync_rush", "sync_rush_busy", "department_views"):
        assert by_key[key]["status"] in {"pass", "fail", "error"}, by_key[key]["result"]
        if by_key[key]["status"] == "error":
            assert "PostgreSQL not available" in by_key[key]["result"]
    gui = ("gui_time", "gui_memory", "gui_time_customers", "gui_memory_customers")
    for key in (*gui, "gui_time_history", "gui_memory_history"):
        assert by_key[key]["status"] in {"pass", "fail", "error"}
    assert code == (1 if any(r["status"] in {"fail", "error"} for r in rows) else 0)

    table = capsys.readouterr().out
    assert table.splitlines()[0].split(" | ")[-1].strip() == "pass/fail"
    for r in rows:
        assert r["name"] in table and r["target"] in table
    assert len(list(tmp_path.glob("customers-*.xlsx"))) == 1
    assert len(list(tmp_path.glob("demo-*.sqlite3"))) == 1
    assert len(list(tmp_path.glob("history-*-2w-*.sqlite3"))) == 1
    assert not list(tmp_path.glob("*.partial"))


def test_cache_is_reused_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    bench = load_bench()
    cfg = bench.Config(customers=120, managers=1, per_manager=150, history_weeks=2)
    first = bench.prepare(tmp_path, cfg)
    files = (first.workbook, first.db, first.history)
    stamps = [f.stat().st_mtime_ns for f in files]
    again = bench.prepare(tmp_path, cfg)
    assert again == first
    assert [f.stat().st_mtime_ns for f in files] == stamps

    first.db.write_bytes(b"not a database")
    first.history.write_bytes(b"not a database either")
    rebuilt = bench.prepare(tmp_path, cfg)
    assert rebuilt.db == first.db and rebuilt.db.read_bytes()[:15] == b"SQLite format 3"
    assert rebuilt.history.read_bytes()[:15] == b"SQLite format 3"


def test_day_rows_leave_the_cache_unchanged(tmp_path: Path) -> None:
    bench = load_bench()
    cfg = bench.Config(customers=120, managers=1, per_manager=150, history_weeks=2)
    cfg = bench.replace(cfg, visit_shops=3, plan_days=2)
    ds = bench.prepare(tmp_path, cfg)
    before = ds.history.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    rows = bench.bench_day(ds, cfg, scratch)
    assert [r.key for r in rows] == list(bench.DAY_ROWS)
    assert all(r.status in {"pass", "fail"} and r.value > 0 for r in rows)
    assert "median of 2 days" in rows[0].result and "median of 3 shops" in rows[1].result
    assert ds.history.read_bytes() == before
    assert list(scratch.iterdir()) == []


def test_error_and_failure_rows_fail_the_run() -> None:
    bench = load_bench()
    ok = bench.Result("search", "s", "1 ms", "< 20 ms", "pass", 1.0, "ms", 20.0)
    info = bench.Result("demo", "d", "2 s", "info", "info", 2.0, "s")
    slow = bench.Result("import", "i", "4 s", "< 3 s", "fail", 4.0, "s", 3.0)
    broken = bench.error_result("gui_time", "g", "< 1.5 s", RuntimeError("no display"))
    assert not bench.failed([ok, info])
    assert bench.failed([ok, slow]) and bench.failed([info, broken])
    assert broken.result == "error: RuntimeError: no display"
    assert bench.verdict(19.9, 20.0) == "pass" and bench.verdict(20.0, 20.0) == "fail"
