"""Running a parsed command: check its arguments, import and call its function, and turn every
failure into one readable line on stderr and an exit code (0 success, 2 bad input or usage,
1 anything else).

Imported by :func:`fieldbook.cli.main.main` once the arguments are parsed (never for ``--help``);
the command's module, and the core it uses, is imported inside the error handling."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence

from fieldbook.cli.common import EXIT_FAIL, EXIT_INPUT, EXIT_OK, UsageError, err, load
from fieldbook.cli.output import clean_output
from fieldbook.cli.vetting import vet_arguments
from fieldbook.core.errors import FieldbookError
from fieldbook.messages import describe_error, message

DISK_FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


def run_command(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Run the command ``args`` names (``args.run``); its exit code."""
    try:
        with clean_output():  # no escape sequence from user data reaches the terminal
            vet_arguments(args, argv)
            return int(load(args.run)(args))
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
