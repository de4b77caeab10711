"""Commands of the market department (on the department server, or on any
database holding several managers): ``export department`` (every manager's figures with
charts), ``spotcheck draw|show`` and ``export spotcheck`` (市场部主任抽查)."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.database import journal_for
from fieldbook.cli.form_output import export_form
from fieldbook.cli.period import given_period
from fieldbook.core.reports.department import export_department
from fieldbook.core.reports.spotcheck import export_spot_check
from fieldbook.core.server import spotcheck
from fieldbook.core.server.spotcheck import SpotCheckView

YES = {True: "是", False: "否", None: "—"}


def cmd_export_department(args: argparse.Namespace) -> int:
    start, end = given_period(args)
    return export_form(args, lambda journal, path: export_department(journal, start, end, path))


def cmd_export_spotcheck(args: argparse.Namespace) -> int:
    return export_form(
        args, lambda journal, path: export_spot_check(journal, args.manager, args.month, path)
    )


def _lines(check: SpotCheckView) -> list[str]:
    out = [
        f"抽查 {check.manager} {check.month}（{check.checker}，随机种子 {check.seed}）："
        f"{len(check.items)} 次走访，已核查 {check.checked}，不属实 {check.not_confirmed}，"
        f"整改中 {check.corrections_open}，已改正 {check.corrections_done}"
    ]
    for i in check.items:
        line = (
            f"{i.position:>2}. {i.visit_date} {i.customer}  属实 {YES[i.confirmed]}"
            f"  时间 {YES[i.time_ok]}  内容 {YES[i.content_ok]}  服务 {i.service_quality or '—'}"
        )
        if i.problems:
            line += f"  问题：{i.problems}"
        if i.correction:
            state = {"open": "整改中", "done": "已改正"}.get(i.correction_status, "")
            line += f"  整改：{i.correction}（{state}）"
        out.append(line)
    return out


def cmd_spotcheck_draw(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        check = spotcheck.draw(
            journal,
            args.manager,
            args.month,
            checker=args.checker,
            size=args.size,
            seed=args.seed,
        )
    print("\n".join(_lines(check)))
    return EXIT_OK


def cmd_spotcheck_show(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        check = spotcheck.find(journal, args.manager, args.month)
    if check is None:
        err(f"{args.manager} {args.month} 还没有抽查")
        return EXIT_INPUT
    print("\n".join(_lines(check)))
    return EXIT_OK
