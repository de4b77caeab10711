"""The official form standard every export follows (decision 0023), written once: the head of
a form (填报单位 line, title, period in Chinese date notation, 客户经理, 制表日期), signature
boxes with 日期 where a person signs, and the page setup of every sheet (A4, a binding margin,
「第 N 页 共 M 页」, the optional 内部资料 · 注意保密 mark). No product name is printed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.form_unit import FormUnit
from fieldbook.core.reports.form import LAST
from fieldbook.core.routine.week import report_period
from fieldbook.core.workdays import month_range
from fieldbook.core.xlsx.print_scale import BINDING_MM, EDGE_MM, printable_points
from fieldbook.core.xlsx.writer import CJK_FONT, header_text, put, text_width

#: 「第 N 页 共 M 页」 (Excel's &P / &N page fields).
PAGE_FOOTER = "第 &P 页 共 &N 页"
CONFIDENTIAL_MARK = "内部资料 · 注意保密"
HEADER_MM = 8.0
BLANK = "＿" * 8
DATE_BLANK = "＿＿＿＿年＿＿月＿＿日"


def _inches(mm: float) -> float:
    return round(mm / 25.4, 3)


# --- titles in Chinese date notation --------------------------------------------------------
def date_text(day: date) -> str:
    """2026年12月7日"""
    return f"{day.year}年{day.month}月{day.day}日"


def span_text(start: date, end: date) -> str:
    """「2026年10月1日—12月31日」 (the year once when both ends share it)."""
    if start.year == end.year:
        return f"{date_text(start)}—{end.month}月{end.day}日"
    return f"{date_text(start)}—{date_text(end)}"


def week_title(label: str) -> str:
    """The report week ``2026-W48`` as 「2026年第48周（11月20日—11月26日）」 (its range is
    ``routine.week.report_period``)."""
    start, end = report_period(label)
    year, week = label.upper().split("-W")
    if start.year == end.year:
        inner = f"{start.month}月{start.day}日—{end.month}月{end.day}日"
    else:
        inner = span_text(start, end)
    return f"{int(year)}年第{int(week)}周（{inner}）"


def month_title(month: str) -> str:
    """``2026-11`` as 「2026年11月」."""
    start, _ = month_range(month)
    return f"{start.year}年{start.month}月"


# --- the head of a form ---------------------------------------------------------------------
@dataclass(frozen=True)
class FormHead:
    """What the head of a form says; ``manager`` empty on a department's form."""

    unit: FormUnit
    district: str
    title: str
    period: str
    manager: str
    made: date

    @property
    def unit_line(self) -> str:
        """公司 · 营销中心（市场部） · 营销部 (the parts that are set)."""
        parts = (self.unit.company, self.unit.center, self.district)
        return " · ".join(p for p in parts if p)


def form_head(
    journal: Journal, title: str, period: str, *, manager: bool = True, district: str | None = None
) -> FormHead:
    """The head of a form of the current manager (``manager=False``: a department's form)."""
    profile = journal.profile.get()
    who = f"{profile.name}（{profile.code}）" if profile and manager else ""
    if district is None:
        district = profile.district_unit if profile else ""
    return FormHead(journal.form_unit.get(), district, title, period, who, clock.today())


def _line(ws: Worksheet, row: int, text: str, last: int, *, size: int, bold: bool = False) -> None:
    cell = put(ws, row, 1, text, bold=bold)
    cell.font = Font(name=CJK_FONT, bold=bold, size=size)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    ws.row_dimensions[row].height = size * 1.8


def write_head(ws: Worksheet, row: int, head: FormHead, last: int = LAST) -> int:
    """The head at ``row`` across columns 1..``last``: unit line, title, period, then
    客户经理 (left) and 制表日期 (right); returns the next row."""
    if head.unit_line:
        _line(ws, row, head.unit_line, last, size=12)
        row += 1
    _line(ws, row, head.title, last, size=18, bold=True)
    _line(ws, row + 1, head.period, last, size=12)
    row += 2
    half = max(1, last // 2)
    if head.manager:
        put(ws, row, 1, f"客户经理：{head.manager}")
        if half > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=half)
    made = put(ws, row, half + 1 if last > 1 else 1, f"制表日期：{date_text(head.made)}")
    made.alignment = Alignment(horizontal="right", vertical="center")
    if last > half + 1:
        ws.merge_cells(start_row=row, start_column=half + 1, end_row=row, end_column=last)
    ws.row_dimensions[row].height = 20
    return row + 1


