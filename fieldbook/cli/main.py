"""The command line. ``fieldbook`` with no command opens the desktop app.

Exit codes: 0 success, 2 bad input or usage, 1 anything else. Each problem is one readable
line on stderr. Heavy modules are imported inside the commands so start-up stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from fieldbook import APP_NAME, __version__
from fieldbook.cli.output import add_csv_options, clean_output, raw_stream, write_table

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.store.audit import ChainHead, VerifyReport
    from fieldbook.core.store.check import CheckReport
    from fieldbook.core.xlsx.importing import ImportReport

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


#: The pages ``gui --page`` can open (fieldbook.qt.main_window.ALL_KEYS; a test keeps them equal
#: without importing Qt here).
GUI_PAGES = (
    "plan",
    "customers",
    "skus",
    "slips",
    "daylog",
    "week",
    "department",
    "backups",
    "settings",
    "visit",
)


def output_path(text: str) -> Path:
    """argparse type of -o/--output: a non-empty path (what is there is checked later)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("输出文件名为空")
    return Path(text)


class UsageError(Exception):
    """Bad input from the command line itself (exit 2)."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (what is wrong, where to read more), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: {message}（用法：{self.prog} --help）\n")


def err(line: str) -> None:
    from fieldbook.core.text import clean_free_text

    print(clean_free_text(line), file=sys.stderr)


# --- parser ---------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="fieldbook",
        description=f"{APP_NAME} — 客户经理外勤工作手册. With no command, opens the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $FIELDBOOK_DB, else the user data dir)",
    )
    p.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="open an encrypted database with the passphrase in environment variable VAR "
        "(default: $FIELDBOOK_PASSPHRASE when set)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    g = sub.add_parser("gui", help="open the desktop app (the default command)")
    g.add_argument(
        "--screenshot",
        type=output_path,
        metavar="FILE.png",
        help="open, wait for the first page's data, save a screenshot, exit",
    )
    g.add_argument(
        "--page",
        choices=GUI_PAGES,
        help="page to show first: " + ", ".join(GUI_PAGES),
    )
    g.add_argument(
        "--size",
        default=None,
        metavar="WxH",
        help="window size, e.g. 1366x768 (the guide's screenshots)",
    )
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
    add_csv_options(cl)
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
    add_csv_options(sl)
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
    ps.add_argument("--unit", default=None, help="区县单位 (default: unchanged)")
    ps.add_argument("--territory", default=None, help="片区 (default: unchanged)")
    ps.add_argument("--phone", default=None, help="电话 (default: unchanged)")
    ps.set_defaults(func=cmd_profile_set)

    d = sub.add_parser("demo", help="fill an empty database with realistic demo data")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--managers", type=int, default=1)
    d.add_argument("--weeks", type=int, default=4, help="weeks of history")
    d.add_argument("--customers-per-manager", type=int, default=165)
    d.set_defaults(func=cmd_demo)

    exp = sub.add_parser("export", help="export to Excel in the market department's layouts")
    esub = exp.add_subparsers(dest="what", metavar="WHAT", required=True)
    from fieldbook.cli import day as cli_day

    cli_day.add_commands(sub, esub)
    from fieldbook.cli import slips as cli_slips

    cli_slips.add_commands(sub, esub, isub)
    from fieldbook.cli import orders as cli_orders

    cli_orders.add_commands(sub, esub, isub)
    from fieldbook.cli import week as cli_week

    cli_week.add_commands(sub, esub)
    from fieldbook.cli import sync as cli_sync

    cli_sync.add_commands(sub)
    from fieldbook.cli import department as cli_department

    cli_department.add_commands(sub, esub)

    b = sub.add_parser("backup", help="backups of the database")
    bsub = b.add_subparsers(dest="action", metavar="ACTION", required=True)
    bsub.add_parser("create", help="make a backup now").set_defaults(func=cmd_backup_create)
    bsub.add_parser(
        "list", help="list backups, newest first: path, time, label and record counts"
    ).set_defaults(func=cmd_backup_list)
    br = bsub.add_parser(
        "restore", help="replace the database with a backup (the current one is moved aside)"
    )
    br.add_argument("file", type=Path, metavar="FILE")
    br.set_defaults(func=cmd_backup_restore)

    sub.add_parser(
        "check", help="check the database file (integrity and foreign keys); exit 1 if damaged"
    ).set_defaults(func=cmd_check)

    a = sub.add_parser("audit", help="the audit trail of corrections (修改记录)")
    asub = a.add_subparsers(dest="action", metavar="ACTION", required=True)
    av = asub.add_parser(
        "verify",
        help="check the hash chain, and that it still holds every head recorded outside the"
        " database (backups, --head); exit 1 if broken or cut short",
    )
    av.add_argument(
        "--head",
        action="append",
        default=[],
        metavar="N:HASH|REPORT.xlsx",
        help="a head kept elsewhere: N entries, the last one's hash (8+ hex digits), or an"
        " exported week/month report whose footer records it (repeatable)",
    )
    av.set_defaults(func=cmd_audit_verify)
    ash = asub.add_parser("show", help="print the recorded changes of one record")
    ash.add_argument("--record", required=True, metavar="TYPE:ID", help="e.g. visit:UUID")
    ash.set_defaults(func=cmd_audit_show)

    enc = sub.add_parser(
        "encrypt", help="write an encrypted copy of the database (the original is not changed)"
    )
    enc.add_argument("--to", type=output_path, required=True, metavar="NEW_PATH")
    enc.set_defaults(func=cmd_encrypt)
    return p


# --- helpers --------------------------------------------------------------------------------
def passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-env VAR, else $FIELDBOOK_PASSPHRASE, else None."""
    import os

    from fieldbook.core.store.crypto import PASSPHRASE_ENV, WrongPassphrase

    name = getattr(args, "passphrase_env", None)
    value = os.environ.get(name or PASSPHRASE_ENV)
    if name and not value:
        raise WrongPassphrase("passphrase_env_unset", name=name)
    return value or None


