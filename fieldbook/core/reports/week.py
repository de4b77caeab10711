"""The Thursday workbook (周总结 / 周计划) for the market department, and the same layout over a
month or any period: a printable summary form (周报 / 月报) with native charts, and detail
tables (按日, 走访明细, 规格观察, 发现问题, 反馈单, 订单) linked by visit id and slip number.

Every figure on the summary is computed from the very rows the detail sheets list
(``week_rows``), so the summary always equals what the details add up to. A submitted report's
snapshot figures are shown beside them (and a difference is called out) — the details are
never rewritten to fit. User text always lands in string cells (``xlsx.writer.put`` on the
summary, inline strings in the streamed tables, ``xlsx.stream``); the file is atomic and 0600.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.chart import Reference
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core import clock
from fieldbook.core.reports.form import (
    FORM_WIDTHS,
    PP_CHANGE,
    WEEKDAYS,
    Correction,
    Spec,
    banner,
    cells,
    change,
    corrections_table,
    figure_rows,
    paragraph,
    table_head,
)
from fieldbook.core.reports.official import (
    FormHead,
    form_head,
    month_title,
    signature_block,
    span_text,
    standardise,
    table_heads,
    week_title,
    write_head,
)
from fieldbook.core.reports.saving import save_book
from fieldbook.core.reports.targets_block import targets_block
from fieldbook.core.reports.week_detail import write_details
from fieldbook.core.reports.week_prices import (
    price_figures_spec,
    price_rows,
)
from fieldbook.core.reports.week_rows import (
    SHEET_DAYS,
    Period,
    Totals,
    gather,
    totals,
)
from fieldbook.core.reports.week_times import time_row
from fieldbook.core.routine.class_structure import build, headline_text
from fieldbook.core.routine.daylog_text import STATUS_NAMES
from fieldbook.core.routine.period_figures import missing_days_text
from fieldbook.core.routine.targets import MonthProgress
from fieldbook.core.routine.week import NARRATIVE, PLAN_FIELDS, WeekView, report_period
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store.audit import chain_head, footer_text
from fieldbook.core.workdays import month_range
from fieldbook.core.xlsx.stream import TableBook
from fieldbook.core.xlsx.writer import (
    AMOUNT,
    COUNT,
    MINUTES,
    RATE,
    a4_portrait,
    bar_chart,
    first_sheet,
    page_footer,
    set_widths,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

REVIEW_NAMES = {"approved": "已审阅：通过", "returned": "已审阅：退回"}
TARGET_NAMES = {
    "cartons": "订货量（条）",
    "per_carton": "单条值（元）",
    "skus_on_shelf": "上柜规格数",
    "new_shops": "新增户数",
}
GROWTH = "+0.0%;-0.0%;0.0%"
#: Who signs the week and month report (decision 0023).
SIGNERS = ("客户经理", "部门负责人（审阅）")


def plan_text(key: str, value: Any) -> str:
    """A field of next week's plan (or of the narrative) as one text."""
    if value in (None, "", [], {}):
        return "（空）"
    if key == "routes" and isinstance(value, dict):
        return "；".join(
            f"周{WEEKDAYS[int(k) - 1]}：{v}" for k, v in sorted(value.items()) if str(k).isdigit()
        )
    if key == "targets" and isinstance(value, dict):
        return "；".join(f"{TARGET_NAMES.get(k, k)}：{v}" for k, v in value.items())
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _status_text(view: WeekView | None) -> str:
    if view is None:
        return "—"
    status = REVIEW_NAMES.get(view.review, "") if view.status == "reviewed" else ""
    status = status or STATUS_NAMES.get(view.status, view.status)
    if view.submitted_at:
        status += f"（{view.submitted_at:%Y-%m-%d %H:%M} 提交）"
    if view.status == "reviewed" and (view.review_comment or view.reviewer):
        status += f"　审阅人：{view.reviewer or '—'}　意见：{view.review_comment or '—'}"
    return status


