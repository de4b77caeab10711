"""The slip form and the slip register, re-opened with an independent reader (python-calamine)
and with openpyxl for cell types: sheet names, headers, values, real date cells, user text that
never becomes a formula, one row per delivery, the department filter, the overdue flag, 0600."""

from __future__ import annotations

import re
import stat
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.reports.slip_form import (
    export_slip_form,
    export_slip_forms,
    sheet_title,
)
from fieldbook.core.reports.slip_register import export_register
from fieldbook.core.slips.register import REGISTER_COLUMNS
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.slips.service import SlipInput, SlipView

HOSTILE = '=HYPERLINK("http://x","y")'
LABELS = [c.label for c in REGISTER_COLUMNS]


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def slip_for(
    world: Journal,
    code: str,
    category: str,
    description: str,
    sub_reason: str,
    *,
    at: str,
    sku_ids: tuple[str, ...] = (),
    left_off: dict[str, str] | None = None,
) -> SlipView:
    """A new slip for the customer ``code``, created ``at`` (an ISO time); ``left_off``: default
    departments not sent to, with the reason."""
    customer_id = world.customers.by_code(code).id
    category_of = slip_rules().categories[category]
    departments = tuple(d for d in category_of.departments if d not in (left_off or {}))
    data = SlipInput(
        category,
        description,
        customer_id,
        sub_reason=sub_reason,
        sku_ids=sku_ids,
        departments=departments,
        removed_reasons=left_off,
    )
    return world.slips.create(data, at=t(at))


@pytest.fixture
def slips(world: Journal, tmp_path: Path) -> dict[str, SlipView]:
    """A 暂停 slip for a shop with a hostile name (one department done, one returned, one
    waiting), a 违纪 slip with a photo, and a 品牌上柜 slip never sent."""
    shop = world.customers.create(
        CustomerInput(
            code="H001",
            shop_name=HOSTILE,
            owner_name="@SUM(1)",
            phone="13904641234",
            address="七台河市新兴区新兴大街12号",
            route="周一线路",
            order_weekday=1,
        )
    )
    suspended = world.slips.create(
        SlipInput(
            "suspended",
            "=1+1 店主装修暂停营业，预计一月中旬恢复，请暂停订货和送货。" * 3,
            shop.id,
            sub_reason="装修",
            effective_date=date(2026, 12, 1),
            return_date=date(2027, 1, 15),
            departments=("market", "distribution", "phone"),
            removed_reasons={"monopoly": "装修暂停，许可证不变"},
        ),
        at=t("2026-11-30 15:20"),
    )
    suspended = world.slips.send(suspended.id, actor="王建国", at=t("2026-11-30 15:40"))
    by_dept = {d.department: d.id for d in suspended.deliveries}
    for state in ("received", "handled"):
        world.slips.advance(by_dept["phone"], state, actor="电访员 孙丽", at=t("2026-12-01 09:00"))
    world.slips.advance(
        by_dept["phone"],
        "done",
        actor="电访员 孙丽",
        at=t("2026-12-01 10:30"),
        answer="=CMD() 已电话回访，客户表示恢复营业后再订货",
    )
    world.slips.advance(
        by_dept["distribution"],
        "returned",
        actor="配送中心 刘强",
        reason="缺少恢复日期证明",
        at=t("2026-12-01 11:00"),
    )
    violation = slip_for(
        world,
        "M002",
        "violation",
        "发现疑似假烟两条，已拍照取证",
        "假烟",
        at="2026-12-02 15:10",
        left_off={"distribution": "专卖办现场查处", "phone": "专卖办现场查处"},
    )
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg" * 50)
    world.slips.attach(violation.id, photo, world.attachments_dir())
    violation = world.slips.send(violation.id, actor="王建国", at=t("2026-12-02 15:30"))
    zhonghua = next(s for s in world.catalog.list() if s.name == "中华(硬)")
    brand = slip_for(
        world,
        "M003",
        "brand",
        "新品未上柜，客户不了解该规格",
        "未上柜",
        at="2026-12-20 15:00",
        sku_ids=(zhonghua.id,),
    )
    return {
        "suspended": world.slips.get(suspended.id),
        "violation": world.slips.get(violation.id),
        "brand": brand,
    }