# --- signatures -----------------------------------------------------------------------------
def signature_text(role: str) -> str:
    """「客户经理（签字）：＿＿＿　日期：＿＿＿」; a role that names its act
    (「部门负责人（审阅）」) keeps it."""
    label = role if role.endswith("）") else f"{role}（签字）"
    return f"{label}：{BLANK}　　日期：{DATE_BLANK}"


def signature_block(ws: Worksheet, row: int, roles: Sequence[str], last: int = LAST) -> int:
    """One signature box per role from ``row``, each across columns 1..``last``; returns the
    next row."""
    for n, role in enumerate(roles):
        cell = put(ws, row + n, 1, signature_text(role))
        cell.alignment = Alignment(vertical="bottom")
        if last > 1:
            ws.merge_cells(start_row=row + n, start_column=1, end_row=row + n, end_column=last)
        ws.row_dimensions[row + n].height = 32
    return row + len(roles)


# --- the page -------------------------------------------------------------------------------
def page_standard(ws: Worksheet, unit: FormUnit) -> None:
    """A4, the binding margin on its edge, the page footer and the confidentiality mark; the
    sheet's orientation, scaling and print titles are kept."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    landscape = ws.page_setup.orientation == "landscape"
    m = ws.page_margins
    m.left = _inches(EDGE_MM if landscape else BINDING_MM)
    m.right = _inches(EDGE_MM)
    m.top = _inches(BINDING_MM if landscape else EDGE_MM + 5)
    m.bottom = _inches(EDGE_MM)
    m.header = m.footer = _inches(HEADER_MM)
    footer = ws.oddFooter
    header = ws.oddHeader
    if footer is None or header is None:  # openpyxl gives every sheet both
        raise TypeError("a worksheet without a header/footer")
    footer.center.text = PAGE_FOOTER
    header.left.text = CONFIDENTIAL_MARK if unit.confidential else None


def standardise(wb: Workbook, unit: FormUnit) -> None:
    """The page standard on every sheet of ``wb`` (call just before saving)."""
    for ws in wb.worksheets:
        page_standard(ws, unit)


#: Points a width unit of page-header text takes (``writer.text_width``: a CJK character is
#: two; measured on LibreOffice's PDF: 「客户经理：王艳（QTH001）」, 25 units, prints 121 pt wide).
HEADER_POINTS_PER_UNIT = 4.8


def _header_fits(ws: Worksheet, left: str, center: str, right: str) -> bool:
    """Whether the three parts of a page header print side by side without overlapping: the
    centred part leaves room on each side for the left and right parts."""
    room = printable_points(landscape=ws.page_setup.orientation == "landscape")
    half = (room - text_width(center) * HEADER_POINTS_PER_UNIT) / 2
    widest = max(text_width(left), text_width(right)) * HEADER_POINTS_PER_UNIT
    return widest <= half


def table_heads(sheets: Iterable[Worksheet], head: FormHead) -> None:
    """The unit before the title in the page header of each table sheet of a form, and its
    客户经理 on the right, so that a detail page parted from the form's first page still says
    whose it is — the unit only where it fits beside the mark and the manager (a portrait page
    is too narrow: the parts printed over each other). Call after ``page_standard`` (and after
    the sheet's own title is set)."""
    for ws in sheets:
        header = ws.oddHeader
        if header is None:
            raise TypeError("a worksheet without a header/footer")
        if head.manager:
            header.right.text = header_text(f"客户经理：{head.manager}")
        title = header.center.text or ""
        with_unit = "　".join(x for x in (header_text(head.unit_line), title) if x)
        left, right = header.left.text or "", header.right.text or ""
        if head.unit_line and _header_fits(ws, left, with_unit, right):
            header.center.text = with_unit


def print_head(ws: Worksheet, head: FormHead, signers: Sequence[str] = ()) -> None:
    """The head of a table sheet (whose rows start at row 1), printed on every page: the unit
    and the title with its period in the page header, 制表日期 on its right, and the
    signatures in the page footer's left. Call after ``page_standard``."""
    header, footer = ws.oddHeader, ws.oddFooter
    if footer is None or header is None:
        raise TypeError("a worksheet without a header/footer")
    lines = [head.unit_line, f"{head.title}　{head.period}"]
    # one line ("\n" is not portable); a name's "&" printed, not read as a code
    header.center.text = header_text("　".join(x for x in lines if x))
    header.right.text = f"制表日期：{date_text(head.made)}"
    if signers:
        footer.left.text = "　".join(signature_text(role) for role in signers)
