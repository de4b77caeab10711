"""The Thursday workbook (周报 + 按日, 走访明细, 规格观察, 发现问题, 反馈单, 订单), re-opened with
python-calamine (values) and openpyxl (types): the summary equals what the detail sheets add
up to, charts are native, user text never becomes a formula, the file is private and
LibreOffice can print it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sample_data import orders_workbook, write_photo

from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_changes import ChangeBasis
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.reports.week import export_month, export_week
from fieldbook.core.reports.week_detail import SHEET_ANSWERS, SHEET_GRID_DATA, SHEET_ORDER_SUMMARY
from fieldbook.core.reports.week_prices import SHEET_PRICES
from fieldbook.core.reports.week_rows import (
    SHEET_DAYS,
    SHEET_FINDINGS,
    SHEET_GRID,
    SHEET_ORDERS,
    SHEET_SLIPS,
    SHEET_VISITS,
)
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.routine.week import label_for
from fieldbook.core.slips.service import SlipInput

MON = date(2026, 11, 30)
HOSTILE = '=HYPERLINK("http://x","y")'
LINES = [
    ["2026-11-30", "M001", "周一店1", "13100101", "中华(硬)", 2, 763.20],
    ["2026-11-30", "M001", "周一店1", "13600111", "红塔山(硬经典100)", 5, 485.00],
    ["2026-11-30", "M999", HOSTILE, "13900101", "红金龙(硬新版)", 4, 178.00],
    ["2026-12-01", "T001", "周二店1", "13600112", "白沙(硬精品)", 10, 880.00],
]
SHEETS = [
    "周报",
    SHEET_DAYS,
    SHEET_VISITS,
    SHEET_ANSWERS,
    SHEET_GRID,
    SHEET_FINDINGS,
    SHEET_SLIPS,
    SHEET_ORDER_SUMMARY,
    SHEET_PRICES,
    SHEET_ORDERS,  # hidden: the order lines are data, not printed
    SHEET_GRID_DATA,  # hidden: not printed (decision 0024)
]


def t(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30 {hm}")


@pytest.fixture
def week(world: Journal, open_answers: dict[str, object], tmp_path: Path) -> Journal:
    hostile = world.customers.create(
        CustomerInput(code="M999", shop_name=HOSTILE, route="周一线路", order_weekday=1)
    )
    plan = world.plans.build(MON)
    chosen = [s for s in plan.stops if s.customer_id == hostile.id] + [
        s for s in plan.stops if s.customer_id != hostile.id
    ][:2]
    times = [("07:41", "07:52"), ("08:00", "08:09"), ("08:15", "08:26")]
    for n, (stop, (a, b)) in enumerate(zip(chosen, times, strict=True)):
        v = world.visits.start(stop.customer_id, at=t(a))
        world.visits.set_shop_status(v.id, "open")
        extra = {"price_compliance": "普遍偏离", "notes": HOSTILE} if n == 0 else {}
        world.visits.save_answers(v.id, {**open_answers, **extra})
        for row in world.visits.grid_skus(stop.customer_id)[:2]:
            world.visits.save_grid(v.id, row.sku_id, on_shelf=True, facings=2, price_fen=1100)
        world.visits.finish(v.id, at=t(b))
    orders = orders_workbook(tmp_path / "orders.xlsx", LINES, text_formulas=True)
    assert import_orders(world, orders).applied
    world.slips.create(
        SlipInput(
            "suspended",
            "店主装修暂停营业 " + HOSTILE,
            hostile.id,
            sub_reason="装修",
            effective_date=date(2026, 12, 1),
            return_date=date(2027, 1, 15),
        ),
        at=t("15:20"),
    )
    label = label_for(MON)
    world.weeks.save(
        label,
        narrative={"work_done": "走访周一线路", "problems": HOSTILE, "countermeasures": "加强"},
        next_plan={"key_customers": ["M999"], "other": HOSTILE},
    )
    return world


def sheet(path: Path, name: str) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def figure(rows: list[list[Any]], label: str) -> Any:
    """The value right of ``label`` on the summary form."""
    for r in rows:
        for i, c in enumerate(r[:-1]):
            if c == label:
                return next(x for x in r[i + 1 :] if x != "")
    raise AssertionError(label)


def test_sheets_headers_types_and_privacy(week: Journal, tmp_path: Path) -> None:
    path = export_week(week, label_for(MON), tmp_path / "周报.xlsx")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert CalamineWorkbook.from_path(str(path)).sheet_names == SHEETS
    days = sheet(path, SHEET_DAYS)
    assert days[0][:5] == ["日期", "星期", "工作日", "计划户数", "完成户数"]
    assert len(days) == 8 and isinstance(days[1][0], date)
    visits = sheet(path, SHEET_VISITS)
    assert visits[0][:4] == ["走访编号", "日期", "客户编码", "客户名称"]
    assert len(visits) == 4 and all(isinstance(r[1], date) for r in visits[1:])
    # 走访编号: month-day and the stop that day, in the order of arrival (decision 0024)
    assert [r[0] for r in visits[1:]] == ["11-30-01", "11-30-02", "11-30-03"]
    orders = sheet(path, SHEET_ORDERS)
    assert all(isinstance(r[7], float) and isinstance(r[6], int | float) for r in orders[1:])
    wb = openpyxl.load_workbook(path)
    for name in SHEETS[1:]:
        ws = wb[name]
        assert ws.freeze_panes and ws.auto_filter.ref.startswith("A1:")
    assert int(wb["周报"].page_setup.paperSize) == 9  # A4


def test_the_summary_equals_the_details(week: Journal, tmp_path: Path) -> None:
    label = label_for(MON)
    path = export_week(week, label, tmp_path / "周报.xlsx")
    form = sheet(path, "周报")
    assert form[1][0] == "周工作总结与计划" and form[2][0].startswith("2026年第")
    days = sheet(path, SHEET_DAYS)[1:]
    visits = sheet(path, SHEET_VISITS)[1:]
    orders = sheet(path, SHEET_ORDERS)[1:]
    cartons = sum(r[6] for r in orders)
    amount = sum(r[7] for r in orders)
    assert cartons == 21 and amount == pytest.approx(2306.20)
    # 订单（按客户）, what prints: a row per customer adding up its lines
    by_customer = sheet(path, SHEET_ORDER_SUMMARY)
    assert by_customer[0] == [
        "客户编码",
        "客户名称",
        "订货天数",
        "规格数",
        "订货量（条）",
        "金额（元）",
        "单条值（元/条）",
    ]
    assert [r[0] for r in by_customer[1:]] == sorted({r[1] for r in orders})
    assert sum(r[4] for r in by_customer[1:]) == cartons
    assert sum(r[5] for r in by_customer[1:]) == pytest.approx(amount)
    for code, _name, days_, skus, n, money, each in by_customer[1:]:
        mine = [r for r in orders if r[1] == code]
        assert (days_, skus) == (len({r[0] for r in mine}), len({r[3] for r in mine}))
        assert n == sum(r[6] for r in mine) and each == pytest.approx(money / n, abs=0.01)
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb[SHEET_ORDERS].sheet_state == "hidden"
    assert wb[SHEET_ORDER_SUMMARY].sheet_state == "visible"
    assert figure(form, "订货量（条）") == cartons == sum(r[8] for r in days)
    assert figure(form, "金额（元）") == pytest.approx(amount)
    assert sum(r[9] for r in days) == pytest.approx(amount)
    assert figure(form, "拜访计划（户）") == sum(r[3] for r in days)
    done = sum(1 for r in visits if r[4] == "是")
    assert figure(form, "完成（户）") == sum(r[4] for r in days) == done == 3
    assert figure(form, "走访次数") == len(visits) == 3
    assert figure(form, "完成（户）") == week.weeks.figures(label).visited
    assert figure(form, "完成率") == pytest.approx(3 / figure(form, "拜访计划（户）"))
    # each per-day row adds its own orders
    for r in days:
        assert r[8] == sum(o[6] for o in orders if o[0] == r[0])
    # findings and slips: the counts on the form are the rows of the tables
    findings = sheet(path, SHEET_FINDINGS)[1:]
    assert findings and {r[0] for r in findings} <= {r[0] for r in visits}
    grid = sheet(path, SHEET_GRID_DATA)[1:]
    assert sum(r[7] == "是" for r in grid) == 6 and {r[0] for r in grid} == {r[0] for r in visits}
    per_shop = sheet(path, SHEET_GRID)  # the printed summary: a row per visit
    assert per_shop[0][4:7] == ["观察规格", "在柜", "不在柜"]
    assert sum(r[5] for r in per_shop[1:]) == 6 and sum(r[4] for r in per_shop[1:]) == len(grid)
    assert {r[0] for r in per_shop[1:]} == {r[0] for r in visits}
    slips = sheet(path, SHEET_SLIPS)[1:]
    assert slips and figure(form, "跟踪事项新增") == week.weeks.figures(label).followups_opened
    assert figure(form, "本期新开（份）") == "本期办结"  # the header row of the slip table
    dept = slips[0][5]
    assert figure(form, dept) == sum(r[5] == dept for r in slips)  # opened in the week
    text = "\n".join(str(c) for r in form for c in r)
    assert "本周主要工作" in text and "走访周一线路" in text and "M999" in text


def test_the_form_sums_up_the_days_times(week: Journal, tmp_path: Path) -> None:
    # decision 0018: Monday back at the office at 15:20 is late against 15:00
    week.daylogs.record_return(MON, t("15:20"))
    form = sheet(export_week(week, label_for(MON), tmp_path / "w.xlsx"), "周报")
    row = next(r for r in form if r and r[0] == "工作时间")
    assert "回到单位按时 0 天、晚 1 天（11-30 15:20 晚 20 分钟）、未记录 0 天" in row[1]
    assert row[1].startswith("1 天：到达片区迟到")


def test_snapshot_and_corrections(week: Journal, tmp_path: Path) -> None:
    label = label_for(MON)
    week.weeks.submit(label)
    week.weeks.correct(label, "countermeasures", "加强陈列检查", reason="补充")
    form = sheet(export_week(week, label, tmp_path / "w.xlsx"), "周报")
    text = "\n".join(str(c) for r in form for c in r)
    assert "已提交" in text and "与明细一致" in text
    assert "加强陈列检查" in text and "补充" in text


def test_charts_are_native(week: Journal, tmp_path: Path) -> None:
    path = export_week(week, label_for(MON), tmp_path / "周报.xlsx")
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2
        xml = z.read(charts[0]).decode()
        zero_based = [('<min val="0"/>' in z.read(n).decode()) for n in charts]
    assert "按日" in xml and "barChart" in xml
    assert all(zero_based)  # a bar's length is its figure: the value axis starts at 0


def test_hostile_text_stays_text_everywhere(week: Journal, tmp_path: Path) -> None:
    path = export_week(week, label_for(MON), tmp_path / "周报.xlsx")
    wb = openpyxl.load_workbook(path)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate)
                seen += c.value == HOSTILE
    assert seen >= 5  # 走访明细 (name, notes), 规格观察, 发现问题, 订单, 反馈单, 周报
    for name in (SHEET_VISITS, SHEET_GRID_DATA, SHEET_FINDINGS, SHEET_ORDERS, SHEET_SLIPS):
        assert any(HOSTILE in r for r in sheet(path, name)), name


def test_month_has_the_same_layout(week: Journal, tmp_path: Path) -> None:
    path = export_month(week, "2026-11", tmp_path / "月报.xlsx")
    names = CalamineWorkbook.from_path(str(path)).sheet_names
    assert names == ["月报", *SHEETS[1:]]
    days = sheet(path, SHEET_DAYS)[1:]
    assert len(days) == 30 and days[-1][0] == MON
    orders = sheet(path, SHEET_ORDERS)[1:]
    assert sum(r[6] for r in orders) == 11  # the December line is next month's
    assert figure(sheet(path, "月报"), "订货量（条）") == 11


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.slow  # a LibreOffice child process
def test_libreoffice_prints_it(week: Journal, tmp_path: Path) -> None:
    path = export_week(week, label_for(MON), tmp_path / "周报.xlsx")
    out = tmp_path / "pdf"
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    proc = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    pdf = out / "周报.pdf"
    assert proc.returncode == 0, proc.stderr
    assert pdf.exists() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")


def test_cli_exports_any_period(week: Journal, tmp_path: Path, capsys: Any) -> None:
    from fieldbook.cli import main as cli

    url = week.url
    week.close()
    out = tmp_path / "年报.xlsx"
    args = ["--db", url, "export", "period", "--from", "2026-11-01", "--to", "2026-12-31"]
    assert cli.main([*args, "-o", str(out)]) == 0
    names = CalamineWorkbook.from_path(str(out)).sheet_names
    assert names == ["汇总", *SHEETS[1:]]
    assert len(sheet(out, SHEET_DAYS)) == 1 + 61
    assert sum(r[6] for r in sheet(out, SHEET_ORDERS)[1:]) == 21  # November and December
    assert figure(sheet(out, "汇总"), "订货量（条）") == 21

    bad = tmp_path / "bad.xlsx"
    back = ["--db", url, "export", "period", "--from", "2026-12-31", "--to", "2026-11-01"]
    assert cli.main([*back, "-o", str(bad)]) == 2
    assert "早于" in capsys.readouterr().err
    wrong = ["--db", url, "export", "period", "--from", "2026-02-30", "--to", "2026-03-01"]
    assert cli.main([*wrong, "-o", str(bad)]) == 2
    assert "日期格式不对" in capsys.readouterr().err
    assert not bad.exists()


def test_the_photo_count_on_the_form_is_the_week_page_figure(week: Journal, tmp_path: Path) -> None:
    label = label_for(MON)
    visit = week.visits.list_between(MON, MON)[0]
    shots = [write_photo(tmp_path / f"IMG_{n}.png", rgb=(n, n, n)) for n in range(3)]
    week.photos.add(visit.id, shots, reason="补拍的店面照片")
    path = export_week(week, label, tmp_path / "周报.xlsx")
    assert figure(sheet(path, "周报"), "店面照片（张）") == week.weeks.figures(label).photos == 3


def test_the_forms_minutes_and_coverage_are_the_week_page_figures(
    world: Journal, open_answers: dict[str, object], tmp_path: Path
) -> None:
    """One fact, one home: 平均每户 is the mean of the visits' exact minutes (not of minutes
    rounded visit by visit) and 覆盖客户 counts the customers in the register for the week
    visited (M002, closed after the week began, was still 在册 in it), as the page has them."""
    for code, a, b in (("M001", "08:00:00", "08:09:40"), ("M002", "08:15:00", "08:24:40")):
        v = world.visits.start(world.customers.by_code(code).id, at=t(a))
        world.visits.set_shop_status(v.id, "open")
        world.visits.save_answers(v.id, open_answers)
        world.visits.finish(v.id, at=t(b))
    closed = world.customers.by_code("M002")
    world.customers.update(
        closed.id,
        CustomerInput(code="M002", shop_name=closed.shop_name, route="周一线路", status="closed"),
        ChangeBasis(reason="店主转让，已停业"),
    )
    label = label_for(MON)
    page = world.weeks.figures(label)
    form = sheet(export_week(world, label, tmp_path / "周报.xlsx"), "周报")
    assert (page.average_minutes, page.customers_covered) == (9.7, 2)
    assert figure(form, "平均每户（分钟）") == page.average_minutes
    assert figure(form, "覆盖客户（户）") == page.customers_covered


def test_the_class_table_lists_every_class_in_order_as_the_page_has_it(
    week: Journal, tmp_path: Path
) -> None:
    """二、价类结构: 一类 … 五类 in class order, classes with no volume included, each share
    against the week before and the headline shares — the week page's computation."""
    before = [["2026-11-23", "M001", "周一店1", "13100101", "中华(硬)", 3, 1144.80]]
    assert import_orders(week, orders_workbook(tmp_path / "before.xlsx", before)).applied
    label = label_for(MON)
    form = sheet(export_week(week, label, tmp_path / "周报.xlsx"), "周报")
    at = next(i for i, r in enumerate(form) if r[0] == "价类")
    head = ["价类", "订货量（条）", "金额（元）", "", "占订货量", "上期占比", "较上期"]
    assert form[at][:7] == head
    table = form[at + 1 : at + 6]
    # this week: 一类 2, 三类 5 + 10, 四类 4 of 21; the week before: 一类 3 of 3
    assert [r[0] for r in table] == ["一类", "二类", "三类", "四类", "五类"]
    assert [r[1] for r in table] == [2, 0, 15, 4, 0]
    assert [r[4] for r in table] == pytest.approx([2 / 21, 0, 15 / 21, 4 / 21, 0])
    assert [r[5] for r in table] == pytest.approx([1.0, 0, 0, 0, 0])
    assert table[0][6] == pytest.approx((2 / 21 - 1) * 100)
    page = week.weeks.figures(label).structure
    assert [(r["name"], r["cartons"]) for r in page] == [(r[0], r[1]) for r in table]
    assert form[at + 6][0] == (
        "一二类占比 9.5%（较上期 -90.5 个百分点）；一二三类占比 81.0%（较上期 -19.0 个百分点）"
    )


