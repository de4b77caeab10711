"""The arguments of the market department: ``export department``, ``export spotcheck`` and
``spotcheck draw|show`` (市场部主任抽查)."""

from __future__ import annotations

from fieldbook.cli.common import Subcommands, output_path, runs

COMMANDS = "fieldbook.cli.department"


def register(commands: Subcommands) -> None:
    ed = commands.exports.add_parser(
        "department", help="every manager's figures, weeks and open slips (市场部), with charts"
    )
    ed.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    ed.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    ed.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    runs(ed, f"{COMMANDS}:cmd_export_department")

    es = commands.exports.add_parser(
        "spotcheck", help="the month's spot-check report (市场部主任抽查)"
    )
    es.add_argument("--manager", required=True, metavar="CODE")
    es.add_argument("--month", required=True, help="YYYY-MM")
    es.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    runs(es, f"{COMMANDS}:cmd_export_spotcheck")

    sc = commands.top.add_parser("spotcheck", help="the director's monthly spot check of a manager")
    ssub = sc.add_subparsers(dest="action", metavar="ACTION", required=True)
    sd = ssub.add_parser("draw", help="draw a month's sample of visits (once per month)")
    sd.add_argument("--manager", required=True, metavar="CODE")
    sd.add_argument("--month", required=True, help="YYYY-MM")
    sd.add_argument("--checker", required=True, help="who checks, e.g. 市场部 李主任")
    sd.add_argument("--size", type=int, default=10, help="visits in the sample (default 10)")
    sd.add_argument("--seed", type=int, default=None, help="repeat a draw (default: random)")
    runs(sd, f"{COMMANDS}:cmd_spotcheck_draw")
    sw = ssub.add_parser("show", help="print a month's spot check")
    sw.add_argument("--manager", required=True, metavar="CODE")
    sw.add_argument("--month", required=True, help="YYYY-MM")
    runs(sw, f"{COMMANDS}:cmd_spotcheck_show")
