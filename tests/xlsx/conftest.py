"""Builders of messy and hostile tabular files, made in tmp_path at test time.

No binary fixture is committed: every file is written here with openpyxl or zipfile.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from fieldbook.core.text import clean_text

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

ROSTER_TITLE = "七台河市烟草公司 客户名单 2026年11月"
ROSTER_HEADERS = [
    "序号",
    "负责人",
    "客户名称",
    "联系 电话：",
    "许可证号*",
    "档位",
    "经营业态",
    "备注",
]
# (sheet row number, cells) as written; None = no cell.
ROSTER_ROWS: list[tuple[int, list[object]]] = [
    (5, [1, "张三", "新兴便利店", "0464-8123456", 230902100001.0, "３０", "便利店", None]),
    (6, [2, "李四", "桃山食杂店", "13904641234", "2.30903100002E+11", 25, "食杂店", "  "]),
    (
        8,
        [
            3,
            "王五",
            "茄子河烟酒",
            "１３９０４６４５６７８",
            "'230904200003",
            18,
            "烟酒商店",
            "老客户",
        ],
    ),
    (10, ["合计", None, None, None, None, 73]),
]


def write_xlsx(path: Path, sheets: dict[str, Iterable[tuple[int, Sequence[object]]]]) -> Path:
    """Write a workbook with openpyxl: sheet name -> (row number, cell values)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for number, cells in rows:
            for column, value in enumerate(cells, start=1):
                if value is not None:
                    ws.cell(row=number, column=column, value=value)
    wb.save(path)
    return path


