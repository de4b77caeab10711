"""What every import command (``import customers|skus|orders|slip-answers``) shares: running the
import, the problem lines, the word for what happened, and the exit code."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any, TypeVar

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.database import journal_for, writer_lock
from fieldbook.cli.progress import progress_bar
from fieldbook.core.xlsx.importing import ImportReport
from fieldbook.messages import describe_problem

ReportT = TypeVar("ReportT", bound=ImportReport)


def run_import(
    args: argparse.Namespace, importer: Callable[..., ReportT], *, progress: bool = True
) -> ReportT:
    """Run ``importer`` on ``args.file`` under the writer lock, with the command's sheet, dry run
    and skip-invalid, and (unless ``progress`` is off) a progress bar labelled 读取."""
    with writer_lock(args), journal_for(args) as journal, ExitStack() as stack:
        options: dict[str, Any] = {}
        if progress:
            options["progress"] = stack.enter_context(progress_bar("读取"))
        return importer(
            journal,
            args.file,
            sheet=args.sheet,
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            **options,
        )


def print_problems(report: ImportReport) -> None:
    """One line on stderr per problem, then per warning (``提示：…``)."""
    for p in report.problems:
        err(describe_problem(p))
    for w in report.warnings:
        err("提示：" + describe_problem(w))


def outcome(report: ImportReport) -> str:
    """预览（未写入） / 已导入 / 未导入任何数据."""
    if report.dry_run:
        return "预览（未写入）"
    return "已导入" if report.applied else "未导入任何数据"


def exit_code(report: ImportReport, args: argparse.Namespace) -> int:
    """2 when a problem kept the import from being applied (none with --skip-invalid unless
    fatal), else 0."""
    if report.fatal or (report.problems and not args.skip_invalid):
        return EXIT_INPUT
    return EXIT_OK