def test_the_month_compares_its_classes_with_the_month_before(
    week: Journal, tmp_path: Path
) -> None:
    october = [["2026-10-26", "M001", "周一店1", "13600112", "白沙(硬精品)", 4, 352.00]]
    assert import_orders(week, orders_workbook(tmp_path / "oct.xlsx", october)).applied
    form = sheet(export_month(week, "2026-11", tmp_path / "月报.xlsx"), "月报")
    at = next(i for i, r in enumerate(form) if r[0] == "价类")
    # November: 一类 2, 三类 5, 四类 4 of 11; October: 三类 4 of 4
    table = form[at + 1 : at + 6]
    assert [r[1] for r in table] == [2, 0, 5, 4, 0]
    assert [r[5] for r in table] == pytest.approx([0, 0, 1.0, 0, 0])
    assert figure(form, "上期订货量（条）") == 4


def test_a_slip_names_its_source_visit_by_number(week: Journal, tmp_path: Path) -> None:
    """decision 0024: 来源走访编号 is the visit's number, as 走访明细 lists it, never its id."""
    first = next(v for v in week.visits.list_between(MON, MON) if v.customer_code == "M999")
    week.slips.create(
        SlipInput("other", "店主反映的情况", first.customer_id, source_visit_id=first.id),
        at=t("16:00"),
    )
    path = export_week(week, label_for(MON), tmp_path / "周报.xlsx")
    slips = sheet(path, SHEET_SLIPS)
    assert slips[0][-1] == "来源走访编号"
    assert {r[-1] for r in slips[1:]} == {"", "11-30-01"}
    assert sheet(path, SHEET_VISITS)[1][:3] == ["11-30-01", MON, "M999"]
