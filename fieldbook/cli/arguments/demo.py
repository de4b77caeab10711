"""The arguments of ``demo``: realistic demo data in an empty database."""

from __future__ import annotations

from fieldbook.cli.common import Subcommands, runs


def register(commands: Subcommands) -> None:
    d = commands.top.add_parser("demo", help="fill an empty database with realistic demo data")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--managers", type=int, default=1)
    d.add_argument("--weeks", type=int, default=4, help="weeks of history")
    d.add_argument("--customers-per-manager", type=int, default=150)
    runs(d, "fieldbook.cli.demo:cmd_demo", creates_database=True)
