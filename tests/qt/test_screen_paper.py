"""Screen and paper agree (issue 18): every figure the week page and the day log page show is
the same number as the same figure on the week workbook's 周报 form and the day's 工作日志 form
(by label), on a seeded demo where slips are overdue and findings are many; one computation
feeds both (routine.week_figures,
routine.period_figures, checklist.count_findings; decision 0025)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from demo_databases import Demo
from python_calamine import CalamineWorkbook
from qt_support import make_ctx, show_widget

from fieldbook.core.journal import Journal
from fieldbook.core.reports.day import export_day
from fieldbook.core.reports.week import export_week
from fieldbook.core.routine.week import label_for
from fieldbook.core.slips.rules import slip_rules
from fieldbook.qt.pages.daylog_page import DayLogPage
from fieldbook.qt.pages.week_page import WeekPage

THURSDAY = date(2026, 12, 3)  # the report week 2026-W49: Friday 11-27 .. Thursday 12-03
DEMO = Demo(seed=1, weeks=8, today=THURSDAY)
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


@pytest.fixture
def demo(open_demo) -> Journal:
    return open_demo(DEMO)


@pytest.fixture
def page(qtbot, demo: Journal) -> Iterator[WeekPage]:
    ctx = make_ctx(demo, THURSDAY)
    yield show_widget(qtbot, WeekPage(ctx), (1400, 900), "ready")
    ctx.hub.detach()


@pytest.fixture
def form(demo: Journal, tmp_path: Path) -> list[list[Any]]:
    path = export_week(demo, label_for(THURSDAY), tmp_path / "周报.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name("周报").to_python(skip_empty_area=False)


def numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in NUMBER.findall(text)]


def figure(rows: list[list[Any]], label: str) -> Any:
    """The value right of ``label`` on the form."""
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            if cell == label:
                return next(x for x in row[i + 1 :] if x != "")
    raise AssertionError(f"no {label} on the form")


def table(rows: list[list[Any]], banner: str) -> list[list[Any]]:
    """The non-empty cells of the rows under the form's section ``banner`` (to the next)."""
    start = next(i for i, r in enumerate(rows) if str(r[0]).startswith(banner))
    out: list[list[Any]] = []
    for row in rows[start + 1 :]:
        if re.match(r"^[一二三四五六七八九]、", str(row[0])):
            break
        out.append([c for c in row if c != ""])
    return out


def percent(value: Any) -> str:
    return "—" if value == "—" else f"{float(value) * 100:.1f}%"


def test_every_week_page_figure_is_the_workbooks(page: WeekPage, form: list[list[Any]]) -> None:
    shown = page.figures.text_of
    # 拜访: planned, done, rate
    planned, visited, *_ = numbers(shown("visits"))
    assert (planned, visited) == (figure(form, "拜访计划（户）"), figure(form, "完成（户）"))
    assert percent(figure(form, "完成率")) in shown("visits")
    # 覆盖客户 / 在册客户
    assert numbers(shown("coverage")) == [
        figure(form, "覆盖客户（户）"),
        figure(form, "在册客户（户）"),
    ]
    assert numbers(shown("minutes")) == [figure(form, "平均每户（分钟）")]
    assert numbers(shown("days")) == [figure(form, "出勤天数")]
    assert numbers(shown("photos")) == [figure(form, "店面照片（张）")]
    # 订货: cartons, amount, per carton; last week's
    cartons, amount, per = numbers(shown("orders"))
    assert cartons == figure(form, "订货量（条）") > 0
    assert amount == pytest.approx(figure(form, "金额（元）"))
    assert per == pytest.approx(figure(form, "单条值（元/条）"), abs=0.005)
    change = numbers(shown("change"))
    assert change[1] == figure(form, "上期订货量（条）")
    assert change[-1] == pytest.approx(figure(form, "上期金额（元）"))
    # 订货率 over the days with imported orders, and the days missing
    rate = figure(form, "订货率")
    assert shown("order_rate").startswith(percent(rate))
    missing = figure(form, "未导入订单（天）")
    assert (f"{int(missing)} 天未导入订单" in shown("order_rate")) == (missing > 0)
    fill = figure(form, "满足率（订货量÷需求量）")
    if fill == "无需求量数据":
        assert shown("fill_rate") == fill
    else:
        assert shown("fill_rate").startswith(percent(fill))
    # 价格到位率, 明码标价率 (this week), 价格偏离
    assert shown("price_rate").startswith(f"本周 {percent(figure(form, '价格到位率'))}")
    assert shown("tag_rate").startswith(f"本周 {percent(figure(form, '明码标价率'))}")
    # 走访发现: each finding's visits, as on the form's 三、发现问题
    found = table(form, "三、发现问题")
    on_paper = {row[k]: row[k + 1] for row in found for k in range(0, len(row) - 1, 2)}
    on_screen = {
        name: float(n)
        for name, n in (item.rsplit(" ", 1) for item in shown("findings").split("、"))
    }
    assert on_screen and on_screen == on_paper
    assert on_screen.get("疑似违规") == on_paper.get("疑似违规")
    # 反馈单 by department: opened, done, overdue at the period's end
    names = set(slip_rules().departments.values())
    slips = {r[0]: r[1:4] for r in table(form, "四、反馈单") if r and r[0] in names}
    screen_slips = {
        dept: [float(a), float(b), float(c)]
        for dept, a, b, c in re.findall(
            r"([^；：]+)：新开 (\d+)，办结 (\d+)，超期 (\d+)", shown("slips")
        )
    }
    assert screen_slips == slips
    assert any(v[2] for v in slips.values())  # overdue slips: the seeded case
    # 忽略的建议, 跟踪事项
    dismissed = figure(form, "忽略的建议反馈单")
    if dismissed:
        assert numbers(shown("dismissed"))[0] == dismissed
    else:
        assert shown("dismissed") == "无"
    opened, closed = numbers(shown("followups"))
    assert (opened, closed) == (figure(form, "跟踪事项新增"), figure(form, "跟踪事项关闭"))


