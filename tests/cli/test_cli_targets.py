"""``import targets``, ``targets set|show`` and the target lines of ``log show``."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run
from sample_data import write_workbook

from fieldbook.core.journal import Journal

HEADER = ["客户经理", "月份", "销量任务(条)", "金额任务(元)"]


def test_import_targets_then_show_them(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path, tmp_path: Path
) -> None:
    db = str(db_path)
    path = write_workbook(tmp_path / "t.xlsx", HEADER, [["QTH001", "2025-10", 1800, 400000]])
    code, out, err = run(capsys, "--db", db, "import", "targets", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert "月度任务：新增 1，更新 0，未变 0，有问题 0 行" in out and "预览（未写入）" in out
    code, out, _ = run(capsys, "--db", db, "import", "targets", str(path))
    assert code == 0 and "已导入" in out
    code, out, _ = run(capsys, "--db", db, "targets", "show", "--date", "2025-10-15")
    assert code == 0
    assert "时间进度 27.8%（5/18 个工作日）" in out  # the 15th's orders not in: 5, not 6
    assert "全月 任务完成率 销量 0.0%（0/1,800 条（36.0 箱））" in out
    assert "落后时间进度 27.8 个百分点，日均需 139 条" in out


def test_a_bad_row_exits_2_naming_row_and_column(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path, tmp_path: Path
) -> None:
    path = write_workbook(tmp_path / "t.xlsx", HEADER, [["QTH001", "2025-10", 0, ""]])
    code, out, err = run(capsys, "--db", str(db_path), "import", "targets", str(path))
    assert code == 2 and "未导入任何数据" in out
    assert err.strip() == "第 2 行，销量任务(条)：应为正数（“0”）"


def test_targets_set_and_log_show(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path
) -> None:
    db = str(db_path)
    code, out, _ = run(
        capsys, "--db", db, "targets", "set", "--month", "2025-10", "--cartons", "1800"
    )
    assert code == 0 and "已设定 2025-10 的月度任务" in out
    code, out, _ = run(
        capsys, "--db", db, "targets", "set", "--month", "2025-10", "--class", "1", "--cartons", "x"
    )
    assert code == 2
    code, out, _ = run(capsys, "--db", db, "log", "show", "--date", "2025-10-15")
    assert code == 0
    assert "月度任务：时间进度 27.8%（5/18 个工作日）" in out
    assert "月度任务：全月 任务完成率 销量 0.0%" in out
    code, out, _ = run(capsys, "--db", db, "log", "show", "--date", "2025-11-14")
    assert "月度任务：全月 任务完成率 未设任务" in out
