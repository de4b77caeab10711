"""Command-line commands of the market department (on the department server, or on any
database holding several managers): ``export department`` (every manager's figures with
charts), ``spotcheck draw|show`` and ``export spotcheck`` (市场部主任抽查)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK, EXIT_INPUT = 0, 2
YES = {True: "是", False: "否", None: "—"}


def add_commands(sub: Any, export_sub: Any) -> None:
    from fieldbook.cli.main import output_path

    ed = export_sub.add_parser(
        "department", help="every manager's figures, weeks and open slips (市场部), with charts"
    )
    ed.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    ed.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    ed.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    ed.set_defaults(func=cmd_export_department)

    es = export_sub.add_parser("spotcheck", help="the month's spot-check report (市场部主任抽查)")
    es.add_argument("--manager", required=True, metavar="CODE")
    es.add_argument("--month", required=True, help="YYYY-MM")
    es.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE.xlsx")
    es.set_defaults(func=cmd_export_spotcheck)

    sc = sub.add_parser("spotcheck", help="the director's monthly spot check of a manager")
    ssub = sc.add_subparsers(dest="action", metavar="ACTION", required=True)
    sd = ssub.add_parser("draw", help="draw a month's sample of visits (once per month)")
    sd.add_argument("--manager", required=True, metavar="CODE")
    sd.add_argument("--month", required=True, help="YYYY-MM")
    sd.add_argument("--checker", required=True, help="who checks, e.g. 市场部 李主任")
    sd.add_argument("--size", type=int, default=10, help="visits in the sample (default 10)")
    sd.add_argument("--seed", type=int, default=None, help="repeat a draw (default: random)")
    sd.set_defaults(func=cmd_spotcheck_draw)
    sw = ssub.add_parser("show", help="print a month's spot check")
    sw.add_argument("--manager", required=True, metavar="CODE")
    sw.add_argument("--month", required=True, help="YYYY-MM")
    sw.set_defaults(func=cmd_spotcheck_show)


def cmd_export_department(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.cli.week import date_option
    from fieldbook.core.reports.department import export_department

    start, end = date_option(args.start, "from"), date_option(args.end, "to")
    if end < start:
        print(f"--to {end.isoformat()} 早于 --from {start.isoformat()}", file=sys.stderr)
        return EXIT_INPUT
    journal = open_journal(args)
    try:
        path = export_department(journal, start, end, args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def cmd_export_spotcheck(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.reports.spotcheck import export_spot_check

    journal = open_journal(args)
    try:
        path = export_spot_check(journal, args.manager, args.month, args.output)
    finally:
        journal.close()
    print(path)
    return EXIT_OK


def _lines(check: Any) -> list[str]:
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
    from fieldbook.cli.main import open_journal
    from fieldbook.core.server import spotcheck

    journal = open_journal(args)
    try:
        check = spotcheck.draw(
            journal,
            args.manager,
            args.month,
            checker=args.checker,
            size=args.size,
            seed=args.seed,
        )
    finally:
        journal.close()
    print("\n".join(_lines(check)))
    return EXIT_OK


def cmd_spotcheck_show(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.server import spotcheck

    journal = open_journal(args)
    try:
        check = spotcheck.find(journal, args.manager, args.month)
    finally:
        journal.close()
    if check is None:
        print(f"{args.manager} {args.month} 还没有抽查", file=sys.stderr)
        return EXIT_INPUT
    print("\n".join(_lines(check)))
    return EXIT_OK
