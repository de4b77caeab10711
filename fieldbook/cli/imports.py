"""What every import command (``import customers|skus|orders|slip-answers``) shares: the problem
lines, the word for what happened, and the exit code."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, err
from fieldbook.core.xlsx.importing import ImportReport
from fieldbook.messages import describe_problem


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
