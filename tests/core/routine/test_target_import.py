"""``import targets``: the company's target workbook, wide (a column per figure) or long
(指标 + 任务), with a class and a SKU; bad rows named by row and column, nothing half-imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_data import write_workbook

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.routine.target_import import import_targets
from fieldbook.core.routine.targets import TargetRow
from fieldbook.messages import describe_problem

WIDE = ["客户经理", "月份", "价类", "卷烟", "销量任务(条)", "金额任务(元)", "单条值"]
LONG = ["员工编号", "月份", "价类", "卷烟", "指标", "任务"]


def test_a_wide_file_imports_every_scope(world: Journal, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "targets.xlsx",
        WIDE,
        [
            ["王建国", "2026年12月", "", "", 12500, 2_500_000, 200],
            ["QTH001", "2026-12", "一类", "", 1500, "", ""],
            ["王建国", "2026-12", "", "中华(硬)", 300, "", ""],
            ["李四", "2026-12", "", "", 9000, "", ""],  # another manager's row
        ],
        title="2026年12月客户经理销量任务分解表",
    )
    dry = import_targets(world, path, dry_run=True)
    assert dry.problems == [] and not dry.applied
    assert world.targets.list("2026-12") == []
    report = import_targets(world, path)
    assert report.applied and report.outside == ["李四"]
    assert sorted(report.new) == ["2026-12 价类1", "2026-12 全月", "2026-12 卷烟13100101"]
    assert world.targets.list("2026-12") == [
        TargetRow("2026-12", "class", "1", 1500, None, None),
        TargetRow("2026-12", "sku", "13100101", 300, None, None),
        TargetRow("2026-12", "total", "", 12500, 250_000_000, 20_000),
    ]
    again = import_targets(world, path)
    assert len(again.unchanged) == 3 and not again.applied


def test_a_long_file_makes_one_target_of_its_rows(world: Journal, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "long.xlsx",
        LONG,
        [
            ["QTH001", "2026-12", "", "", "销量", 12500],
            ["QTH001", "2026-12", "", "", "金额", 2_500_000],
            ["QTH001", "2026-12", "", "", "销量(箱)", 260],  # the same figure twice
        ],
    )
    report = import_targets(world, path)
    assert not report.applied
    assert [describe_problem(p, "zh_CN") for p in report.problems] == [
        "第 4 行，指标：与第 2 行是同一个任务"
    ]
    assert world.targets.list("2026-12") == []
    path = write_workbook(tmp_path / "long2.xlsx", LONG, [r[:6] for r in [
        ["QTH001", "2026-12", "", "", "销量(箱)", 250],
        ["QTH001", "2026-12", "", "", "金额", 2_500_000],
    ]])  # fmt: skip
    assert import_targets(world, path).applied
    assert world.targets.list("2026-12") == [
        TargetRow("2026-12", "total", "", 12500, 250_000_000, None)
    ]


def test_bad_rows_are_named_and_nothing_is_imported(world: Journal, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "bad.xlsx",
        WIDE,
        [
            ["王建国", "2026-12", "", "", 12500, "", ""],  # good
            ["王建国", "2026-13", "", "", 100, "", ""],
            ["王建国", "2026-12", "六类", "", 100, "", ""],
            ["王建国", "2026-12", "", "没有的烟", 100, "", ""],
            ["王建国", "2026-12", "二类", "", -5, "", ""],
            ["王建国", "2026-12", "三类", "", 12.5, "", ""],
            ["王建国", "2026-12", "四类", "", "", "", ""],
        ],
    )
    report = import_targets(world, path)
    lines = [describe_problem(p, "zh_CN") for p in report.problems]
    assert lines == [
        "第 3 行，月份：月份格式不对（如 2026-11）（“2026-13”）",
        "第 4 行，价类：未知的价类（“六类”）",
        "第 5 行，卷烟：没有这个卷烟规格（“没有的烟”）",
        "第 6 行，销量任务(条)：应为正数（“-5”）",
        "第 7 行，销量任务(条)：无法识别的值（“12.5”）",
        "第 8 行，销量任务(条)：销量任务、金额任务、单条值至少填一项",
    ]
    assert not report.applied
    assert world.targets.list("2026-12") == []
    kept = import_targets(world, path, skip_invalid=True)
    assert kept.applied and kept.new == ["2026-12 全月"]


def test_a_column_in_wan_is_converted_or_refused(world: Journal, tmp_path: Path) -> None:
    """金额任务(万元) is read ×10,000; 销量任务(万支) cannot be read as 条 — the import stops
    rather than saving a target 10,000 (or 50) times too small (they were read as 元 / 条)."""
    header = ["客户经理", "月份", "金额任务(万元)"]
    wan = write_workbook(tmp_path / "wan.xlsx", header, [["王建国", "2026-12", 250.5]])
    assert import_targets(world, wan).applied
    assert world.targets.list("2026-12")[0].amount_fen == 2_505_000_00  # 250.5 万元
    sticks = write_workbook(
        tmp_path / "sticks.xlsx",
        ["客户经理", "月份", "销量任务(万支)", "金额任务(元)"],
        [["王建国", "2027-01", 250, 3_000_000]],
    )
    for skip in (False, True):
        report = import_targets(world, sticks, skip_invalid=skip)
        assert not report.applied and report.fatal
        assert [describe_problem(p, "zh_CN") for p in report.problems] == [
            "第 1 行，销量任务(万支)：这一列的单位无法换算（万支）："
            "销量请用条或箱，金额请用元或万元"
        ]
    assert world.targets.list("2027-01") == []


def test_a_bad_figure_is_named_on_its_own_row_only(world: Journal, tmp_path: Path) -> None:
    """Row 2's −5 is row 2's problem; row 3 repeats the target (its 1,200 is not −5)."""
    path = write_workbook(
        tmp_path / "t.xlsx",
        ["客户经理", "月份", "销量任务(条)"],
        [["王建国", "2026-12", -5], ["王建国", "2026-12", "1,200"]],
    )
    report = import_targets(world, path)
    assert [describe_problem(p, "zh_CN") for p in report.problems] == [
        "第 2 行，销量任务(条)：应为正数（“-5”）",
        "第 3 行，销量任务(条)：与第 2 行是同一个任务",
    ]
    assert not report.applied


def test_a_month_out_of_any_plausible_year_is_refused(world: Journal, tmp_path: Path) -> None:
    """An Excel date serial (46357 = 2026-12-01) in a number cell was read as 4635-07."""
    path = write_workbook(
        tmp_path / "t.xlsx", ["客户经理", "月份", "销量任务(条)"], [["王建国", 46357, 1200]]
    )
    report = import_targets(world, path)
    assert [describe_problem(p, "zh_CN") for p in report.problems] == [
        "第 2 行，月份：月份格式不对（如 2026-11）（“46357”）"
    ]
    assert not report.applied
    with pytest.raises(InvalidValue):
        world.targets.set(TargetInput("4635-07", cartons=10))