def write_summary(
    ws: Worksheet,
    p: Period,
    *,
    head: FormHead,
    view: WeekView | None,
    audit_line: str | None = None,
    targets: MonthProgress | None = None,
) -> int:
    set_widths(ws, FORM_WIDTHS)
    top = write_head(ws, 1, head)
    t = totals(p)
    cells(ws, top, [(1, 1, "状态", "label"), (2, 8, _status_text(view), None)])
    row = _figures(ws, banner(ws, top + 1, "一、主要指标（均由后附明细表汇总）"), p, t)
    row = _snapshot_note(ws, row, t, view)
    if targets is not None:  # 月度任务 on the period's last day (routine.targets)
        row = targets_block(ws, row, targets)
    row = time_row(ws, row, view)
    row = _price_classes(ws, row, p, t)
    row = _findings(ws, row, p)
    row = _slips(ws, row, p)
    if view is not None:
        row = _narrative_and_plan(ws, row, view)
        row = _corrections(ws, row, view)
    row = signature_block(ws, row + 1, SIGNERS) + 1
    ws.row_breaks.append(Break(id=row - 1))  # the charts print together on their own page
    row = banner(ws, row, "附：每日订货量与拜访完成情况（数据见“按日”表）")
    _charts(ws, row, len(p.days))
    if audit_line:  # under the charts: the audit chain's head, for `audit verify --head`
        paragraph(ws, row + 35, audit_line, size=9)
    a4_portrait(ws)
    ws.print_area = f"A1:H{row + 36}"
    page_footer(ws)
    return row


def _figures(ws: Worksheet, row: int, p: Period, t: Totals) -> int:
    """一、主要指标: nineteen figures, four label/value pairs a row."""
    spec: list[tuple[str, Any, str | None]] = [
        ("拜访计划（户）", t.planned, COUNT),
        ("完成（户）", t.visited, COUNT),
        ("完成率", t.completion, RATE),
        ("走访次数", t.visits, COUNT),
        ("覆盖客户（户）", t.covered, COUNT),
        ("在册客户（户）", p.customers_active, COUNT),
        ("平均每户（分钟）", t.average_minutes if t.average_minutes is not None else "—", MINUTES),
        ("出勤天数", t.days_in_field, COUNT),
        ("订货量（条）", t.cartons, COUNT),
        ("金额（元）", t.amount, AMOUNT),
        ("单条值（元/条）", t.per_carton, AMOUNT),
        ("订货率", t.ordered / t.due if t.due else "—", RATE),
        ("未导入订单（天）", len(p.order_rate.missing), COUNT),
        ("上期订货量（条）", p.previous_cartons, COUNT),
        ("较上期（订货量）", change(t.cartons, p.previous_cartons), GROWTH),
        ("上期金额（元）", round(p.previous_amount, 2), AMOUNT),
        ("较上期（金额）", change(t.amount, p.previous_amount), GROWTH),
        ("店面照片（张）", p.photos, COUNT),
        ("请假/会议/培训/公务（天）", t.days_excused, COUNT),
        ("未说明（天）", t.days_unexplained, COUNT),
        ("忽略的建议反馈单", sum(p.dismissed.values()), COUNT),
        ("其中违纪", p.dismissed.get("violation", 0), COUNT),
        *price_figures_spec(p.prices, price_rows(p.prices, p.numbers)),
        ("满足率（订货量÷需求量）", p.supplied / p.demand if p.demand else "无需求量数据", RATE),
    ]
    row = figure_rows(ws, row, spec, per_row=4)
    return _missing_orders_note(ws, row, p)


def _missing_orders_note(ws: Worksheet, row: int, p: Period) -> int:
    """Which days 订货率 leaves out (no orders imported; ``routine.period_figures``)."""
    if not p.order_rate.missing:
        return row
    days = missing_days_text(p.order_rate.missing)
    return paragraph(ws, row, f"订货率只计已导入订单的日子（{days}未导入订单）。")


