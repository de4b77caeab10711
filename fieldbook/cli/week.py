"""Command-line commands of Thursday 14:00–15:00 (周总结 / 周计划): ``export week`` (the
workbook for the market department), ``export month`` (the same layout over a month),
``week show`` and ``week submit``.

``--manager CODE`` exports that manager's week (on the department server, or any database
holding several managers: ``Journal.for_manager``); an unknown code is exit 2. Without it,
the database's own manager."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.week import WeekView

EXIT_OK, EXIT_INPUT = 0, 2
STATUS = {"none": "尚未填写", "draft": "草稿", "submitted": "已提交", "reviewed": "已审阅"}


def add_commands(sub: Any, export_sub: Any) -> None:
    from fieldbook.cli.main import output_path

    ew = export_sub.add_parser(
        "week", help="the week's workbook (周报, 按日, 走访明细, 规格观察, 发现问题, 反馈单, 订单)"
    )
    ew.add_argument("--week", default=None, help="report week, e.g. 2026-W48 (default: this week)")
    ew.add_argument("--manager", default=None, metavar="CODE", help="manager code (default: you)")
    ew.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    ew.set_defaults(func=cmd_export_week)

    em = export_sub.add_parser("month", help="the same workbook over a calendar month (月报)")
    em.add_argument("--month", required=True, help="YYYY-MM, e.g. 2026-11")
    em.add_argument("--manager", default=None, metavar="CODE", help="manager code (default: you)")
    em.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    em.set_defaults(func=cmd_export_month)

    ep = export_sub.add_parser(
        "period", help="the same workbook over any dates, e.g. a quarter or a year (工作总结)"
    )
    ep.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    ep.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    ep.add_argument("--manager", default=None, metavar="CODE", help="manager code (default: you)")
    ep.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    ep.set_defaults(func=cmd_export_period)

    wk = sub.add_parser("week", help="the weekly report (周总结 / 周计划)")
    wsub = wk.add_subparsers(dest="action", metavar="ACTION", required=True)
    ws = wsub.add_parser("show", help="print a week's report: figures, narrative, plan, status")
    ws.add_argument("--week", default=None, help="e.g. 2026-W48 (default: this week)")
    ws.set_defaults(func=cmd_week_show)
    wu = wsub.add_parser(
        "submit", help="submit a week's report: the figures are kept as they are now, it is locked"
    )
    wu.add_argument("--week", default=None, help="e.g. 2026-W48 (default: this week)")
    wu.set_defaults(func=cmd_week_submit)


def _err(line: str) -> None:

    print(line, file=sys.stderr)


def _label(args: argparse.Namespace) -> str:
    from fieldbook.core import clock
    from fieldbook.core.routine.week import label_for, report_period

    if not args.week:
        return label_for(clock.today())
    label = args.week.strip().upper()
    report_period(label)  # InvalidValue (exit 2) on a bad label
    return label


def _scoped(journal: Journal, code: str | None) -> Journal:
    """The journal seen as manager ``code`` (``InvalidValue``, exit 2, when unknown)."""
    return journal.for_manager(code) if code else journal


def cmd_export_week(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.reports.week import export_week

    label = _label(args)
    journal = open_journal(args)
    try:
        path = export_week(_scoped(journal, args.manager), label, args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def cmd_export_month(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.reports.week import export_month, month_period

    month_period(args.month)  # InvalidValue (exit 2) on a bad month
    journal = open_journal(args)
    try:
        path = export_month(_scoped(journal, args.manager), args.month, args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def date_option(text: str, name: str) -> date:
    """A YYYY-MM-DD option value; ``InvalidValue`` (exit 2) naming the option."""
    from fieldbook.core.errors import InvalidValue

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValue("date_format", field=name, value=text) from None


def cmd_export_period(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.reports.week import export_period

    start, end = date_option(args.start, "from"), date_option(args.end, "to")
    if end < start:
        _err(f"--to {end.isoformat()} 早于 --from {start.isoformat()}")
        return EXIT_INPUT
    if (end - start).days > 366 * 5:
        _err("一次最多导出五年")
        return EXIT_INPUT
    journal = open_journal(args)
    try:
        path = export_period(_scoped(journal, args.manager), start, end, args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def week_lines(view: WeekView) -> list[str]:
    from fieldbook.core.reports.week import plan_text
    from fieldbook.core.routine.week import NARRATIVE, PLAN_FIELDS

    f = view.figures
    status = STATUS.get(view.status, view.status)
    if view.status == "reviewed":
        status += f"（{'通过' if view.review == 'approved' else '退回'}）"
        if view.review_comment:
            status += f" 意见：{view.review_comment}"
    rate = f"{f.completion_rate:.1%}" if f.completion_rate is not None else "—"
    out = [
        f"周报 {view.label}（{view.start.isoformat()} 至 {view.end.isoformat()}）：{status}",
        f"拜访 计划 {f.planned} 户，完成 {f.visited} 户，完成率 {rate}；"
        f"覆盖 {f.customers_covered}/{f.customers_active} 户；出勤 {f.days_in_field} 天",
        f"订货 {f.cartons} 条，金额 {f.amount_fen / 100:.2f} 元"
        f"（上周 {f.previous_cartons} 条，{f.previous_amount_fen / 100:.2f} 元）",
    ]
    if f.findings:
        out.append("发现问题：" + "，".join(f"{k} {v}" for k, v in f.findings.items()))
    for key, label in NARRATIVE.items():
        out.append(f"{label}：{view.narrative.get(key) or '（空）'}")
    for key, label in PLAN_FIELDS.items():
        out.append(f"{label}：{plan_text(key, view.next_plan.get(key))}")
    for c in view.corrections:
        out.append(f"更正 {c.at:%Y-%m-%d %H:%M} {c.field}：{c.reason}")
    return out


def cmd_week_show(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal

    label = _label(args)
    journal = open_journal(args)
    try:
        view = journal.weeks.get(label)
    finally:
        journal.close()
    print("\n".join(week_lines(view)))
    return EXIT_OK


def cmd_week_submit(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal, writer_lock
    from fieldbook.core.errors import InvalidValue

    label = _label(args)
    with writer_lock(args):
        journal = open_journal(args)
        try:
            view = journal.weeks.submit(label)
        except InvalidValue as exc:
            if exc.detail != "week_submitted":
                raise
            _err(f"周报 {label} 已提交：之后的修改只能更正（需写明原因）")
            return EXIT_INPUT
        finally:
            journal.close()
    print(f"周报 {view.label} 已提交：之后的修改只能更正（需写明原因）")
    return EXIT_OK
