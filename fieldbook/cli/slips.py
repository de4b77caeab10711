"""Command-line commands of the feedback slips (客户信息反馈单): ``slips list``, ``export slips``
(the register), ``export slip`` (the printable form) and ``import slip-answers``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldbook.cli.output import add_csv_options, write_table

if TYPE_CHECKING:
    from fieldbook.core.slips.answers import AnswersReport

EXIT_OK, EXIT_INPUT = 0, 2
LIST_HEADER = [
    "反馈单号",
    "填报日期",
    "类别",
    "客户编码",
    "客户名称",
    "状态",
    "各部门",
    "办结期限",
    "超期",
]


def add_commands(sub: Any, export_sub: Any, import_sub: Any) -> None:
    from fieldbook.cli.day import parse_day
    from fieldbook.cli.main import output_path

    s = sub.add_parser("slips", help="feedback slips (客户信息反馈单)")
    ssub = s.add_subparsers(dest="action", metavar="ACTION", required=True)
    sl = ssub.add_parser("list", help="print slips, newest first, with each department's state")
    sl.add_argument("--open", action="store_true", help="only slips not yet done (未办结)")
    sl.add_argument("--department", metavar="CODE_OR_NAME", help="e.g. phone or 电访部")
    add_csv_options(sl)
    sl.set_defaults(func=cmd_slips_list)

    er = export_sub.add_parser(
        "slips", help="the slip register (登记表) of a period, one row per department (.xlsx)"
    )
    er.add_argument("--from", dest="start", type=parse_day, default=None, metavar="YYYY-MM-DD")
    er.add_argument("--to", dest="end", type=parse_day, default=None, metavar="YYYY-MM-DD")
    er.add_argument("--department", metavar="CODE_OR_NAME", help="only this department's rows")
    er.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    er.set_defaults(func=cmd_export_register)

    ef = export_sub.add_parser(
        "slip", help="the printable form of slips (.xlsx, one A4 sheet per slip)"
    )
    ef.add_argument("numbers", nargs="+", metavar="NUMBER", help="e.g. FK-20261130-QTH001-001")
    ef.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    ef.set_defaults(func=cmd_export_form)

    ia = import_sub.add_parser(
        "slip-answers", help="a slip register filled in by a department (states and answers)"
    )
    ia.add_argument("file", type=Path)
    ia.add_argument("--sheet", help="sheet name (default: 登记表, else the first with data)")
    ia.add_argument("--dry-run", action="store_true", help="show what would happen, change nothing")
    ia.add_argument(
        "--skip-invalid",
        action="store_true",
        help="apply the clean rows and list the rejected ones (conflicts included)",
    )
    ia.set_defaults(func=cmd_import_answers)


def _err(line: str) -> None:
    print(line, file=sys.stderr)


def _department(text: str | None) -> str | None:
    from fieldbook.core.reports.slip_form import department_code

    return department_code(text) if text else None


def cmd_slips_list(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core import clock
    from fieldbook.core.reports.slip_form import category_name, department_name, state_name
    from fieldbook.core.slips.service import STATUS_NAMES, slip_rules

    department = _department(args.department)
    journal = open_journal(args)
    try:
        rows = journal.slips.list(open_only=args.open, department=department)
    finally:
        journal.close()
    today = clock.today()
    order = list(slip_rules().departments)
    table = [LIST_HEADER]
    for r in rows:
        ordered = sorted(r.states, key=lambda ds: order.index(ds[0]) if ds[0] in order else 99)
        states = " ".join(f"{department_name(d)}:{state_name(st)}" for d, st in ordered)
        table.append(
            [
                r.number,
                r.created_at.date().isoformat(),
                category_name(r.category),
                r.customer_code,
                r.shop_name,
                STATUS_NAMES.get(r.status, r.status),
                states,
                r.due_date.isoformat(),
                "超期" if r.overdue(today) else "",
            ]
        )
    write_table(table, as_csv=args.csv, raw=args.raw)
    return EXIT_OK


def cmd_export_register(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core import clock
    from fieldbook.core.reports.slip_register import export_register

    end: date = args.end or clock.today()
    start: date = args.start or end.replace(day=1)
    if start > end:
        _err("开始日期晚于结束日期")
        return EXIT_INPUT
    department = _department(args.department)
    journal = open_journal(args)
    try:
        path = export_register(journal, args.output, start=start, end=end, department=department)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def cmd_export_form(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.errors import NotFound
    from fieldbook.core.reports.slip_form import export_slip_forms

    journal = open_journal(args)
    try:
        ids, missing = [], []
        for number in dict.fromkeys(args.numbers):
            try:
                ids.append(journal.slips.by_number(number).id)
            except NotFound:
                missing.append(number)
        for number in missing:
            _err(f"没有这个反馈单号：{number}")
        if missing:
            return EXIT_INPUT
        path = export_slip_forms(journal, ids, args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def print_answers(report: AnswersReport) -> None:

    from fieldbook.messages import describe_problem

    for p in report.problems:
        _err(describe_problem(p))
    for w in report.warnings:
        _err("提示：" + describe_problem(w))
    state = "已导入" if report.applied else "未导入任何数据"
    if report.dry_run:
        state = "预览（未写入）"
    print(
        f"反馈单答复：办理 {len(report.plans)} 行（状态变更 {report.moves} 次），"
        f"未变 {len(report.unchanged)} 行，有问题 {len(report.rejected_rows)} 行"
        f"（其中冲突 {len({p.row for p in report.conflicts})} 行），"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {state}"
    )


def cmd_import_answers(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal, writer_lock
    from fieldbook.core.slips.answers import import_slip_answers

    with writer_lock(args):
        journal = open_journal(args)
        try:
            report = import_slip_answers(
                journal,
                args.file,
                sheet=args.sheet,
                dry_run=args.dry_run,
                skip_invalid=args.skip_invalid,
            )
        finally:
            journal.close()
    print_answers(report)
    if report.fatal or (report.problems and not args.skip_invalid):
        return EXIT_INPUT
    return EXIT_OK
