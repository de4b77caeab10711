"""The command line. ``fieldbook`` with no command opens the desktop app.

Parsing imports only argparse and light modules (``fieldbook --help`` stays fast); each command
group registers its arguments (``fieldbook.cli.arguments``) and names, as ``"module:function"``,
the function a command runs; that module — and the core it uses — is imported only when the
command runs, by :mod:`fieldbook.cli.runner` (the checks, the exit codes, one line per error).
"""

from __future__ import annotations

import argparse
import gc
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
    targets,
    week,
)
from fieldbook.cli.common import Parser, Subcommands, load

#: The command groups, in the order ``--help`` lists their commands.
GROUPS = (gui, master, demo, day, slips, orders, targets, week, sync, department, store)

#: Runs the parsed command (:mod:`fieldbook.cli.runner`; heavy: imported like a command).
RUNNER = "fieldbook.cli.runner:run_command"


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


def main(argv: Sequence[str] | None = None) -> int:
    # Loading the modules makes only long-lived objects: no cyclic collection meanwhile (a
    # tenth of the desktop app's start-up); then, in a fresh process, they are frozen out of
    # every later collection.
    gc.disable()
    try:
        parser = build_parser()
        argv = list(sys.argv[1:] if argv is None else argv)
        args = parser.parse_args(argv)
        if args.command is None:
            args = parser.parse_args([*argv, "gui"])
        run_command = load(RUNNER)  # the run phase, and the core with it: only now
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
        gc.enable()
    return int(run_command(args, argv))


if __name__ == "__main__":
    raise SystemExit(main())
