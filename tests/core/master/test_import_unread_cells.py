"""Imports never read a cell as empty when it is not, nor drop a cell silently (issue 13,
item 9, after an adversarial test): a formula without a computed value (files written by
scripts and ERP exports) and an error value (#N/A) are problems of their row and column —
before, re-importing a customer with formulas in 经营地址/档位 blanked them with exit 0 and
``=550`` prices were lost; a CSV row with more cells than the header (an unquoted comma) is a
problem of its row; a code of more than 15 digits stored as a number is a problem; a column
with data but no header is named in a warning."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from cli_support import run

from fieldbook.core.errors import FileRejected, Problem
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_import import import_customers
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.sku_import import import_skus
from fieldbook.core.xlsx.table import UnreadCell
from fieldbook.core.xlsx.tabular import read_table
from fieldbook.core.xlsx.unread import unread_cells

HEADER = ["客户编码", "客户名称", "负责人", "经营地址", "档位", "线路", "备注"]
CODE = "230900000001"
FORMULA = UnreadCell("formula_without_value", "=1+1")
NA = UnreadCell("error_cell", "#N/A")


def book(path: Path, rows: list[list[object]], setup: object = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    for row in rows:
        ws.append(row)
    if callable(setup):
        setup(ws)
    wb.save(path)
    return path


def patch_sheet(path: Path, old: bytes, new: bytes) -> Path:
    """Rewrite the first worksheet's XML (what openpyxl cannot write: cached values)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            dst.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    return path


def found(problems: list[Problem]) -> set[tuple[int, str, str, str]]:
    return {(p.row, p.column, p.code, p.value) for p in problems}


def existing(journal: Journal) -> None:
    journal.customers.create(
        CustomerInput(
            code=CODE,
            shop_name="何颖副食店",
            owner_name="何颖",
            address="七台河市新兴区",
            grade=18,
            route="周一线路",
            notes="老客户",
        )
    )


