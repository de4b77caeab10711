"""``export customer CODE -o FILE.xlsx`` (一户一档): the file of one customer, all history or a
period; an unknown code, an inverted period and ``-o`` onto the database are refused (exit 2,
one readable line, nothing written)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from cli_support import run

from fieldbook.core.journal import Journal
from fieldbook.core.slips.service import SlipInput


@pytest.fixture
def slipped(world: Journal) -> Journal:
    """M001 with a 不订货 slip of 2026-11-02."""
    world.slips.create(
        SlipInput("no_order", "连续三周未订货", world.customers.by_code("M001").id),
        at=datetime(2026, 11, 2, 15, 0),
    )
    return world


def test_help_lists_the_customer_file() -> None:
    def help_of(*argv: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "fieldbook", *argv, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "一户一档" in help_of("export")
    assert "--from" in help_of("export", "customer")


def test_export_a_customer_file(
    capsys: pytest.CaptureFixture[str], db_path: Path, slipped: Journal, tmp_path: Path
) -> None:
    target = tmp_path / "一户一档.xlsx"
    code, out, err = run(
        capsys, "--db", str(db_path), "export", "customer", "M001", "-o", str(target)
    )
    assert code == 0 and out.strip() == str(target) and err == ""
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["档案", "走访记录", "订货（按月）", "反馈单", "抽查"]
    slips = list(wb["反馈单"].iter_rows(values_only=True))
    assert {r[2] for r in slips[1:]} == {"不订货"}

    period = tmp_path / "十二月.xlsx"
    code, _, _ = run(
        capsys, "--db", str(db_path), "export", "customer", "M001",
        "--from", "2026-12-01", "--to", "2026-12-02", "-o", str(period),
    )  # fmt: skip
    assert code == 0
    rows = list(openpyxl.load_workbook(period)["反馈单"].iter_rows(values_only=True))
    assert rows[1][0] == "本期内没有反馈单"


def test_refusals(
    capsys: pytest.CaptureFixture[str], db_path: Path, world: Journal, tmp_path: Path
) -> None:
    db = str(db_path)
    target = tmp_path / "x.xlsx"
    code, out, err = run(capsys, "--db", db, "export", "customer", "NOPE", "-o", str(target))
    assert code == 2 and out == ""
    assert err.strip() == "客户：没有这个客户编码（不是您的客户）（“NOPE”）"
    code, _, err = run(
        capsys, "--db", db, "export", "customer", "M001",
        "--from", "2026-12-02", "--to", "2026-12-01", "-o", str(target),
    )  # fmt: skip
    assert code == 2 and err.strip() == "开始日期晚于结束日期"
    assert not target.exists()

    world.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code, _, err = run(capsys, "--db", db, "export", "customer", "M001", "-o", db)
    assert code == 2 and "不能用导出覆盖" in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
