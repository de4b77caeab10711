"""Commands of the master data: ``import customers|skus``, ``customers list``, ``skus list``,
``routes list``, ``profile show|set|unit``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.database import journal_for, writer_lock
from fieldbook.cli.imports import exit_code, outcome, print_problems, run_import
from fieldbook.cli.output import write_table
from fieldbook.core.master.catalog import class_name
from fieldbook.core.master.customer_import import import_customers
from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.master.form_unit import FormUnit
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.master.sku_import import import_skus
from fieldbook.core.xlsx.importing import ImportReport

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


def display_value(name: str, value: Any) -> str:
    """A stored value as the lists show it: vocabulary names, weekdays, yuan, 是/否."""
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


def print_report(report: ImportReport) -> None:
    print_problems(report)
    noun = "客户" if report.kind == "customers" else "卷烟规格"
    state = outcome(report)
    print(
        f"{noun}：新增 {len(report.new)}，更新 {len(report.updated)}，"
        f"未变 {len(report.unchanged)}，有问题 {len(report.rejected_rows)} 行，"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {state}"
    )
    if report.missing:
        shown = "、".join(report.missing[:20]) + (" …" if len(report.missing) > 20 else "")
        print(f"名单中没有、数据库中保留的{noun} {len(report.missing)} 个：{shown}")


def cmd_import(args: argparse.Namespace) -> int:
    run = import_customers if args.what == "customers" else import_skus
    report = run_import(args, run)
    print_report(report)
    return exit_code(report, args)


def cmd_customers_list(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        rows = journal.customers.list(args.search, everyone=args.all_managers)
    write_rows(sys.stdout, CUSTOMER_COLUMNS, rows, args.csv, args.raw)
    return EXIT_OK


def cmd_skus_list(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        rows = journal.catalog.list(args.search)
    write_rows(sys.stdout, SKU_COLUMNS, rows, args.csv, args.raw)
    return EXIT_OK


def cmd_routes_list(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        rows = journal.routes.list()
    print("线路\t星期\t客户数")
    for r in rows:
        print(f"{r.name}\t{WEEKDAYS[r.weekday] if r.weekday else ''}\t{r.customer_count}")
    return EXIT_OK


def cmd_profile_show(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        profile = journal.profile.get()
        unit = journal.form_unit.get()
    if profile is None:
        err("尚未设置客户经理资料：fieldbook profile set --name 姓名 --code 员工编号")
        return EXIT_INPUT
    print(f"姓名\t{profile.name}\n员工编号\t{profile.code}\n区县单位\t{profile.district_unit}")
    print(f"片区\t{profile.territory}\n联系电话\t{profile.phone}")
    _print_unit(unit)
    return EXIT_OK


def _print_unit(unit: FormUnit) -> None:
    print(f"公司\t{unit.company}\n营销中心\t{unit.center}")
    print(f"保密标识\t{'内部资料 · 注意保密' if unit.confidential else '不印'}")


def cmd_profile_unit(args: argparse.Namespace) -> int:
    """Set the unit the forms are made out in; options not given keep their value."""
    with writer_lock(args), journal_for(args) as journal:
        old = journal.form_unit.get()
        unit = FormUnit(
            company=old.company if args.company is None else args.company,
            center=old.center if args.center is None else args.center,
            confidential=old.confidential if args.mark is None else args.mark == "on",
        )
        unit = journal.form_unit.save(unit)
    print("已保存：")
    _print_unit(unit)
    return EXIT_OK


def cmd_profile_set(args: argparse.Namespace) -> int:
    with writer_lock(args), journal_for(args) as journal:
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
    print(f"已保存：{profile.name}（{profile.code}）")
    return EXIT_OK
