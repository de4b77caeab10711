"""read_table / list_sheets / check_workbook_file on messy and hostile files."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from datetime import time as dt_time
from pathlib import Path

import openpyxl
import pytest

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.safety import Limits, check_workbook_file
from fieldbook.core.xlsx.table import RawRow, Table, UnreadCell
from fieldbook.core.xlsx.tabular import list_sheets, read_table

SANITY_SECONDS = 5.0


@contextmanager
def rejected(reason: str, seconds: float = SANITY_SECONDS) -> Iterator[list[FileRejected]]:
    """Expect FileRejected with exactly ``reason`` within a generous time bound."""
    caught: list[FileRejected] = []
    start = time.perf_counter()
    with pytest.raises(FileRejected) as info:
        yield caught
    elapsed = time.perf_counter() - start
    caught.append(info.value)
    assert info.value.reason == reason, (info.value.reason, info.value.detail, info.value.data)
    assert elapsed < seconds, f"took {elapsed:.2f}s"


def numbers(table: Table) -> list[int]:
    return [row.number for row in table.rows]


# ----------------------------------------------------------------------------- good files


def test_openpyxl_is_protected_by_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_messy_roster_rows_and_numbers(messy_roster: Path, kit) -> None:
    table = read_table(messy_roster)
    assert table.sheet == "客户名单"  # the empty first sheet "说明" is passed over
    assert table.source == str(messy_roster)
    # Title, info line, header and data rows keep their Excel row numbers; blank rows
    # (3, 7 and the invisible-only row 9) are gone; the 合计 row is kept for the importer.
    assert numbers(table) == [1, 2, 4, 5, 6, 8, 10]
    assert table.rows[0].cells == (kit.ROSTER_TITLE,)
    assert table.rows[1].cells == (
        "制表：新兴区营销部",
        None,
        None,
        None,
        "日期：",
        date(2026, 11, 3),  # a whole-day date cell comes back as a date
    )
    assert table.rows[2].cells == tuple(kit.ROSTER_HEADERS)
    by_number = {row.number: row.cells for row in table.rows}
    for number, cells in kit.ROSTER_ROWS:
        expected = list(cells)
        while expected and (expected[-1] is None or str(expected[-1]).strip() == ""):
            expected.pop()
        assert by_number[number] == tuple(expected)
    # Numbers come back as floats; clean_code/clean_text turn 230902100001.0 into "230902100001".
    assert by_number[5][4] == 230902100001.0
    assert isinstance(by_number[5][4], float)
    assert by_number[10][0] == "合计"


def test_messy_roster_matches_openpyxl(messy_roster: Path, kit) -> None:
    table = read_table(messy_roster)
    assert [(r.number, r.cells) for r in table.rows] == kit.openpyxl_rows(messy_roster, "客户名单")


def test_types_and_dates_match_openpyxl(tmp_path: Path, kit) -> None:
    rows = [
        (1, ["文本", "整数", "小数", "布尔", "日期", "日期时间", "时间", "公式"]),
        (2, ["a", 12, 381.6, True, date(2026, 11, 3), datetime(2026, 1, 2, 8, 30), None, None]),
        (3, ["b", -3, 1e-7, False, date(1999, 12, 31), datetime(2026, 1, 2), None, "=1+1"]),
    ]
    path = kit.write_xlsx(tmp_path / "types.xlsx", {"T": rows})
    wb = openpyxl.load_workbook(path)
    wb["T"]["G2"].value = datetime(2026, 1, 1, 14, 5).time()
    wb["T"]["D2"].number_format = 'yyyy"年"m"月"d"日"'  # a bool with a date format stays bool
    wb.save(path)
    table = read_table(path)
    assert [(r.number, r.cells) for r in table.rows] == kit.openpyxl_rows(path, "T")
    assert table.rows[1].cells[4] == date(2026, 11, 3)
    assert table.rows[1].cells[5] == datetime(2026, 1, 2, 8, 30)
    assert table.rows[1].cells[6] == dt_time(14, 5)
    assert table.rows[1].cells[3] is True
    # A formula without a cached value (openpyxl never computes) reads as empty: trimmed.
    assert table.rows[2].cells == (
        "b",
        -3,
        1e-7,
        False,
        date(1999, 12, 31),
        date(2026, 1, 2),  # a datetime at midnight is indistinguishable from a date
    )


def test_sparse_sheet_uses_excel_row_numbers(sparse_xlsx: Path, kit) -> None:
    with zipfile.ZipFile(sparse_xlsx) as zf:
        assert b'<dimension ref="C5:E40"' in zf.read("xl/worksheets/sheet1.xml")
    table = read_table(sparse_xlsx)
    assert numbers(table) == [5, 6, 9, 40]
    assert table.rows[0].cells == (None, None, "名称", "许可证号", "档位")
    assert table.rows[-1].cells == (None, None, "丙店", "230902100013", 5)
    assert [(r.number, r.cells) for r in table.rows] == kit.openpyxl_rows(sparse_xlsx, "Sheet")


def test_wrong_dimension_does_not_cut_rows(tmp_path: Path, sparse_xlsx: Path, kit) -> None:
    with zipfile.ZipFile(sparse_xlsx) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").replace(b'ref="C5:E40"', b'ref="A1"')
    path = kit.rewrite_zip(sparse_xlsx, tmp_path / "lying.xlsx", {"xl/worksheets/sheet1.xml": xml})
    assert numbers(read_table(path)) == [5, 6, 9, 40]


def test_raw_package_details(tmp_path: Path, kit) -> None:
    """Prefixed namespace, rows/cells without r, shared rich text with phonetics, inline
    strings, _xHHHH_ escapes, booleans, errors, a CJK built-in date format (id 31)."""
    sst = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{kit.MAIN_NS}">'
        "<si><t>七台河</t></si>"
        "<si><r><t>新兴</t></r><r><rPr><b/></rPr><t>便利店</t></r>"
        "<rPh sb='0' eb='2'><t>xinxing</t></rPh></si>"
        "<si><t>a_x000D_b</t></si><si><t>a_x005F_x000D_b</t></si></sst>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{kit.MAIN_NS}">'
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="2"/></cellXfs>'
        "</styleSheet>"
    )
    rows = (
        '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c>'
        '<x:c r="E2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c></x:row>'
        '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c>'
        '<x:c s="1"><x:v>46329</x:v></x:c><x:c s="2"><x:v>381.6</x:v></x:c>'
        '<x:c t="s"><x:v>2</x:v></x:c><x:c r="F3"/></x:row>'
        '<x:row r="7"><x:c r="B7" t="str"><x:v>公式结果</x:v></x:c>'
        '<x:c r="C7" t="s"><x:v>3</x:v></x:c></x:row>'
    )
    path = kit.raw_package(
        tmp_path / "raw.xlsx",
        kit.sheet_xml(rows, prefix="x"),
        shared_strings=sst,
        styles=styles,
    )
    table = read_table(path)
    assert numbers(table) == [2, 3, 7]
    assert table.rows[0].cells == ("七台河", "新兴便利店", None, None, "内联")
    # calamine reads error cells (#N/A) as empty; 31 = yyyy"年"m"月"d"日" is a date.
    assert table.rows[1].cells == (True, None, date(2026, 11, 3), 381.6, "a\rb")
    # ... so the error is kept beside the cells, where it is (a row and a cell without r)
    assert table.unread == {(3, 1): UnreadCell("error_cell", "#N/A")}
    assert table.rows[2].cells == (None, "公式结果", "a_x000D_b")  # escaped "_" stays literal


def test_date1904_workbook(tmp_path: Path, kit) -> None:
    styles = (
        f'<styleSheet xmlns="{kit.MAIN_NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/>'
        "</cellXfs></styleSheet>"
    )
    path = kit.raw_package(
        tmp_path / "mac.xlsx",
        kit.sheet_xml('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>1</v></c></row>'),
        styles=styles,
        workbook_extra='<workbookPr date1904="1"/>',
    )
    assert read_table(path).rows[0].cells[1] == date(1904, 1, 2)


def test_sheet_selection_and_list_sheets(tmp_path: Path, kit) -> None:
    path = kit.write_xlsx(
        tmp_path / "two.xlsx",
        {"空": [], "甲": [(1, ["a", 1])], "乙": [(3, ["b", 2])]},
    )
    assert list_sheets(path) == ["空", "甲", "乙"]
    assert read_table(path).sheet == "甲"
    table = read_table(path, sheet="乙")
    assert (table.sheet, table.rows) == ("乙", [RawRow(3, ("b", 2))])
    assert read_table(path, sheet="空").rows == []
    with rejected("no_such_sheet") as caught:
        read_table(path, sheet="丙")
    assert caught[0].data["sheets"] == ["空", "甲", "乙"]
    assert caught[0].data["sheet"] == "丙"


def test_hidden_sheet_is_not_the_default(tmp_path: Path, kit) -> None:
    path = kit.write_xlsx(tmp_path / "hidden.xlsx", {"helper": [(1, ["x"])], "data": [(1, ["y"])]})
    wb = openpyxl.load_workbook(path)
    wb["helper"].sheet_state = "hidden"
    wb.save(path)
    assert read_table(path).sheet == "data"
    assert read_table(path, sheet="helper").rows == [RawRow(1, ("x",))]


def test_workbook_without_data(tmp_path: Path, kit) -> None:
    path = kit.write_xlsx(tmp_path / "empty.xlsx", {"A": [], "B": []})
    table = read_table(path)
    assert (table.sheet, table.rows) == ("A", [])


def test_xlsm_is_read(tmp_path: Path, small_xlsx: Path) -> None:
    path = tmp_path / "macro.XLSM"
    path.write_bytes(small_xlsx.read_bytes())
    assert len(read_table(path).rows) == 59


def test_cancel_is_polled(make_rows_xlsx: Callable[[int], Path]) -> None:
    path = make_rows_xlsx(2500)
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with rejected("cancelled") as caught:
        read_table(path, cancelled=cancelled)
    assert len(calls) == 2
    assert caught[0].data["row"] == 2000
    assert len(read_table(path, cancelled=lambda: False).rows) == 2501


def test_max_rows(make_rows_xlsx: Callable[[int], Path]) -> None:
    path = make_rows_xlsx(1500)
    with rejected("too_many_rows") as caught:
        read_table(path, limits=Limits(max_rows=1000))
    assert caught[0].data["limit"] == 1000
    assert len(read_table(path, limits=Limits(max_rows=1501)).rows) == 1501


def test_max_columns(tmp_path: Path, kit) -> None:
    path = kit.write_xlsx(tmp_path / "wide.xlsx", {"W": [(1, [f"c{n}" for n in range(40)])]})
    with rejected("too_many_columns") as caught:
        read_table(path, limits=Limits(max_columns=30))
    assert caught[0].data["columns"] == 40
    assert len(read_table(path).rows[0].cells) == 40


HOSTILE_SHEETS = [
    pytest.param(
        "xfd.xlsx",
        '<row r="1"><c r="ZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row>',
        "too_many_columns",
        id="absurd_cell_reference_is_too_many_columns",
    ),
    pytest.param(
        "far.xlsx",
        '<row r="99999999"><c r="A99999999"><v>1</v></c></row>',
        "too_many_rows",
        id="row_number_beyond_excel_is_rejected",
    ),
    pytest.param(
        "broken.xlsx",
        "<row r='1'><c><v>1</v></row>",
        "unreadable",
        id="malformed_sheet_xml_is_unreadable",
    ),
    pytest.param(
        "entity.xlsx",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>',
        "unreadable",
        id="undefined_entity_is_unreadable",
    ),
]


@pytest.mark.parametrize(("name", "rows_xml", "reason"), HOSTILE_SHEETS)
def test_hostile_sheet_xml_is_rejected(
    tmp_path: Path, kit, name: str, rows_xml: str, reason: str
) -> None:
    path = kit.raw_package(tmp_path / name, kit.sheet_xml(rows_xml))
    with rejected(reason):
        read_table(path)


def test_bad_shared_string_index_is_unreadable(tmp_path: Path, kit) -> None:
    path = kit.raw_package(
        tmp_path / "badsst.xlsx",
        kit.sheet_xml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'),
        shared_strings=f'<sst xmlns="{kit.MAIN_NS}"><si><t>x</t></si></sst>',
    )
    with rejected("unreadable") as caught:
        read_table(path)
    assert "shared strings" in caught[0].detail


# ------------------------------------------------------------------------------------ csv


def test_gbk_csv(gbk_csv: Path) -> None:
    table = read_table(gbk_csv)
    assert table.sheet == ""
    assert list_sheets(gbk_csv) == [""]
    assert numbers(table) == [1, 2, 4, 5]
    assert table.rows[0].cells == ("客户名称", "许可证号", "负责人", "档位")
    assert table.rows[2].cells == ("桃山食杂店, 二部", "230903100002", "李四", "25")
    assert table.rows[3].cells[1] == "2.30904E+11"  # cells stay raw text


def test_semicolon_csv_with_bom_and_multiline_field(semicolon_csv: Path) -> None:
    table = read_table(semicolon_csv)
    assert table.rows[0].cells == ("客户名称", "许可证号", "备注")  # BOM removed
    assert table.rows[1].cells == ("新兴便利店", "230902100001", "多行\n备注")
    # The record on lines 2-3 is numbered 2; the ";;" line 4 is blank; then line 5.
    assert numbers(table) == [1, 2, 5]
    assert table.rows[2].cells == ("桃山食杂店", "230903100002")


def test_tab_separated_txt_with_sep_hint(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text("sep=\t\n名称\t许可证号\n甲店\t230902100001\n", encoding="utf-8")
    table = read_table(path)
    assert [(r.number, r.cells) for r in table.rows] == [
        (2, ("名称", "许可证号")),
        (3, ("甲店", "230902100001")),
    ]


def test_utf16_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("名称\t档位\r\n甲店\t3\r\n".encode("utf-16"))
    assert read_table(path).rows == [RawRow(1, ("名称", "档位")), RawRow(2, ("甲店", "3"))]


def test_single_column_csv(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("许可证号\n230902100001\n230902100002\n", encoding="utf-8")
    assert [r.cells for r in read_table(path).rows] == [
        ("许可证号",),
        ("230902100001",),
        ("230902100002",),
    ]


def test_csv_limits(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("".join(f"店{n},{n}\n" for n in range(1500)), encoding="utf-8")
    with rejected("too_many_rows"):
        read_table(path, limits=Limits(max_rows=1000))
    with rejected("too_many_columns"):
        read_table(path, limits=Limits(max_columns=1))


def test_csv_with_nul_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"a,b\n\x00\x01\x02,c\n")
    with rejected("not_text"):
        read_table(path)


# -------------------------------------------------------------------------- hostile files


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "roster.ods"
    path.write_bytes(b"PK\x03\x04")
    with rejected("unsupported_type"):
        read_table(path)


def test_not_found_and_empty(tmp_path: Path) -> None:
    with rejected("not_found"):
        read_table(tmp_path / "missing.xlsx")
    with rejected("not_found"):
        read_table(tmp_path / "missing.csv")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    with rejected("empty"):
        read_table(tmp_path / "empty.xlsx")
    (tmp_path / "empty.csv").write_bytes(b"")
    with rejected("empty"):
        read_table(tmp_path / "empty.csv")


def test_too_large(small_xlsx: Path) -> None:
    with rejected("too_large") as caught:
        check_workbook_file(small_xlsx, Limits(max_file_bytes=1000))
    assert caught[0].data["limit"] == 1000
    assert caught[0].data["file"] == str(small_xlsx)


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        pytest.param("random_bytes_xlsx", "not_a_workbook", id="random_bytes"),
        pytest.param("truncated_xlsx", "truncated", id="truncated"),
        pytest.param("zip_without_workbook", "not_a_workbook", id="zip_without_workbook"),
        pytest.param("legacy_xls", "legacy_xls", id="legacy_xls"),
        pytest.param("encrypted_xlsx", "encrypted", id="encrypted_xlsx"),
    ],
)
def test_hostile_file_is_rejected(
    request: pytest.FixtureRequest, fixture: str, reason: str
) -> None:
    path: Path = request.getfixturevalue(fixture)
    with rejected(reason):
        read_table(path)


def test_corrupted_member_is_truncated(tmp_path: Path, small_xlsx: Path) -> None:
    path = tmp_path / "crc.xlsx"
    with zipfile.ZipFile(small_xlsx) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info), zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    offset = data.index(b"230902100")  # a digit inside the stored sheet: still well-formed XML
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    with rejected("truncated"):
        read_table(path)


def test_billion_laughs(billion_laughs_xlsx: Path, billion_laughs_injected: Path) -> None:
    for path in (billion_laughs_xlsx, billion_laughs_injected):
        with rejected("dtd") as caught:
            read_table(path)
        assert caught[0].data["member"] == "xl/sharedStrings.xml"


def test_calamine_never_expands_entities_even_without_our_guard(
    billion_laughs_xlsx: Path,
) -> None:
    """Second layer: fed straight to calamine (quick-xml), the billion laughs fails fast."""
    from python_calamine import CalamineError, CalamineWorkbook

    start = time.perf_counter()
    with pytest.raises(CalamineError, match="entity"):
        CalamineWorkbook.from_path(str(billion_laughs_xlsx)).get_sheet_by_index(0)
    assert time.perf_counter() - start < SANITY_SECONDS


def test_dtd_hidden_after_padding_or_in_utf16(tmp_path: Path, small_xlsx: Path, kit) -> None:
    padded = ('<?xml version="1.0"?><!-- <x> -->' + " " * 10_000 + "<!DOCTYPE x []><x/>").encode()
    path = kit.rewrite_zip(small_xlsx, tmp_path / "padded.xlsx", {"xl/styles.xml": padded})
    with rejected("dtd"):
        read_table(path)
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><x/>'.encode("utf-16")
    path = kit.rewrite_zip(small_xlsx, tmp_path / "utf16.xlsx", {"xl/styles.xml": utf16})
    with rejected("dtd"):
        read_table(path)


def test_bomb_by_ratio(make_bomb: Callable[[int], Path]) -> None:
    start = time.perf_counter()
    path = make_bomb(200)
    assert time.perf_counter() - start < 3.0, "building the bomb got slow"
    with rejected("bomb", seconds=1.0) as caught:
        read_table(path)
    assert caught[0].data["member"] == "xl/media/zeros.bin"


def test_bomb_by_total_size(make_bomb: Callable[[int], Path]) -> None:
    path = make_bomb(20)
    with rejected("bomb") as caught:
        check_workbook_file(path, Limits(max_ratio=1e9, max_uncompressed_bytes=10 * 2**20))
    assert caught[0].data["limit"] == 10 * 2**20


def test_too_many_entries(many_entries_xlsx: Path) -> None:
    with rejected("too_many_entries") as caught:
        read_table(many_entries_xlsx)
    assert caught[0].data["limit"] == 10_000


def test_list_sheets_rejects_hostile_files(billion_laughs_xlsx: Path, legacy_xls: Path) -> None:
    with rejected("dtd"):
        list_sheets(billion_laughs_xlsx)
    with rejected("legacy_xls"):
        list_sheets(legacy_xls)


def test_check_passes_a_good_workbook(messy_roster: Path) -> None:
    start = time.perf_counter()
    check_workbook_file(messy_roster)
    assert time.perf_counter() - start < 1.0


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    try:
        import os

        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pytest.skip("no FIFOs here")
    with rejected("not_found", seconds=1.0):
        read_table(fifo)


def test_oversized_cell_and_deep_nesting_are_harmless(tmp_path: Path, kit) -> None:
    """calamine streams both (no recursion, no per-element tree): they just read."""
    import base64
    import os

    huge = base64.b64encode(os.urandom(7 * 2**20)).decode()  # ~9.3 MiB, incompressible
    path = kit.raw_package(
        tmp_path / "hugerow.xlsx",
        kit.sheet_xml(f'<row r="1"><c r="A1" t="inlineStr"><is><t>{huge}</t></is></c></row>'),
    )
    start = time.perf_counter()
    assert read_table(path).rows == [RawRow(1, (huge,))]
    deep = "<x>" * 50_000 + "</x>" * 50_000
    xml = kit.sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>').replace(
        "<sheetData>", f"<extra>{deep}</extra><sheetData>"
    )
    path = kit.raw_package(tmp_path / "deep.xlsx", xml)
    assert read_table(path).rows == [RawRow(1, (1.0,))]
    assert time.perf_counter() - start < SANITY_SECONDS


@pytest.mark.parametrize(
    "rows",
    [
        # Two cells far apart: calamine would allocate 2**34 cells (512 GiB) and abort.
        '<row r="1"><c r="A1"><v>1</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
        # The same with the far cells' positions implied (no r): counted from the tags.
        '<row r="1"><c><v>1</v></c></row><row r="1048576">' + "<c><v>1</v></c>" * 16384 + "</row>",
        # 16 cells without r at row 1048576 (16.7M cells); an r inside another attribute's
        # value must not pass them off as cells with r (that would bound the area at 1M).
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576">'
        + "<c a=' r=\"A1\"'><v>1</v></c>" * 16
        + "</row>",
    ],
)
def test_sparse_sheet_bomb(tmp_path: Path, kit, rows: str) -> None:
    path = kit.raw_package(tmp_path / "sparse_bomb.xlsx", kit.sheet_xml(rows))
    with rejected("bomb", seconds=1.0) as caught:
        read_table(path)
    assert caught[0].data["member"] == "xl/worksheets/sheet1.xml"
    with rejected("bomb", seconds=1.0):
        list_sheets(path)


def test_sparse_area_limit(tmp_path: Path, kit) -> None:
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="5000"><c r="T5000"><v>2</v></c></row>'
    path = kit.raw_package(tmp_path / "sparse.xlsx", kit.sheet_xml(rows))
    assert numbers(read_table(path)) == [1, 5000]
    with rejected("bomb"):
        read_table(path, limits=Limits(max_cells=99_999))
    assert numbers(read_table(path, limits=Limits(max_cells=100_000))) == [1, 5000]


def test_shared_string_count_bomb(tmp_path: Path, kit) -> None:
    """calamine reserves <sst uniqueCount> strings up front (4e9 x 24 bytes: abort)."""
    sst = f'<sst xmlns="{kit.MAIN_NS}" uniqueCount="4000000000"><si><t>x</t></si></sst>'
    path = kit.raw_package(
        tmp_path / "sst.xlsx",
        kit.sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        shared_strings=sst,
    )
    with rejected("bomb") as caught:
        read_table(path)
    assert caught[0].data["member"] == "xl/sharedStrings.xml"


@pytest.mark.parametrize("member", ["xl/workbook.bin", "mimetype"])
def test_xlsb_or_ods_parts_are_refused(tmp_path: Path, small_xlsx: Path, kit, member: str) -> None:
    """calamine would fall back to its .xlsb/.ods reader, whose cells the gate does not see."""
    path = kit.rewrite_zip(small_xlsx, tmp_path / "mixed.xlsx", {member: b"x"})
    with rejected("not_a_workbook"):
        read_table(path)


def test_mixed_cell_kinds(tmp_path: Path, kit) -> None:
    """Shared strings, inline strings, a date, formulas with cached values, in one sheet."""
    sst = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{kit.MAIN_NS}" uniqueCount="2">'
        '<si><t>新兴便利店</t></si><si><t xml:space="preserve"> 桃山 </t></si></sst>'
    )
    styles = (
        f'<styleSheet xmlns="{kit.MAIN_NS}"><numFmts count="1">'
        '<numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></numFmts>'
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>'
        "</styleSheet>"
    )
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>内联</t></is></c>'
        '<c r="C1" s="1"><v>46329</v></c><c r="D1" s="2"><v>46330.5</v></c>'
        '<c r="E1"><f>1+1</f><v>2</v></c><c r="F1" t="str"><f>A1&amp;"!"</f><v>新兴便利店!</v></c>'
        '<c r="G1" t="b"><f>TRUE()</f><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><f>1/0</f></c></row>'
    )
    path = kit.raw_package(
        tmp_path / "mixed.xlsx", kit.sheet_xml(rows), shared_strings=sst, styles=styles
    )
    table = read_table(path)
    assert [(r.number, r.cells) for r in table.rows] == [
        (
            1,
            (
                "新兴便利店",
                "内联",
                date(2026, 11, 3),
                datetime(2026, 11, 4, 12, 0),
                2.0,
                "新兴便利店!",
                True,
            ),
        ),
        (3, (" 桃山 ",)),  # a formula without a cached value reads as empty
    ]


def test_random_roster_matches_openpyxl(tmp_path: Path, kit) -> None:
    import random

    rng = random.Random(7)
    choices: list[object] = [
        "新兴便利店",
        " 带空格 ",
        "",
        "<&>\"'",
        "多行\n文本",
        0,
        -12,
        381.6,
        1e-9,
        2.30902100001e11,
        True,
        False,
        date(2026, 11, 3),
        datetime(2026, 1, 2, 8, 30, 15),
        None,
        None,
    ]
    rows = [(n, [rng.choice(choices) for _ in range(12)]) for n in range(1, 301) if n % 7]
    path = kit.write_xlsx(tmp_path / "random.xlsx", {"R": rows})
    table = read_table(path)
    assert len(table.rows) > 200
    assert [(r.number, r.cells) for r in table.rows] == kit.openpyxl_rows(path, "R")
