"""The day's workbook (工作日志, 走访明细, 订单), re-opened with python-calamine (values) and
openpyxl (cell types, layout): the form's figures are the indicators', the tables hold the
day's visits and order lines, corrections after submit are shown, user text never becomes a
formula, the file is private."""

from __future__ import annotations

import stat
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sample_data import WORLD_MONDAY_ORDERS, orders_workbook

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.reports.day import SHEET_LOG, SHEET_VISITS, export_day
from fieldbook.core.reports.day_orders import SHEET_ORDERS
from fieldbook.core.routine.indicators import DEFINITIONS, day_indicators
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.xlsx.print_scale import fit_scale

MON = date(2026, 11, 30)
HOSTILE = '=HYPERLINK("http://x","y")'
#: The world's Monday orders with a hostile stranger before the off-day line.
LINES = [
    *WORLD_MONDAY_ORDERS[:3],
    ["2026-11-30", "M999", HOSTILE, "13900101", "红金龙(硬新版)", 4, None],
    WORLD_MONDAY_ORDERS[3],
]


def t(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30 {hm}")


@pytest.fixture
def day(world: Journal, open_answers: dict[str, object], tmp_path: Path) -> Journal:
    """Monday: a hostile shop name on the route, three visits, two skips, orders imported,
    sections written (one hostile), submitted, then one correction."""
    world.customers.create(
        CustomerInput(code="M999", shop_name=HOSTILE, route="周一线路", order_weekday=1)
    )
    plan = world.plans.build(MON)
    times = [("07:41", "07:52"), ("08:00", "08:09"), ("08:15", "08:26")]
    for stop, (a, b) in zip(plan.stops[:3], times, strict=True):
        v = world.visits.start(stop.customer_id, at=t(a))
        world.visits.set_shop_status(v.id, "open")
        answers = {**open_answers, "notes": HOSTILE} if stop.shop_name == "周一店3" else {}
        world.visits.save_answers(v.id, {**open_answers, **answers})
        world.visits.finish(v.id, at=t(b))
    world.plans.skip_stop(plan.stops[3].id, "关门未遇")
    world.plans.skip_stop(plan.stops[4].id, "时间不够")
    report = import_orders(
        world, orders_workbook(tmp_path / "orders.xlsx", LINES, text_formulas=True)
    )
    assert report.applied, report.problems
    logs = world.daylogs
    logs.save_section(MON, "phone_staff", "电访员孙丽：周一店3 库存充足，下周再订")
    logs.save_section(MON, "problems", HOSTILE)
    logs.save_section(MON, "meeting_notes", "例会：本周重点推广新品")
    logs.save_section(MON, "escalations", [{"text": "周一店5 长期不订货", "customer_code": "M005"}])
    logs.save_section(
        MON, "mutual_control", [{"customer_code": "M003", "type": "异常订购", "text": HOSTILE}]
    )
    logs.save_section(MON, "supply_info", [{"sku": "中华(硬)", "note": "按档位限量"}])
    logs.submit(MON)
    logs.correct(MON, "meeting_notes", "例会：本周重点推广新品和中支烟", reason="漏记一项")
    return world


def sheet(path: Path, name: str) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def labelled(rows: list[list[Any]], label: str) -> list[Any]:
    """The first form row whose column A says ``label``."""
    return next(r for r in rows if r and r[0] == label)


def test_sheets_and_the_form_s_key_figures(day: Journal, tmp_path: Path) -> None:
    path = export_day(day, MON, tmp_path / "工作日志.xlsx")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert CalamineWorkbook.from_path(str(path)).sheet_names == [
        SHEET_LOG,
        SHEET_VISITS,
        SHEET_ORDERS,
    ]
    rows = sheet(path, SHEET_LOG)
    assert rows[0][0] == "新兴区"  # the unit line: only the manager's 营销部 is set here
    assert rows[1][0] == "工作日志" and rows[2][0] == "2026年11月30日 星期一"
    assert rows[3][0] == "客户经理：王建国（QTH001）"
    assert rows[4][1].startswith(f"已提交（{clock.now():%Y-}")  # submitted on the tests' clock

    ind = day_indicators(day, MON)
    f = ind.figures
    assert (f.due, f.ordered) == (6, 3)  # 周一店1-5 and M999; the off-day order is not counted
    assert labelled(rows, "应订货户数")[2] == f.due
    assert labelled(rows, "订货户数")[2] == f.ordered
    assert labelled(rows, "订货率")[2] == pytest.approx(f.order_rate)
    assert labelled(rows, "订货量（条）")[2] == f.cartons == 24
    assert labelled(rows, "金额（元）")[2] == pytest.approx(f.amount_fen / 100)
    assert labelled(rows, "单条值（元/条）")[2] == pytest.approx(f.per_carton_fen / 100, abs=0.005)
    # the structure by class, shares of the day's cartons
    classes = labelled(rows, "价类")
    shares = dict(zip(classes[1:6], labelled(rows, "占比")[1:6], strict=True))
    expected = {c.name: c.share for c in ind.structure}
    assert shares == pytest.approx(expected)
    # non-orderers with the visit's reason (none recorded here) and the facts of the day
    text = "\n".join(str(c) for r in rows for c in r)
    for n in ind.non_orderers:
        assert n.shop_name in text
    assert labelled(rows, "计划走访（户）")[1] == 6 and labelled(rows, "计划走访（户）")[3] == 3
    assert "关门未遇 1 户" in labelled(rows, "未走访原因")[1]
    # the day's times, each against its standard (decision 0018)
    arrival = labelled(rows, "到达片区")
    assert arrival[:3] == ["到达片区", "07:41", "标准 07:30，晚 11 分钟"]
    assert arrival[4] == "在片区工作时间" and arrival[6].startswith("标准 5小时，少 ")
    returned = labelled(rows, "户均分钟")
    assert returned[4:7] == ["回到单位", "—", "标准 15:00，未记录"]
    assert "末户离店" not in text
    for definition in DEFINITIONS.values():
        assert definition in text
    for section in ("与电访员沟通", "经济指标分析", "上报部门负责人的问题", "互控信息", "货源信息"):
        assert section in text
    assert "电访员孙丽：周一店3 库存充足，下周再订" in text and "按档位限量" in text

    wb = openpyxl.load_workbook(path)
    assert wb[SHEET_LOG].page_setup.orientation == "portrait"
    number = next(
        c for r in wb[SHEET_LOG].iter_rows() for c in r if c.value == pytest.approx(f.order_rate)
    )
    assert number.number_format == "0.0%"


def test_visits_and_orders_tables_match_the_day(day: Journal, tmp_path: Path) -> None:
    path = export_day(day, MON, tmp_path / "day.xlsx")
    visits = sheet(path, SHEET_VISITS)
    assert visits[0][:4] == ["序号", "客户编码", "客户名称", "到店"]
    assert len(visits) - 1 == len(day.visits.list_between(MON, MON)) == 3
    assert [r[2] for r in visits[1:]] == ["周一店1", "周一店2", "周一店3"]
    assert "备注" in visits[0]

    orders = sheet(path, SHEET_ORDERS)
    header, body = orders[0], orders[1:]
    assert header[7:10] == ["订货量（条）", "金额（元）", "单条值（元/条）"]
    assert len(body) == len(LINES)
    form = sheet(path, SHEET_LOG)
    assert sum(r[7] for r in body) == labelled(form, "订货量（条）")[2]
    assert sum(r[8] for r in body) == pytest.approx(labelled(form, "金额（元）")[2])
    hostile = next(r for r in body if r[1] == "M999")
    assert hostile[2] == HOSTILE and hostile[8] == pytest.approx(4 * 44.50)  # cartons × price
    assert next(r for r in body if r[1] == "T001")[3] == "否"  # not its order day

    wb = openpyxl.load_workbook(path)
    for name in (SHEET_VISITS, SHEET_ORDERS):
        ws = wb[name]
        assert ws.freeze_panes == "D2" and ws.auto_filter.ref.startswith("A1:")
        assert ws.cell(1, 1).font.name == "微软雅黑"
    assert wb[SHEET_ORDERS].cell(2, 9).number_format == "0.00"


def test_a_correction_after_submit_is_in_the_export(day: Journal, tmp_path: Path) -> None:
    path = export_day(day, MON, tmp_path / "day.xlsx")
    rows = sheet(path, SHEET_LOG)
    head = next(i for i, r in enumerate(rows) if str(r[0]).startswith("四、更正记录"))
    assert rows[head + 1][:5] == ["时间", "栏目", "原内容", "", "更正后"]
    entry = rows[head + 2]
    assert entry[1] == "16:00 例会记录"
    assert entry[2] == "例会：本周重点推广新品"
    assert entry[4] == "例会：本周重点推广新品和中支烟"
    assert entry[6] == "漏记一项"
    assert str(entry[0]).startswith("2026-") or str(entry[0])[:2] == "20"


def test_a_return_recorded_after_submit_is_graded_and_in_the_corrections(
    day: Journal, tmp_path: Path
) -> None:
    # decision 0018: recorded on the submitted log with a reason; 15:20 is 20 minutes late
    day.daylogs.record_return(MON, t("15:20"), reason="回来忘了点")
    rows = sheet(export_day(day, MON, tmp_path / "day.xlsx"), SHEET_LOG)
    assert labelled(rows, "户均分钟")[4:7] == ["回到单位", "15:20", "标准 15:00，晚 20 分钟"]
    head = next(i for i, r in enumerate(rows) if str(r[0]).startswith("四、更正记录"))
    entry = rows[head + 3]  # after the meeting notes' correction
    assert (entry[1], entry[2], entry[4], entry[6]) == ("回到单位", "（空）", "15:20", "回来忘了点")


def test_user_text_is_never_a_formula(day: Journal, tmp_path: Path) -> None:
    path = export_day(day, MON, tmp_path / "day.xlsx")
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    values = {
        name: [c for r in sheet(path, name) for c in r]
        for name in (SHEET_LOG, SHEET_VISITS, SHEET_ORDERS)
    }
    assert HOSTILE in values[SHEET_LOG]  # the 发现的问题 section, as typed
    assert HOSTILE in values[SHEET_VISITS]  # a visit's 备注
    assert HOSTILE in values[SHEET_ORDERS]  # the shop name
    assert any(isinstance(v, str) and HOSTILE in v for v in values[SHEET_LOG])


def test_a_day_without_a_log_exports_a_draft(world: Journal, tmp_path: Path) -> None:
    path = export_day(world, MON, tmp_path / "empty.xlsx")
    rows = sheet(path, SHEET_LOG)
    assert rows[4][1] == "草稿（尚未填写）"
    text = "\n".join(str(c) for r in rows for c in r)
    assert "日志尚未提交" in text and "（未填写）" in text
    assert labelled(rows, "应订货户数")[2] == 5 and labelled(rows, "订货率")[2] == 0
    assert sheet(path, SHEET_ORDERS) == [sheet(path, SHEET_ORDERS)[0]]  # a header, no lines


def test_a_day_without_visits_prints_one_page_that_says_so(world: Journal, tmp_path: Path) -> None:
    """No checklist columns to print across three pages of empty headers: the visit facts
    and a line saying there were no visits."""
    path = export_day(world, date(2026, 11, 30), tmp_path / "empty.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET_VISITS]
    assert ws.max_column <= 10, ws.max_column
    assert ws.cell(2, 1).value == "（当日没有走访记录）"


def test_the_orders_sheet_prints_one_page_wide(world: Journal, tmp_path: Path) -> None:
    """订单 in portrait needed 64 % (pages across at the 70 % floor): landscape fits."""
    path = export_day(world, date(2026, 11, 30), tmp_path / "d.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET_ORDERS]
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJ"]
    landscape = ws.page_setup.orientation == "landscape"
    assert fit_scale(widths, landscape=landscape) >= 70 and not ws.print_title_cols
