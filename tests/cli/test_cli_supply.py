"""``import supply``: the weekly 货源投放 from a given Monday (exit 0), bad rows named by row
and column with nothing written (exit 2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_support import run
from sample_data import SUPPLY_ROWS, supply_workbook

from fieldbook.core.journal import Journal


def test_import_supply_from_a_monday(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path, tmp_path: Path
) -> None:
    path = supply_workbook(tmp_path / "s.xlsx")
    args = ("--db", str(db_path), "import", "supply", str(path), "--from", "2026-11-30")
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert "货源信息（2026-11-30 起）：新设 3，更改 0，未变 1" in out and "已导入" in out
    assert "  13100101 中华(硬)：限量" in out
    j = Journal.open(f"sqlite:///{db_path}")
    try:
        assert [r.code for r in j.supply.on(date(2026, 12, 1))] == [
            "15300202",
            "13100101",
            "13900101",
        ]
    finally:
        j.close()


def test_a_bad_row_exits_2_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path, tmp_path: Path
) -> None:
    rows = [*SUPPLY_ROWS, ["15300202", "玉溪(硬)", "限量", "8-12", 300]]
    path = supply_workbook(tmp_path / "b.xlsx", rows)
    code, out, err = run(capsys, "--db", str(db_path), "import", "supply", str(path))
    assert code == 2 and "未导入任何数据" in out
    assert "第 9 行，限量(条)：限量应在 1–100 条之间（“8-12 / 300”）" in err
