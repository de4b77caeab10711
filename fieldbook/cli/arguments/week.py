"""The arguments of the week (周总结 / 周计划): ``export week|month|period``,
``week show|submit|resubmit``."""

from __future__ import annotations

from fieldbook.cli.common import (
    Subcommands,
    add_date_range,
    add_form_output,
    runs,
)

COMMANDS = "fieldbook.cli.week"
MANAGER_HELP = "manager code (default: you)"


def register(commands: Subcommands) -> None:
    ew = commands.exports.add_parser(
        "week", help="the week's workbook (周报, 按日, 走访明细, 规格观察, 发现问题, 反馈单, 订单)"
    )
    ew.add_argument("--week", default=None, help="report week, e.g. 2026-W48 (default: this week)")
    ew.add_argument("--manager", default=None, metavar="CODE", help=MANAGER_HELP)
    add_form_output(ew)
    runs(ew, f"{COMMANDS}:cmd_export_week")

    em = commands.exports.add_parser("month", help="the same workbook over a calendar month (月报)")
    em.add_argument("--month", required=True, help="YYYY-MM, e.g. 2026-11")
    em.add_argument("--manager", default=None, metavar="CODE", help=MANAGER_HELP)
    add_form_output(em)
    runs(em, f"{COMMANDS}:cmd_export_month")

    ep = commands.exports.add_parser(
        "period", help="the same workbook over any dates, e.g. a quarter or a year (工作总结)"
    )
    add_date_range(ep)
    ep.add_argument("--manager", default=None, metavar="CODE", help=MANAGER_HELP)
    add_form_output(ep)
    runs(ep, f"{COMMANDS}:cmd_export_period")

    wk = commands.top.add_parser("week", help="the weekly report (周总结 / 周计划)")
    wsub = wk.add_subparsers(dest="action", metavar="ACTION", required=True)
    ws = wsub.add_parser("show", help="print a week's report: figures, narrative, plan, status")
    ws.add_argument("--week", default=None, help="e.g. 2026-W48 (default: this week)")
    runs(ws, f"{COMMANDS}:cmd_week_show")
    wu = wsub.add_parser(
        "submit", help="submit a week's report: the figures are kept as they are now, it is locked"
    )
    wu.add_argument("--week", default=None, help="e.g. 2026-W48 (default: this week)")
    runs(wu, f"{COMMANDS}:cmd_week_submit")
    wr = wsub.add_parser(
        "resubmit", help="submit a returned report again: the next round of its review"
    )
    wr.add_argument("--week", default=None, help="e.g. 2026-W48 (default: this week)")
    runs(wr, f"{COMMANDS}:cmd_week_resubmit")
