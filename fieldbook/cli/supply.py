"""``import supply``: the weekly 货源投放 list (紧俏/限量/停供 and the limits per 档位)."""

from __future__ import annotations

import argparse
from functools import partial

from fieldbook.cli.imports import exit_code, outcome, print_problems, run_import
from fieldbook.core.master.supply_import import import_supply


def cmd_import_supply(args: argparse.Namespace) -> int:
    report = run_import(args, partial(import_supply, valid_from=args.valid_from))
    print_problems(report)
    since = report.valid_from.isoformat() if report.valid_from else ""
    print(
        f"货源信息（{since} 起）：新设 {len(report.new)}，更改 {len(report.updated)}，"
        f"未变 {len(report.unchanged)}，有问题 {len(report.rejected_rows)} 行，"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {outcome(report)}"
    )
    for line in report.new + report.updated:
        print(f"  {line}")
    if report.missing:
        print(f"名单中没有、改回正常的卷烟 {len(report.missing)} 个：" + "、".join(report.missing))
    return exit_code(report, args)
