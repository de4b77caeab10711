"""The arguments of the feedback slips (客户信息反馈单): ``slips list``, ``export slips``,
``export slip`` and ``import slip-answers``."""

from __future__ import annotations

from fieldbook.cli.common import (
    Subcommands,
    add_form_output,
    add_import_options,
    parse_day,
    runs,
)
from fieldbook.cli.output import add_csv_options

COMMANDS = "fieldbook.cli.slips"


def register(commands: Subcommands) -> None:
    s = commands.top.add_parser("slips", help="feedback slips (客户信息反馈单)")
    ssub = s.add_subparsers(dest="action", metavar="ACTION", required=True)
    sl = ssub.add_parser("list", help="print slips, newest first, with each department's state")
    sl.add_argument("--open", action="store_true", help="only slips not yet done (未办结)")
    sl.add_argument("--department", metavar="CODE_OR_NAME", help="e.g. phone or 电访部")
    add_csv_options(sl)
    runs(sl, f"{COMMANDS}:cmd_slips_list")

    er = commands.exports.add_parser(
        "slips", help="the slip register (登记表) of a period, one row per department (.xlsx)"
    )
    er.add_argument("--from", dest="start", type=parse_day, default=None, metavar="YYYY-MM-DD")
    er.add_argument("--to", dest="end", type=parse_day, default=None, metavar="YYYY-MM-DD")
    er.add_argument("--department", metavar="CODE_OR_NAME", help="only this department's rows")
    add_form_output(er)
    runs(er, f"{COMMANDS}:cmd_export_register")

    ef = commands.exports.add_parser(
        "slip", help="the printable form of slips (.xlsx, one A4 sheet per slip)"
    )
    ef.add_argument("numbers", nargs="+", metavar="NUMBER", help="e.g. FK-20261130-QTH001-001")
    add_form_output(ef)
    runs(ef, f"{COMMANDS}:cmd_export_form")

    ia = commands.imports.add_parser(
        "slip-answers", help="a slip register filled in by a department (states and answers)"
    )
    add_import_options(
        ia,
        sheet="sheet name (default: 登记表, else the first with data)",
        skip_invalid="apply the clean rows and list the rejected ones (conflicts included)",
    )
    runs(ia, f"{COMMANDS}:cmd_import_answers")
