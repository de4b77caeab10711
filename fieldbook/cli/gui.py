"""``fieldbook gui``: the desktop app (the default command)."""

from __future__ import annotations

import argparse
import sys

from fieldbook.cli.common import EXIT_INPUT, load
from fieldbook.cli.vetting import passphrase
from fieldbook.core.paths import resolve_db_url

#: The desktop app's entry point. The two front ends do not import each other (the layer
#: contract); the command line names it and loads it like a command, when the window opens.
DESKTOP_APP = "fieldbook.qt.app:run_gui"


def cmd_gui(args: argparse.Namespace) -> int:
    size = None
    if args.size:
        try:
            width, height = (int(x) for x in args.size.lower().split("x"))
        except ValueError:
            print(f"--size: {args.size!r} is not WIDTHxHEIGHT, e.g. 1366x768", file=sys.stderr)
            return EXIT_INPUT
        size = (width, height)
    run_gui = load(DESKTOP_APP)
    return int(
        run_gui(
            resolve_db_url(args.db),
            screenshot=args.screenshot,
            page=args.page,
            passphrase=passphrase(args),
            size=size,
        )
    )