def db_url(args: argparse.Namespace) -> str:
    from fieldbook.core.paths import resolve_db_url

    url = resolve_db_url(args.db)
    secret = passphrase(args)
    if secret is None:
        return url
    from fieldbook.core.store.crypto import encrypted_url

    return encrypted_url(url, secret)


def db_file(args: argparse.Namespace) -> Path:
    """The SQLite file behind --db (backups, checks and restores work on files)."""
    from fieldbook.core.errors import InvalidValue
    from fieldbook.core.paths import resolve_db_url, sqlite_path

    path = sqlite_path(resolve_db_url(args.db))
    if path is None:
        raise InvalidValue("encryption_needs_file")
    return path


@contextmanager
def writer_lock(args: argparse.Namespace) -> Iterator[None]:
    """Hold the database's writer lock for a write command (DatabaseInUse: exit 1)."""
    from fieldbook.core.paths import resolve_db_url, sqlite_path
    from fieldbook.core.store.lock import DatabaseLock

    path = sqlite_path(resolve_db_url(args.db))
    if path is None:
        yield
        return
    with DatabaseLock.acquire(path):
        yield


def creates_database(args: argparse.Namespace) -> bool:
    """Whether the command may make a new database where --db points (else it must exist)."""
    func = getattr(args, "func", None)
    return getattr(func, "__name__", "") in CREATING


def open_journal(args: argparse.Namespace) -> Journal:
    from fieldbook.core.journal import Journal

    return Journal.open(db_url(args), create=creates_database(args))


def vet_arguments(args: argparse.Namespace, argv: Sequence[str]) -> None:
    """Everything the command line can check before any work: arguments that are not text,
    what --db points at, and every file the command will write (UsageError / the core's
    DatabaseRefused / OutputRefused: one line, exit 2)."""

    from fieldbook.core.paths import sqlite_path
    from fieldbook.core.store import dbfile
    from fieldbook.core.store.outputs import check_output, protect_database

    for n, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise UsageError(f"第 {n} 个参数不是有效的 UTF-8 文本：{shown!r}") from None
    url = db_url(args)
    dbfile.vet(url, create=creates_database(args))
    path = sqlite_path(url)
    if path is not None:
        protect_database(path)  # before the outputs are checked: its backups are off limits
    for name in ("output", "screenshot"):
        value = getattr(args, name, None)
        if value is not None:
            check_output(value)
    if getattr(args, "func", None) is cmd_encrypt:
        check_output(args.to)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    from tqdm import tqdm

    # the bar's own CR goes to the terminal itself, not through clean_output
    bar = tqdm(
        desc=label, total=0, unit="行", file=raw_stream(sys.stderr), leave=False, disable=None
    )

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
    from fieldbook.core.master.catalog import class_name
    from fieldbook.core.master.customer_vocabulary import vocabulary

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
    out: TextIO,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Any],
    as_csv: bool,
    raw: bool = False,
) -> None:
    header = [label for _, label in columns]
    table = [[display_value(name, getattr(r, name)) for name, _ in columns] for r in rows]
    write_table([header, *table], as_csv=as_csv, raw=raw, out=out)


