"""The market department's workbook across managers: a summary per manager over the period
with native charts (orders; visits planned against done), every manager's report weeks, and
the slip deliveries still open. The summary's figures are the sums of the week rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.chart import Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core import clock
from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.reports.official import form_head, print_head, span_text, standardise
from fieldbook.core.reports.saving import save_book
from fieldbook.core.reports.targets_block import targets_sheet
from fieldbook.core.routine.price_figures import PriceCounts
from fieldbook.core.server.department import ManagerWeek, inbox, managers_overview
from fieldbook.core.server.department_changes import changes_outside_slips
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.xlsx.print_scale import print_sheet_at_fit
from fieldbook.core.xlsx.stream import TableBook
from fieldbook.core.xlsx.writer import AMOUNT, RATE, bar_chart, first_sheet

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

SHEET_SUMMARY, SHEET_WEEKS, SHEET_OPEN = "各经理汇总", "周明细", "未办结反馈单"
#: 价格监测 per manager (routine.price_figures; decision 0020), the last columns of both tables
PRICE_HEAD = [("价格到位率", 10.0), ("明码标价率", 10.0), ("价格偏离", 9.0)]
SHEET_CHANGES = "客户信息变更"
STATUS = {"none": "未填写", "draft": "草稿", "submitted": "已提交", "reviewed": "已审阅"}
REVIEW = {"approved": "通过", "returned": "退回", "": ""}
SUMMARY_HEAD = [
    ("客户经理编号", 12.0),
    ("姓名", 10.0),
    ("计划户数", 9.0),
    ("完成户数", 9.0),
    ("完成率", 8.0),
    ("有问题走访", 10.0),
    ("订货量（条）", 11.0),
    ("金额（元）", 14.0),
    ("单条值（元/条）", 13.0),
    ("一二类占比", 10.0),
    ("开反馈单", 9.0),
    ("未办结投递", 10.0),
    ("其中逾期", 9.0),
    ("未结跟踪事项", 11.0),
    ("已交周报", 9.0),
    ("请假/公务（天）", 12.0),  # 出勤 (routine.attendance): out of the rate
    ("未说明（天）", 10.0),
    *PRICE_HEAD,
]
WEEK_HEAD = [
    ("客户经理编号", 12.0),
    ("姓名", 10.0),
    ("报告周", 10.0),
    ("开始", 11.0),
    ("结束", 11.0),
    ("计划户数", 9.0),
    ("完成户数", 9.0),
    ("有问题走访", 10.0),
    ("订货量（条）", 11.0),
    ("金额（元）", 14.0),
    ("一二类占比", 10.0),
    ("开反馈单", 9.0),
    ("周报", 8.0),
    ("审阅", 8.0),
    ("审阅意见", 30.0),
    ("出勤", 36.0),  # the week's marked days: 请假（病假）, 会议 … 未说明
    ("忽略建议", 9.0),
    ("其中违纪", 9.0),
    *PRICE_HEAD,
]
OPEN_HEAD = [
    ("反馈单号", 26.0),
    ("部门", 10.0),
    ("客户经理", 16.0),
    ("客户", 24.0),
    ("类别", 10.0),
    ("状态", 8.0),
    ("期限", 11.0),
    ("逾期", 6.0),
]

CHANGES_HEAD = [
    ("客户经理编号", 12.0),
    ("姓名", 10.0),
    ("时间", 17.0),
    ("客户编码", 14.0),
    ("客户名称", 20.0),
    ("项目", 10.0),
    ("改前", 16.0),
    ("改后", 16.0),
    ("原因", 36.0),
    ("方式", 8.0),
]
CHANGED_FIELDS = {"licence_no": "许可证号", "status": "经营状态", "grade": "档位"}
CHANGED_FIELDS |= {"route": "线路", "order_weekday": "订货日"}
SOURCES = {"edit": "手工修改", "import": "导入名单"}


def _change_rows(journal: Journal, start: date, end: date) -> list[list[Any]]:
    """客户信息变更: licence and status changes made outside a completed slip."""

    def shown(field: str, value: str) -> str:
        return vocabulary().status_name(value) if field == "status" and value else value

    return [
        [
            c.manager_code,
            c.manager_name,
            f"{c.at:%Y-%m-%d %H:%M}",
            c.customer_code,
            c.shop_name,
            CHANGED_FIELDS.get(c.field, c.field),
            shown(c.field, c.old_value),
            shown(c.field, c.new_value),
            c.reason,
            SOURCES.get(c.source, c.source),
        ]
        for c in changes_outside_slips(journal, start, end)
    ]


@dataclass
class _Totals:
    planned: int = 0
    visited: int = 0
    findings: int = 0
    cartons: int = 0
    amount_fen: int = 0
    top_cartons: int = 0
    slips: int = 0
    reports: int = 0


def _price_cells(c: PriceCounts) -> list[Any]:
    """价格到位率, 明码标价率 ("—" with nothing to count, never 0 %) and the deviations."""
    price = round(c.price_rate, 4) if c.price_rate is not None else "—"
    tags = round(c.tag_rate, 4) if c.tag_rate is not None else "—"
    return [price, tags, c.deviations]


def _week_row(w: ManagerWeek) -> list[Any]:
    return [
        w.manager_code,
        w.manager_name,
        w.label,
        w.start,
        w.end,
        w.planned,
        w.visited,
        w.visits_with_findings,
        w.cartons,
        round(w.amount_fen / 100, 2),
        "—" if w.top_share is None else round(w.top_share, 4),
        w.slips_opened,
        STATUS.get(w.report_status, w.report_status),
        REVIEW.get(w.review, w.review),
        w.review_comment,
        "；".join(f"{mark.day:%m-%d} {mark.label}" for mark in w.marks),
        w.suggestions_dismissed,
        w.violations_dismissed,
        *_price_cells(w.prices),
    ]


def export_department(
    journal: Journal, start: date, end: date, path: Path, *, today: date | None = None
) -> Path:
    overview = managers_overview(journal, start, end, today=today)
    rules = slip_rules()
    summary: list[list[Any]] = []
    weeks: list[list[Any]] = []
    for m in overview:
        t = _Totals()
        for w in m.weeks:
            weeks.append(_week_row(w))
            t.planned += w.planned
            t.visited += w.visited
            t.findings += w.visits_with_findings
            t.cartons += w.cartons
            t.amount_fen += w.amount_fen
            t.top_cartons += w.top_cartons
            t.slips += w.slips_opened
            t.reports += w.report_status in ("submitted", "reviewed")
        summary.append(
            [
                m.code,
                m.name,
                t.planned,
                t.visited,
                round(t.visited / t.planned, 4) if t.planned else "—",
                t.findings,
                t.cartons,
                round(t.amount_fen / 100, 2),
                round(t.amount_fen / 100 / t.cartons, 2) if t.cartons else "—",
                round(t.top_cartons / t.cartons, 4) if t.cartons else "—",
                t.slips,
                m.open_deliveries,
                m.overdue_deliveries,
                m.open_followups,
                t.reports,
                sum(w.days_excused for w in m.weeks),
                sum(w.days_unexplained for w in m.weeks),
                *_price_cells(sum((w.prices for w in m.weeks), PriceCounts())),
            ]
        )
    open_rows = [
        [
            r.number,
            rules.departments.get(code, code),
            r.manager,
            r.customer,
            r.category,
            rules.states.get(r.state, r.state),
            r.due_date,
            "是" if r.overdue else "",
        ]
        for code in rules.departments
        for r in inbox(journal, code, today=today)
    ]
    book = TableBook()
    ws = first_sheet(book.wb, SHEET_SUMMARY)
    period = f"　{span_text(start, end)}"
    rates = {len(SUMMARY_HEAD) - 2: RATE, len(SUMMARY_HEAD) - 1: RATE}
    summary_formats = {5: RATE, 8: AMOUNT, 9: AMOUNT, 10: RATE, **rates}
    book.table(ws, SUMMARY_HEAD, summary, f"各经理汇总{period}", summary_formats)
    print_sheet_at_fit(ws, title_columns="A:A")  # never below 70 % (decision 0024)
    week_rates = {11: RATE, len(WEEK_HEAD) - 2: RATE, len(WEEK_HEAD) - 1: RATE}
    week_sheet = book.wb.create_sheet(SHEET_WEEKS)
    book.table(week_sheet, WEEK_HEAD, weeks, f"周明细{period}", {10: AMOUNT, **week_rates})
    print_sheet_at_fit(week_sheet, title_columns="A:A")
    book.table(book.wb.create_sheet(SHEET_OPEN), OPEN_HEAD, open_rows, "未办结反馈单", {})
    changes = _change_rows(journal, start, end)
    title = f"客户信息变更（未经反馈单）{period}"
    book.table(book.wb.create_sheet(SHEET_CHANGES), CHANGES_HEAD, changes, title, {})
    targets_sheet(book, journal, min(end, today or clock.today()))  # 任务进度
    if summary:
        _charts(ws, len(summary))
    head = form_head(journal, "客户经理工作汇总", span_text(start, end), manager=False)
    standardise(book.wb, head.unit)
    print_head(ws, head, ("市场部负责人",))
    return save_book(book, path)


def _charts(ws: Worksheet, managers: int) -> None:
    """Native charts beside the summary table, read from its cells."""
    last = managers + 1
    names = Reference(ws, min_col=2, min_row=2, max_row=last)
    orders = bar_chart()
    orders.title = "订货量（条）"
    orders.add_data(Reference(ws, min_col=7, min_row=1, max_row=last), titles_from_data=True)
    orders.set_categories(names)
    orders.height, orders.width = 8, 18
    orders.legend = None
    beside = get_column_letter(len(SUMMARY_HEAD) + 2)  # one empty column after the table
    ws.add_chart(orders, f"{beside}2")
    visits = bar_chart()
    visits.title = "走访：计划与完成"
    visits.add_data(
        Reference(ws, min_col=3, max_col=4, min_row=1, max_row=last), titles_from_data=True
    )
    visits.set_categories(names)
    visits.height, visits.width = 8, 18
    visits.legend.position = "b"
    ws.add_chart(visits, f"{beside}19")
