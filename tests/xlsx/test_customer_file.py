"""一户一档: one customer's file built from hand-made records (a register change, two visits,
orders in two months, a slip to three departments, a spot check) and read back cell by cell;
a new customer's file says it has nothing yet; an unknown code and an inverted period are
refused; the file is private and never lands on the database."""

from __future__ import annotations

import re
import stat
from datetime import date, datetime, time
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sample_data import GOOD_ANSWERS, LEFT_LATE, orders_workbook

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_changes import ChangeBasis
from fieldbook.core.master.customers import CustomerInput, input_from_row
from fieldbook.core.outputs import OutputRefused
from fieldbook.core.reports.customer_file import NOTHING_YET, TITLE, export_customer_file
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.server import spotcheck
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.slips.service import SlipInput

DEPARTMENTS = slip_rules().categories["suspended"].departments
NOW = datetime(2026, 12, 3, 9, 30)
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")

#: M001's orders: two lines on one day of October, two days of November.
ORDERS: list[list[object]] = [
    ["2026-10-12", "M001", "周一店1", "13100101", "中华(硬)", 2, 763.20],  # 一类
    ["2026-10-12", "M001", "周一店1", "13600111", "红塔山(硬经典100)", 2, 194.00],  # 三类
    ["2026-11-23", "M001", "周一店1", "13600111", "红塔山(硬经典100)", 5, 485.00],
    ["2026-11-30", "M001", "周一店1", "14400131", "广州双喜(硬经典1906)", 3, 451.56],  # 二类
    ["2026-11-30", "M002", "周一店2", "14400131", "广州双喜(硬经典1906)", 9, 1354.68],
]


def _visit(world: Journal, code: str, day: date, answers: dict[str, object]) -> str:
    """A finished visit 08:00–08:12 to an open shop."""
    cid = world.customers.by_code(code).id
    v = world.visits.start(cid, at=datetime.combine(day, time(8, 0)))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, answers)
    world.visits.finish(v.id, at=datetime.combine(day, time(8, 12)))
    return v.id


@pytest.fixture
def filed(world: Journal, tmp_path: Path) -> Journal:
    """M001 with a 修改记录, two visits (one finding), orders, a slip and a spot check."""
    with clock.pinned(NOW, running=False):
        m001 = world.customers.by_code("M001")
        world.customers.update(
            m001.id,
            CustomerInput(**{**input_from_row(m001).__dict__, "grade": 12}),
            ChangeBasis(reason="年度档位调整"),
        )
        _visit(world, "M001", date(2026, 11, 23), GOOD_ANSWERS)
        _visit(world, "M001", date(2026, 11, 30), {**GOOD_ANSWERS, "minors_sign": False})
        assert import_orders(world, orders_workbook(tmp_path / "o.xlsx", ORDERS)).applied
        slip = world.slips.create(
            SlipInput(
                "suspended",
                "店主装修暂停营业",
                m001.id,
                sub_reason="装修",
                effective_date=date(2026, 11, 25),
                return_date=date(2026, 12, 20),
            ),
            at=datetime(2026, 11, 24, 15, 0),
        )
        slip = world.slips.send(slip.id, actor="王建国", at=datetime(2026, 11, 24, 15, 5))
        phone = next(d.id for d in slip.deliveries if d.department == "phone")
        for state in ("received", "handled"):
            world.slips.advance(phone, state, actor="孙丽", at=datetime(2026, 11, 25, 9, 0))
        world.slips.advance(
            phone, "done", actor="孙丽", at=datetime(2026, 11, 25, 9, 30), answer="已回访"
        )
        check = spotcheck.draw(world, "QTH001", "2026-11", checker="李主任", size=2, seed=1)
        for item in check.items:
            spotcheck.record(world, item.id, **LEFT_LATE, problems="离店时间晚记")  # type: ignore[arg-type]
    return world


def _export(journal: Journal, code: str, path: Path, **period: date) -> openpyxl.Workbook:
    with clock.pinned(NOW, running=False):
        export_customer_file(journal, code, path, **period)
    return openpyxl.load_workbook(path)


def _rows(ws: Worksheet) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _texts(wb: openpyxl.Workbook) -> list[str]:
    return [
        str(v)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str)
    ]


def _label_value(ws: Worksheet) -> dict[str, object]:
    """Every label cell of the form and the value in the next cell that holds one."""
    out: dict[str, object] = {}
    for row in ws.iter_rows():
        cells = [c for c in row if c.value is not None]
        for label, value in pairwise(cells):
            if label.font.bold and not value.font.bold:
                out[str(label.value)] = value.value
    return out