WEDNESDAY = date(2026, 12, 2)  # a full day of the demo: visits, orders, slips, a return
#: the day page's indicator tiles and the labels of the same figures on the 工作日志 form
TILE_LABELS = {
    "due": "应订货户数",
    "ordered": "订货户数",
    "order_rate": "订货率",
    "cartons": "订货量（条）",
    "amount": "金额（元）",
    "per_carton": "单条值（元/条）",
    "fill_rate": "满足率（订货量÷需求量）",
}


@pytest.fixture
def day_page(qtbot, demo: Journal) -> Iterator[DayLogPage]:
    ctx = make_ctx(demo, WEDNESDAY)
    yield show_widget(qtbot, DayLogPage(ctx), (1400, 900), "ready")
    ctx.hub.detach()


@pytest.fixture
def day_form(demo: Journal, tmp_path: Path) -> list[list[Any]]:
    path = export_day(demo, WEDNESDAY, tmp_path / "工作日志.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name("工作日志").to_python(skip_empty_area=False)


def cells_of(rows: list[list[Any]], label: str) -> list[Any]:
    """The non-empty cells of the form's first row starting with ``label``, after it."""
    for row in rows:
        filled = [c for c in row if c != ""]
        if filled and filled[0] == label:
            return filled[1:]
    raise AssertionError(f"no row {label} on the form")


def paper_text(key: str, value: Any) -> str:
    """A form's cell as the page's tile writes it (daylog_format.tile_text)."""
    if value in ("", "—", None):
        return "—"
    if key in ("due", "ordered", "cartons"):
        return f"{int(value):,}"
    if key in ("order_rate", "fill_rate"):
        return f"{float(value) * 100:.1f}%"
    return f"{float(value):,.2f}"


def test_every_day_page_figure_is_the_workbooks(
    day_page: DayLogPage, day_form: list[list[Any]]
) -> None:
    facts = day_page.facts.text_of
    planned, done, skipped = numbers(facts("visits"))[:3]
    assert planned == figure(day_form, "计划走访（户）") > 0
    assert done == figure(day_form, "已走访（户）")
    assert skipped == figure(day_form, "未走访（户）")
    assert numbers(facts("average"))[0] == figure(day_form, "户均分钟")
    assert facts("first_arrival").startswith(figure(day_form, "到达片区"))
    assert facts("returned").startswith(figure(day_form, "回到单位"))
    # 「5小时59分（07:30–13:59）」 on paper, the page adds the standard
    assert facts("field_time").startswith(str(figure(day_form, "在片区工作时间")).rstrip("）"))
    assert facts("findings") == figure(day_form, "发现的问题")
    assert facts("slips").split("\n") == str(figure(day_form, "新建反馈单")).split("\n")
    assert numbers(facts("followups")) == [figure(day_form, "关闭跟踪事项")]
    tiles = day_page.indicators.tiles
    for key, label in TILE_LABELS.items():
        today, last_week, _, month = cells_of(day_form, label)[:4]
        tile = tiles[key]
        assert tile.value.text() == paper_text(key, today), label
        assert tile.week.text() == paper_text(key, last_week), label
        assert tile.month.text() == paper_text(key, month), label
