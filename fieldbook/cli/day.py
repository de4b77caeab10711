"""Command-line commands of the day in the field: ``plan``, ``export plan``, ``visits list``."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from typing import Any

from fieldbook.cli.output import add_csv_options, write_table

EXIT_OK, EXIT_INPUT = 0, 2


def parse_day(text: str) -> date:
    from fieldbook.core import clock

    low = text.strip().lower()
    if low in ("today", "今天"):
        return clock.today()
    if low in ("tomorrow", "明天"):
        from fieldbook.core.workdays import next_working_day

        return next_working_day(clock.today())
    try:
        return date.fromisoformat(low)
    except ValueError:
        import re

        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", low):
            raise argparse.ArgumentTypeError(f"没有这一天：{text!r}") from None
        raise argparse.ArgumentTypeError(f"日期格式应为 2026-11-30：{text!r}") from None


def add_commands(sub: Any, export_sub: Any) -> None:
    from fieldbook.cli.main import output_path

    p = sub.add_parser("plan", help="print a day's visit plan (拜访计划), building it if needed")
    p.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD, today or tomorrow")
    add_csv_options(p)
    p.set_defaults(func=cmd_plan)

    ep = export_sub.add_parser("plan", help="the printable route sheet of a day (.xlsx)")
    ep.add_argument("--date", type=parse_day, default=None)
    ep.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    ep.set_defaults(func=cmd_export_plan)

    v = sub.add_parser("visits", help="visits (走访记录)")
    vsub = v.add_subparsers(dest="action", metavar="ACTION", required=True)
    vl = vsub.add_parser("list", help="print visits with their answers")
    vl.add_argument("--from", dest="start", type=parse_day, default=None)
    vl.add_argument("--to", dest="end", type=parse_day, default=None)
    add_csv_options(vl)
    vl.set_defaults(func=cmd_visits_list)


def _open(args: argparse.Namespace) -> Any:
    from fieldbook.cli.main import open_journal

    return open_journal(args)


def _day(args: argparse.Namespace) -> date:
    from fieldbook.core import clock

    return args.date or clock.today()


def cmd_plan(args: argparse.Namespace) -> int:
    from fieldbook.core import clock
    from fieldbook.core.reports.plan_sheet import STATE_LABELS, day_title, reason_text

    journal = _open(args)
    try:
        day = _day(args)
        plan = journal.plans.build(day)
    finally:
        journal.close()
    progress = plan.progress(clock.now())
    print(
        f"# 拜访计划 {day_title(day)}：{progress.planned} 户（目标 {plan.target_size} 户），"
        f"已访 {progress.done}，未访 {progress.skipped}，待访 {progress.remaining}",
        file=sys.stderr,
    )
    if not plan.working_day:
        print(f"# 注意：{plan.holiday or '这一天不是工作日'}", file=sys.stderr)
    rows = [["序号", "客户编码", "客户名称", "负责人", "联系电话", "经营地址", "计划原因", "状态"]]
    for n, st in enumerate(plan.stops, start=1):
        state = "：".join(x for x in (STATE_LABELS.get(st.state) or "待访", st.state_reason) if x)
        rows.append(
            [
                str(n),
                st.code,
                st.shop_name,
                st.owner_name,
                st.phone,
                st.address,
                reason_text(st.reasons, st.reason_note),
                state,
            ]
        )
    write_table(rows, as_csv=args.csv, raw=args.raw)
    return EXIT_OK


def cmd_export_plan(args: argparse.Namespace) -> int:
    from fieldbook.core.reports.plan_sheet import export_plan

    journal = _open(args)
    try:
        path = export_plan(journal, _day(args), args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def cmd_visits_list(args: argparse.Namespace) -> int:
    from fieldbook.core import clock
    from fieldbook.core.routine.checklist import load_checklist

    end = args.end or clock.today()
    start = args.start or end - timedelta(days=6)
    if start > end:
        print("开始日期晚于结束日期", file=sys.stderr)
        return EXIT_INPUT
    journal = _open(args)
    try:
        visits = journal.visits.list_between(start, end)
    finally:
        journal.close()
    checklist = load_checklist("visit")
    statuses = {st.code: st.label for st in checklist.shop_statuses}
    header = [
        "日期",
        "客户编码",
        "客户名称",
        "到店",
        "离店",
        "分钟",
        "店铺状态",
        "记录状态",
        "补录",
    ]
    header += [item.label for item in checklist.items] + ["发现的问题"]
    rows = [header]
    for v in visits:
        answers = v.answers
        cells = [
            v.visit_date.isoformat(),
            v.customer_code,
            v.shop_name,
            v.arrived_at.strftime("%H:%M") if v.arrived_at else "",
            v.left_at.strftime("%H:%M") if v.left_at else "",
            "" if v.minutes is None else str(v.minutes),
            statuses.get(v.shop_status, v.shop_status),
            "已完成" if v.status == "done" else "草稿",
            "是" if v.late_entry else "",
        ]
        for item in checklist.items:
            value = answers.get(item.id)
            if isinstance(value, bool):
                cells.append("是" if value else "否")
            elif isinstance(value, list):
                cells.append("、".join(value))
            else:
                cells.append("" if value is None else str(value))
        cells.append(
            "；".join(
                checklist.findings.get(h.finding, h.finding)
                + (f"（{h.detail}）" if h.detail else "")
                for h in v.findings
            )
        )
        rows.append(cells)
    write_table(rows, as_csv=args.csv, raw=args.raw)
    return EXIT_OK