def _price_classes(ws: Worksheet, row: int, p: Period, t: Totals) -> int:
    """二、价类结构: every class in class order (empty ones too), its share against the period
    before, and the headline shares (``class_structure``: the week page's computation)."""
    row = banner(ws, row, "二、价类结构（订单明细见“订单”数据表）")
    if not t.cartons:
        return paragraph(ws, row, "本期无订单数据。")
    head = [(1, 1, "价类"), (2, 2, "订货量（条）"), (3, 4, "金额（元）"), (5, 5, "占订货量")]
    table_head(ws, row, [*head, (6, 6, "上期占比"), (7, 8, "较上期")])
    row += 1
    rows = build(p.classes, p.previous_classes)
    for r in rows:
        before: Any = "—" if r.before_share is None else r.before_share
        moved: Any = "—" if r.change_points is None else r.change_points
        spec: list[Spec] = [(1, 1, r.name, None), (2, 2, r.cartons, COUNT)]
        spec += [(3, 4, round(r.amount_fen / 100, 2), AMOUNT), (5, 5, r.share, RATE)]
        cells(ws, row, [*spec, (6, 6, before, RATE), (7, 8, moved, PP_CHANGE)])
        row += 1
    return paragraph(ws, row, headline_text(rows, "上期"))


def _findings(ws: Worksheet, row: int, p: Period) -> int:
    row = banner(ws, row, "三、发现问题（见“发现问题”表）")
    # shops (visits) with each finding, counted as the page counts them (checklist.count_findings:
    # a visit's price deviations are one finding row per SKU; the shop status is no finding)
    items = list(p.finding_counts.items())
    if not items:
        return paragraph(ws, row, "无")
    for i in range(0, len(items), 2):
        spec: list[Spec] = []
        for k, (label, n) in enumerate(items[i : i + 2]):
            spec += [(4 * k + 1, 4 * k + 3, label, None), (4 * k + 4, 4 * k + 4, n, COUNT)]
        cells(ws, row, spec)
        row += 1
    return row


def _slips(ws: Worksheet, row: int, p: Period) -> int:
    row = banner(ws, row, "四、反馈单（本期所开见“反馈单”表）与跟踪事项")
    head = [(1, 2, "部门"), (3, 4, "本期新开（份）"), (5, 6, "本期办结")]
    table_head(ws, row, [*head, (7, 8, "期末超期未办结")])
    row += 1
    names = slip_rules().departments
    depts = {  # as the week page counts them (routine.period_figures.slip_counts)
        names.get(dept, dept): (c["opened"], c["done"], c["overdue"])
        for dept, c in p.slip_counts.items()
        if any(c.values())
    }
    for name, (opened, done, overdue) in depts.items():
        cells(
            ws,
            row,
            [
                (1, 2, name, None),
                (3, 4, opened, COUNT),
                (5, 6, done, COUNT),
                (7, 8, overdue, COUNT),
            ],
        )
        row += 1
    if not depts:
        row = paragraph(ws, row, "本期无反馈单。")
    cells(
        ws,
        row,
        [
            (1, 2, "跟踪事项新增", "label"),
            (3, 4, p.followups_opened, COUNT),
            (5, 6, "跟踪事项关闭", "label"),
            (7, 8, p.followups_closed, COUNT),
        ],
    )
    return row + 1


def _narrative_and_plan(ws: Worksheet, row: int, view: WeekView) -> int:
    row = banner(ws, row, "五、本周总结")
    for key, label in NARRATIVE.items():
        text = str(view.narrative.get(key, "") or "（空）")
        cells(ws, row, [(1, 1, label, "label"), (2, 8, text, None)])
        row += 1
    row = banner(ws, row, "六、下周计划")
    for key, label in PLAN_FIELDS.items():
        text = plan_text(key, view.next_plan.get(key))
        cells(ws, row, [(1, 1, label, "label"), (2, 8, text, None)])
        row += 1
    return row


def _corrections(ws: Worksheet, row: int, view: WeekView) -> int:
    row = banner(ws, row, "七、更正记录（提交后的修改）")
    if view.status in ("none", "draft"):
        return paragraph(ws, row, "尚未提交：提交后的每一次更正都记录在这里。")
    if not view.corrections:
        return paragraph(ws, row, "无（提交后未作更正）")
    rows: list[Correction] = []
    for entry in view.corrections:
        key = entry.field.split(".", 1)[-1]
        label = NARRATIVE.get(key) or PLAN_FIELDS.get(key) or key
        old, new = plan_text(key, entry.old_value), plan_text(key, entry.new_value)
        rows.append((entry.at, label, old, new, entry.reason))
    return corrections_table(ws, row, rows)


