"""Commands of the monthly targets: ``import targets``, ``targets show`` and ``targets set``."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_OK, given_day
from fieldbook.cli.database import journal_for, writer_lock
from fieldbook.cli.imports import exit_code, outcome, print_problems, run_import
from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.routine.target_import import import_targets
from fieldbook.core.routine.targets import CLASS, SKU, TOTAL, progress_lines
from fieldbook.core.text import parse_decimal_fen, parse_int
from fieldbook.core.xlsx.importing import ImportReport


def print_targets_report(report: ImportReport) -> None:
    print_problems(report)
    print(
        f"月度任务：新增 {len(report.new)}，更新 {len(report.updated)}，"
        f"未变 {len(report.unchanged)}，有问题 {len(report.rejected_rows)} 行，"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {outcome(report)}"
    )
    if report.outside:
        print(f"其他客户经理的任务（未导入）：{'、'.join(report.outside)}")


def cmd_import_targets(args: argparse.Namespace) -> int:
    report = run_import(args, import_targets, progress=False)
    print_targets_report(report)
    return exit_code(report, args)


def cmd_targets_show(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        month = journal.targets.progress(given_day(args))
    print(f"月度任务 {month.day:%Y-%m-%d}")
    for line in progress_lines(month):
        print(line)
    return EXIT_OK


def _number(field: str, text: str | None, *, money: bool) -> int | None:
    try:
        return parse_decimal_fen(text) if money else parse_int(text)
    except ValueError:
        raise InvalidValue("target_positive", field=field, value=str(text)) from None


def cmd_targets_set(args: argparse.Namespace) -> int:
    scope, key = (CLASS, args.price_class) if args.price_class else (TOTAL, "")
    if args.sku:
        scope, key = SKU, args.sku
    target = TargetInput(
        args.month,
        scope,
        key,
        _number("cartons", args.cartons, money=False),
        _number("amount", args.amount, money=True),
        _number("per_carton", args.per_carton, money=True),
    )
    with writer_lock(args), journal_for(args) as journal:
        journal.targets.set(target)
        rows = journal.targets.list(target.month)
    print(f"已设定 {target.month} 的月度任务（共 {len(rows)} 项）")
    return EXIT_OK
