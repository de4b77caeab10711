"""Streamed tables (fieldbook.core.xlsx.stream): what openpyxl and calamine read back."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from fieldbook.core.reports.saving import save_book
from fieldbook.core.xlsx.stream import TableBook
from fieldbook.core.xlsx.writer import AMOUNT, RATE

COLUMNS = [
    ("编号", 10.0),
    ("日期", 11.0),
    ("到店", 7.0),
    ("金额", 12.0),
    ("比率", 8.0),
    ("备注", 30.0),
]


def _book(tmp_path: Path, rows: list[list[object]]) -> Path:
    book = TableBook()
    book.wb.active.title = "汇总"
    book.wb.active["A1"] = "summary"
    book.table(book.wb.create_sheet("明细"), COLUMNS, rows, "明细", {4: AMOUNT, 5: RATE})
    return save_book(book, tmp_path / "t.xlsx")


def test_values_types_and_formats_survive(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["V1", date(2026, 11, 26), time(7, 45), 1234.5, 0.875, '=HYPERLINK("http://x","y")'],
        ["V2", datetime(2026, 11, 27, 15, 30), None, 0, 1.0, "  留空格  "],
        ["V3", date(2027, 1, 1), time(16, 0), 12, float("nan"), "A & B <c> \x07 bell"],
        [True, "", 3, -7.25, None, "末行"],
    ]
    path = _book(tmp_path, rows)
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["汇总", "明细"]
    ws = wb["明细"]
    assert ws.dimensions == "A1:F5"
    assert ws.auto_filter.ref == "A1:F5"
    assert ws.freeze_panes == "B2"
    assert [c.value for c in ws[1]] == [c[0] for c in COLUMNS]
    first = ws[2]
    assert first[1].value == datetime(2026, 11, 26) and first[1].number_format == "yyyy-mm-dd"
    assert first[2].value == time(7, 45) and first[2].number_format == "hh:mm"
    assert first[3].value == 1234.5 and first[3].number_format == AMOUNT
    assert first[4].value == 0.875 and first[4].number_format == RATE
    assert first[5].value == '=HYPERLINK("http://x","y")' and first[5].data_type == "s"
    second = ws[3]
    assert second[1].value == datetime(2026, 11, 27, 15, 30)
    assert second[1].number_format == "yyyy-mm-dd hh:mm"
    assert second[2].value is None
    assert second[5].value == "  留空格  "  # leading and trailing spaces kept
    third = ws[4]
    assert third[4].value == "nan"  # never an invalid number in the file
    assert third[5].value == "A & B <c>  bell"  # a control character cannot go in XML
    assert ws[5][0].value is True and ws[5][3].value == -7.25

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("明细").to_python()
    assert sheet[1][0] == "V1" and sheet[1][1] == date(2026, 11, 26)
    assert sheet[1][5] == '=HYPERLINK("http://x","y")'
    assert len(sheet) == 5


def test_no_formula_or_shared_string_in_the_streamed_part(tmp_path: Path) -> None:
    path = _book(tmp_path, [["V1", date(2026, 1, 2), None, 1, 0.5, "=1+1"]])
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        sheet = next(n for n in names if n.startswith("xl/worksheets/sheet2"))
        xml = z.read(sheet).decode()
        assert z.testzip() is None
    assert "<f>" not in xml
    assert 't="inlineStr"><is><t>=1+1</t></is>' in xml


def test_an_empty_table_is_just_its_header(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_book(tmp_path, []))["明细"]
    assert ws.max_row == 1
    assert ws.auto_filter.ref == "A1:F1"


def test_a_failed_save_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"old")

    book = TableBook()
    book.table(
        book.wb.create_sheet("明细"), COLUMNS, [["V1", None, None, 1, 0.5, "ok"]], "明细", {}
    )

    class Exploding(list[object]):
        def __iter__(self):  # type: ignore[no-untyped-def]
            yield ["V2", date(2026, 1, 3), None, 2, 0.5, "ok"]
            raise RuntimeError("query failed halfway")

    book.table(book.wb.create_sheet("坏表"), COLUMNS, Exploding([1]), "坏表", {})
    with pytest.raises(RuntimeError, match="halfway"):
        save_book(book, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]
