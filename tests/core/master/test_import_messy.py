"""Imports never drop data silently (issue 13, item 9): a 线路 cell merged down five rows gives
its route to all five shops (also on an update); a merged cell that cannot be read that way is
a problem of its row; a UTF-8 CSV with one GB18030 row (or the other way round) is refused
naming the line; a TRUE/FALSE cell is not a code or a name; a header written twice is
reported. Through the core and through ``fieldbook import`` (exit 2, one line each)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from cli_support import run

from fieldbook.core.errors import FileRejected
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_import import import_customers
from fieldbook.core.master.sku_import import import_skus
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.xlsx.table import Merged
from fieldbook.core.xlsx.tabular import read_table

HEADER = ["客户编码", "客户名称", "负责人", "线路", "订货日"]


def book(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["七台河市烟草公司 客户名单"])
    ws.merge_cells("A1:E1")  # a title over the whole width: not data
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def shops(n: int, route: str | None = "周三线路") -> list[list[object]]:
    """Five shops; the route written only on the first (as a merged cell keeps it)."""
    return [
        [f"23090000000{i}", f"店{i}", f"主{i}", route if i == 1 else None, "周三"]
        for i in range(1, n + 1)
    ]


def routes(journal: Journal) -> dict[str, str]:
    return {c.code: c.route_name for c in journal.customers.list("")}


def test_reader_keeps_merged_ranges(tmp_path: Path) -> None:
    path = book(tmp_path / "m.xlsx", [HEADER, *shops(5)], ("D3:D7",))
    table = read_table(path)
    assert Merged(3, 3, 7, 3) in table.merged and Merged(1, 0, 1, 4) in table.merged
    assert Merged(3, 3, 7, 3).ref == "D3:D7"


def test_a_route_merged_down_five_rows_reaches_all_five_shops(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = book(tmp_path / "merged.xlsx", [HEADER, *shops(5)], ("D3:D7",))
    report = import_customers(journal, path, dry_run=True)
    assert report.problems == [] and len(report.new) == 5
    journal.close()
    code, out, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert (code, err) == (0, "") and "新增 5" in out
    journal = Journal.open(f"sqlite:///{db_path}")
    try:
        assert set(routes(journal).values()) == {"周三线路"}  # before: 4 shops had no route
        plan_day = [r for r in journal.routes.list() if r.name == "周三线路"]
        assert plan_day and plan_day[0].customer_count == 5
    finally:
        journal.close()


def test_an_update_from_a_merged_sheet_never_blanks_a_route(
    journal: Journal, tmp_path: Path
) -> None:
    plain = [HEADER, *[[*row[:3], "周三线路", row[4]] for row in shops(5)]]
    assert import_customers(journal, book(tmp_path / "plain.xlsx", plain)).applied
    renamed = [[c, f"{n}（新）", o, r, d] for c, n, o, r, d in shops(5, "周四线路")]
    report = import_customers(
        journal, book(tmp_path / "merged.xlsx", [HEADER, *renamed], ("D3:D7",))
    )
    assert report.applied and report.problems == [] and len(report.updated) == 5
    assert set(routes(journal).values()) == {"周四线路"}


def test_merged_cells_that_give_no_value_are_problems_not_empty_fields(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = [HEADER, *[[*row[:3], "周三线路", row[4]] for row in shops(3)]]
    assert import_customers(journal, book(tmp_path / "plain.xlsx", plain)).applied
    # 负责人 merged across 线路 on row 4; 线路 header merged down into the first shop row
    rows = [HEADER, *[[*row[:3], None, row[4]] for row in shops(3)]]
    rows[2][3] = None
    report = import_customers(
        journal, book(tmp_path / "bad.xlsx", rows, ("C4:D4", "D2:D3")), dry_run=True
    )
    found = {(p.row, p.column, p.code, p.value) for p in report.problems}
    assert found == {
        (4, "线路", "merged_across_columns", "C4:D4"),
        (3, "线路", "merged_with_header", "D2:D3"),
    }
    journal.close()
    code, out, err = run(
        capsys, "--db", str(db_path), "import", "customers", str(tmp_path / "bad.xlsx")
    )
    assert code == 2 and "未导入任何数据" in out
    assert err.splitlines() == [
        "第 3 行，线路：单元格与表头合并在一起，读不出这一行的值（请取消合并）（“D2:D3”）",
        "第 4 行，线路：单元格被横向合并，这一列没有自己的值（请取消合并并填写）（“C4:D4”）",
    ]
    journal = Journal.open(f"sqlite:///{db_path}")
    try:
        assert set(routes(journal).values()) == {"周三线路"}  # nothing blanked
    finally:
        journal.close()


def utf8_csv_with_a_gbk_row(path: Path) -> Path:
    lines = [
        "客户编码,客户名称,负责人,线路".encode(),
        "230900000001,张小便利店,张小,周一线路".encode(),
        "230900000002,福源食杂店,李福源,周一线路".encode("gb18030"),
        "230900000003,新兴超市,王新,周一线路".encode(),
    ]
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    return path


def test_a_utf8_csv_with_one_gb18030_row_is_refused_naming_the_line(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = utf8_csv_with_a_gbk_row(tmp_path / "mixed.csv")
    with pytest.raises(FileRejected) as info:
        import_customers(journal, path)
    assert info.value.reason == "mixed_encoding" and info.value.data["line"] == 3
    assert journal.customers.count(everyone=True) == 0
    journal.close()
    code, out, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"{path}：第 3 行的编码（GBK/GB18030）与文件其余部分不同")


def test_a_gbk_csv_with_one_utf8_row_is_refused_too_and_a_plain_gbk_csv_still_reads(
    journal: Journal, tmp_path: Path
) -> None:
    rows = [
        "客户编码,客户名称,负责人",
        "230900000001,张小便利店,张小",
        "230900000002,福源食杂店,李福源",
    ]
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(
        b"\n".join([rows[0].encode("gb18030"), rows[1].encode("gb18030"), rows[2].encode()])
    )
    with pytest.raises(FileRejected) as info:
        read_table(mixed)
    assert info.value.reason == "mixed_encoding" and info.value.data["line"] == 3
    assert info.value.data["encoding"] == "UTF-8"
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("\n".join(rows).encode("gb18030"))
    assert read_table(gbk).rows[2].cells == ("230900000002", "福源食杂店", "李福源")


def test_boolean_cells_are_not_codes_or_names(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        [*HEADER, "重点客户"],
        [True, "张小便利店", "张小", "周一线路", "周一", True],  # 重点客户 TRUE is a yes
        ["230900000002", False, "李福源", "周一线路", "周一", False],
        ["230900000003", "新兴超市", "王新", True, "周一", None],
    ]
    path = book(tmp_path / "bool.xlsx", rows)
    report = import_customers(journal, path, dry_run=True)
    found = {(p.row, p.column, p.code, p.value) for p in report.problems}
    assert found == {
        (3, "客户编码", "boolean_cell", "TRUE"),
        (4, "客户名称", "boolean_cell", "FALSE"),
        (5, "线路", "boolean_cell", "TRUE"),
    }
    journal.close()
    code, _, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert code == 2
    assert err.splitlines()[0] == (
        "第 3 行，客户编码：是 TRUE/FALSE 逻辑值，不能作为编码或名称"
        "（请把单元格改为文本）（“TRUE”）"
    )


def test_a_header_written_twice_is_reported_not_resolved(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["客户编码", "客户名称", "客户编码", "线路"],
        ["230900000001", "张小便利店", "230900000099", "周一线路"],
    ]
    path = book(tmp_path / "twice.xlsx", rows)
    report = import_customers(journal, path)
    assert report.fatal and not report.applied
    assert [(p.row, p.column, p.code, p.params) for p in report.problems] == [
        (2, "客户编码", "duplicate_column", {"columns": "A、C"})
    ]
    journal.close()
    code, out, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert code == 2 and "未导入任何数据" in out
    assert err.splitlines() == [
        "第 2 行，客户编码：表头重复（第 A、C 列都是这一列），请删除或改名后再导入（“客户编码”）"
    ]
    # the column the user picks in the import dialog settles it, and is named
    journal = Journal.open(f"sqlite:///{db_path}")
    try:
        report = import_customers(journal, path, mapping={"code": 2})
        assert report.applied and report.new == ["230900000099"]
        assert [(w.code, w.params) for w in report.warnings] == [
            ("duplicate_column_chosen", {"columns": "A、C", "used": "C"})
        ]
    finally:
        journal.close()


def test_two_names_of_one_field_are_a_warning_naming_the_column_used(
    journal: Journal, tmp_path: Path
) -> None:
    rows = [["客户编码", "客户名称", "店名"], ["230900000001", "张小便利店", "张小店"]]
    report = import_customers(journal, book(tmp_path / "two.xlsx", rows))
    assert report.applied and journal.customers.by_code("230900000001").shop_name == "张小便利店"
    assert [(w.column, w.code, w.value, w.params) for w in report.warnings] == [
        ("客户名称", "alternative_column", "店名", {"used": "B"})
    ]


def test_the_same_rules_hold_for_skus_and_orders(world: Journal, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["卷烟代码", "卷烟名称", "批发价", "卷烟名称"])
    ws.append(["13100101", True, 381.6, "中华"])
    wb.save(tmp_path / "skus.xlsx")
    report = import_skus(world, tmp_path / "skus.xlsx")
    assert report.fatal and [p.code for p in report.problems] == ["duplicate_column"]

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["订单日期", "客户编码", "卷烟代码", "订购量(条)", "金额"])
    ws.append(["2026-11-23", "M001", "13100101", 2, 763.20])
    ws.append([None, "M002", "13600111", 5, 485.00])
    ws.append([None, "M003", "13600111", 1, 97.00])
    ws.merge_cells("A2:A4")  # one date for the day's block of orders
    wb.save(tmp_path / "orders.xlsx")
    report = import_orders(world, tmp_path / "orders.xlsx")
    assert report.problems == [] and report.applied
