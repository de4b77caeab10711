"""find_header / apply_mapping / normalize_header."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.headers import (
    HeaderMatch,
    apply_mapping,
    find_header,
    normalize_header,
)
from fieldbook.core.xlsx.table import RawRow, Table
from fieldbook.core.xlsx.tabular import read_table

ALIASES: dict[str, list[str]] = {
    "seq": ["序号"],
    "shop_name": ["客户名称", "店铺名称", "零售户名称"],
    "owner_name": ["负责人", "经营者", "业主姓名"],
    "phone": ["联系电话", "电话", "手机号"],
    "licence_no": ["许可证号", "许可证编号", "专卖许可证号", "license_no"],
    "grade": ["档位", "客户档位"],
    "format": ["经营业态", "业态"],
    "notes": ["备注"],
}


def table(*rows: tuple[object, ...], start: int = 1) -> Table:
    return Table("mem.xlsx", "S", [RawRow(start + i, row) for i, row in enumerate(rows)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("许可证号", "许可证号"),
        (" 许可证号* ", "许可证号"),
        ("*许可证号：", "许可证号"),
        ("许可证号(*)", "许可证号"),
        ("联系 电话:", "联系电话"),
        ("许可证号（12位）", "许可证号(12位)"),
        ("许可证号【必填】", "许可证号(必填)"),
        ("License_No", "license_no"),
        ("ＬＩＣＥＮＳＥ　ＮＯ", "licenseno"),
        (None, ""),
    ],
)
def test_normalize_header(text: object, expected: str) -> None:
    assert normalize_header(text) == expected


def test_messy_roster_header(messy_roster: Path) -> None:
    match = find_header(read_table(messy_roster), ALIASES, required=["licence_no", "shop_name"])
    assert (match.row_index, match.row_number) == (2, 4)  # title and info rows skipped
    assert match.columns == {
        "seq": 0,
        "owner_name": 1,
        "shop_name": 2,
        "phone": 3,
        "licence_no": 4,
        "grade": 5,
        "format": 6,
        "notes": 7,
    }
    assert match.labels["licence_no"] == "许可证号*"
    assert match.labels["phone"] == "联系 电话："
    assert match.unknown == []
    assert match.missing_required == []


def test_exact_before_contains_and_duplicates_go_to_unknown() -> None:
    match = find_header(
        table(("备用电话", "电话", "客户名称", "许可证号", "许可证号", "零售户名称")),
        ALIASES,
    )
    assert match.columns["phone"] == 1  # the exact "电话" beats "备用电话" (contains 电话)
    assert match.columns["licence_no"] == 3  # first occurrence wins
    assert match.columns["shop_name"] == 2
    assert match.unknown == ["备用电话", "许可证号", "零售户名称"]


def test_contains_longest_alias_wins() -> None:
    aliases = {"licence_no": ["许可证号"], "licence_expiry": ["许可证号有效期", "有效期"]}
    match = find_header(table(("许可证号有效期至", "专卖许可证号码")), aliases)
    assert match.columns == {"licence_expiry": 0, "licence_no": 1}


def test_contains_assigns_each_column_once() -> None:
    aliases = {"grade": ["档位"], "customer_grade": ["客户档"], "name": ["名称"]}
    match = find_header(table(("客户档位", "店铺名称", "档位备注")), aliases)
    # "客户档位" holds both 档位 and 客户档 (longer, wins); 档位 then takes "档位备注".
    assert match.columns == {"customer_grade": 0, "name": 1, "grade": 2}


def test_best_row_wins_and_ties_go_to_the_earliest() -> None:
    rows = (
        ("客户名单", None),
        ("客户名称", "负责人"),  # 2 fields
        ("客户名称", "负责人", "许可证号"),  # 3 fields: the header
        ("店铺名称", "经营者", "许可证编号"),  # also 3, later: not chosen
    )
    match = find_header(table(*rows, start=3), ALIASES)
    assert (match.row_index, match.row_number) == (2, 5)


def test_scan_rows_limits_the_search() -> None:
    rows = [(f"第{n}行",) for n in range(5)] + [("客户名称", "许可证号")]
    t = table(*rows)
    assert find_header(t, ALIASES).row_index == 5
    with pytest.raises(FileRejected) as info:
        find_header(t, ALIASES, required=["licence_no"], scan_rows=5)
    assert info.value.reason == "no_header"
    assert info.value.data["expected"] == ["许可证号"]


def test_one_matching_field_is_not_a_header_unless_it_is_all_required() -> None:
    t = table(("七台河市烟草公司 客户名单",), ("许可证号", "随便"), ("230902100001", "x"))
    with pytest.raises(FileRejected) as info:
        find_header(t, ALIASES)
    assert info.value.reason == "no_header"
    assert info.value.data["expected"][:2] == ["序号", "客户名称"]  # no required: all fields
    match = find_header(t, ALIASES, required=["licence_no"])
    assert (match.row_number, match.columns, match.unknown) == (2, {"licence_no": 0}, ["随便"])


def test_missing_required_is_reported_not_raised() -> None:
    match = find_header(
        table(("客户名称", "负责人", "档位")),
        ALIASES,
        required={"phone", "licence_no", "shop_name"},
    )
    assert match.missing_required == ["phone", "licence_no"]  # in the order of the aliases


def test_empty_table_has_no_header() -> None:
    with pytest.raises(FileRejected) as info:
        find_header(table(), ALIASES, required=["shop_name", "licence_no"])
    assert info.value.reason == "no_header"
    assert info.value.data["expected"] == ["客户名称", "许可证号"]


def test_number_cells_in_header_row() -> None:
    match = find_header(table(("客户名称", 2026, "许可证号", None, "  ")), ALIASES)
    assert match.columns == {"shop_name": 0, "licence_no": 2}
    assert match.unknown == ["2026"]


def _match() -> HeaderMatch:
    return find_header(
        table(("店名", "负责人", "许可证号", "电话号码", "备注")),
        ALIASES,
        required=["shop_name", "licence_no", "phone"],
    )


def test_apply_mapping_fixes_and_unmaps() -> None:
    match = _match()
    assert match.missing_required == ["shop_name"]
    assert match.columns == {"owner_name": 1, "licence_no": 2, "phone": 3, "notes": 4}
    fixed = apply_mapping(match, {"shop_name": 0, "notes": None})
    assert fixed.columns == {"owner_name": 1, "licence_no": 2, "phone": 3, "shop_name": 0}
    assert fixed.labels["shop_name"] == "店名"
    assert fixed.unknown == ["备注"]
    assert fixed.missing_required == []
    assert (fixed.row_index, fixed.row_number) == (match.row_index, match.row_number)
    assert match.columns["notes"] == 4  # the original is unchanged


def test_apply_mapping_moves_a_column_between_fields() -> None:
    fixed = apply_mapping(_match(), {"shop_name": 1})
    assert fixed.columns["shop_name"] == 1
    assert "owner_name" not in fixed.columns  # column 1 can belong to one field only
    assert fixed.unknown == ["店名"]
    unmapped = apply_mapping(fixed, {"licence_no": None})
    assert unmapped.missing_required == ["licence_no"]


def test_apply_mapping_rejects_bad_overrides() -> None:
    with pytest.raises(ValueError):
        apply_mapping(_match(), {"shop_name": 0, "notes": 0})
    with pytest.raises(ValueError):
        apply_mapping(_match(), {"shop_name": -1})