def test_the_file_of_a_customer_with_records(filed: Journal, tmp_path: Path) -> None:
    target = tmp_path / "档案.xlsx"
    wb = _export(filed, "M001", target)
    assert wb.sheetnames == ["档案", "走访记录", "订货（按月）", "反馈单", "抽查"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    form = wb["档案"]
    head = [form.cell(row=r, column=1).value for r in range(1, 4)]
    assert head == ["新兴区", TITLE, "全部记录（截至2026年12月3日）"]  # the form standard's head
    assert form["E4"].value == "制表日期：2026年12月3日"
    fields = _label_value(form)
    assert fields["客户名称"] == "周一店1" and fields["客户编码"] == "M001"
    assert fields["客户经理"] == "王建国（QTH001）"
    assert fields["经营业态"] == "超市" and fields["订货日"] == "星期一"
    assert fields["线路"] == "周一线路" and fields["档位"] == 12
    assert fields["走访次数"] == 2 and fields["最近走访"] == "2026年11月30日"
    assert fields["订货量(条)"] == 12 and fields["金额(元)"] == pytest.approx(1893.76)
    assert fields["反馈单"] == 1 and fields["未办结"] == 1 and fields["超期"] == 1
    assert fields["被抽查走访"] == 2
    history = _rows(form)[-1]
    assert [v for v in history if v is not None] == [
        "2026-12-03 09:30",
        "档位",
        "（空）",
        "12",
        "年度档位调整",
    ]

    visits = _rows(wb["走访记录"])
    assert visits[0][:3] == ["序号", "走访日期", "到店"]
    assert [r[1].date() for r in visits[1:]] == [date(2026, 11, 23), date(2026, 11, 30)]  # type: ignore[union-attr]
    assert visits[1][8] == "无"
    assert visits[2][8] == "未张贴禁售标识（张贴禁止向未成年人售烟标识：否）"
    assert visits[1][5:7] == ["正常营业", "已完成"] and visits[1][4] == 12

    orders = _rows(wb["订货（按月）"])
    head = orders[0]
    assert head[:5] == ["月份", "订货天数", "订货量(条)", "金额(元)", "单条值(元/条)"]
    by = {r[0]: dict(zip(head, r, strict=True)) for r in orders[1:]}
    assert by["2026年10月"]["订货天数"] == 1 and by["2026年10月"]["订货量(条)"] == 4
    assert by["2026年10月"]["金额(元)"] == pytest.approx(957.20)
    assert by["2026年10月"]["单条值(元/条)"] == pytest.approx(239.30)
    assert by["2026年10月"]["一类占比"] == pytest.approx(0.5)
    assert by["2026年11月"]["订货天数"] == 2 and by["2026年11月"]["订货量(条)"] == 8
    assert by["2026年11月"]["二类占比"] == pytest.approx(3 / 8)
    assert by["2026年11月"]["一二类占比"] == pytest.approx(3 / 8)
    assert by["合计"]["订货量(条)"] == 12 and by["合计"]["一类占比"] == pytest.approx(2 / 12)

    slips = _rows(wb["反馈单"])
    assert slips[0][0] == "反馈单号" and len(slips) == 1 + len(DEPARTMENTS)  # one row a department
    phone = next(r for r in slips[1:] if r[5] == "电访部")
    assert phone[2:4] == ["暂停", "装修"] and phone[6] == "已落实" and phone[9] == "已回访"
    assert phone[11] is None  # done: never 超期
    assert {(r[6], r[11]) for r in slips[1:] if r is not phone} == {("已发送", "超期")}

    checks = _rows(wb["抽查"])
    assert len(checks) == 3
    assert checks[1][:2] == ["2026年11月", "李主任"]
    assert checks[1][3] == "08:00—08:12" and checks[1][4:8] == ["是", "否", "是", "一般"]
    assert checks[1][8:11] == ["离店时间晚记", "按实际时间记录", "整改中"]

    for sheet in wb.worksheets[1:]:
        assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref
        assert int(sheet.page_setup.paperSize) == 9 and sheet.print_title_rows == "$1:$1"  # A4
    for text in _texts(wb):
        assert not SNAKE.search(text) and not UUID.search(text), text


def test_a_period_keeps_only_its_records(filed: Journal, tmp_path: Path) -> None:
    wb = _export(
        filed, "M001", tmp_path / "nov.xlsx", start=date(2026, 11, 1), end=date(2026, 11, 26)
    )
    assert wb["档案"]["A3"].value == "2026年11月1日—11月26日"
    fields = _label_value(wb["档案"])
    assert fields["走访次数"] == 1 and fields["订货量(条)"] == 5
    assert [r[0] for r in _rows(wb["订货（按月）"])[1:]] == ["2026年11月"]


def test_a_new_customer_file_says_it_has_nothing_yet(world: Journal, tmp_path: Path) -> None:
    wb = _export(world, "X001", tmp_path / "new.xlsx")
    texts = _texts(wb)
    assert NOTHING_YET in texts and "无修改记录。" in texts
    assert _rows(wb["走访记录"])[1][0] == "本期内没有走访记录"
    assert _rows(wb["订货（按月）"])[1][0] == "本期内没有订货记录"
    assert _rows(wb["反馈单"])[1][0] == "本期内没有反馈单"
    assert _rows(wb["抽查"])[1][0] == "本期内没有被抽查的走访"


def test_unknown_code_and_inverted_period_are_refused(world: Journal, tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    with pytest.raises(InvalidValue) as unknown:
        export_customer_file(world, "NOPE", target)
    assert unknown.value.detail == "unknown_customer" and unknown.value.data["value"] == "NOPE"
    with pytest.raises(InvalidValue):
        export_customer_file(world, "M001", target, start=date(2026, 12, 2), end=date(2026, 12, 1))
    assert not target.exists()


def test_never_written_onto_the_database(world: Journal, db_path: Path) -> None:
    with pytest.raises(OutputRefused) as refused:
        export_customer_file(world, "M001", db_path)
    assert refused.value.reason == "output_is_database"
    assert world.customers.by_code("M001").shop_name == "周一店1"  # the database still opens