def test_formulas_without_values_never_blank_an_existing_customer(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing(journal)
    row = [
        CODE,
        "何颖副食店",
        "何颖",
        '=CONCATENATE("七台河市","新兴区")',
        "=18",
        "周一线路",
        '="x"',
    ]
    path = book(tmp_path / "update.xlsx", [HEADER, row])
    report = import_customers(journal, path, dry_run=True)
    assert found(report.problems) == {
        (2, "经营地址", "formula_without_value", '=CONCATENATE("七台河市","新兴区")'),
        (2, "档位", "formula_without_value", "=18"),
        (2, "备注", "formula_without_value", '="x"'),
    }
    journal.close()
    code, out, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert code == 2 and "未导入任何数据" in out  # before: exit 0, "更新 1"
    assert "第 2 行，档位：是没有计算结果的公式" in err
    journal = Journal.open(f"sqlite:///{db_path}")
    try:
        c = next(c for c in journal.customers.list("") if c.code == CODE)
        assert (c.address, c.grade, c.notes) == ("七台河市新兴区", 18, "老客户")
    finally:
        journal.close()


def test_sku_prices_written_as_formulas_are_reported(journal: Journal, tmp_path: Path) -> None:
    header = ["卷烟代码", "卷烟名称", "品牌", "价类", "批发价", "零售价"]
    path = book(
        tmp_path / "sku.xlsx", [header, ["13100102", "中华(软)", "中华", "一类", "=550", "=650"]]
    )
    report = import_skus(journal, path)
    assert not report.applied
    assert found(report.problems) == {
        (2, "批发价", "formula_without_value", "=550"),
        (2, "零售价", "formula_without_value", "=650"),
    }


def test_error_cells_are_problems_not_blanks(journal: Journal, tmp_path: Path) -> None:
    def errors(ws: object) -> None:
        ws["G2"] = "#N/A"  # type: ignore[index]
        ws["G2"].data_type = "e"  # type: ignore[index]

    path = book(tmp_path / "err.xlsx", [HEADER, [CODE, "店", "主", "地址", 10, "周一线路"]], errors)
    report = import_customers(journal, path)
    assert not report.applied
    assert found(report.problems) == {(2, "备注", "error_cell", "#N/A")}


def test_a_row_of_formulas_only_is_reported_not_skipped(journal: Journal, tmp_path: Path) -> None:
    rows = [HEADER, [CODE, "店1", "主"], ["=A2+1", '="店2"']]
    report = import_customers(journal, book(tmp_path / "f.xlsx", rows), dry_run=True)
    assert 3 not in report.skipped_rows
    assert {(p.row, p.column) for p in report.problems} == {(3, "客户编码"), (3, "客户名称")}


def test_a_merged_formula_without_value_is_a_problem_of_every_row_it_spans(
    journal: Journal, tmp_path: Path
) -> None:
    rows = [HEADER, *[[f"23090000000{i}", f"店{i}", "主", "", 10, None] for i in range(1, 4)]]
    rows[1][5] = '="周一"&"线路"'
    path = book(tmp_path / "m.xlsx", rows, lambda ws: ws.merge_cells("F2:F4"))
    report = import_customers(journal, path, dry_run=True)
    assert {(p.row, p.column, p.code) for p in report.problems} == {
        (n, "线路", "formula_without_value") for n in (2, 3, 4)
    }


def test_formulas_with_computed_values_are_read(journal: Journal, tmp_path: Path) -> None:
    path = book(
        tmp_path / "ok.xlsx", [HEADER, [CODE, "店", "主", "地址", "=5*2", "周一线路", '=""']]
    )
    patch_sheet(path, b"<f>5*2</f><v></v>", b"<f>5*2</f><v>10</v>")
    patch_sheet(path, b'<c r="G2"><f>""</f><v></v>', b'<c r="G2" t="str"><f>""</f><v></v>')
    report = import_customers(journal, path)
    assert report.problems == [] and report.applied
    c = journal.customers.list("")[0]
    assert (c.grade, c.notes) == (10, "")  # "" is what the formula gave


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (b'<c r="B3"><f>1+1</f></c>', {(3, 1): UnreadCell("formula_without_value", "=1+1")}),
        (b'<c r="B3"><f>1+1</f><v/></c>', {(3, 1): UnreadCell("formula_without_value", "=1+1")}),
        (
            b'<x:c r="AA10" xmlns:x="urn:x"><x:f>A1&amp;"&#19971;"</x:f><x:v></x:v></x:c>',
            {(10, 26): UnreadCell("formula_without_value", '=A1&"七"')},
        ),
        (b'<c r="C2" t="e"><v>#DIV/0!</v></c>', {(2, 2): UnreadCell("error_cell", "#DIV/0!")}),
        (
            b'<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
            {(2, 2): UnreadCell("error_cell", "#DIV/0!")},
        ),
        (b'<c r="C2"><f>1+1</f><v>2</v></c>', {}),
        # no r: the row after the last, the column after the previous cell
        (
            b'<c r="A4"/></row><row><c t="s"><v>0</v></c><c><f>A1</f></c>',
            {(5, 1): UnreadCell("formula_without_value", "=A1")},
        ),
        (b'<c r="C2" t="str"><f>""</f><v></v></c>', {}),  # a formula that gave ""
        (b'<c r="C2" t="s"><v>0</v></c><col min="1"/><cfRule type="x"/>', {}),
        # any XML whitespace after a tag's name, and a value judged by its parsed text
        (b'<c\nr="C2"\n><f\n>1+1</f\n><v\r\n></v\t></c>', {(2, 2): FORMULA}),
        (b'<c r="C2"><f>1+1</f><v><![CDATA[]]></v></c>', {(2, 2): FORMULA}),
        (b'<c r="C2"><f>1+1</f><v><!-- 2 --></v></c>', {(2, 2): FORMULA}),
        (b'<c r="C2"><f>1+1</f><v><?x 2?></v></c>', {(2, 2): FORMULA}),
        (b'<c r="C2"><f>1+1</f><v><![CDATA[2]]></v></c>', {}),
        (
            b'<c r="C2" t="e"><v><![CDATA[#N/A]]></v></c>',
            {(2, 2): UnreadCell("error_cell", "#N/A")},
        ),
        # a formula outside a cell (data validation in extLst) is not a cell
        (
            b'<c r="C2"><v>1</v></c><x:dv xmlns:x="urn:x"><x:f>A1</x:f></x:dv>',
            {},
        ),
    ],
)
def test_unread_cells_in_sheet_xml(xml: bytes, expected: dict[tuple[int, int], UnreadCell]) -> None:
    sheet = b'<worksheet><sheetData><row r="4">' + xml + b"</row></sheetData></worksheet>"
    assert unread_cells(sheet, Path("x.xlsx"), "s") == expected


