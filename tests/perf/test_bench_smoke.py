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
    for key in ("gui_time", "gui_memory", "gui_time_customers", "gui_memory_customers"):
        assert by_key[key]["status"] in {"pass", "fail", "error"}
    assert code == (1 if any(r["status"] in {"fail", "error"} for r in rows) else 0)

    table = capsys.readouterr().out
    assert table.splitlines()[0].split(" | ")[-1].strip() == "pass/fail"
    for r in rows:
        assert r["name"] in table and r["target"] in table
    assert len(list(tmp_path.glob("customers-*.xlsx"))) == 1
    assert len(list(tmp_path.glob("demo-*.sqlite3"))) == 1


def test_cache_is_reused_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    bench = load_bench()
    cfg = bench.Config(customers=120, managers=1, per_manager=150)
    first = bench.prepare(tmp_path, cfg)
    stamps = (first.workbook.stat().st_mtime_ns, first.db.stat().st_mtime_ns)
    again = bench.prepare(tmp_path, cfg)
    assert again == first
    assert (again.workbook.stat().st_mtime_ns, again.db.stat().st_mtime_ns) == stamps

    first.db.write_bytes(b"not a database")
    rebuilt = bench.prepare(tmp_path, cfg)
    assert rebuilt.db == first.db and rebuilt.db.read_bytes()[:15] == b"SQLite format 3"


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