def formulas(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [
        f"{ws.title}!{cell.coordinate}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def flat(rows: list[list[object]]) -> list[object]:
    return [v for row in rows for v in row]


def test_the_form_of_one_slip(world: Journal, slips: dict[str, SlipView], tmp_path: Path) -> None:
    slip = slips["suspended"]
    path = export_slip_form(world, slip.id, tmp_path / "反馈单.xlsx")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == [slip.number]
    rows = wb.get_sheet_by_name(slip.number).to_python()
    values = flat(rows)
    assert rows[0][0] == "新兴区" and rows[1][0] == "客户信息反馈单"
    assert rows[4][:2] == ["编号", slip.number] and "退回" in values  # the slip's status
    for label in ("填报日期", "生效日期", "恢复日期", "办结期限", "客户经理", "片区", "客户编码"):
        assert label in values, label
    assert "王建国" in values and "QTH001" in values and "新兴一片区" in values
    assert HOSTILE in values and "@SUM(1)" in values and "13904641234" in values
    assert slip.description in values and "装修" in values and "暂停" in values
    assert date(2027, 1, 15) in values and date(2026, 12, 1) in values  # real date cells
    assert t("2026-11-30 15:20") in values
    # the deliveries: department, state, who, when, answer
    header = next(i for i, r in enumerate(rows) if r[:4] == ["部门", "状态", "处理人", "时间"])
    table = {r[0]: r for r in rows[header + 1 : header + 4]}
    assert set(table) == {"市场部", "配送中心", "电访部"}
    assert table["电访部"][1:4] == ["已落实", "电访员 孙丽", t("2026-12-01 10:30")]
    assert table["电访部"][4] == "=CMD() 已电话回访，客户表示恢复营业后再订货"
    assert table["配送中心"][1] == "退回" and table["市场部"][1:3] == ["已发送", ""]
    # the history, oldest first, with the reason of the return
    assert "已处理→已落实" in values and "原因：缺少恢复日期证明" in values
    assert "未发部门" in values and "专卖办：装修暂停，许可证不变" in values  # kept, shown
    history = [r for r in rows if isinstance(r[0], datetime) and "→" in str(r[3])]
    assert [r[0] for r in history] == sorted(r[0] for r in history) and len(history) == 7

    ws = openpyxl.load_workbook(path)[slip.number]
    assert not formulas(path)
    dates = [c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime | date)]
    assert dates and all(c.is_date for c in dates)
    assert ws.print_area == f"'{slip.number}'!$A$1:$H${ws.max_row}"
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToHeight == 1 and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["A2"].font.name == "微软雅黑" and ws["A2"].font.sz == 18
    assert ws["B5"].border.left.style == "thin"
    description = next(r for r in range(1, ws.max_row) if ws.cell(r, 1).value == "情况说明")
    assert ws.row_dimensions[description].height >= 45  # three lines at least


def test_the_form_lists_attachments_and_skus(
    world: Journal, slips: dict[str, SlipView], tmp_path: Path
) -> None:
    path = export_slip_forms(
        world, [slips["violation"].id, slips["brand"].id], tmp_path / "forms.xlsx"
    )
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == [slips["violation"].number, slips["brand"].number]
    violation = flat(wb.get_sheet_by_name(slips["violation"].number).to_python())
    (att,) = slips["violation"].attachments
    assert any(
        isinstance(v, str) and v.startswith(f"现场照片.jpg（SHA-256 {att.sha256[:16]}")
        for v in violation
    )
    assert "假烟" in violation and "专卖办" in violation
    brand = flat(wb.get_sheet_by_name(slips["brand"].number).to_python())
    # a draft (after its due date, on a later clock, 草稿（已超期）)
    assert "中华(硬)" in brand and "（尚无记录）" in brand
    assert any(isinstance(v, str) and re.fullmatch(r"草稿(（已超期）)?", v) for v in brand)


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    long = "FK-20261130-QTH0000000001-0000000001"
    first = sheet_title(long, taken)
    second = sheet_title(long, taken)
    assert len(first) == len(second) == 31 and first != second
    assert sheet_title("a/b:c*d?[e]", taken) == "a_b_c_d__e_"


def test_the_register_one_row_per_delivery(
    world: Journal, slips: dict[str, SlipView], tmp_path: Path
) -> None:
    path = export_register(
        world,
        tmp_path / "登记表.xlsx",
        start=date(2026, 11, 1),
        end=date(2026, 12, 31),
        today=date(2026, 12, 10),
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["登记表", "说明"]
    rows = wb.get_sheet_by_name("登记表").to_python()
    assert rows[0][0].startswith("新兴区　客户信息反馈单登记表　2026年11月1日—12月31日")
    assert rows[0][0].endswith("客户经理：王建国（QTH001）　制表日期：2026年12月10日")
    assert "王建国（QTH001）" in rows[0][0]
    assert rows[1] == LABELS
    body = [dict(zip(LABELS, r, strict=True)) for r in rows[2:]]
    # 3 + 2 + 1 deliveries, oldest slip first, departments in configuration order
    assert [(r["反馈单号"], r["部门"]) for r in body] == [
        (slips["suspended"].number, "市场部"),
        (slips["suspended"].number, "配送中心"),
        (slips["suspended"].number, "电访部"),
        (slips["violation"].number, "市场部"),
        (slips["violation"].number, "专卖办"),
        (slips["brand"].number, "市场部"),
    ]
    phone = body[2]
    assert phone["状态"] == phone["导出时状态"] == "已落实"
    assert phone["处理人"] == "电访员 孙丽" and phone["处理时间"] == t("2026-12-01 10:30")
    assert phone["答复"] == "=CMD() 已电话回访，客户表示恢复营业后再订货"
    assert phone["填报日期"] == date(2026, 11, 30) and phone["办结期限"] == date(2026, 12, 3)
    assert phone["类别"] == "暂停" and phone["细分原因"] == "装修"
    assert phone["客户名称"] == HOSTILE and phone["客户编码"] == "H001"
    assert phone["是否超期"] == "否"  # 已落实: never overdue
    market = body[0]
    assert market["状态"] == "已发送" and market["处理人"] == "" and market["处理时间"] == ""
    assert market["是否超期"] == "是"  # due 12-03, not done on 12-10
    assert body[1]["状态"] == "退回" and body[1]["是否超期"] == "是"
    assert body[5]["状态"] == "待发送" and body[5]["是否超期"] == "否"  # due 12-25
    assert body[0]["情况说明"] == slips["suspended"].description
    assert body[0]["未发部门（原因）"] == "专卖办：装修暂停，许可证不变"  # the slip's reason
    assert body[3]["未发部门（原因）"] == "配送中心：专卖办现场查处；电访部：专卖办现场查处"

    wb_x = openpyxl.load_workbook(path)
    ws = wb_x["登记表"]
    assert not formulas(path)
    assert ws.freeze_panes == "B3" and ws.auto_filter.ref == f"A2:Q{len(body) + 2}"
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"
    assert ws["B3"].is_date and ws["B3"].number_format == "yyyy-mm-dd"
    assert ws["K5"].is_date and ws["K5"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["F3"].data_type == "s" and ws["F3"].value == HOSTILE
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list" and "已落实" in validation.formula1
    assert "I3" in validation.sqref
    assert ws.column_dimensions["G"].width == 32
    help_rows = flat(wb.get_sheet_by_name("说明").to_python())
    assert any("退回" in str(v) and "原因" in str(v) for v in help_rows)
    assert "已接收、已处理、已落实、退回" in str(help_rows) or "已接收" in str(help_rows)
    for label in LABELS:
        assert label in help_rows


def test_the_register_of_one_department(
    world: Journal, slips: dict[str, SlipView], tmp_path: Path
) -> None:
    for department in ("monopoly", "专卖办"):
        path = export_register(
            world,
            tmp_path / f"{department}.xlsx",
            start=date(2026, 12, 1),
            end=date(2026, 12, 31),
            department=department,
        )
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("登记表").to_python()
        assert "部门：专卖办　制表日期：" in rows[0][0]
        assert [(r[0], r[7]) for r in rows[2:]] == [(slips["violation"].number, "专卖办")]
    path = export_register(
        world, tmp_path / "none.xlsx", start=date(2027, 1, 1), end=date(2027, 1, 31)
    )
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("登记表").to_python()
    assert rows[1] == LABELS and len(rows) == 2  # an empty register still has its header
    with pytest.raises(InvalidValue) as info:
        export_register(
            world,
            tmp_path / "x.xlsx",
            start=date(2026, 1, 1),
            end=date(2026, 2, 1),
            department="hr",
        )
    assert info.value.detail == "unknown_slip_department"
    with pytest.raises(InvalidValue):
        export_register(world, tmp_path / "x.xlsx", start=date(2026, 2, 1), end=date(2026, 1, 1))
    assert not (tmp_path / "x.xlsx").exists()
