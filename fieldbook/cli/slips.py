"""Commands of the feedback slips (客户信息反馈单): ``slips list``, ``export slips``
(the register), ``export slip`` (the printable form) and ``import slip-answers``."""

from __future__ import annotations

import argparse
from datetime import date

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.database import journal_for
from fieldbook.cli.form_output import export_form
from fieldbook.cli.imports import exit_code, outcome, print_problems, run_import
from fieldbook.cli.output import write_table
from fieldbook.core import clock
from fieldbook.core.errors import NotFound
from fieldbook.core.reports.slip_form import export_slip_forms
from fieldbook.core.reports.slip_register import export_register
from fieldbook.core.slips.answers import AnswersReport, import_slip_answers
from fieldbook.core.slips.deliveries import STATUS_NAMES
from fieldbook.core.slips.rules import department_code, slip_rules
from fieldbook.core.slips.vocabulary import category_name, department_name, state_name

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


def _department(text: str | None) -> str | None:
    return department_code(text) if text else None


def cmd_slips_list(args: argparse.Namespace) -> int:
    department = _department(args.department)
    with journal_for(args) as journal:
        rows = journal.slips.list(open_only=args.open, department=department)
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
    end: date = args.end or clock.today()
    start: date = args.start or end.replace(day=1)
    if start > end:
        err("开始日期晚于结束日期")
        return EXIT_INPUT
    department = _department(args.department)
    return export_form(
        args,
        lambda journal, path: export_register(
            journal, path, start=start, end=end, department=department
        ),
    )


def cmd_export_form(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        ids, missing = [], []
        for number in dict.fromkeys(args.numbers):
            try:
                ids.append(journal.slips.by_number(number).id)
            except NotFound:
                missing.append(number)
    for number in missing:
        err(f"没有这个反馈单号：{number}")
    if missing:
        return EXIT_INPUT
    return export_form(args, lambda journal, path: export_slip_forms(journal, ids, path))


def print_answers(report: AnswersReport) -> None:
    print_problems(report)
    state = outcome(report)
    print(
        f"反馈单答复：办理 {len(report.plans)} 行（状态变更 {report.moves} 次），"
        f"未变 {len(report.unchanged)} 行，有问题 {len(report.rejected_rows)} 行"
        f"（其中冲突 {len({p.row for p in report.conflicts})} 行），"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {state}"
    )


def cmd_import_answers(args: argparse.Namespace) -> int:
    report = run_import(args, import_slip_answers, progress=False)
    print_answers(report)
    return exit_code(report, args)