def test_a_csv_row_with_more_cells_than_the_header_is_reported(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "comma.csv"
    path.write_text(
        "客户编码,客户名称,备注\n230900000001,店1,第一部分,第二部分\n230900000002,店2,好\n",
        encoding="utf-8",
    )
    report = import_customers(journal, path, dry_run=True)
    assert found(report.problems) == {(2, "D", "extra_cells", "第二部分")}
    journal.close()
    code, out, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert code == 2 and "未导入任何数据" in out and "第 2 行" in err


def test_data_in_a_column_without_header_is_named_in_a_warning(
    journal: Journal, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def extra(ws: object) -> None:
        ws["I3"] = "无表头的数据"  # type: ignore[index]

    path = book(tmp_path / "x.xlsx", [HEADER, [CODE, "店1"], ["230900000002", "店2"]], extra)
    report = import_customers(journal, path, dry_run=True)
    assert report.problems == []
    assert found(report.warnings) == {(3, "I", "unlabelled_column", "")}
    journal.close()
    code, _, err = run(capsys, "--db", str(db_path), "import", "customers", str(path))
    assert code == 0 and "第 I 列有数据但没有表头" in err


@pytest.mark.parametrize(
    "cell",
    [123456789012345678901, 1.23456789012346e20, 1234567890123456, "1.23456789012346E+20"],
)
def test_a_code_longer_than_excel_keeps_is_reported(
    cell: object, journal: Journal, tmp_path: Path
) -> None:
    path = book(tmp_path / "long.xlsx", [HEADER, [cell, "店"]])
    report = import_customers(journal, path, dry_run=True)
    assert [(p.row, p.column, p.code) for p in report.problems] == [
        (2, "客户编码", "code_precision_lost")
    ]


@pytest.mark.parametrize("cell", [230900000001, 230900000001.0, "2.30900000001E+11", 12345])
def test_codes_excel_keeps_whole_are_read(cell: object, journal: Journal, tmp_path: Path) -> None:
    path = book(tmp_path / "ok.xlsx", [HEADER, [cell, "店"]])
    report = import_customers(journal, path, dry_run=True)
    assert report.problems == [] and len(report.new) == 1


def test_every_formula_of_a_long_list_is_found(tmp_path: Path) -> None:
    rows = [HEADER, *[[f"2309{i:08d}", f"店{i}", "主", "地址", "=5*2"] for i in range(2000)]]
    table = read_table(book(tmp_path / "big.xlsx", rows))
    assert len(table.rows) == 2001
    assert set(table.unread) == {(n, 4) for n in range(2, 2002)}


SKU_HEADER = ["卷烟代码", "卷烟名称", "品牌", "价类", "批发价", "零售价"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<f>", b"<f\n>"),
        (b"<f>", b"<f\t>"),
        (b"<f>", b"<f\r\n>"),
        (b"<v></v>", b"<v><![CDATA[]]></v>"),
        (b"<v></v>", b"<v><!-- x --></v>"),
        (b"<v></v>", b"<v><?x y?></v>"),
    ],
)
def test_formula_cells_spelt_otherwise_never_blank_prices(
    old: bytes,
    new: bytes,
    journal: Journal,
    tmp_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Second tester: the byte pre-filter knew only "<f>", "<f " and "<f/", and a raw <v> that
    was not empty counted as a value, so these updates blanked both prices with exit 0."""
    first = book(
        tmp_path / "first.xlsx", [SKU_HEADER, ["13100102", "中华(软)", "中华", "一类", 500, 600]]
    )
    assert import_skus(journal, first).applied
    row = ["13100102", "中华(软)", "中华", "一类", "=550", "=650"]
    path = patch_sheet(book(tmp_path / "update.xlsx", [SKU_HEADER, row]), old, new)
    journal.close()
    code, out, err = run(capsys, "--db", str(db_path), "import", "skus", str(path))
    assert code == 2 and "未导入任何数据" in out  # before: exit 0, "更新 1", prices NULL
    assert "第 2 行，批发价" in err and "第 2 行，零售价" in err
    journal = Journal.open(f"sqlite:///{db_path}")
    try:
        sku = next(s for s in journal.catalog.list("") if s.code == "13100102")
        assert (sku.wholesale_fen, sku.retail_fen) == (50000, 60000)
    finally:
        journal.close()


@pytest.mark.parametrize("bomb", [b"<c ", b"<c r=", b"<c><f>", b"<c><v>", b"<row><c "])
def test_an_unclosed_tag_bomb_is_refused_in_one_pass(bomb: bytes, tmp_path: Path) -> None:
    """Second tester: 30,000 unclosed "<c " before </row> made the cell regex backtrack for a
    minute of CPU (quadratic: 20,000 took 27 s, so the 300,000 here would take hours); now a
    streaming XML parser reads the sheet once and refuses XML that is not well-formed. The
    sheet stays under 1 MiB, below the compression-ratio check, as the tester's did."""
    count = 900_000 // len(bomb)
    path = book(tmp_path / "dos.xlsx", [SKU_HEADER, ["13100102", "中华", "中华", "一类", "=550"]])
    patch_sheet(path, b"</row></sheetData>", bomb * count + b"</row></sheetData>")
    with pytest.raises(FileRejected) as caught:
        read_table(path)
    assert caught.value.reason == "unreadable"
    xml = b"<worksheet><sheetData><row><c><f>1</f></c>" + bomb * count + b"</row></sheetData>"
    with pytest.raises(FileRejected):
        unread_cells(xml, Path("x.xlsx"), "s")


def test_a_utf16_sheet_is_read_by_the_parser(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><worksheet><sheetData><row r="2">'
    xml += '<c r="E2"><f>550</f><v></v></c></row></sheetData></worksheet>'
    found = unread_cells(xml.encode("utf-16"), Path("x.xlsx"), "s")
    assert found == {(2, 4): UnreadCell("formula_without_value", "=550")}


def test_a_sheet_declaring_entities_is_refused_by_the_scan() -> None:
    """The scan's parser is defusedxml's (the package check refuses a DTD first; this is the
    second lock): no entity is ever expanded."""
    xml = b'<!DOCTYPE w [<!ENTITY x "550">]><worksheet><sheetData><row r="2">'
    xml += b'<c r="E2"><f>&x;</f><v></v></c></row></sheetData></worksheet>'
    with pytest.raises(FileRejected) as caught:
        unread_cells(xml, Path("x.xlsx"), "s")
    assert caught.value.reason == "unreadable"
