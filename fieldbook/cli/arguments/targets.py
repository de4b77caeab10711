"""The arguments of the monthly targets (销量任务): ``import targets``, ``targets show|set``."""

from __future__ import annotations

from fieldbook.cli.common import Subcommands, add_import_options, parse_day, runs

COMMANDS = "fieldbook.cli.targets"


def register(commands: Subcommands) -> None:
    it = commands.imports.add_parser(
        "targets", help="the company's monthly targets (销量任务: 条, 金额, 单条值; 价类, 卷烟)"
    )
    add_import_options(it, skip_invalid="import the valid rows, list the rejected ones")
    runs(it, f"{COMMANDS}:cmd_import_targets")

    t = commands.top.add_parser("targets", help="monthly targets (销量任务) and progress")
    tsub = t.add_subparsers(dest="action", metavar="ACTION", required=True)
    ts = tsub.add_parser("show", help="任务完成率 beside 时间进度 on a date, and the gap")
    ts.add_argument("--date", type=parse_day, default=None, help="YYYY-MM-DD or today")
    runs(ts, f"{COMMANDS}:cmd_targets_show")
    st = tsub.add_parser("set", help="set or change one target of a month")
    st.add_argument("--month", required=True, help="YYYY-MM, e.g. 2026-12")
    scope = st.add_mutually_exclusive_group()
    scope.add_argument("--class", dest="price_class", default="", help="price class 1..5")
    scope.add_argument("--sku", default="", help="SKU code (a key brand or new product)")
    st.add_argument("--cartons", default=None, help="销量任务 (条)")
    st.add_argument("--amount", default=None, help="金额任务 (元)")
    st.add_argument("--per-carton", default=None, help="单条值 (元/条)")
    runs(st, f"{COMMANDS}:cmd_targets_set")
