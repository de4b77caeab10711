"""The arguments of the master data: ``import customers|skus``, ``customers list``,
``skus list``, ``routes list``, ``profile show|set|unit`` and ``export customer`` (一户一档)."""

from __future__ import annotations

from fieldbook.cli.common import (
    Subcommands,
    add_form_output,
    add_import_options,
    parse_day,
    runs,
)
from fieldbook.cli.output import add_csv_options

COMMANDS = "fieldbook.cli.master"


def register(commands: Subcommands) -> None:
    for what, helptext in (("customers", "the customer list (零售户)"), ("skus", "the SKU list")):
        ip = commands.imports.add_parser(what, help=helptext)
        add_import_options(ip, skip_invalid="import the valid rows and list the rejected ones")
        runs(ip, f"{COMMANDS}:cmd_import", creates_database=True)
    sp = commands.imports.add_parser(
        "supply", help="the weekly supply list (货源投放: 紧俏/限量/停供, limits per 档位)"
    )
    add_import_options(sp, skip_invalid="import the valid rows and list the rejected ones")
    sp.add_argument(
        "--from",
        dest="valid_from",
        type=parse_day,
        default=None,
        help="the first day it holds, YYYY-MM-DD (default: the Monday of this week)",
    )
    runs(sp, "fieldbook.cli.supply:cmd_import_supply")
    register_lists(commands)
    register_profile(commands)
    register_customer_file(commands)


def register_customer_file(commands: Subcommands) -> None:
    ec = commands.exports.add_parser(
        "customer",
        help="one customer's file (一户一档): register, changes, visits, orders by month, slips,"
        " spot checks (.xlsx)",
    )
    ec.add_argument("code", metavar="CODE", help="the customer's code (客户编码)")
    ec.add_argument(
        "--from",
        dest="start",
        type=parse_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="first day (default: all history)",
    )
    ec.add_argument(
        "--to",
        dest="end",
        type=parse_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="last day (default: today)",
    )
    add_form_output(ec)
    runs(ec, "fieldbook.cli.customer_file:cmd_export_customer")


def register_lists(commands: Subcommands) -> None:
    c = commands.top.add_parser("customers", help="customers (零售户)")
    csub = c.add_subparsers(dest="action", metavar="ACTION", required=True)
    cl = csub.add_parser("list", help="print customers (all fields)")
    cl.add_argument(
        "--search", default="", help="code, name, owner, phone, licence or pinyin initials"
    )
    add_csv_options(cl)
    cl.add_argument(
        "--all-managers",
        action="store_true",
        help="every manager's customers (default: the current manager's)",
    )
    runs(cl, f"{COMMANDS}:cmd_customers_list")

    s = commands.top.add_parser("skus", help="cigarette SKUs (卷烟规格)")
    ssub = s.add_subparsers(dest="action", metavar="ACTION", required=True)
    sl = ssub.add_parser("list", help="print SKUs")
    sl.add_argument("--search", default="")
    add_csv_options(sl)
    runs(sl, f"{COMMANDS}:cmd_skus_list")

    r = commands.top.add_parser("routes", help="routes (线路)")
    rsub = r.add_subparsers(dest="action", metavar="ACTION", required=True)
    runs(
        rsub.add_parser("list", help="print routes with their weekday and size"),
        f"{COMMANDS}:cmd_routes_list",
    )


def register_profile(commands: Subcommands) -> None:
    pr = commands.top.add_parser("profile", help="the account manager's profile")
    psub = pr.add_subparsers(dest="action", metavar="ACTION", required=True)
    runs(psub.add_parser("show", help="print the profile"), f"{COMMANDS}:cmd_profile_show")
    ps = psub.add_parser("set", help="create or change the profile")
    ps.add_argument("--name", required=True, help="姓名")
    ps.add_argument("--code", required=True, help="员工编号")
    ps.add_argument("--unit", default=None, help="区县单位 (default: unchanged)")
    ps.add_argument("--territory", default=None, help="片区 (default: unchanged)")
    ps.add_argument("--phone", default=None, help="电话 (default: unchanged)")
    runs(ps, f"{COMMANDS}:cmd_profile_set", creates_database=True)
    pu = psub.add_parser("unit", help="the unit printed on every form (公司, 营销中心/市场部)")
    pu.add_argument("--company", default=None, help="公司名称 (default: unchanged)")
    pu.add_argument("--center", default=None, help="营销中心（市场部） (default: unchanged)")
    pu.add_argument(
        "--mark",
        choices=("on", "off"),
        default=None,
        help="内部资料 · 注意保密 on the forms (default: unchanged)",
    )
    runs(pu, f"{COMMANDS}:cmd_profile_unit")
