"""The arguments of the end of the day: ``import orders``, ``export day``, ``log show|submit``."""

from __future__ import annotations

from fieldbook.cli.common import (
    Subcommands,
    add_form_output,
    add_import_options,
    parse_day,
    runs,
)

COMMANDS = "fieldbook.cli.orders"


def register(commands: Subcommands) -> None:
    io = commands.imports.add_parser(
        "orders",
        help="the ordering system's order export (订单); a day in the file replaces "
        "that day's lines",
    )
    add_import_options(io, skip_invalid="import the valid rows, list the rejected ones")
    runs(io, f"{COMMANDS}:cmd_import_orders")

    ed = commands.exports.add_parser(
        "day", help="the work log of a day (工作日志, 走访明细, 订单) as a workbook (.xlsx)"
    )
    ed.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD or today")
    add_form_output(ed)
    runs(ed, f"{COMMANDS}:cmd_export_day")

    lg = commands.top.add_parser("log", help="the work log (工作日志)")
    lsub = lg.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = lsub.add_parser("show", help="print a day's log: the facts, the sections, corrections")
    ls.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD or today")
    runs(ls, f"{COMMANDS}:cmd_log_show")
    lu = lsub.add_parser(
        "submit", help="submit a day's log: the facts are kept as they are now, the log is locked"
    )
    lu.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD or today")
    runs(lu, f"{COMMANDS}:cmd_log_submit")
