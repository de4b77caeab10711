"""The slip commands: ``slips list``, ``export slips`` (the register), ``export slip`` (the form)
and ``import slip-answers``; exit codes 0 / 2 and one readable line per problem on stderr."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from cli_support import run
from python_calamine import CalamineWorkbook

from fieldbook.core.journal import Journal
from fieldbook.core.slips.service import SlipInput


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def numbers(world: Journal) -> list[str]:
    """A 不订货 slip sent on 11-02 (overdue, 电访部 answered) and a 违纪 slip of 11-20."""
    first = world.slips.create(
        SlipInput("no_order", "连续三周未订货", world.customers.by_code("M001").id),
        at=t("2026-11-02 15:00"),
    )
    first = world.slips.send(first.id, actor="王建国", at=t("2026-11-02 15:30"))
    phone = next(d for d in first.deliveries if d.department == "phone")
    world.slips.advance(phone.id, "received", actor="电访员 孙丽", at=t("2026-11-03 09:00"))
    second = world.slips.create(
        SlipInput("violation", "未悬挂许可证", world.customers.by_code("M002").id),
        at=t("2026-11-20 15:00"),
    )
    return [first.number, second.number]


def test_help_lists_the_slip_commands() -> None:
    def help_of(*argv: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "fieldbook", *argv, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "slips" in help_of()
    assert "slip-answers" in help_of("import")
    exports = help_of("export")
    assert "slips" in exports and "slip" in exports


def test_list(capsys: pytest.CaptureFixture[str], db_path: Path, numbers: list[str]) -> None:
    db = str(db_path)
    code, out, err = run(capsys, "--db", db, "slips", "list")
    assert code == 0 and err == ""
    header, *rows = [line.split("\t") for line in out.splitlines()]
    assert header == [
        "反馈单号",
        "填报日期",
        "类别",
        "客户编码",
        "客户名称",
        "状态",
        "各部门",
        "办结期限",
        "超期",
    ]
    assert [r[0] for r in rows] == [numbers[1], numbers[0]]  # newest first
    assert rows[1][1:6] == ["2026-11-02", "不订货", "M001", "周一店1", "处理中"]
    assert rows[1][6] == "市场部:已发送 电访部:已接收" and rows[1][8] == "超期"
    assert rows[0][5] == "草稿"  # 违纪: the four departments of the regulation
    assert rows[0][6] == "市场部:待发送 专卖办:待发送 配送中心:待发送 电访部:待发送"

    code, out, _ = run(capsys, "--db", db, "slips", "list", "--department", "专卖办", "--csv")
    parsed = list(csv.reader(io.StringIO(out)))
    assert code == 0 and [r[0] for r in parsed[1:]] == [numbers[1]]
    code, out, _ = run(capsys, "--db", db, "slips", "list", "--department", "phone", "--open")
    listed = [line.split("\t")[0] for line in out.splitlines()[1:]]
    assert code == 0 and listed == [numbers[1], numbers[0]]

    code, out, err = run(capsys, "--db", db, "slips", "list", "--department", "人事部")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "未知的部门（可选：市场部、专卖办、配送中心、电访部）（“人事部”）"
    ]


def test_export_the_register_and_forms(
    capsys: pytest.CaptureFixture[str], db_path: Path, numbers: list[str], tmp_path: Path
) -> None:
    db = str(db_path)
    out_file = tmp_path / "登记表.xlsx"
    code, out, err = run(
        capsys,
        "--db", db, "export", "slips", "--from", "2026-11-01", "--to", "2026-11-30",
        "--department", "电访部", "-o", str(out_file),
    )  # fmt: skip
    assert code == 0 and out.strip() == str(out_file) and err == ""
    rows = CalamineWorkbook.from_path(str(out_file)).get_sheet_by_name("登记表").to_python()
    assert [(r[0], r[7], r[8]) for r in rows[2:]] == [
        (numbers[0], "电访部", "已接收"),
        (numbers[1], "电访部", "待发送"),
    ]

    code, _, err = run(
        capsys, "--db", db, "export", "slips", "--from", "2026-12-01", "--to", "2026-11-01",
        "-o", str(tmp_path / "x.xlsx"),
    )  # fmt: skip
    assert code == 2 and err.strip() == "开始日期晚于结束日期"

    forms = tmp_path / "forms.xlsx"
    code, out, _ = run(capsys, "--db", db, "export", "slip", *numbers, "-o", str(forms))
    assert code == 0 and CalamineWorkbook.from_path(str(forms)).sheet_names == numbers

    code, out, err = run(
        capsys,
        "--db",
        db,
        "export",
        "slip",
        numbers[0],
        "FK-1",
        "FK-2",
        "-o",
        str(tmp_path / "y.xlsx"),
    )
    assert code == 2 and out == ""
    assert err.splitlines() == ["没有这个反馈单号：FK-1", "没有这个反馈单号：FK-2"]
    assert not (tmp_path / "y.xlsx").exists()


def answered(path: Path, edits: dict[tuple[str, str], dict[str, object]]) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["登记表"]
    columns = {cell.value: cell.column for cell in ws[2]}
    for r in range(3, ws.max_row + 1):
        key = (ws.cell(r, columns["反馈单号"]).value, ws.cell(r, columns["部门"]).value)
        for label, value in edits.get(key, {}).items():
            ws.cell(r, columns[label]).value = value
    wb.save(path)
    return path


def test_import_answers(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    world: Journal,
    numbers: list[str],
    tmp_path: Path,
) -> None:
    db = str(db_path)
    register = tmp_path / "r.xlsx"
    assert run(capsys, "--db", db, "export", "slips", "--from", "2026-11-01", "--to", "2026-11-30",
               "-o", str(register))[0] == 0  # fmt: skip
    first, draft = numbers
    answered(
        register,
        {
            (first, "电访部"): {"状态": "已落实", "处理人": "电访员 孙丽", "答复": "客户下周订货"},
            (first, "市场部"): {
                "状态": "已接收",
                "处理人": "市场部 李明",
                "处理时间": "2026-13-01",
            },
            (draft, "专卖办"): {"状态": "已接收", "处理人": "专卖办 赵刚"},
        },
    )
    code, out, err = run(capsys, "--db", db, "import", "slip-answers", str(register))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("第 3 行，处理时间：时间格式不对") and "“2026-13-01”" in lines[0]
    assert lines[1].startswith("第 6 行，原因（退回/跳步/倒退）：跳过了“已发送”这一步")
    assert "有问题 2 行" in out and "未导入任何数据" in out
    phone = next(d for d in world.slips.by_number(first).deliveries if d.department == "phone")
    assert phone.state == "received"

    code, out, err = run(capsys, "--db", db, "import", "slip-answers", str(register), "--dry-run")
    assert code == 2 and "预览（未写入）" in out and len(err.strip().splitlines()) == 2

    code, out, err = run(
        capsys, "--db", db, "import", "slip-answers", str(register), "--skip-invalid"
    )
    assert code == 0 and "已导入" in out and "状态变更 2 次" in out
    assert len(err.strip().splitlines()) == 2  # the rejected rows are still listed
    phone = next(d for d in world.slips.by_number(first).deliveries if d.department == "phone")
    assert (phone.state, phone.answer, phone.handled_by) == ("done", "客户下周订货", "电访员 孙丽")

    code, out, err = run(capsys, "--db", db, "import", "slip-answers", str(tmp_path / "none.xlsx"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "找不到文件" in err
