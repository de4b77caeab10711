"""The command line. ``fieldbook`` with no command opens the desktop app.

Parsing imports only argparse and light modules (``fieldbook --help`` stays fast); each command
group registers its arguments (``fieldbook.cli.arguments``) and names, as ``"module:function"``,
the function a command runs; that module — and the core it uses — is imported only when the
command runs. Exit codes and errors: :mod:`fieldbook.cli.common`.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence

from fieldbook import APP_NAME, __version__
from fieldbook.cli.arguments import (
    day,
    demo,
    department,
    gui,
    master,
    orders,
    slips,
    store,
    sync,
    week,
)
from fieldbook.cli.common import (
    EXIT_FAIL,
    EXIT_INPUT,
    EXIT_OK,
    Parser,
    Subcommands,
    UsageError,
    err,
    load,
)
from fieldbook.cli.output import clean_output
from fieldbook.core.errors import FieldbookError
from fieldbook.messages import describe_error, message

#: The command groups, in the order ``--help`` lists their commands.
GROUPS = (gui, master, demo, day, slips, orders, week, sync, department, store)

#: Checks every command's arguments before it runs (heavy: imported like a command).
VET_ARGUMENTS = "fieldbook.cli.database:vet_arguments"

DISK_FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="fieldbook",
        description=f"{APP_NAME} — 客户经理外勤工作手册. With no command, opens the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $FIELDBOOK_DB, else the user data dir)",
    )
    p.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="open an encrypted database with the passphrase in environment variable VAR "
        "(default: $FIELDBOOK_PASSPHRASE when set)",
    )
    commands = Subcommands(p.add_subparsers(dest="command", metavar="COMMAND"))
    for group in GROUPS:
        group.register(commands)
    return p


def run(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Check the arguments, then run the chosen command (both imported now)."""
    with clean_output():  # no escape sequence from user data reaches the terminal
        load(VET_ARGUMENTS)(args, argv)
        return int(load(args.run)(args))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    try:
        return run(args, argv)
    except UsageError as exc:
        err(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        err("已中断")
        return EXIT_FAIL
    except OverflowError:  # date arithmetic past year 9999 (e.g. --date 9999-12-31)
        err(message("date_out_of_range"))
        return EXIT_INPUT
    except BrokenPipeError:  # `fieldbook customers list | head`: the reader went away
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("FIELDBOOK_DEBUG"):
            raise
        return report_failure(exc)


def report_failure(exc: Exception) -> int:
    """One line for an error the command did not handle; its exit code."""
    if isinstance(exc, OSError) and exc.errno in DISK_FULL:
        err(message("export_disk_full"))
        return EXIT_FAIL
    if isinstance(exc, FieldbookError):
        err(describe_error(exc))
        return EXIT_INPUT if exc.is_input_error else EXIT_FAIL
    first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    err(f"出错了：{type(exc).__name__}: {first}（设置 FIELDBOOK_DEBUG=1 可查看详细信息）")
    return EXIT_FAIL


if __name__ == "__main__":
    raise SystemExit(main())
