"""The command line. ``fieldbook`` with no command opens the desktop app.

Exit codes: 0 success, 2 bad input or usage, 1 anything else. Each problem is one readable
line on stderr. Heavy modules are imported inside the commands so start-up stays fast.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldbook import APP_NAME, __version__

if TYPE_CHECKING:
    from fieldbook.core.importing import ImportReport
    from fieldbook.core.journal import Journal

EXIT_OK, EXIT_FAIL, EXIT_INPUT = 0, 1, 2

CUSTOMER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "客户编码"),
    ("licence_no", "许可证号"),
    ("shop_name", "客户名称"),
    ("owner_name", "负责人"),
    ("phone", "联系电话"),
    ("address", "经营地址"),
    ("district", "区县"),
    ("format", "经营业态"),
    ("market_type", "市场类型"),
    ("grade", "档位"),
    ("route_name", "线路"),
    ("route_position", "线路顺序"),
    ("order_weekday", "订货日"),
    ("status", "经营状态"),
    ("is_key_customer", "重点客户"),
    ("licence_expiry", "许可证有效期"),
    ("gps_lat", "纬度"),
    ("gps_lon", "经度"),
    ("notes", "备注"),
)
SKU_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "卷烟代码"),
    ("name", "卷烟名称"),
    ("brand", "品牌"),
    ("price_class", "价类"),
    ("wholesale_fen", "批发价(元/条)"),
    ("retail_fen", "零售价(元/条)"),
    ("is_key_brand", "重点品牌"),
    ("is_new", "新品"),
    ("on_market", "在销"),
)
WEEKDAYS = ("", "周一", "周二", "周三", "周四", "周五", "周六", "周日")


class UsageError(Exception):
    """Bad input from the command line itself (exit 2)."""


def err(line: str) -> None:
    print(line, file=sys.stderr)


# --- parser ---------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fieldbook",
        description=f"{APP_NAME} — 客户经理外勤工作手册. With no command, opens the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $FIELDBOOK_DB, else the user data dir)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    g = sub.add_parser("gui", help="open the desktop app (the default command)")
    g.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="open, wait for the first page's data, save a screenshot, exit",
    )
    g.add_argument("--page", help="page to show first (plan, customers, skus, settings, ...)")
    g.set_defaults(func=cmd_gui)

    imp = sub.add_parser("import", help="import the company's lists (.xlsx or .csv)")
    isub = imp.add_subparsers(dest="what", metavar="WHAT", required=True)
    for what, helptext in (("customers", "the customer list (零售户)"), ("skus", "the SKU list")):
        ip = isub.add_parser(what, help=helptext)
        ip.add_argument("file", type=Path)
        ip.add_argument("--sheet", help="sheet name (default: the first sheet with data)")
        ip.add_argument(
            "--dry-run", action="store_true", help="show what would happen, change nothing"
        )
        ip.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and list the rejected ones",
        )
        ip.set_defaults(func=cmd_import)

    c = sub.add_parser("customers", help="customers (零售户)")
    csub = c.add_subparsers(dest="action", metavar="ACTION", required=True)
    cl = csub.add_parser("list", help="print customers (all fields)")
    cl.add_argument(
        "--search", default="", help="code, name, owner, phone, licence or pinyin initials"
    )
    cl.add_argument("--csv", action="store_true", help="CSV with a header row, for scripts")
    cl.add_argument(
        "--all-managers",
        action="store_true",
        help="every manager's customers (default: the current manager's)",
    )
    cl.set_defaults(func=cmd_customers_list)

    s = sub.add_parser("skus", help="cigarette SKUs (卷烟规格)")
    ssub = s.add_subparsers(dest="action", metavar="ACTION", required=True)
    sl = ssub.add_parser("list", help="print SKUs")
    sl.add_argument("--search", default="")
    sl.add_argument("--csv", action="store_true")
    sl.set_defaults(func=cmd_skus_list)

    r = sub.add_parser("routes", help="routes (线路)")
    rsub = r.add_subparsers(dest="action", metavar="ACTION", required=True)
    rsub.add_parser("list", help="print routes with their weekday and size").set_defaults(
        func=cmd_routes_list
    )

    pr = sub.add_parser("profile", help="the account manager's profile")
    psub = pr.add_subparsers(dest="action", metavar="ACTION", required=True)
    psub.add_parser("show", help="print the profile").set_defaults(func=cmd_profile_show)
    ps = psub.add_parser("set", help="create or change the profile")
    ps.add_argument("--name", required=True, help="姓名")
    ps.add_argument("--code", required=True, help="员工编号")
    ps.add_argument("--unit", default="", help="区县单位")
    ps.add_argument("--territory", default="", help="片区")
    ps.add_argument("--phone", default="")
    ps.set_defaults(func=cmd_profile_set)

    d = sub.add_parser("demo", help="fill an empty database with realistic demo data")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--managers", type=int, default=1)
    d.add_argument("--weeks", type=int, default=4, help="weeks of history")
    d.add_argument("--customers-per-manager", type=int, default=165)
    d.set_defaults(func=cmd_demo)

    exp = sub.add_parser("export", help="export to Excel in the market department's layouts")
    esub = exp.add_subparsers(dest="what", metavar="WHAT", required=True)
    from fieldbook import cli_day

    cli_day.add_commands(sub, esub)

    b = sub.add_parser("backup", help="backups of the database")
    bsub = b.add_subparsers(dest="action", metavar="ACTION", required=True)
    bsub.add_parser("create", help="make a backup now").set_defaults(func=cmd_backup_create)
    bsub.add_parser("list", help="list backups").set_defaults(func=cmd_backup_list)
    return p


# --- helpers --------------------------------------------------------------------------------
def open_journal(args: argparse.Namespace) -> Journal:
    from fieldbook.core.journal import Journal
    from fieldbook.core.paths import resolve_db_url

    return Journal.open(resolve_db_url(args.db))


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    from tqdm import tqdm

    bar = tqdm(desc=label, total=0, unit="行", file=sys.stderr, leave=False, disable=None)

    def update(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def display_value(name: str, value: Any) -> str:
    from fieldbook.core.catalog import class_name
    from fieldbook.core.vocab import vocabulary

    if value is None:
        return ""
    voc = vocabulary()
    if name == "format":
        return voc.format_name(value)
    if name == "market_type":
        return voc.market_type_name(value)
    if name == "status":
        return voc.status_name(value)
    if name == "order_weekday":
        return WEEKDAYS[value] if 1 <= value <= 7 else str(value)
    if name == "price_class":
        return class_name(value)
    if name.endswith("_fen"):
        return f"{value / 100:.2f}"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def write_rows(
    out: TextIO, columns: Sequence[tuple[str, str]], rows: Sequence[Any], as_csv: bool
) -> None:
    header = [label for _, label in columns]
    table = [[display_value(name, getattr(r, name)) for name, _ in columns] for r in rows]
    if as_csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(table)
        return
    out.write("\t".join(header) + "\n")
    for line in table:
        out.write("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in line) + "\n")


# --- commands -------------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    from fieldbook.core.paths import resolve_db_url
    from fieldbook.qt.app import run_gui

    return run_gui(resolve_db_url(args.db), screenshot=args.screenshot, page=args.page)


def print_report(report: ImportReport) -> None:
    from fieldbook.wording import describe_problem

    for p in report.problems:
        err(describe_problem(p))
    for w in report.warnings:
        err("提示：" + describe_problem(w))
    noun = "客户" if report.kind == "customers" else "卷烟规格"
    state = (
        "预览（未写入）" if report.dry_run else ("已导入" if report.applied else "未导入任何数据")
    )
    print(
        f"{noun}：新增 {len(report.new)}，更新 {len(report.updated)}，"
        f"未变 {len(report.unchanged)}，有问题 {len(report.rejected_rows)} 行，"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {state}"
    )
    if report.missing:
        shown = "、".join(report.missing[:20]) + (" …" if len(report.missing) > 20 else "")
        print(f"名单中没有、数据库中保留的{noun} {len(report.missing)} 个：{shown}")


def cmd_import(args: argparse.Namespace) -> int:
    if args.what == "customers":
        from fieldbook.core.customer_import import import_customers as run
    else:
        from fieldbook.core.sku_import import import_skus as run
    journal = open_journal(args)
    try:
        with progress_bar("读取") as progress:
            report = run(
                journal,
                args.file,
                sheet=args.sheet,
                dry_run=args.dry_run,
                skip_invalid=args.skip_invalid,
                progress=progress,
            )
    finally:
        journal.close()
    print_report(report)
    if report.fatal or (report.problems and not args.skip_invalid):
        return EXIT_INPUT
    return EXIT_OK


def cmd_customers_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        rows = journal.customers.list(args.search, everyone=args.all_managers)
    finally:
        journal.close()
    write_rows(sys.stdout, CUSTOMER_COLUMNS, rows, args.csv)
    return EXIT_OK


def cmd_skus_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        rows = journal.catalog.list(args.search)
    finally:
        journal.close()
    write_rows(sys.stdout, SKU_COLUMNS, rows, args.csv)
    return EXIT_OK


def cmd_routes_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        rows = journal.routes.list()
    finally:
        journal.close()
    print("线路\t星期\t客户数")
    for r in rows:
        print(f"{r.name}\t{WEEKDAYS[r.weekday] if r.weekday else ''}\t{r.customer_count}")
    return EXIT_OK


def cmd_profile_show(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        profile = journal.profile.get()
    finally:
        journal.close()
    if profile is None:
        err("尚未设置客户经理资料：fieldbook profile set --name 姓名 --code 员工编号")
        return EXIT_INPUT
    print(f"姓名\t{profile.name}\n员工编号\t{profile.code}\n区县单位\t{profile.district_unit}")
    print(f"片区\t{profile.territory}\n联系电话\t{profile.phone}")
    return EXIT_OK


def cmd_profile_set(args: argparse.Namespace) -> int:
    from fieldbook.core.profile import ProfileInput

    journal = open_journal(args)
    try:
        profile = journal.profile.save(
            ProfileInput(args.code, args.name, args.unit, args.territory, args.phone)
        )
    finally:
        journal.close()
    print(f"已保存：{profile.name}（{profile.code}）")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldbook.core.demo import generate_demo

    journal = open_journal(args)
    try:
        with progress_bar("生成演示数据") as progress:
            summary = generate_demo(
                journal,
                seed=args.seed,
                managers=args.managers,
                weeks=args.weeks,
                customers_per_manager=args.customers_per_manager,
                progress=progress,
            )
    finally:
        journal.close()
    counts = summary.counts()
    print(
        f"演示数据已生成（种子 {summary.seed}，{summary.weeks} 周）："
        f"客户经理 {counts['managers']} 名，线路 {counts['routes']} 条，"
        f"客户 {counts['customers']} 户，卷烟规格 {counts['skus']} 个"
    )
    return EXIT_OK


def cmd_backup_create(args: argparse.Namespace) -> int:
    from fieldbook.core.backup import create_backup

    journal = open_journal(args)
    try:
        path = create_backup(journal.engine, label="manual")
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def cmd_backup_list(args: argparse.Namespace) -> int:
    from fieldbook.core.backup import list_backups

    journal = open_journal(args)
    try:
        db_path = journal.db_path
    finally:
        journal.close()
    if db_path is None:
        err("只有 SQLite 数据库文件才有本地备份")
        return EXIT_INPUT
    for path in list_backups(db_path):
        print(path)
    return EXIT_OK


# --- entry point ----------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        err("已中断")
        return EXIT_FAIL
    except BrokenPipeError:  # `fieldbook customers list | head`: the reader went away
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        import os

        from fieldbook.core.errors import FieldbookError
        from fieldbook.wording import describe_error

        if os.environ.get("FIELDBOOK_DEBUG"):
            raise
        if isinstance(exc, FieldbookError):
            err(describe_error(exc))
            return EXIT_INPUT if exc.is_input_error else EXIT_FAIL
        err(f"出错了：{type(exc).__name__}: {exc}（设置 FIELDBOOK_DEBUG=1 可查看详细信息）")
        return EXIT_FAIL


if __name__ == "__main__":
    raise SystemExit(main())
