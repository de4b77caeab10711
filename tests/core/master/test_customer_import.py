"""Importing the company's customer list: a messy roster, all-or-nothing, --skip-invalid,
--dry-run, re-import without duplicates, missing customers reported, hostile files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from damage import content_digest

from fieldbook.core.errors import FileRejected
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_import import import_customers

HEADER = [
    "序号",
    "经营业态",
    "客户名称",
    "负责人",
    "许可证号",
    "联系电话",
    "客户编码",
    "线路",
    "订货日",
    "档位",
    "经营地址",
    "市场类型",
]


def roster(
    path: Path, rows: list[list[object]], *, header: list[str] = HEADER, title: bool = True
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户名单"
    if title:
        ws.append(["七台河市烟草公司新兴区 客户名单（2026年11月）"])
        ws.merge_cells("A1:F1")
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD = [
    [
        1,
        "便利店",
        "张小便利店",
        "张小",
        230902100001.0,
        13904641234,
        "230900000001",
        "周一线路",
        "周一",
        8,
        "新兴区 兴华街 12号",
        "城镇",
    ],
    [
        2,
        "食杂店",
        " 福源食杂店 ",
        "李福源",
        "２３０９０２１００００２",
        "0464-8221234",
        230900000002,
        "周一线路",
        "星期一",
        "3档",
        "新兴区 东风路 3号",
        "城镇",
    ],
    [
        3,
        "超市",
        "鑫源超市",
        "王鑫",
        "2.30903100003E+11",
        "15845671111",
        "230900000003",
        "周二线路",
        2,
        26.0,
        "桃山区 桃南街 88号",
        "城",
    ],
    [],
    [
        4,
        "烟酒商店",
        "宏达烟酒商行",
        "赵宏达",
        "'230904100004",
        "13304649999",
        "230900000004",
        "周二线路",
        "周二",
        15,
        "茄子河区 中心街 1号",
        "乡村",
    ],
    ["合计", None, None, None, None, None, None, None, None, None, None, None],
]


def test_messy_roster_imports_the_right_customers(journal: Journal, tmp_path: Path) -> None:
    report = import_customers(journal, roster(tmp_path / "r.xlsx", GOOD))
    assert report.problems == [] and report.applied
    assert sorted(report.new) == ["230900000001", "230900000002", "230900000003", "230900000004"]
    assert report.header_row == 3
    assert report.skipped_rows == [9]  # the totals row (blank rows never reach the parser)
    rows = {c.code: c for c in journal.customers.list()}
    assert rows["230900000001"].licence_no == "230902100001"  # float from Excel
    assert rows["230900000002"].licence_no == "230902100002"  # full-width digits
    assert rows["230900000003"].licence_no == "230903100003"  # scientific notation text
    assert rows["230900000004"].licence_no == "230904100004"  # leading apostrophe
    assert rows["230900000002"].shop_name == "福源食杂店"
    assert rows["230900000002"].grade == 3 and rows["230900000003"].grade == 26
    assert rows["230900000001"].phone == "13904641234"
    assert rows["230900000001"].format == "B" and rows["230900000004"].format == "Y"
    assert rows["230900000003"].market_type == "C" and rows["230900000004"].market_type == "X"
    assert rows["230900000003"].order_weekday == 2
    routes = {r.name: r for r in journal.routes.list()}
    assert routes["周一线路"].weekday == 1 and routes["周一线路"].customer_count == 2
    assert [c.shop_name for c in journal.customers.list("zxbl")] == ["张小便利店"]


BAD = [
    *GOOD[:3],
    [
        5,
        "便利店",
        "短号便利店",
        "钱",
        "1234",
        "13900000000",
        "230900000005",
        "周三线路",
        "周三",
        5,
        "x",
        "城镇",
    ],
    [
        6,
        "花店",
        "不明业态店",
        "孙",
        "230902100006",
        "13900000001",
        "230900000006",
        "周三线路",
        "周三",
        5,
        "x",
        "城镇",
    ],
    [
        7,
        "食杂店",
        "",
        "周",
        "230902100007",
        "13900000002",
        "230900000007",
        "周三线路",
        "周三",
        5,
        "x",
        "城镇",
    ],
    [
        8,
        "食杂店",
        "档位超限店",
        "吴",
        "230902100008",
        "139",
        "230900000008",
        "周三线路",
        "礼拜八",
        45,
        "x",
        "城镇",
    ],
    [
        9,
        "食杂店",
        "重复编码店",
        "郑",
        "230902100009",
        "13900000004",
        "230900000001",
        "周三线路",
        "周三",
        5,
        "x",
        "城镇",
    ],
]


def test_invalid_rows_reported_by_row_and_column_and_nothing_imported(
    journal: Journal, tmp_path: Path
) -> None:
    report = import_customers(journal, roster(tmp_path / "bad.xlsx", BAD))
    assert not report.applied
    found = {(p.row, p.column, p.code) for p in report.problems}
    assert found == {
        (7, "许可证号", "licence_format"),
        (8, "经营业态", "unknown_format"),
        (9, "客户名称", "required"),
        (10, "联系电话", "phone_format"),
        (10, "订货日", "unknown_weekday"),
        (10, "档位", "grade_out_of_range"),
        (11, "客户编码", "duplicate_in_file"),
    }
    dup = next(p for p in report.problems if p.code == "duplicate_in_file")
    assert dup.params["first_row"] == 4
    assert journal.customers.count() == 0


def test_skip_invalid_imports_the_valid_rows(journal: Journal, tmp_path: Path) -> None:
    report = import_customers(journal, roster(tmp_path / "bad.xlsx", BAD), skip_invalid=True)
    assert report.applied
    assert report.rejected_rows == [7, 8, 9, 10, 11]
    assert sorted(c.code for c in journal.customers.list()) == [
        "230900000001",
        "230900000002",
        "230900000003",
    ]


def test_dry_run_changes_nothing(journal: Journal, tmp_path: Path) -> None:
    report = import_customers(journal, roster(tmp_path / "r.xlsx", GOOD), dry_run=True)
    assert report.dry_run and not report.applied and len(report.new) == 4
    assert journal.customers.count() == 0


def test_reimport_updates_by_code_without_duplicates(journal: Journal, tmp_path: Path) -> None:
    import_customers(journal, roster(tmp_path / "r1.xlsx", GOOD))
    first = {c.code: c for c in journal.customers.list()}
    newer = [list(r) for r in GOOD if r]
    newer[0][5] = "13999999999"  # phone changed
    newer[1][7] = "周二线路"  # moved to another route
    del newer[3]  # 宏达烟酒商行 left the list
    newer.insert(
        3,
        [
            9,
            "超市",
            "新开超市",
            "冯",
            "230902100010",
            "13911112222",
            "230900000010",
            "周二线路",
            "周二",
            12,
            "y",
            "城镇",
        ],
    )
    report = import_customers(journal, roster(tmp_path / "r2.xlsx", newer))
    assert report.applied
    assert report.new == ["230900000010"]
    assert sorted(report.updated) == ["230900000001", "230900000002"]
    assert report.unchanged == ["230900000003"]
    assert report.missing == ["230900000004"]  # reported, never deleted
    rows = {c.code: c for c in journal.customers.list()}
    assert len(rows) == 5
    assert rows["230900000001"].phone == "13999999999"
    assert rows["230900000001"].id == first["230900000001"].id
    assert rows["230900000002"].route_name == "周二线路"
    assert rows["230900000002"].route_position == 3  # appended after the route's customers
    assert rows["230900000004"].shop_name == "宏达烟酒商行"
    again = import_customers(journal, roster(tmp_path / "r2.xlsx", newer))
    assert again.new == [] and again.updated == [] and len(again.unchanged) == 4


def test_columns_absent_from_the_file_are_kept(journal: Journal, tmp_path: Path) -> None:
    import_customers(journal, roster(tmp_path / "r1.xlsx", GOOD))
    slim = roster(
        tmp_path / "slim.xlsx",
        [["230900000001", "张小便利店(新)"]],
        header=["客户编码", "客户名称"],
        title=False,
    )
    report = import_customers(journal, slim)
    assert report.updated == ["230900000001"]
    row = journal.customers.by_code("230900000001")
    assert row.shop_name == "张小便利店(新)"
    assert row.phone == "13904641234" and row.route_name == "周一线路" and row.grade == 8


def test_missing_required_column_is_fatal(journal: Journal, tmp_path: Path) -> None:
    path = roster(
        tmp_path / "nocode.xlsx",
        [["张小便利店", "张小"]],
        header=["客户名称", "负责人"],
        title=False,
    )
    report = import_customers(journal, path, skip_invalid=True)
    assert report.fatal and not report.applied
    assert [(p.code, p.column) for p in report.problems] == [("missing_column", "客户编码")]


def test_csv_in_gbk(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(
        "客户编码,客户名称,许可证号,订货日\n230900000001,张小便利店,230902100001,周一\n".encode(
            "gb18030"
        )
    )
    report = import_customers(journal, path)
    assert report.applied and report.new == ["230900000001"]
    assert journal.customers.by_code("230900000001").order_weekday == 1


def test_user_mapping_override(journal: Journal, tmp_path: Path) -> None:
    path = roster(
        tmp_path / "odd.xlsx",
        [["230900000001", "张小便利店", "张小"]],
        header=["客户编码", "客户名称", "老板"],
        title=False,
    )
    report = import_customers(journal, path, mapping={"owner_name": 2})
    assert report.applied
    assert journal.customers.by_code("230900000001").owner_name == "张小"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("random.xlsx", b"\x00\x01garbage" * 100, "not_a_workbook"),
        ("empty.xlsx", b"", "empty"),
        ("list.pdf", b"%PDF-1.4", "unsupported_type"),
    ],
)
def test_hostile_files_change_nothing(
    journal: Journal, db_path: Path, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    import_customers(journal, roster(tmp_path / "r.xlsx", GOOD))
    before = content_digest(db_path)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileRejected) as info:
        import_customers(journal, path)
    assert info.value.reason == reason
    assert content_digest(db_path) == before


def test_truncated_workbook_changes_nothing(
    journal: Journal, db_path: Path, tmp_path: Path
) -> None:
    good = roster(tmp_path / "r.xlsx", GOOD).read_bytes()
    before = content_digest(db_path)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(FileRejected) as info:
        import_customers(journal, path)
    assert info.value.reason in {"truncated", "not_a_workbook"}
    assert content_digest(db_path) == before