def _snapshot_note(ws: Worksheet, row: int, t: Totals, view: WeekView | None) -> int:
    if view is None or view.status in ("none", "draft"):
        return row
    f = view.figures
    snap = (
        f"提交时快照：计划 {f.planned} 户，完成 {f.visited} 户，"
        f"订货 {f.cartons} 条，金额 {f.amount_fen / 100:.2f} 元。"
    )
    same = (f.planned, f.visited, f.cartons, round(f.amount_fen / 100, 2)) == (
        t.planned,
        t.visited,
        t.cartons,
        t.amount,
    )
    snap += "与明细一致。" if same else "提交后数据有变动：以上指标与明细为当前数据。"
    return paragraph(ws, row, snap)


def _charts(ws: Worksheet, row: int, days: int) -> None:
    book = ws.parent
    src = book[SHEET_DAYS] if book is not None else None
    if not isinstance(src, Worksheet):
        raise TypeError(f"the summary charts read the {SHEET_DAYS} sheet of its workbook")
    cats = Reference(src, min_col=1, min_row=2, max_row=days + 1)
    bar = bar_chart()
    bar.type = "col"
    bar.title = "每日订货量（条）"
    bar.add_data(Reference(src, min_col=9, min_row=1, max_row=days + 1), titles_from_data=True)
    bar.set_categories(cats)
    bar.legend = None
    bar.height, bar.width = 8, 18
    bar.x_axis.number_format = "m-d"
    ws.add_chart(bar, f"A{row + 1}")
    visits = bar_chart()
    visits.type = "col"
    visits.title = "每日拜访：计划与完成（户）"
    visits.add_data(
        Reference(src, min_col=4, max_col=5, min_row=1, max_row=days + 1), titles_from_data=True
    )
    visits.set_categories(cats)
    visits.height, visits.width = 8, 18
    visits.x_axis.number_format = "m-d"
    visits.legend.position = "b"
    ws.add_chart(visits, f"A{row + 18}")


def export_period(
    journal: Journal,
    start: date,
    end: date,
    path: Path,
    *,
    title: str = "工作总结",
    summary_sheet: str = "汇总",
    view: WeekView | None = None,
    period: str | None = None,
) -> Path:
    """Write the workbook of ``start``..``end`` (inclusive) to ``path`` (.xlsx, 0600); the
    summary's period line is ``period`` (default: the dates and the number of days)."""
    p = gather(journal, start, end)
    days = (end - start).days + 1
    head = form_head(journal, title, period or f"{span_text(start, end)}（{days} 天）")
    book = TableBook()
    wb = book.wb
    summary = first_sheet(wb, summary_sheet)
    suffix = f"　{span_text(start, end)}"
    write_details(book, p, suffix)
    write_summary(
        summary,
        p,
        head=head,
        view=view,
        audit_line=_audit_line(journal),
        targets=journal.targets.progress(min(end, clock.today())),
    )
    standardise(wb, head.unit)
    table_heads(wb.worksheets[1:], head)
    return save_book(book, path)


def _audit_line(journal: Journal) -> str | None:
    """The footer recording the audit chain's head (entries, last hash) at export time, so
    a report sent on keeps a head the database file alone cannot rewrite (None on a
    department server, where the trail is not synced)."""
    if journal.db_path is None:
        return None
    return footer_text(chain_head(journal))


def export_week(journal: Journal, label: str, path: Path) -> Path:
    """The report week ``label`` (e.g. ``2026-W48``): 周报 + the detail sheets."""
    start, end = report_period(label)
    view = journal.weeks.get(label)
    return export_period(
        journal,
        start,
        end,
        path,
        title="周工作总结与计划",
        summary_sheet="周报",
        view=view,
        period=week_title(label),
    )


def export_month(journal: Journal, month: str, path: Path) -> Path:
    """The calendar month ``YYYY-MM``: 月报 + the detail sheets."""
    start, end = month_range(month)
    return export_period(
        journal,
        start,
        end,
        path,
        title="月工作总结",
        summary_sheet="月报",
        period=month_title(month),
    )
