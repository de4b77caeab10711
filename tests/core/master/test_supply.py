"""货源信息: states and band limits (checked with what and where), what a shop of a given 档位
is told, the audit of a change, and the 货源投放 import (good and bad rows), by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sample_data import SUPPLY_ROWS, supply_workbook

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.supply import (
    Band,
    SupplyInput,
    check_supply,
    for_grade,
    parse_bands,
    shop_line_text,
    week_start,
)
from fieldbook.core.master.supply_import import import_supply
from fieldbook.core.store.audit import history

MON = date(2026, 11, 30)


def sku_id(j: Journal, code: str) -> str:
    return next(r.id for r in j.catalog.list() if r.code == code)


def test_bands_read_as_typed_and_stored_canonically() -> None:
    assert parse_bands("1-7:1；8–12档限2条, 13~30:5") == (
        Band(1, 7, 1),
        Band(8, 12, 2),
        Band(13, 30, 5),
    )
    assert parse_bands("") == ()


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("8-12", "supply_band_format", "8-12"),  # no limit
        ("0-7:1", "supply_band_grades", "0-7:1"),
        ("12-8:1", "supply_band_grades", "12-8:1"),
        ("8-31:1", "supply_band_grades", "8-31:1"),
        ("8-12:0", "supply_band_cartons", "8-12:0"),
        ("8-12:200", "supply_band_cartons", "8-12:200"),
        ("1-8:1;8-12:2", "supply_band_overlap", "1–8、8–12"),
    ],
)
def test_a_bad_band_names_itself(text: str, code: str, value: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_bands(text)
    assert info.value.detail == code
    assert info.value.data["field"] == "limits" and info.value.data["value"] == value


def test_only_limited_has_bands_and_it_needs_them() -> None:
    assert check_supply(SupplyInput("limited", "8-12:2")) == ("limited", (Band(8, 12, 2),))
    with pytest.raises(InvalidValue, match="supply_limits_required"):
        check_supply(SupplyInput("limited", ""))
    with pytest.raises(InvalidValue, match="supply_limits_unwanted"):
        check_supply(SupplyInput("tight", "8-12:2"))
    with pytest.raises(InvalidValue, match="unknown_supply_state"):
        check_supply(SupplyInput("rationed"))


def test_two_shops_of_different_grades_are_told_their_own_limit(world: Journal) -> None:
    zhonghua = sku_id(world, "13100101")
    world.supply.set(zhonghua, SupplyInput("limited", "1-7:1;8-12:2;13-30:5", MON))
    world.supply.set(sku_id(world, "15300202"), SupplyInput("tight", "", MON))
    rows = world.supply.on(date(2026, 12, 2))
    grade_10 = shop_line_text(for_grade(rows, 10), 10)
    grade_20 = shop_line_text(for_grade(rows, 20), 20)
    no_grade = shop_line_text(for_grade(rows, None), None)
    assert grade_10 == ["本周紧俏：玉溪(硬)", "限量：中华(硬)，8–12 档限 2 条"]
    assert grade_20 == ["本周紧俏：玉溪(硬)", "限量：中华(硬)，13–30 档限 5 条"]
    assert no_grade[1] == (
        "限量：中华(硬)（档位未填：1–7 档限 1 条，8–12 档限 2 条，13–30 档限 5 条）"
    )
    assert world.supply.on(MON - date.resolution) == []  # not before it was set


def test_a_change_is_audited_and_holds_until_the_next(world: Journal) -> None:
    yuxi = sku_id(world, "15300202")
    world.supply.set(yuxi, SupplyInput("tight", "", MON))
    world.supply.set(yuxi, SupplyInput("stopped", "", MON + 7 * date.resolution))
    assert world.supply.of_sku(yuxi, MON + 3 * date.resolution).state == "tight"
    assert world.supply.of_sku(yuxi, MON + 8 * date.resolution).state == "stopped"
    trail = history(world, "sku_supply", yuxi)
    assert [(e.old_value, e.new_value) for e in trail] == [
        (None, "紧俏（2026-11-30 起）"),
        ("紧俏", "停供（2026-12-07 起）"),
    ]


def test_the_import_sets_every_state_from_the_monday(world: Journal, tmp_path: Path) -> None:
    report = import_supply(world, supply_workbook(tmp_path / "s.xlsx"), valid_from=MON)
    assert report.problems == [] and report.applied
    assert sorted(report.new) == [
        "13100101 中华(硬)：限量",
        "13900101 红金龙(硬新版)：停供",
        "15300202 玉溪(硬)：紧俏",
    ]
    assert report.unchanged == ["13300103 利群(硬新版)"]
    rows = {r.code: (r.state, r.bands) for r in world.supply.on(MON)}
    assert rows == {
        "13100101": ("limited", (Band(1, 7, 1), Band(8, 12, 2), Band(13, 30, 5))),
        "15300202": ("tight", ()),
        "13900101": ("stopped", ()),
    }
    assert len(history(world, "sku_supply", sku_id(world, "13100101"))) == 1
    # next week's list names only 玉溪: the others go back to 正常 from that Monday
    next_mon = MON + 7 * date.resolution
    again = import_supply(
        world, supply_workbook(tmp_path / "n.xlsx", [SUPPLY_ROWS[3]]), valid_from=next_mon
    )
    assert sorted(again.missing) == ["13100101 中华(硬)", "13900101 红金龙(硬新版)"]
    assert [r.code for r in world.supply.on(next_mon)] == ["15300202"]
    assert len(world.supply.on(MON)) == 3  # last week's stays as it was


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(
    world: Journal, tmp_path: Path
) -> None:
    bad = [
        ["13100101", "中华(硬)", "限量", "1-7", 1],  # row 3: good
        ["99999999", "", "紧俏", "", ""],  # row 4: no such SKU
        ["15300202", "玉溪(硬)", "紧张供应", "", ""],  # row 5: unknown state
        ["13100101", "中华(硬)", "限量", "5-9", 2],  # row 6: overlaps 1-7
        ["13300103", "利群(硬新版)", "限量", "8-12", ""],  # row 7: no limit
        ["13900101", "红金龙(硬新版)", "停供", "8-12", 2],  # row 8: a band on 停供
        ["13600111", "红塔山(硬经典100)", "限量", "8-12", 500],  # row 9: limit too big
    ]
    report = import_supply(world, supply_workbook(tmp_path / "b.xlsx", bad), valid_from=MON)
    found = [(p.row, p.column, p.code) for p in report.problems]
    assert found == [
        (4, "卷烟代码", "unknown_sku"),
        (5, "货源状态", "unknown_supply_state"),
        (6, "档位", "supply_band_overlap"),
        (7, "限量(条)", "required"),
        (8, "档位", "supply_limits_unwanted"),
        (9, "限量(条)", "supply_band_cartons"),
    ]
    assert not report.applied
    assert world.supply.on(MON) == []


def test_the_default_start_is_this_weeks_monday() -> None:
    assert week_start(date(2026, 12, 3)) == MON
    assert week_start(MON) == MON


def test_skipping_a_bad_row_never_resets_or_half_changes_its_sku(
    world: Journal, tmp_path: Path
) -> None:
    """With skip_invalid, a SKU the file names on a bad row keeps what it had (not reset to
    正常 as if unnamed, not left with only its good bands); a row whose SKU cannot be told
    (a typo in the code) withholds the reset of the SKUs not named — it may be one of them."""
    import_supply(world, supply_workbook(tmp_path / "s.xlsx"), valid_from=MON)
    before = {r.code: (r.state, r.bands) for r in world.supply.on(MON)}
    next_mon = MON + 7 * date.resolution
    rows = [
        ["13100101", "中华(硬)", "限量", "1-7", 1],
        ["13100101", "中华(硬)", "限量", "8-12", "两"],  # bad: 中华 keeps its three bands
        ["15300202", "玉溪(硬)", "紧俏", "", ""],
    ]
    report = import_supply(
        world, supply_workbook(tmp_path / "n.xlsx", rows), valid_from=next_mon, skip_invalid=True
    )
    assert report.applied and [p.row for p in report.problems] == [4]
    now = {r.code: (r.state, r.bands) for r in world.supply.on(next_mon)}
    assert now["13100101"] == before["13100101"]
    assert "13900101" not in now  # not named, every row's SKU known: back to 正常
    typo = [["13100102", "中华(硬", "限量", "1-7", 1], ["15300202", "玉溪(硬)", "紧俏", "", ""]]
    later = next_mon + 7 * date.resolution
    report = import_supply(
        world, supply_workbook(tmp_path / "t.xlsx", typo), valid_from=later, skip_invalid=True
    )
    assert report.applied and report.missing == []
    assert world.supply.on(later) == world.supply.on(next_mon)
    # a state misspelt: the row is dropped before its SKU is read — nothing is reset either
    misspelt = [
        ["13100101", "中华(硬)", "限亮", "1-7", 1],
        ["15300202", "玉溪(硬)", "紧俏", "", ""],
    ]
    last = later + 7 * date.resolution
    report = import_supply(
        world, supply_workbook(tmp_path / "m.xlsx", misspelt), valid_from=last, skip_invalid=True
    )
    assert report.applied and report.missing == []
    assert world.supply.on(last) == world.supply.on(next_mon)
