from __future__ import annotations

from pathlib import Path

import pytest
from sample_data import write_workbook

from fieldbook.qt.dialogs.import_dialog import ImportDialog, column_letter

HEADERS = [
    "序号",
    "客户编码",
    "客户名称",
    "负责人",
    "联系电话",
    "许可证号",
    "线路",
    "订货日",
    "档位",
]


def _workbook(path: Path, rows: list[list[object]], title: bool = True) -> Path:
    caption = "七台河市烟草公司新兴区营销部 客户名单" if title else None
    return write_workbook(path, HEADERS, rows, title=caption, sheet="客户名单")


GOOD = [
    [
        1,
        "230902100001",
        "张小便利店",
        "张小",
        "13904561234",
        "230902100001",
        "周一线路",
        "周一",
        13,
    ],
    [2, "230902100101", "红旗商店", "孙红", "13904560001", "230902100101", "周三线路", "周三", 8],
    [3, "230902100102", "东风食杂", "钱东", "13904560002", "230902100102", "周三线路", "周三", 4],
]


@pytest.fixture
def dialog(qtbot, ctx):
    dialog = ImportDialog(ctx, "customers")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _count(dialog: ImportDialog, key: str) -> str:
    return dialog.counts[key].number.text()


def test_dry_run_shows_header_mapping_and_counts_then_imports(qtbot, dialog, filled, tmp_path):
    path = _workbook(tmp_path / "名单.xlsx", GOOD)
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert "第 2 行" in dialog.info_label.text() and "客户名单" in dialog.info_label.text()
    assert (_count(dialog, "new"), _count(dialog, "updated"), _count(dialog, "unchanged")) == (
        "2",
        "1",
        "0",
    )
    assert _count(dialog, "problems") == "0"
    assert _count(dialog, "missing") == "3"  # 3 customers in the database, not in the list
    assert dialog.combos["shop_name"].currentText() == "C 列：客户名称"
    assert dialog.combos["address"].currentText() == "（不导入）"
    assert dialog.import_button.isEnabled() and not dialog.skip_button.isEnabled()
    assert filled.customers.count() == 4  # a dry run changes nothing

    with qtbot.waitSignal(dialog.imported) as blocker:
        dialog.import_button.click()
    assert blocker.args[0].applied
    assert filled.customers.count() == 6
    assert filled.customers.by_code("230902100101").route_name == "周三线路"
    assert filled.customers.by_code("230902100001").grade == 13
    assert not dialog.isVisible()


def test_problems_block_import_until_skipped(qtbot, dialog, filled, tmp_path):
    rows = [*GOOD, [4, "230902100103", "坏号码店", "周坏", "12", "123", "周三线路", "周三", 99]]
    dialog.set_file(_workbook(tmp_path / "bad.xlsx", rows))
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert _count(dialog, "problems") == "1"
    problems = dialog.problem_rows
    assert all(row == "6" for row, _col, _text in problems)
    columns = {col for _row, col, _text in problems}
    assert "许可证号" in columns
    assert any("12 位数字" in text for _r, _c, text in problems)
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_button.isEnabled()
    dialog.skip_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert filled.customers.count() == 6
    with pytest.raises(Exception):  # noqa: B017 - the bad row was skipped
        filled.customers.by_code("230902100103")


def test_changing_the_mapping_reruns_the_check(qtbot, dialog, filled, tmp_path):
    dialog.set_file(_workbook(tmp_path / "名单.xlsx", GOOD))
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.report.columns.get("owner_name") == "负责人"
    shop_column = dialog.combos["shop_name"].currentData()
    dialog.set_mapping("shop_name", None)  # unmap a required column
    qtbot.waitUntil(lambda: dialog.report.fatal)
    assert "缺少必需的列" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled() and not dialog.skip_button.isEnabled()
    dialog.set_mapping("shop_name", shop_column)
    qtbot.waitUntil(lambda: not dialog.report.fatal)
    # Taking the 负责人 column for the address unmaps it from owner_name.
    owner_column = dialog.combos["owner_name"].currentData()
    dialog.set_mapping("address", owner_column)
    qtbot.waitUntil(lambda: "address" in dialog.report.columns)
    assert dialog.combos["owner_name"].currentData() is None
    assert "owner_name" not in dialog.report.columns


def test_an_unreadable_file_is_explained(qtbot, dialog, tmp_path):
    path = tmp_path / "not.xlsx"
    path.write_bytes(b"this is not a workbook")
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog))
    assert dialog.error_label.text()
    assert not dialog.import_button.isEnabled()


def test_sku_import(qtbot, ctx, filled, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["卷烟代码", "卷烟名称", "批发价", "零售价"])
    ws.append(["6901028001", "中华(硬)", 450, 500])
    ws.append(["6901028002", "玉溪(软)", 215, 230])
    path = tmp_path / "规格.xlsx"
    wb.save(path)
    dialog = ImportDialog(ctx, "skus")
    qtbot.addWidget(dialog)
    assert "missing" not in dialog.counts
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert _count(dialog, "new") == "2"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: filled.catalog.count() == 2)


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_an_import_that_changed_nothing_shows_the_new_report_and_stays_open(
    qtbot, dialog, filled, tmp_path, monkeypatch
):
    from fieldbook.core.xlsx.importing import ImportReport
    from fieldbook.qt.operations import imports

    dialog.set_file(_workbook(tmp_path / "名单.xlsx", GOOD))
    qtbot.waitUntil(lambda: dialog.report is not None)
    real = imports.IMPORTERS["customers"]

    def changed_since_the_check(journal, path, **options):
        if options.get("dry_run"):
            return real(journal, path, **options)
        return ImportReport(kind="customers", source=str(path), header_row=2, updated=["x"])

    monkeypatch.setitem(imports.IMPORTERS, "customers", changed_since_the_check)
    dialog.import_button.click()
    assert dialog.isVisible() and not dialog.busy
    assert (_count(dialog, "new"), _count(dialog, "updated")) == ("0", "1")
    assert dialog.import_button.isEnabled()
    assert filled.customers.count() == 4