# --- commands -------------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    from fieldbook.core.paths import resolve_db_url
    from fieldbook.qt.app import run_gui

    size = None
    if args.size:
        try:
            width, height = (int(x) for x in args.size.lower().split("x"))
        except ValueError:
            print(f"--size: {args.size!r} is not WIDTHxHEIGHT, e.g. 1366x768", file=sys.stderr)
            return EXIT_INPUT
        size = (width, height)
    return run_gui(
        resolve_db_url(args.db),
        screenshot=args.screenshot,
        page=args.page,
        passphrase=passphrase(args),
        size=size,
    )


def print_report(report: ImportReport) -> None:
    from fieldbook.messages import describe_problem

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
        from fieldbook.core.master.customer_import import import_customers as run
    else:
        from fieldbook.core.master.sku_import import import_skus as run
    with writer_lock(args):
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
    write_rows(sys.stdout, CUSTOMER_COLUMNS, rows, args.csv, args.raw)
    return EXIT_OK


def cmd_skus_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        rows = journal.catalog.list(args.search)
    finally:
        journal.close()
    write_rows(sys.stdout, SKU_COLUMNS, rows, args.csv, args.raw)
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
    from fieldbook.core.master.profile import ProfileInput

    with writer_lock(args):
        journal = open_journal(args)
        try:
            # options not given keep what the profile has (never blanked by omission)
            old = journal.profile.get()
            keep = {
                "district_unit": args.unit,
                "territory": args.territory,
                "phone": args.phone,
            }
            for name, value in keep.items():
                if value is None:
                    keep[name] = getattr(old, name, "") if old is not None else ""
            profile = journal.profile.save(ProfileInput(args.code, args.name, **keep))
        finally:
            journal.close()
    print(f"已保存：{profile.name}（{profile.code}）")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldbook.core.demo.generate import generate_demo

    with writer_lock(args):
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
    from fieldbook.core.store.backup import create_backup

    journal = open_journal(args)
    try:
        path = create_backup(journal.engine, label="manual")
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def cmd_backup_list(args: argparse.Namespace) -> int:
    from fieldbook.core.store.backup import list_backups_info
    from fieldbook.messages import MESSAGES, message, schema_differences

    db_path = db_file(args)
    infos = list_backups_info(db_path, passphrase=passphrase(args))
    if not infos:
        err(f"还没有备份（{db_path.parent / 'backups'}）")
        return EXIT_OK
    print("文件\t时间\t类型\t大小(KB)\t客户\t走访\t计划\t审计链")
    for b in infos:
        when = b.made_at.strftime("%Y-%m-%d %H:%M:%S")
        size = f"{b.size // 1024}"
        if not b.readable:
            problem = message(b.problem) if b.problem in MESSAGES else b.problem
            if b.schema_differences:
                problem += "：" + schema_differences(list(b.schema_differences))
            state = "不能恢复" if b.problem.startswith("schema_") else "无法读取"
            print(f"{b.path}\t{when}\t{b.label}\t{size}\t{state}：{problem}")
            continue
        counts = "\t".join("" if n is None else str(n) for n in (b.customers, b.visits, b.plans))
        head = "" if b.audit_entries is None else f"{b.audit_entries} 条 {b.audit_hash[:12]}"
        print(f"{b.path}\t{when}\t{b.label}\t{size}\t{counts}\t{head}")
    return EXIT_OK


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from fieldbook.core.store.backup import restore_backup

    result = restore_backup(db_file(args), args.file, passphrase=passphrase(args))
    print(f"已从备份恢复：{result.restored_from} → {result.db_path}")
    if result.replaced:
        print(f"原数据库已移到：{result.replaced[0]}（未删除）")
    if result.safety_backup:
        print(f"恢复前另做了一个备份：{result.safety_backup}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from fieldbook.core.store.backup import newest_good_backup
    from fieldbook.core.store.check import full_check

    path = db_file(args)
    if not path.is_file():
        err(f"找不到数据库文件：{path}")
        return EXIT_INPUT
    secret = passphrase(args)
    report = full_check(path, passphrase=secret)
    if report.ok:
        print(f"数据库完好：{path}")
        return EXIT_OK
    err(f"数据库有问题：{path}")
    for line in check_lines(report):
        err(f"  {line}")
    good = newest_good_backup(path, passphrase=secret)
    if good is not None:
        err(f"最新的完好备份：{good.path}（fieldbook backup restore 该文件 可恢复）")
    return EXIT_FAIL


def check_lines(report: CheckReport) -> list[str]:
    """``fieldbook check``'s problem lines: integrity, schema objects, foreign keys."""
    from fieldbook.messages import message, schema_difference

    schema = [f"结构：{schema_difference(d)}" for d in report.schema]
    if report.schema_problem == "not_fieldbook":
        schema.insert(0, message("not_fieldbook_database"))
    elif report.schema_problem == "too_new":
        schema.insert(0, f"结构版本 {report.revision} 来自更新版本的 Fieldbook，本版本无法核对")
    return [*report.integrity, *schema, *(str(p) for p in report.foreign_keys)]


AUDIT_PROBLEMS = {
    "gap": "序号不连续（有记录被删除或插入）",
    "prev_mismatch": "与前一条的链接不符（有记录被插入或替换）",
    "hash_mismatch": "内容与哈希不符（记录写入后被改动）",
}


HEAD_ORIGINS = {
    "backup": "备份 {where}",
    "restore": "恢复 {where} 时",
    "workbook": "报表 {where}",
    "given": "--head 给出的链头",
}


def head_origin(head: ChainHead) -> str:
    """Where a head was kept: ``备份 fieldbook-….sqlite3（2026-12-03 09:30）``."""
    where = Path(head.where).name if head.where else ""
    text = HEAD_ORIGINS.get(head.source, head.source).format(where=where)
    return text + (f"（{head.at:%Y-%m-%d %H:%M}）" if head.at else "")


def given_heads(values: Sequence[str]) -> list[ChainHead]:
    """``--head`` values: N:HASH, or a report workbook whose footer records a head."""
    from fieldbook.core.errors import InvalidValue
    from fieldbook.core.store.audit import heads_in_workbook, parse_head

    heads: list[ChainHead] = []
    for value in values:
        head = parse_head(value)
        if head is not None:
            heads.append(head)
            continue
        path = Path(value)
        if not path.is_file():
            raise InvalidValue("audit_head_format", value=value)
        found = heads_in_workbook(path)
        if not found:
            raise InvalidValue("no_audit_head_in_file", file=str(path))
        heads += found
    return heads


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from fieldbook.core.paths import resolve_db_url, sqlite_path
    from fieldbook.core.store.audit import verify
    from fieldbook.core.store.backup import lineage, recorded_heads, restores

    heads = given_heads(args.head)
    path = sqlite_path(resolve_db_url(args.db))
    tainted_by = None
    if path is not None:
        heads = recorded_heads(path) + heads
        tainted_by = lineage(path).tainted_by
    journal = open_journal(args)
    try:
        report = verify(journal, heads)
    finally:
        journal.close()
    if path is not None:  # every restore the head log took as a new baseline, for a reviewer
        for restore in restores(path):
            print(restore_text(restore))
    if report.ok and tainted_by is not None:
        err(tainted_text(tainted_by))
        return EXIT_FAIL
    if report.ok:
        kept = (
            f"；与另存的 {report.heads_checked} 个链头一致"
            if report.heads_checked
            else "；没有另存的链头可比对（只能证明链本身未断）"
        )
        print(f"修改记录完好：共 {report.count} 条，末条哈希 {report.head_hash}{kept}")
        return EXIT_OK
    head = report.head
    if report.problem == "truncated" and head is not None:
        err(
            f"修改记录被删减：现有 {report.count} 条，但{head_origin(head)}记录了 "
            f"{head.count} 条：有记录被删除"
        )
        return EXIT_FAIL
    if report.problem == "rewritten" and head is not None:
        err(
            f"修改记录被改写：第 {head.count} 条与{head_origin(head)}记录的不同"
            f"（当时末条哈希 {head.hash[:16]}…）：记录被替换过"
        )
        return EXIT_FAIL
    err(audit_break_text(report))
    return EXIT_FAIL


RESTORE_FITS = {
    "recorded": "与此前记录的链头相同",
    "extends": "延续此前记录的链",
    "diverges": "与此前记录的链头不符",
    "": "恢复时未比对",
}
MISFIT_PROBLEMS = {"truncated": "少了记录", "rewritten": "记录被改写"}


def restore_text(head: ChainHead) -> str:
    """One restore in the head log: when, from which file, entries before and after."""
    when = f"{head.at:%Y-%m-%d %H:%M}" if head.at else "时间不明"
    before = "不明" if head.before is None else f"{head.before} 条"
    fits = RESTORE_FITS.get(head.fits, head.fits)
    return (
        f"恢复：{when} 从 {head.where} 恢复，恢复前 {before}、恢复后 {head.count} 条"
        f"（{fits}），此后以它为基准"
    )


def tainted_text(head: ChainHead) -> str:
    """The line for a head-log entry whose trail did not fit the heads recorded before it."""
    when = f"{head.at:%Y-%m-%d %H:%M}" if head.at else "时间不明"
    if head.source == "restore":
        what = f"{when} 从 {head.where} 恢复的数据库"
    else:
        what = f"{when} 备份 {head.where} 时的数据库"
    against = ""
    if head.misfit is not None:
        problem = MISFIT_PROBLEMS.get(head.misfit_problem, head.misfit_problem)
        against = (
            f"：{head_origin(head.misfit)}记录了 {head.misfit.count} 条，"
            f"它有 {head.count} 条（{problem}）"
        )
    return f"修改记录的来历不可信：{what}与此前记录的链头不符{against}"


def audit_break_text(report: VerifyReport) -> str:
    """The line for a chain that breaks at an entry: at its seq, or — when the entry has no
    usable seq (NULL, text) — at the seq that should have come next, saying what it had."""
    problem = AUDIT_PROBLEMS.get(report.problem or "", report.problem)
    seq = report.broken_seq
    if isinstance(seq, int) and not isinstance(seq, bool):
        place = f"第 {seq} 条"
    else:
        shown = "空" if seq is None else repr(seq)
        place = f"第 {report.expected_seq} 条（该记录的序号为{shown}）"
    return (
        f"修改记录在{place}处断开：{problem}（记录 {report.broken_id}；此前 {report.count} 条完好）"
    )


def cmd_audit_show(args: argparse.Namespace) -> int:
    from fieldbook.core.store.audit import history

    record_type, _, record_id = args.record.partition(":")
    if not record_type or not record_id:
        err("--record 的格式应为 类型:编号，如 visit:1234")
        return EXIT_INPUT
    journal = open_journal(args)
    try:
        rows = history(journal, record_type, record_id)
    finally:
        journal.close()
    print("序号\t时间(UTC)\t字段\t原值\t新值\t原因")
    for r in rows:
        when = f"{r.at:%Y-%m-%d %H:%M:%S}"
        print(f"{r.seq}\t{when}\t{r.field}\t{r.old_value}\t{r.new_value}\t{r.reason}")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    from fieldbook.core.store.crypto import encrypt_database

    secret = passphrase(args)
    if not secret:
        err("请用 --passphrase-env 变量名（或 FIELDBOOK_PASSPHRASE）提供新数据库的口令")
        return EXIT_INPUT
    source = db_file(args)
    with writer_lock(args):
        dest = encrypt_database(source, args.to, secret)
    print(f"已写出加密的数据库：{dest}")
    print(f"原文件 {source} 未改动；确认新文件能打开后，请自行安全删除原文件及其备份。")
    return EXIT_OK


# --- entry point ----------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    try:
        with clean_output():  # no escape sequence from user data reaches the terminal
            vet_arguments(args, argv)
            return int(args.func(args))
    except UsageError as exc:
        err(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        err("已中断")
        return EXIT_FAIL
    except OverflowError:  # date arithmetic past year 9999 (e.g. --date 9999-12-31)
        from fieldbook.messages import message

        err(message("date_out_of_range"))
        return EXIT_INPUT
    except BrokenPipeError:  # `fieldbook customers list | head`: the reader went away
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        import errno
        import os

        from fieldbook.core.errors import FieldbookError
        from fieldbook.messages import describe_error, message

        if os.environ.get("FIELDBOOK_DEBUG"):
            raise
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            err(message("export_disk_full"))
            return EXIT_FAIL
        if isinstance(exc, FieldbookError):
            err(describe_error(exc))
            return EXIT_INPUT if exc.is_input_error else EXIT_FAIL
        first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
        err(f"出错了：{type(exc).__name__}: {first}（设置 FIELDBOOK_DEBUG=1 可查看详细信息）")
        return EXIT_FAIL


#: Commands that may create the database where --db points; every other command refuses a
#: path with no database (instead of silently making an empty one).
CREATING = frozenset({"cmd_gui", "cmd_profile_set", "cmd_demo", "cmd_import", "cmd_backup_restore"})

if __name__ == "__main__":
    raise SystemExit(main())
