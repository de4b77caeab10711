"""The form standard (decision 0023) on every export: the unit, a title in Chinese date
notation, the period, the manager, 制表日期, signature boxes with 日期, A4 with a binding margin,
「第 N 页 共 M 页」, the 内部资料 mark (on by default), and no product name anywhere printed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.form_unit import FormUnit
from fieldbook.core.reports.customer_file import export_customer_file
from fieldbook.core.reports.day import export_day
from fieldbook.core.reports.department import export_department
from fieldbook.core.reports.official import (
    BINDING_MM,
    EDGE_MM,
    _header_fits,
    date_text,
    month_title,
    signature_text,
    span_text,
    week_title,
)
from fieldbook.core.reports.plan_sheet import export_plan
from fieldbook.core.reports.slip_form import export_slip_form
from fieldbook.core.reports.slip_register import export_register
from fieldbook.core.reports.week import export_month, export_week
from fieldbook.core.slips.service import SlipInput
from tests.sample_data import shop

MON = date(2026, 11, 30)
UNIT = "七台河市烟草公司 · 营销中心（市场部） · 新兴区"
MARK = "内部资料 · 注意保密"
FOOTER = "第 &P 页 共 &N 页"


@pytest.fixture
def unit(world: Journal) -> Journal:
    world.form_unit.save(FormUnit("七台河市烟草公司", "营销中心（市场部）"))
    return world


def rows_of(path: Path, sheet: str | None = None) -> list[list[Any]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet or book.sheet_names[0]).to_python()


def texts(rows: list[list[Any]]) -> list[str]:
    return [v for r in rows for v in r if isinstance(v, str) and v]


def made() -> str:
    return f"制表日期：{date_text(clock.today())}"


def the_head(rows: list[list[Any]], title: str, period: str) -> None:
    assert rows[0][0] == UNIT
    assert rows[1][0] == title
    assert rows[2][0] == period
    assert rows[3][0] == "客户经理：王建国（QTH001）"
    assert made() in rows[3]


def test_titles_in_chinese_date_notation() -> None:
    assert week_title("2026-W48") == "2026年第48周（11月20日—11月26日）"
    assert week_title("2026-W01") == "2026年第1周（2025年12月26日—2026年1月1日）"
    assert month_title("2026-11") == "2026年11月"
    assert span_text(date(2026, 10, 1), date(2026, 12, 31)) == "2026年10月1日—12月31日"
    assert (
        signature_text("客户经理")
        == "客户经理（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
    )
    assert signature_text("部门负责人（审阅）").startswith("部门负责人（审阅）：＿")


def test_the_week_and_month_report(unit: Journal, tmp_path: Path) -> None:
    week = rows_of(export_week(unit, "2026-W48", tmp_path / "w.xlsx"), "周报")
    the_head(week, "周工作总结与计划", "2026年第48周（11月20日—11月26日）")
    assert signature_text("客户经理") in texts(week)
    assert signature_text("部门负责人（审阅）") in texts(week)
    # every annex (table sheet) says whose it is and of when, in its page header
    annexes = openpyxl.load_workbook(tmp_path / "w.xlsx").worksheets[1:]
    for ws in annexes:
        assert ws.oddHeader.right.text == "客户经理：王建国（QTH001）", ws.title
        assert ws.oddHeader.center.text.endswith("2026年11月20日—11月26日"), ws.title
    month = rows_of(export_month(unit, "2026-11", tmp_path / "m.xlsx"), "月报")
    the_head(month, "月工作总结", "2026年11月")
    assert signature_text("部门负责人（审阅）") in texts(month)


def test_the_day_log_and_the_route_sheet(unit: Journal, tmp_path: Path) -> None:
    log = rows_of(export_day(unit, MON, tmp_path / "d.xlsx"))
    the_head(log, "工作日志", "2026年11月30日 星期一")
    assert signature_text("客户经理") in texts(log)
    assert signature_text("部门负责人（审阅）") in texts(log)
    route = rows_of(export_plan(unit, MON, tmp_path / "p.xlsx"))
    the_head(route, "拜访路线单", "2026年11月30日 星期一")
    assert texts(route)[-1] == signature_text("客户经理")


def slip_path(world: Journal, tmp_path: Path) -> Path:
    shop = world.customers.by_code("M001")
    data = SlipInput(
        "suspended",
        "店主装修暂停营业",
        shop.id,
        sub_reason="装修",
        effective_date=date(2026, 12, 1),
        return_date=date(2027, 1, 15),
        departments=("market", "distribution", "phone"),
        removed_reasons={"monopoly": "装修暂停，许可证不变"},
    )
    slip = world.slips.create(data, at=datetime(2026, 11, 30, 15, 20))
    return export_slip_form(world, slip.id, tmp_path / "slip.xlsx")


def test_the_slip_signed_by_the_manager_and_each_receiving_department(
    unit: Journal, tmp_path: Path
) -> None:
    rows = rows_of(slip_path(unit, tmp_path))
    the_head(rows, "客户信息反馈单", "填报日期：2026年11月30日")
    signed = [t for t in texts(rows) if "（签字）" in t]
    assert signed == [
        signature_text("客户经理"),
        signature_text("市场部 负责人"),
        signature_text("配送中心 负责人"),
        signature_text("电访部 负责人"),
    ]


def test_the_register_names_unit_period_and_date(unit: Journal, tmp_path: Path) -> None:
    path = export_register(unit, tmp_path / "r.xlsx", start=date(2026, 11, 1), end=MON)
    title = rows_of(path)[0][0]
    assert title.startswith(f"{UNIT}　客户信息反馈单登记表　2026年11月1日—11月30日")
    assert title.endswith(f"客户经理：王建国（QTH001）　{made()}")


def test_the_department_workbook_prints_its_head_and_signature(
    unit: Journal, tmp_path: Path
) -> None:
    path = export_department(unit, date(2026, 11, 1), MON, tmp_path / "dept.xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.oddHeader.center.text == f"{UNIT}　客户经理工作汇总　2026年11月1日—11月30日"
    assert ws.oddHeader.right.text == made()
    assert ws.oddFooter.left.text == signature_text("市场部负责人")


def exports(world: Journal, tmp_path: Path) -> list[Path]:
    return [
        export_week(world, "2026-W48", tmp_path / "week.xlsx"),
        export_month(world, "2026-11", tmp_path / "month.xlsx"),
        export_day(world, MON, tmp_path / "day.xlsx"),
        export_plan(world, MON, tmp_path / "plan.xlsx"),
        slip_path(world, tmp_path),
        export_register(world, tmp_path / "reg.xlsx", start=date(2026, 11, 1), end=MON),
        export_department(world, date(2026, 11, 1), MON, tmp_path / "dept.xlsx"),
        export_customer_file(world, world.customers.list()[0].code, tmp_path / "customer.xlsx"),
    ]


def inches(mm: float) -> float:
    return mm / 25.4


@pytest.mark.parametrize("confidential", [True, False])
def test_every_sheet_a4_with_binding_margin_footer_and_mark(
    world: Journal, tmp_path: Path, confidential: bool
) -> None:
    world.form_unit.save(FormUnit(confidential=confidential))
    for path in exports(world, tmp_path):
        for ws in openpyxl.load_workbook(path).worksheets:
            where = f"{path.name}:{ws.title}"
            assert int(ws.page_setup.paperSize) == 9, where
            m = ws.page_margins
            if ws.page_setup.orientation == "landscape":
                assert m.top == pytest.approx(inches(BINDING_MM), abs=0.01), where
                assert m.left == pytest.approx(inches(EDGE_MM), abs=0.01), where
            else:
                assert m.left == pytest.approx(inches(BINDING_MM), abs=0.01), where
            assert ws.oddFooter.center.text == FOOTER, where
            assert ws.oddHeader.left.text == (MARK if confidential else None), where


def test_no_product_name_on_any_printed_part(unit: Journal, tmp_path: Path) -> None:
    for path in exports(unit, tmp_path):
        for ws in openpyxl.load_workbook(path).worksheets:
            printed = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
            for part in (ws.oddHeader, ws.oddFooter):
                printed += [p.text or "" for p in (part.left, part.center, part.right)]
            assert not [t for t in printed if "fieldbook" in t.lower()], f"{path.name}:{ws.title}"


def lone_ampersands(text: str) -> list[str]:
    """The ``&`` of ``text`` that Excel would read as a code it does not mean (or a code a
    name happened to spell, e.g. the ``&B`` of 「A&B」: bold)."""
    bad, n = [], 0
    while n < len(text):
        if text[n] == "&":
            code = text[n + 1 : n + 2]
            if code == "&":
                n += 2
                continue
            if code not in ("P", "N"):  # the only codes the forms write
                bad.append(text[n : n + 2])
        n += 1
    return bad


def test_an_ampersand_in_a_name_is_printed_not_read_as_a_header_code(
    world: Journal, tmp_path: Path
) -> None:
    """「A&B」 in the unit or a shop name: the page header prints it as typed; unescaped,
    Excel and LibreOffice read ``&B`` as 'bold' and drop the B."""
    world.form_unit.save(FormUnit("A&B烟草公司", "营销中心&P"))
    first = world.customers.list()[0]
    world.customers.create(shop("230900009909", "好又多&便利", "张&", first.route_name, 1, "Z", 3))
    paths = exports(world, tmp_path)
    paths.append(export_customer_file(world, "230900009909", tmp_path / "amp.xlsx"))
    for path in paths:
        for ws in openpyxl.load_workbook(path).worksheets:
            for part in (ws.oddHeader, ws.oddFooter):
                for side in (part.left, part.center, part.right):
                    text = side.text or ""
                    assert not lone_ampersands(text), f"{path.name}:{ws.title}: {text}"


def test_every_detail_page_names_the_unit_the_manager_and_the_period(
    unit: Journal, tmp_path: Path
) -> None:
    """A page of 走访明细 parted from the 周报 still says whose it is (the unit where the page
    is wide enough, the manager always) and its period in Chinese date notation (not
    2026-11-20～2026-11-26)."""
    week = export_week(unit, "2026-W48", tmp_path / "week.xlsx")
    day = export_day(unit, MON, tmp_path / "day.xlsx")
    for path, period in ((week, "2026年11月20日—11月26日"), (day, "2026年11月30日")):
        for ws in openpyxl.load_workbook(path).worksheets[1:]:
            where = f"{path.name}:{ws.title}"
            center = ws.oddHeader.center.text or ""
            if ws.page_setup.orientation == "landscape":
                assert center.startswith(f"{UNIT}　{ws.title}"), where
            else:  # a portrait page has no room for the unit beside the mark and manager
                assert center.startswith(ws.title), where
            assert period in center, where
            assert ws.oddHeader.right.text == "客户经理：王建国（QTH001）", where


def test_page_header_parts_never_print_over_each_other(unit: Journal, tmp_path: Path) -> None:
    """The mark (left), the unit and title (centre) and the manager (right) of a page header
    side by side: on a portrait table sheet the unit is left out rather than overprinted (the
    week's 订单（按客户） printed the mark over the company's name)."""
    for path in exports(unit, tmp_path):
        for ws in openpyxl.load_workbook(path).worksheets:
            h = ws.oddHeader
            parts = (h.left.text or "", h.center.text or "", h.right.text or "")
            assert _header_fits(ws, *parts), (path.name, ws.title, parts)
    week = openpyxl.load_workbook(tmp_path / "week.xlsx")
    landscape = week["走访明细"].oddHeader.center.text
    assert landscape.startswith(UNIT), landscape  # room for the unit on a landscape page
