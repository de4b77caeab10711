"""The arguments of the day in the field: ``plan``, ``export plan``, ``visits list``."""

from __future__ import annotations

from fieldbook.cli.common import (
    Subcommands,
    add_form_output,
    parse_day,
    runs,
)
from fieldbook.cli.output import add_csv_options

COMMANDS = "fieldbook.cli.day"


def register(commands: Subcommands) -> None:
    exports = commands.exports  # made here, before ``plan``: ``export`` is listed first
    p = commands.top.add_parser(
        "plan", help="print a day's visit plan (拜访计划), building it if needed"
    )
    p.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD, today or tomorrow")
    add_csv_options(p)
    runs(p, f"{COMMANDS}:cmd_plan")

    ep = exports.add_parser("plan", help="the printable route sheet of a day (.xlsx)")
    ep.add_argument("--date", type=parse_day, default=None)
    add_form_output(ep)
    runs(ep, f"{COMMANDS}:cmd_export_plan")

    v = commands.top.add_parser("visits", help="visits (走访记录)")
    vsub = v.add_subparsers(dest="action", metavar="ACTION", required=True)
    vl = vsub.add_parser("list", help="print visits with their answers")
    vl.add_argument("--from", dest="start", type=parse_day, default=None)
    vl.add_argument("--to", dest="end", type=parse_day, default=None)
    add_csv_options(vl)
    runs(vl, f"{COMMANDS}:cmd_visits_list")
