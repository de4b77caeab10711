"""价格监测 in the week and month workbooks and on the week's figures, by hand: 价格到位率,
明码标价率, the count of 价格偏离 and the 价格偏离 sheet (SKU, shop, direction, amount), and the
规格观察 sheet's guide price and 价格执行 — the same numbers the week page shows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from sample_data import priced_visit

from fieldbook.core.journal import Journal
from fieldbook.core.reports.week import export_month, export_week
from fieldbook.core.reports.week_detail import SHEET_GRID_DATA
from fieldbook.core.reports.week_prices import SHEET_PRICES
from fieldbook.core.reports.week_rows import SHEET_GRID
from fieldbook.core.routine.week import label_for
from fieldbook.core.routine.week_figures import figures_from_json, figures_json

MON = date(2026, 11, 30)


def sheet(path: Path, name: str) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def figure(rows: list[list[Any]], label: str) -> Any:
    for r in rows:
        for i, c in enumerate(r[:-1]):
            if c == label:
                return next(x for x in r[i + 1 :] if x != "")
    raise AssertionError(label)


@pytest.fixture
def priced(world: Journal, open_answers: dict[str, object]) -> Journal:
    # M001: 中华 45.00 → 50.00 (+11.1 %), 玉溪 23.00 at guide; tags complete
    priced_visit(world, "M001", {"中华(硬)": 5000, "玉溪(硬)": 2300}, open_answers)
    # M002: 玉溪 23.00 → 21.00 (-8.7 %); tags 部分缺失
    priced_visit(world, "M002", {"玉溪(硬)": 2100}, {**open_answers, "price_tags": "部分缺失"})
    return world


def test_the_week_workbook_and_page_figures(priced: Journal, tmp_path: Path) -> None:
    label = label_for(MON)
    path = export_week(priced, label, tmp_path / "周报.xlsx")
    form = sheet(path, "周报")
    assert figure(form, "价格到位率") == pytest.approx(1 / 3)  # 1 of 3 prices at guide
    assert figure(form, "明码标价率") == pytest.approx(1 / 2)  # 1 of 2 visits
    rows = sheet(path, SHEET_PRICES)
    assert rows[0][4:] == [
        "卷烟代码",
        "卷烟名称",
        "售价（元/包）",
        "指导价（元/包）",
        "方向",
        "差额（元/包）",
        "偏离",
    ]
    assert [r[2:] for r in rows[1:]] == [
        ["M001", "周一店1", "13100101", "中华(硬)", 50.0, 45.0, "高于指导价", 5.0, "+11.1%"],
        ["M002", "周一店2", "15300202", "玉溪(硬)", 21.0, 23.0, "低于指导价", 2.0, "-8.7%"],
    ]
    assert figure(form, "价格偏离（个，见“价格偏离”表）") == len(rows) - 1 == 2
    assert figure(form, "其中高于指导价") == 1
    grid = sheet(path, SHEET_GRID_DATA)
    assert grid[0][-3:] == ["零售价（元/包）", "指导价（元/包）", "价格执行"]
    seen = [(r[5], r[-3], r[-2], r[-1]) for r in grid[1:] if r[-3] != ""]
    assert sorted(seen) == [
        ("中华(硬)", 50.0, 45.0, "偏离（高于）"),
        ("玉溪(硬)", 21.0, 23.0, "偏离（低于）"),
        ("玉溪(硬)", 23.0, 23.0, "到位"),
    ]
    # the printed 规格观察: a row per visit, adding up to the same (decision 0024)
    per_shop = sheet(path, SHEET_GRID)
    assert per_shop[0][-3:] == ["价格到位", "价格偏离", "明码标价"]
    assert sum(r[-3] for r in per_shop[1:]) == 1 and sum(r[-2] for r in per_shop[1:]) == 2
    assert sorted(r[-1] for r in per_shop[1:] if r[-1]) == ["不规范", "规范"]
    # the week's figures (the week page) count the same
    f = priced.weeks.figures(label)
    assert (f.prices.counts.seen, f.prices.counts.at_guide) == (3, 1)
    assert (f.prices.counts.tag_visits, f.prices.counts.tags_complete) == (2, 1)
    assert [d.text for d in f.prices.deviations] == [
        "高于指导价 5.00 元（+11.1%）",
        "低于指导价 2.00 元（-8.7%）",
    ]
    # 本月: the month the report week ends in (December), to the week's end — 11-30 is not in it
    assert f.prices_month.counts.seen == 0 and f.prices_month.counts.price_rate is None


def test_the_month_workbook(priced: Journal, tmp_path: Path) -> None:
    path = export_month(priced, "2026-11", tmp_path / "月报.xlsx")
    form = sheet(path, "月报")
    assert figure(form, "价格到位率") == pytest.approx(1 / 3)
    assert figure(form, "明码标价率") == pytest.approx(1 / 2)
    assert len(sheet(path, SHEET_PRICES)) == 3
    empty = export_month(priced, "2026-10", tmp_path / "十月.xlsx")
    october = sheet(empty, "月报")
    assert figure(october, "价格到位率") == "—" and figure(october, "明码标价率") == "—"


def test_a_submitted_reports_snapshot_keeps_the_prices(priced: Journal) -> None:
    f = priced.weeks.figures(label_for(MON))
    again = figures_from_json(json.loads(figures_json(f)))
    assert again.prices == f.prices and again.prices_month == f.prices_month
    assert again.prices.deviations[0].visit_date == MON
    # a report submitted before prices were compared reads as "nothing counted"
    old = json.loads(figures_json(f))
    del old["prices"], old["prices_month"]
    assert figures_from_json(old).prices.counts.price_rate is None


def test_the_findings_section_counts_shops_as_the_page_does(
    world: Journal, open_answers: dict[str, object], tmp_path: Path
) -> None:
    # one visit, two prices off (中华 +11.1 %, 玉溪 -8.7 %): two grid findings and the
    # derived 普遍偏离's own — one shop with 价格偏离, on the page and in the workbook
    priced_visit(world, "M001", {"中华(硬)": 5000, "玉溪(硬)": 2100}, open_answers)
    label = label_for(MON)
    assert world.weeks.figures(label).findings["价格偏离"] == 1
    form = sheet(export_week(world, label, tmp_path / "周报.xlsx"), "周报")
    assert figure(form, "价格偏离") == 1
