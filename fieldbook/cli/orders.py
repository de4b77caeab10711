"""Command-line commands of the end of the day (15:00–16:00): ``import orders`` (the ordering
system's export), ``export day`` (the work log workbook), ``log show`` and ``log submit``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.daylog import DayLogView
    from fieldbook.core.routine.orders import OrdersReport

EXIT_OK, EXIT_INPUT = 0, 2
WEEKDAYS = "一二三四五六日"


def add_commands(sub: Any, export_sub: Any, import_sub: Any) -> None:
    from fieldbook.cli.day import parse_day
    from fieldbook.cli.main import output_path

    io = import_sub.add_parser(
        "orders",
        help="the ordering system's order export (订单); a day in the file replaces "
        "that day's lines",
    )
    io.add_argument("file", type=Path)
    io.add_argument("--sheet", help="sheet name (default: the first sheet with data)")
    io.add_argument("--dry-run", action="store_true", help="show what would happen, change nothing")
    io.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, list the rejected ones"
    )
    io.set_defaults(func=cmd_import_orders)

    ed = export_sub.add_parser(
        "day", help="the work log of a day (工作日志, 走访明细, 订单) as a workbook (.xlsx)"
    )
    ed.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD or today")
    ed.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    ed.set_defaults(func=cmd_export_day)

    lg = sub.add_parser("log", help="the work log (工作日志)")
    lsub = lg.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = lsub.add_parser("show", help="print a day's log: the facts, the sections, corrections")
    ls.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD or today")
    ls.set_defaults(func=cmd_log_show)
    lu = lsub.add_parser(
        "submit", help="submit a day's log: the facts are kept as they are now, the log is locked"
    )
    lu.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD or today")
    lu.set_defaults(func=cmd_log_submit)


def _err(line: str) -> None:
    print(line, file=sys.stderr)


def _day(args: argparse.Namespace) -> date:
    from fieldbook.core import clock

    return args.date or clock.today()


def _title(day: date) -> str:
    return f"{day.isoformat()}（周{WEEKDAYS[day.weekday()]}）"


def _existing_days(journal: Journal) -> dict[date, int]:
    """Order lines already stored per day (the current manager's)."""
    from sqlalchemy import func, select

    from fieldbook.core.store.models import OrderLine

    with journal.reading() as s:
        manager_id = journal.current_manager_id(s)
        return dict(
            s.execute(
                select(OrderLine.order_date, func.count())
                .where(OrderLine.manager_id == manager_id)
                .group_by(OrderLine.order_date)
            ).all()
        )


def print_orders_report(report: OrdersReport, before: dict[date, int]) -> None:

    from fieldbook.messages import describe_problem

    for p in report.problems:
        _err(describe_problem(p))
    for w in report.warnings:
        _err("提示：" + describe_problem(w))
    for day, (lines, cartons, fen) in report.days.items():
        old = before.get(day, 0)
        if not old:
            replaced = "新的一天"
        elif report.applied:
            replaced = f"替换了原有的 {old} 行"
        else:
            replaced = f"导入时将替换原有的 {old} 行"
        print(f"{_title(day)}：{lines} 行，{cartons} 条，金额 {fen / 100:.2f} 元 — {replaced}")
    state = (
        "预览（未写入）" if report.dry_run else ("已导入" if report.applied else "未导入任何数据")
    )
    total = sum(n for n, _c, _f in report.days.values())
    print(
        f"订单：{len(report.days)} 天，{total} 行；有问题 {len(report.rejected_rows)} 行，"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {state}"
    )


def cmd_import_orders(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal, progress_bar, writer_lock
    from fieldbook.core.routine.orders import import_orders

    with writer_lock(args):
        journal = open_journal(args)
        try:
            before = _existing_days(journal)
            with progress_bar("读取") as progress:
                report = import_orders(
                    journal,
                    args.file,
                    sheet=args.sheet,
                    dry_run=args.dry_run,
                    skip_invalid=args.skip_invalid,
                    progress=progress,
                )
        finally:
            journal.close()
    print_orders_report(report, before)
    if report.fatal or (report.problems and not args.skip_invalid):
        return EXIT_INPUT
    return EXIT_OK


def cmd_export_day(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.reports.day import export_day

    journal = open_journal(args)
    try:
        path = export_day(journal, _day(args), args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def _status(view: DayLogView) -> str:
    from fieldbook.core.routine.daylog_text import STATUS_NAMES

    text = STATUS_NAMES.get(view.status, view.status)
    if view.status == "submitted" and view.submitted_at:
        text += f"（{view.submitted_at:%Y-%m-%d %H:%M}）"
    return text


def _figures(f: dict[str, Any]) -> str:
    rate = f.get("order_rate")
    per = f.get("per_carton_fen")
    return (
        f"应订 {f.get('due', 0)} 户，已订 {f.get('ordered', 0)} 户，"
        f"订货率 {'—' if rate is None else f'{rate:.1%}'}，订货量 {f.get('cartons', 0)} 条，"
        f"金额 {(f.get('amount_fen') or 0) / 100:.2f} 元，"
        f"单条值 {'—' if per is None else f'{per / 100:.2f}'} 元/条"
    )


def log_lines(view: DayLogView, manager: str) -> list[str]:
    """The log as plain text lines (``fieldbook log show``)."""
    from fieldbook.core.reports.plan_sheet import day_title
    from fieldbook.core.routine.daylog import LIST_SECTIONS, TEXT_SECTIONS
    from fieldbook.core.routine.daylog_text import SECTION_ORDER, section_label, section_text

    f = view.facts
    out = [f"工作日志 {day_title(view.day)} — {_status(view)}"]
    if manager:
        out.append(f"客户经理：{manager}")
    skipped = "、".join(f"{k} {v}" for k, v in (f.skipped_reasons or {}).items())
    out.append(
        f"走访：计划 {f.planned} 户，已访 {f.done} 户，未访 {f.skipped} 户"
        + (f"（{skipped}）" if skipped else "")
    )
    average = "—" if f.average_minutes is None else f"{f.average_minutes} 分钟"
    out.append(
        f"首户到店 {f.first_arrival or '—'}，末户离店 {f.last_departure or '—'}，平均每户 {average}"
    )
    found = "、".join(f"{k} {v} 户" for k, v in (f.findings or {}).items()) or "无"
    out.append(f"发现的问题：{found}")
    out.append(f"新建反馈单：{'；'.join(f.slips_created) or '无'}")
    out.append(f"关闭跟踪事项：{f.followups_closed} 项")
    orders = f.orders or {}
    out.append(f"订货：{_figures(orders.get('figures') or {})}")
    structure = "、".join(
        f"{s.get('name')} {s.get('cartons')} 条（{float(s.get('share') or 0):.1%}）"
        for s in orders.get("structure") or []
    )
    if structure:
        out.append(f"结构：{structure}")
    out.append(f"上周同日：{_figures(orders.get('last_week') or {})}")
    out.append(f"本月累计：{_figures(orders.get('month_to_date') or {})}")
    non = "、".join(
        f"{n.get('shop_name')}（{n.get('reason') or '未注明'}）"
        for n in orders.get("non_orderers") or []
    )
    out.append(f"未订货：{non or '无'}")
    out.append(f"次日计划：{f.tomorrow or '未制定'}")
    names = [n for n in SECTION_ORDER if n != "tomorrow"]
    names += [n for n in (*TEXT_SECTIONS, *LIST_SECTIONS) if n not in names]
    for name in names:
        value = view.sections.get(name)
        out.append(f"[{section_label(name)}]")
        out.append(section_text(name, value) if value else "（未填写）")
    if view.corrections:
        out.append("[更正记录]")
        for c in view.corrections:
            name = c.field.removeprefix("sections.")
            old = section_text(name, c.old_value).replace("\n", "；")
            new = section_text(name, c.new_value).replace("\n", "；")
            label = section_label(name)
            out.append(f"{c.at:%Y-%m-%d %H:%M} {label}：“{old}” → “{new}”（原因：{c.reason}）")
    return out


def cmd_log_show(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal

    journal = open_journal(args)
    try:
        view = journal.daylogs.get(_day(args))
        profile = journal.profile.get()
    finally:
        journal.close()
    manager = f"{profile.name}（{profile.code}）" if profile else ""
    for line in log_lines(view, manager):
        print(line)
    return EXIT_OK


def cmd_log_submit(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal, writer_lock
    from fieldbook.core.errors import InvalidValue
    from fieldbook.messages import message

    day = _day(args)
    with writer_lock(args):
        journal = open_journal(args)
        try:
            view = journal.daylogs.submit(day)
        except InvalidValue as exc:
            if exc.detail != "log_submitted":
                raise
            # the core names the field "status", which the wording reads as 经营状态
            _err(f"{day.isoformat()}：{message('log_submitted')}")
            return EXIT_INPUT
        finally:
            journal.close()
    print(f"工作日志 {view.day.isoformat()} {_status(view)}：之后的修改只能更正（需写明原因）")
    return EXIT_OK