def rewrite_zip(src: Path, dst: Path, replace: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing (bytes) or dropping (None) some members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                data = replace[info.filename]
                if data is not None:
                    zout.writestr(info.filename, data)
            else:
                zout.writestr(info.filename, zin.read(info))
        for name, data in replace.items():
            if name not in zin.namelist() and data is not None:
                zout.writestr(name, data)
    return dst


def raw_package(
    path: Path,
    sheet_xml: str,
    *,
    shared_strings: str | None = None,
    styles: str | None = None,
    workbook_extra: str = "",
    sheet_name: str = "Sheet1",
) -> Path:
    """A minimal hand-written .xlsx around one worksheet XML (for cases openpyxl can't write)."""
    rels = [f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>']
    if shared_strings is not None:
        rels.append(
            f'<Relationship Id="rId2" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    if styles is not None:
        rels.append(f'<Relationship Id="rId3" Type="{REL_NS}/styles" Target="styles.xml"/>')
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" '
            f'xmlns:r="{REL_NS}">{workbook_extra}<sheets>'
            f'<sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
            + "".join(rels)
            + "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if shared_strings is not None:
        members["xl/sharedStrings.xml"] = shared_strings
    if styles is not None:
        members["xl/styles.xml"] = styles
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def sheet_xml(rows: str, *, prefix: str = "", dimension: str | None = None) -> str:
    """A worksheet document around <row> elements (optionally with a namespace prefix)."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN_NS}"' if prefix else f'xmlns="{MAIN_NS}"'
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<{p}worksheet {xmlns}>{dim}<{p}sheetData>{rows}</{p}sheetData></{p}worksheet>"
    )


def _as_calamine(value: object) -> object:
    """openpyxl's value as calamine gives it: a whole-day datetime is a date (numbers compare
    equal anyway: 12 == 12.0)."""
    if isinstance(value, datetime) and value.time() == time() and value.tzinfo is None:
        return value.date()
    return value


def openpyxl_rows(path: Path, sheet: str) -> list[tuple[int, tuple[object, ...]]]:
    """Reference reading with openpyxl (read-only, defusedxml): the oracle for our reader."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[sheet]
        ws.reset_dimensions()
        result = []
        for number, cells in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
            values = [_as_calamine(value) for value in cells]
            while values and clean_text(values[-1]) == "":
                values.pop()
            if values:
                result.append((number, tuple(values)))
        return result
    finally:
        wb.close()


BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE sst [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>\n"
    f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)


class Kit:
    """The builders and constants above, handed to tests by the ``kit`` fixture (pytest
    advises against importing from conftest)."""

    MAIN_NS = MAIN_NS
    ROSTER_TITLE = ROSTER_TITLE
    ROSTER_HEADERS = ROSTER_HEADERS
    ROSTER_ROWS = ROSTER_ROWS
    write_xlsx = staticmethod(write_xlsx)
    rewrite_zip = staticmethod(rewrite_zip)
    raw_package = staticmethod(raw_package)
    sheet_xml = staticmethod(sheet_xml)
    openpyxl_rows = staticmethod(openpyxl_rows)
    BILLION_LAUGHS = BILLION_LAUGHS


# ----------------------------------------------------------------------------------- fixtures


@pytest.fixture
def kit() -> type[Kit]:
    return Kit


@pytest.fixture
def messy_roster(tmp_path: Path) -> Path:
    """Empty first sheet, then a roster with title rows, shuffled headers, full-width digits,
    licence numbers as float / scientific text / apostrophe text, blank rows and a 合计 row."""
    rows: list[tuple[int, list[object]]] = [
        (1, [ROSTER_TITLE]),
        (2, ["制表：新兴区营销部", None, None, None, "日期：", datetime(2026, 11, 3)]),
        (4, ROSTER_HEADERS),
        *ROSTER_ROWS,
        (9, [None, "\u200b", "   ", None, "\u3000"]),  # looks blank: skipped
    ]
    path = write_xlsx(tmp_path / "客户名单.xlsx", {"说明": [], "客户名单": rows})
    wb = openpyxl.load_workbook(path)
    ws = wb["客户名单"]
    ws.merge_cells(f"A1:{get_column_letter(len(ROSTER_HEADERS))}1")
    ws.cell(row=5, column=12, value="")  # a trailing empty-string cell
    wb.save(path)
    return path


@pytest.fixture
def sparse_xlsx(tmp_path: Path) -> Path:
    """Data starting at row 5 (dimension C5:E40) with gaps between rows."""
    rows = [
        (5, [None, None, "名称", "许可证号", "档位"]),
        (6, [None, None, "甲店", "230902100011", 3]),
        (9, [None, None, "乙店", "230902100012", 4]),
        (40, [None, None, "丙店", "230902100013", 5]),
    ]
    return write_xlsx(tmp_path / "sparse.xlsx", {"Sheet": rows})


@pytest.fixture
def small_xlsx(tmp_path: Path) -> Path:
    rows = [(1, ["名称", "许可证号"]), *[(n, [f"店{n}", f"2309021{n:05d}"]) for n in range(2, 60)]]
    return write_xlsx(tmp_path / "small.xlsx", {"Sheet": rows})


@pytest.fixture
def make_rows_xlsx(tmp_path: Path) -> Callable[[int], Path]:
    def make(count: int) -> Path:
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Data")
        ws.append(["名称", "许可证号", "档位"])
        for n in range(count):
            ws.append([f"店{n}", f"2309021{n:05d}", n % 30 + 1])
        path = tmp_path / f"rows{count}.xlsx"
        wb.save(path)
        return path

    return make


@pytest.fixture
def gbk_csv(tmp_path: Path) -> Path:
    text = (
        "客户名称,许可证号,负责人,档位\r\n"
        "新兴便利店,230902100001,张三,30\r\n"
        "\r\n"
        '"桃山食杂店, 二部",230903100002,李四,25\r\n'
        "茄子河烟酒,2.30904E+11,王五,18\r\n"
    )
    path = tmp_path / "roster_gbk.csv"
    path.write_bytes(text.encode("gbk"))
    return path


@pytest.fixture
def semicolon_csv(tmp_path: Path) -> Path:
    text = (
        "\ufeff客户名称;许可证号;备注\n"
        '新兴便利店;230902100001;"多行\n备注"\n'
        ";;\n"
        "桃山食杂店;230903100002;\n"
    )
    path = tmp_path / "roster_semicolon.csv"
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- hostile files


@pytest.fixture
def random_bytes_xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(64 * 1024))
    return path


@pytest.fixture
def truncated_xlsx(tmp_path: Path, messy_roster: Path) -> Path:
    data = messy_roster.read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.fixture
def zip_without_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "noworkbook.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    return path


@pytest.fixture
def billion_laughs_xlsx(tmp_path: Path) -> Path:
    """A workbook whose (referenced) xl/sharedStrings.xml carries a billion-laughs DTD."""
    return raw_package(
        tmp_path / "laughs.xlsx",
        sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        shared_strings=BILLION_LAUGHS,
    )


@pytest.fixture
def billion_laughs_injected(tmp_path: Path, messy_roster: Path) -> Path:
    """The DTD injected into a real openpyxl-written roster (which has no shared strings)."""
    return rewrite_zip(
        messy_roster,
        tmp_path / "laughs_injected.xlsx",
        {"xl/sharedStrings.xml": BILLION_LAUGHS.encode()},
    )


@pytest.fixture
def make_bomb(tmp_path: Path) -> Callable[[int], Path]:
    """A valid-looking workbook plus one member of ``megabytes`` MiB of zeros."""

    def make(megabytes: int) -> Path:
        path = tmp_path / "bomb.xlsx"
        write_xlsx(path, {"Sheet": [(1, ["名称", "许可证号"])]})
        chunk = bytes(1024 * 1024)
        with (
            zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
            zf.open("xl/media/zeros.bin", "w") as fh,
        ):
            for _ in range(megabytes):
                fh.write(chunk)
        return path

    return make


@pytest.fixture
def many_entries_xlsx(tmp_path: Path, small_xlsx: Path) -> Path:
    path = tmp_path / "entries.xlsx"
    path.write_bytes(small_xlsx.read_bytes())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf:
        for n in range(20_000):
            zf.writestr(f"xl/media/e{n}.bin", b"")
    return path


OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


@pytest.fixture
def legacy_xls(tmp_path: Path) -> Path:
    path = tmp_path / "old.xlsx"  # named .xlsx on purpose: the content decides
    body = bytearray(OLE2_MAGIC + bytes(504)) + b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00" * 4
    path.write_bytes(bytes(body) + bytes(4096))
    return path


@pytest.fixture
def encrypted_xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "secret.xlsx"
    directory = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(OLE2_MAGIC + bytes(504) + bytes(3000) + directory + bytes(1000))
    return path
