"""The department workbook's 客户信息变更 sheet, re-opened with calamine: the licence and
status changes made outside a slip, with before → after (statuses by name) and why; a change
that needs no reason (the grade) is not listed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from python_calamine import CalamineWorkbook

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_changes import ChangeBasis
from fieldbook.core.master.customers import CustomerInput, input_from_row
from fieldbook.core.reports.department import SHEET_CHANGES, export_department


def test_the_changes_outside_slips_sheet(journal: Journal, tmp_path: Path) -> None:
    row = journal.customers.create(
        CustomerInput(code="C001", shop_name="张小便利店", licence_no="230902100001", grade=8)
    )
    data = replace(input_from_row(row), status="suspended", grade=9)
    journal.customers.update(row.id, data, ChangeBasis("店主口头告知装修"))
    today = clock.now().date()  # the change is made now, on the tests' clock
    out = export_department(journal, today - timedelta(days=2), today, tmp_path / "部门.xlsx")
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name(SHEET_CHANGES).to_python()
    assert sheet[0][:6] == ["客户经理编号", "姓名", "时间", "客户编码", "客户名称", "项目"]
    (listed,) = sheet[1:]
    assert listed[:2] == ["QTH001", "王建国"] and listed[2].startswith(today.isoformat())
    assert listed[3:] == [
        "C001",
        "张小便利店",
        "经营状态",
        "正常",
        "暂停",
        "店主口头告知装修",
        "手工修改",
    ]
