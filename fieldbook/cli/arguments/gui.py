"""The arguments of ``gui``, the desktop app (the default command)."""

from __future__ import annotations

from fieldbook.cli.common import Subcommands, output_path, runs

#: The pages ``gui --page`` can open (fieldbook.qt.main_window.ALL_KEYS; a test keeps them equal
#: without importing Qt here).
GUI_PAGES = (
    "plan",
    "customers",
    "skus",
    "slips",
    "daylog",
    "week",
    "department",
    "backups",
    "settings",
    "visit",
)


def register(commands: Subcommands) -> None:
    g = commands.top.add_parser("gui", help="open the desktop app (the default command)")
    g.add_argument(
        "--screenshot",
        type=output_path,
        metavar="FILE.png",
        help="open, wait for the first page's data, save a screenshot, exit",
    )
    g.add_argument(
        "--page",
        choices=GUI_PAGES,
        help="page to show first: " + ", ".join(GUI_PAGES),
    )
    g.add_argument(
        "--size",
        default=None,
        metavar="WxH",
        help="window size, e.g. 1366x768 (the guide's screenshots)",
    )
    runs(g, "fieldbook.cli.gui:cmd_gui", creates_database=True)
