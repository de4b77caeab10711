"""The end-of-day commands: ``import orders`` (per-day summary, replacing a day, exit 0 / 2),
``export day``, ``log show`` and ``log submit``."""

from __future__ import annotations

import stat
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from cli_support import run
from sample_data import WORLD_MONDAY_ORDERS as DAY
from sample_data import orders_workbook

from fieldbook.cli.main import main
from fieldbook.core.journal import Journal
from fieldbook.core.routine.indicators import day_indicators

MON = date(2026, 11, 30)


def orders_file(path: Path, rows: list[list[object]]) -> Path:
    return orders_workbook(path, rows, title=None)  # the header in the first row


def test_import_orders_prints_each_day_and_says_when_it_replaced_one(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path, tmp_path: Path
) -> None:
    db = str(db_path)
    path = orders_file(tmp_path / "orders.xlsx", DAY)
    code, out, err = run(capsys, "--db", db, "import", "orders", str(path), "--dry-run")
    assert code == 0 and err == ""
    assert "2026-11-30（周一）：4 行，20 条，金额 2579.76 元 — 新的一天" in out
    assert "预览（未写入）" in out
    code, out, _ = run(capsys, "--db", db, "import", "orders", str(path))
    assert code == 0 and "已导入" in out and "新的一天" in out
    # the ordering system's corrected export of the same day: it replaces the day
    fixed = orders_file(tmp_path / "fixed.xlsx", DAY[:3])
    code, out, _ = run(capsys, "--db", db, "import", "orders", str(fixed), "--dry-run")
    assert code == 0 and "导入时将替换原有的 4 行" in out
    code, out, _ = run(capsys, "--db", db, "import", "orders", str(fixed))
    assert code == 0
    assert "2026-11-30（周一）：3 行，10 条，金额 1699.76 元 — 替换了原有的 4 行" in out


def test_import_orders_problems_exit_2_unless_skipped(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path, tmp_path: Path
) -> None:
    db = str(db_path)
    bad = [
        *DAY[:2],
        ["2026-11-30", "Z999", "别人的店", "13100101", "中华(硬)", 1, 381.60],
        ["2026-11-30", "M002", "周一店2", "99999999", "没有的烟", 1, 10.00],
        ["2026-11-30", "M003", "周一店3", "13100101", "中华(硬)", 20000, 1.00],
    ]
    path = orders_file(tmp_path / "bad.xlsx", bad)
    code, out, err = run(capsys, "--db", db, "import", "orders", str(path))
    assert code == 2 and "未导入任何数据" in out
    lines = err.strip().splitlines()
    assert len(lines) == 3  # one line per problem
    assert "第 4 行，客户编码：没有这个客户编码（不是您的客户）（“Z999”）" in lines[0]
    assert "没有这个卷烟代码或名称" in lines[1] and "订购量应在 0–10000 条之间" in lines[2]
    assert day_indicators(world, MON).figures.cartons == 0  # all or nothing
    code, out, err = run(capsys, "--db", db, "import", "orders", str(path), "--skip-invalid")
    assert code == 0 and "2 行，7 条" in out and "已导入" in out
    missing = orders_file(tmp_path / "nocode.xlsx", [])
    wb = openpyxl.load_workbook(missing)
    wb.active.delete_cols(4, 2)  # neither 卷烟代码 nor 卷烟名称
    wb.active.append(["2026-11-30", "M001", "", 1, 1.0])
    wb.save(missing)
    code, _out, err = run(capsys, "--db", db, "import", "orders", str(missing))
    assert code == 2 and "缺少必需的列" in err


def test_export_day_writes_the_workbook(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path, tmp_path: Path
) -> None:
    db = str(db_path)
    assert (
        run(capsys, "--db", db, "import", "orders", str(orders_file(tmp_path / "o.xlsx", DAY)))[0]
        == 0
    )
    target = tmp_path / "out" / "day.xlsx"
    target.parent.mkdir()
    code, out, _ = run(
        capsys, "--db", db, "export", "day", "--date", "2026-11-30", "-o", str(target)
    )
    assert code == 0 and out.strip() == str(target)
    assert target.read_bytes()[:2] == b"PK" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert openpyxl.load_workbook(target).sheetnames == ["工作日志", "走访明细", "订单"]
    with pytest.raises(SystemExit) as usage:  # argparse: exit 2, the message on stderr
        main(["--db", db, "export", "day", "--date", "30.11.", "-o", "x.xlsx"])
    assert usage.value.code == 2 and "日期格式" in capsys.readouterr().err


def test_log_submit_then_show_says_submitted(
    capsys: pytest.CaptureFixture[str], world: Journal, db_path: Path
) -> None:
    db = str(db_path)
    world.daylogs.save_section(MON, "meeting_notes", "例会：本周重点推广新品")
    code, out, _ = run(capsys, "--db", db, "log", "show", "--date", "2026-11-30")
    assert code == 0
    assert out.splitlines()[0] == "工作日志 2026年11月30日 星期一 — 草稿"
    assert "客户经理：王建国（QTH001）" in out and "应订 5 户，已订 0 户" in out
    assert "[16:00 例会记录]\n例会：本周重点推广新品" in out
    # the day's times against their standards (decision 0018): no visit, no return yet
    assert "到达片区：—（标准 07:30，无记录）" in out and "末户离店" not in out
    assert "回到单位：—（标准 15:00，未记录）" in out
    world.daylogs.record_return(MON, datetime(2026, 11, 30, 15, 20))
    code, out, _ = run(capsys, "--db", db, "log", "show", "--date", "2026-11-30")
    assert "回到单位：15:20（标准 15:00，晚 20 分钟）" in out
    code, out, _ = run(capsys, "--db", db, "log", "submit", "--date", "2026-11-30")
    assert code == 0 and "已提交" in out
    code, out, _ = run(capsys, "--db", db, "log", "show", "--date", "2026-11-30")
    assert code == 0 and "— 已提交（" in out.splitlines()[0]
    code, _out, err = run(capsys, "--db", db, "log", "submit", "--date", "2026-11-30")
    assert code == 2 and err.strip() == "2026-11-30：工作日志已提交，只能更正（需写明原因）"
    world.daylogs.correct(MON, "meeting_notes", "例会：推广新品和中支烟", reason="漏记")
    code, out, _ = run(capsys, "--db", db, "log", "show", "--date", "2026-11-30")
    assert (
        "[更正记录]" in out
        and "“例会：本周重点推广新品” → “例会：推广新品和中支烟”（原因：漏记）" in out
    )
