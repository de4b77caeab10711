"""The arguments of the market department: ``export department``, ``export spotcheck`` and
``spotcheck draw|show`` (市场部主任抽查)."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import Subcommands, add_date_range, add_form_output, runs

COMMANDS = "fieldbook.cli.department"


def _manager_month(parser: argparse.ArgumentParser) -> None:
    """``--manager CODE --month YYYY-MM``: whose month a spot check is."""
    parser.add_argument("--manager", required=True, metavar="CODE")
    parser.add_argument("--month", required=True, help="YYYY-MM")


def register(commands: Subcommands) -> None:
    ed = commands.exports.add_parser(
        "department", help="every manager's figures, weeks and open slips (市场部), with charts"
    )
    add_date_range(ed)
    add_form_output(ed)
    runs(ed, f"{COMMANDS}:cmd_export_department")

    es = commands.exports.add_parser(
        "spotcheck", help="the month's spot-check report (市场部主任抽查)"
    )
    _manager_month(es)
    add_form_output(es)
    runs(es, f"{COMMANDS}:cmd_export_spotcheck")

    sc = commands.top.add_parser("spotcheck", help="the director's monthly spot check of a manager")
    ssub = sc.add_subparsers(dest="action", metavar="ACTION", required=True)
    sd = ssub.add_parser("draw", help="draw a month's sample of visits (once per month)")
    _manager_month(sd)
    sd.add_argument("--checker", required=True, help="who checks, e.g. 市场部 李主任")
    sd.add_argument("--size", type=int, default=10, help="visits in the sample (default 10)")
    sd.add_argument("--seed", type=int, default=None, help="repeat a draw (default: random)")
    runs(sd, f"{COMMANDS}:cmd_spotcheck_draw")
    sw = ssub.add_parser("show", help="print a month's spot check")
    _manager_month(sw)
    runs(sw, f"{COMMANDS}:cmd_spotcheck_show")
