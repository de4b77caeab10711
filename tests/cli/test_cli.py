"""The command line: --help, exit codes (0 ok, 2 bad input, 1 otherwise), one readable line
per problem on stderr, the global --db option and $FIELDBOOK_DB."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run
from sample_data import write_workbook


def workbook(path: Path, rows: list[list[object]]) -> Path:
    header = ["客户编码", "客户名称", "负责人", "许可证号", "联系电话", "线路", "订货日"]
    return write_workbook(path, header, rows)


def test_help_lists_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "fieldbook", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("gui", "import", "customers", "skus", "routes", "profile", "demo", "backup"):
        assert command in out


def test_usage_error_exits_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "fieldbook", "customers", "frobnicate"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2


def test_import_and_list_round_trip(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    db = str(db_path)
    assert run(capsys, "--db", db, "profile", "set", "--name", "王建国", "--code", "QTH001")[0] == 0
    path = workbook(
        tmp_path / "c.xlsx",
        [
            [
                "230900000001",
                "张小便利店",
                "张小",
                "230902100001",
                "13904641234",
                "周一线路",
                "周一",
            ],
            [
                "230900000002",
                "福源食杂店",
                "李福源",
                "230902100002",
                "13904641235",
                "周一线路",
                "周一",
            ],
        ],
    )
    code, out, _ = run(capsys, "--db", db, "import", "customers", str(path))
    assert code == 0 and "新增 2" in out
    code, out, _ = run(capsys, "--db", db, "customers", "list", "--search", "zxbl", "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["客户名称"] for r in rows] == ["张小便利店"]
    assert rows[0]["许可证号"] == "230902100001" and rows[0]["订货日"] == "周一"
    code, out, _ = run(capsys, "--db", db, "customers", "list")
    assert code == 0 and out.count("\n") == 3 and "福源食杂店" in out


def test_invalid_import_exits_2_with_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    db = str(db_path)
    run(capsys, "--db", db, "profile", "set", "--name", "王建国", "--code", "QTH001")
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            ["230900000001", "张小便利店", "张小", "1234", "13904641234", "周一线路", "周一"],
            ["230900000002", "福源食杂店", "李福源", "230902100002", "12", "周一线路", "周八"],
        ],
    )
    code, out, err = run(capsys, "--db", db, "import", "customers", str(path))
    assert code == 2
    lines = err.strip().splitlines()
    assert lines == [
        "第 2 行，许可证号：许可证号应为 12 位数字（“1234”）",
        "第 3 行，联系电话：电话号码格式不对（“12”）",
        "第 3 行，订货日：无法识别的星期（如：周一）（“周八”）",
    ]
    assert "未导入任何数据" in out
    assert run(capsys, "--db", db, "customers", "list", "--csv")[1].count("\n") == 1
    code, out, _ = run(capsys, "--db", db, "import", "customers", str(path), "--skip-invalid")
    assert code == 0 and "新增 0" in out and "有问题 2 行" in out
    assert run(capsys, "--db", db, "customers", "list", "--csv")[1].count("\n") == 1


def test_import_without_profile_says_so(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "c.xlsx", [["230900000001", "张小便利店", "张小", "", "", "", ""]])
    code, _, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert code == 2 and "profile set" in err and len(err.strip().splitlines()) == 1


def test_hostile_file_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip at all" * 10)
    code, _, err = run(capsys, "--db", str(db_path), "import", "customers", str(bad))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Excel" in err


def test_fieldbook_db_environment_variable(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDBOOK_DB", str(db_path))
    assert run(capsys, "profile", "set", "--name", "赵六", "--code", "QTH009")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "profile", "show")
    assert code == 0 and "赵六" in out


def test_profile_unit_sets_the_forms_unit_and_keeps_what_is_not_given(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    db = str(db_path)
    assert run(capsys, "--db", db, "profile", "set", "--name", "王建国", "--code", "QTH001")[0] == 0
    args = ["--db", db, "profile", "unit", "--company", "七台河市烟草公司"]
    assert run(capsys, *args, "--center", "营销中心（市场部）")[0] == 0
    assert run(capsys, "--db", db, "profile", "unit", "--mark", "off")[0] == 0
    code, out, _ = run(capsys, "--db", db, "profile", "show")
    assert code == 0 and "公司\t七台河市烟草公司" in out and "营销中心\t营销中心（市场部）" in out
    assert "保密标识\t不印" in out
    code, _, err = run(capsys, "--db", db, "profile", "unit", "--company", "长" * 41)
    assert code == 2 and "公司名称" in err and "40" in err
    assert "公司\t七台河市烟草公司" in run(capsys, "--db", db, "profile", "show")[1]


def test_newer_database_exits_2(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    code, _, err = run(capsys, "--db", str(db_path), "customers", "list")
    assert code == 2 and "更新版本" in err
