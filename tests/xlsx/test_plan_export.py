"""The route sheet, re-opened with an independent reader (python-calamine) and with openpyxl
to check cell types: user text never becomes a formula; the file is private."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.reports.plan_sheet import export_plan

MON = date(2026, 11, 30)
HOSTILE = '=HYPERLINK("http://x","y")'


def test_route_sheet_layout_and_values(world: Journal, tmp_path: Path) -> None:
    world.customers.create(
        CustomerInput(
            code="M999", shop_name=HOSTILE, owner_name="@SUM(1)", route="周一线路", order_weekday=1
        )
    )
    plan = world.plans.build(MON)
    world.plans.skip_stop(plan.stops[1].id, "关门未遇")
    path = export_plan(world, MON, tmp_path / "路线单.xlsx")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["路线单"]
    rows = wb.get_sheet_by_name("路线单").to_python()
    assert rows[0][0] == "新兴区" and rows[1][0] == "拜访路线单"
    assert rows[2][0] == "2026年11月30日 星期一"
    assert "计划 6 户（目标 30 户）" in rows[4][0]
    assert rows[5][:3] == ["序号", "客户编码", "客户名称"]
    body = rows[6:12]
    assert [r[2] for r in body] == ["周一店1", "周一店2", "周一店3", "周一店4", "周一店5", HOSTILE]
    assert body[0][7] == "线路" and body[1][10] == "未访：关门未遇"
    assert body[5][3] == "@SUM(1)"

    ws = openpyxl.load_workbook(path).active
    for row in ws.iter_rows(min_row=7):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    assert ws.freeze_panes == "A7" and ws.print_title_rows == "$6:$6"
    assert ws.page_setup.orientation == "landscape"
    assert rows[13][0].startswith("客户经理（签字）：") and "日期：" in rows[13][0]


def test_the_route_sheet_names_each_open_follow_up(world: Journal, tmp_path: Path) -> None:
    plan = world.plans.build(MON)
    shop = plan.stops[0].customer_id
    world.followups.create(shop, "价签缺失：请核对一类烟的明码标价是否齐全并拍照")
    world.followups.create(shop, "复查假烟线索")
    path = export_plan(world, MON, tmp_path / "路线单.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("路线单").to_python()
    remark = rows[6][10]
    assert remark.startswith("跟踪：①") and "②复查假烟线索" in remark
    assert "①价签缺失：请核对一类烟的明码标…" in remark  # shortened to 16 characters
    assert "跟踪事项" not in remark


def test_export_over_an_existing_file_is_atomic(world: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.xlsx"
    target.write_bytes(b"old contents")
    export_plan(world, MON, target)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in folder.iterdir()] == ["plan.xlsx"]  # no temporary left behind


#: A digit of the forms' font (微软雅黑; LibreOffice's stand-in DejaVu Sans) is ~1.25 times the
#: width unit of a column (Calibri's "0"), plus the cell's padding: a code or a phone number
#: in a narrower column breaks its last digit onto a second line on paper.
DIGIT_WIDTH = 1.3


def test_codes_and_phone_numbers_fit_their_column_on_one_line(
    world: Journal, tmp_path: Path
) -> None:
    world.customers.create(
        CustomerInput(
            code="230915569019",
            shop_name="何颖副食店",
            phone="19838946463",
            route="周一线路",
            order_weekday=1,
        )
    )
    ws = openpyxl.load_workbook(export_plan(world, MON, tmp_path / "p.xlsx")).active
    head = {ws.cell(6, c).value: ws.cell(6, c).column_letter for c in range(1, ws.max_column + 1)}
    for label in ("客户编码", "联系电话"):
        letter = head[label]
        longest = max(len(str(c.value or "")) for c in ws[letter][6:])
        assert longest in (11, 12), label
        assert ws.column_dimensions[letter].width >= longest * DIGIT_WIDTH, label


def test_a_wrapped_remark_or_address_gets_the_height_of_its_lines(
    world: Journal, tmp_path: Path
) -> None:
    """「跟踪：①督促张贴禁售标识」 (12 characters) wraps in 情况/备注: the row is two lines high,
    not one line with the second cut off on paper."""
    world.customers.create(
        CustomerInput(
            code="M998",
            shop_name="长店",
            address="七台河市新兴区北兴街道胜利村九组东数第三家门市",
            route="周一线路",
            order_weekday=1,
        )
    )
    world.followups.create(world.customers.by_code("M998").id, "督促张贴禁售标识")
    ws = openpyxl.load_workbook(export_plan(world, MON, tmp_path / "p.xlsx")).active
    row = next(c.row for c in ws["B"] if c.value == "M998")
    assert ws.row_dimensions[row].height >= 2 * 14, ws.row_dimensions[row].height
