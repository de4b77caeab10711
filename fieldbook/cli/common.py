"""What every part of the command line shares and what parsing needs — nothing heavy, since
``fieldbook --help`` imports it: exit codes, the one-line usage error, the argument types, and how
a parser records the command it runs (by name: its module is imported only when it runs).

Exit codes: 0 success, 2 bad input or usage, 1 anything else. Each problem is one readable line
on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn, Protocol

from fieldbook.core import clock
from fieldbook.core.text import clean_free_text
from fieldbook.core.workdays import next_working_day

EXIT_OK, EXIT_FAIL, EXIT_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad input from the command line itself (exit 2)."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (what is wrong, where to read more), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: {message}（用法：{self.prog} --help）\n")


def err(line: str) -> None:
    """One line on stderr, cleaned of control characters."""
    print(clean_free_text(line), file=sys.stderr)


# --- argument types ---------------------------------------------------------------------------
def output_path(text: str) -> Path:
    """argparse type of -o/--output: a non-empty path (what is there is checked later)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("输出文件名为空")
    return Path(text)


def parse_day(text: str) -> date:
    """argparse type of --date, --from, --to: YYYY-MM-DD, today/今天 or tomorrow/明天."""
    low = text.strip().lower()
    if low in ("today", "今天"):
        return clock.today()
    if low in ("tomorrow", "明天"):
        return next_working_day(clock.today())
    try:
        return date.fromisoformat(low)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", low):
            raise argparse.ArgumentTypeError(f"没有这一天：{text!r}") from None
        raise argparse.ArgumentTypeError(f"日期格式应为 2026-11-30：{text!r}") from None


def add_import_options(
    parser: argparse.ArgumentParser,
    *,
    sheet: str = "sheet name (default: the first sheet with data)",
    skip_invalid: str,
) -> None:
    """The file and ``--sheet``, ``--dry-run``, ``--skip-invalid``: the same on every import."""
    parser.add_argument("file", type=Path)
    parser.add_argument("--sheet", help=sheet)
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would happen, change nothing"
    )
    parser.add_argument("--skip-invalid", action="store_true", help=skip_invalid)


def workbook_path(text: str) -> Path:
    """argparse type of an export's -o that writes only a workbook: a name ending in .pdf
    is refused (it would hold a workbook a PDF reader cannot open)."""
    path = output_path(text)
    if path.suffix.lower() == ".pdf":
        raise argparse.ArgumentTypeError(f"{text}：这个导出只写 Excel 工作簿（.xlsx），不写 PDF")
    return path


def add_workbook_output(parser: argparse.ArgumentParser) -> None:
    """``-o/--output FILE.xlsx``: the workbook an export writes."""
    parser.add_argument("-o", "--output", type=workbook_path, required=True, metavar="FILE.xlsx")


def add_form_output(parser: argparse.ArgumentParser) -> None:
    """``-o/--output FILE.xlsx|FILE.pdf``: a printable form's workbook, or its PDF."""
    parser.add_argument(
        "-o",
        "--output",
        type=output_path,
        required=True,
        metavar="FILE.xlsx|FILE.pdf",
        help="the workbook; a name ending in .pdf writes its PDF (needs LibreOffice)",
    )


def add_date_range(parser: argparse.ArgumentParser) -> None:
    """``--from`` and ``--to`` (``args.start``, ``args.end``): a period's first and last day."""
    parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")


def given_day(args: argparse.Namespace) -> date:
    """The day of --date, today when not given."""
    day: date = args.date or clock.today()
    return day


# --- how a parser names its command -----------------------------------------------------------
class SubParsers(Protocol):
    """What ``ArgumentParser.add_subparsers`` returns, as the command groups use it."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


class Subcommands:
    """Where a command group adds its commands: at the top level, and under ``import WHAT`` and
    ``export WHAT``, which several groups share (made when a group first adds to them, so that
    ``--help`` lists them where the first of their commands is registered)."""

    def __init__(self, top: SubParsers) -> None:
        self.top = top

    @cached_property
    def imports(self) -> SubParsers:
        parser = self.top.add_parser("import", help="import the company's lists (.xlsx or .csv)")
        return parser.add_subparsers(dest="what", metavar="WHAT", required=True)

    @cached_property
    def exports(self) -> SubParsers:
        parser = self.top.add_parser(
            "export", help="export to Excel in the market department's layouts"
        )
        return parser.add_subparsers(dest="what", metavar="WHAT", required=True)


def runs(parser: argparse.ArgumentParser, command: str, *, creates_database: bool = False) -> None:
    """Record what ``parser``'s command runs, as ``"module:function"`` (see :func:`load`).

    ``creates_database``: the command may make a new database where --db points; every other
    command refuses a path with no database (instead of silently making an empty one)."""
    parser.set_defaults(run=command, creates_database=creates_database)


def load(name: str) -> Callable[..., Any]:
    """The function named ``"module:function"``, its module imported now: a command's module
    (and the core it uses) is imported only when that command runs."""
    module, _, function = name.partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return found
