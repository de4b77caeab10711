"""``fieldbook sync``: push this laptop's records to the department server and pull what the
company and the departments own (``fieldbook.core.server.sync``).

The server's address is remembered in the database after the first ``--server``; its password
is never stored: libpq reads it from ``PGPASSWORD`` or ``~/.pgpass`` (``%APPDATA%\\postgresql\\
pgpass.conf`` on Windows), and ``sslmode=require`` in the address insists on TLS."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

EXIT_OK, EXIT_INPUT, EXIT_FAILED = 0, 2, 1
NAMES = {
    "managers": "客户经理",
    "routes": "线路",
    "customers": "客户",
    "skus": "卷烟规格",
    "plans": "计划",
    "plan_stops": "计划站点",
    "visits": "走访",
    "visit_skus": "规格观察",
    "visit_time_edits": "时间修改",
    "slip_suggestions": "建议反馈单",
    "followups": "跟踪事项",
    "slips": "反馈单",
    "slip_attachments": "附件",
    "slip_deliveries": "反馈单投递",
    "slip_events": "反馈单流转",
    "order_lines": "订单行",
    "day_logs": "工作日志",
    "week_reports": "周报",
    "spot_checks": "抽查",
    "spot_check_items": "抽查明细",
}


def add_commands(sub: Any) -> None:
    sy = sub.add_parser(
        "sync", help="sync with the department server (push your records, pull answers)"
    )
    sy.add_argument(
        "--server",
        default=None,
        metavar="URL",
        help="postgresql+psycopg://user@host/db (remembered; password from PGPASSWORD/.pgpass)",
    )
    sy.set_defaults(func=cmd_sync)

    sv = sub.add_parser("server", help="the department server (PostgreSQL): schema, users, roles")
    svsub = sv.add_subparsers(dest="action", metavar="ACTION", required=True)
    si = svsub.add_parser(
        "init", help="migrate the server's schema and (re)create roles, grants and policies"
    )
    si.set_defaults(func=cmd_server_init)
    su = svsub.add_parser("add-user", help="create a login (password from --password-env)")
    su.add_argument("name", help="login name: lower-case letters, digits, _")
    su.add_argument("--kind", required=True, choices=("manager", "department", "director", "admin"))
    su.add_argument(
        "--manager", default="", metavar="CODE", help="the manager's code (kind manager)"
    )
    su.add_argument(
        "--department",
        default="",
        choices=("", "market", "monopoly", "distribution", "phone"),
        help="the department (kind department)",
    )
    su.add_argument("--display-name", default="")
    su.add_argument(
        "--password-env",
        required=True,
        metavar="VAR",
        help="environment variable holding the password (never on the command line)",
    )
    su.set_defaults(func=cmd_server_add_user)
    sr = svsub.add_parser(
        "reassign-customer",
        help="make another manager the customer's manager on the server (e.g. a sync conflict)",
    )
    sr.add_argument("code", help="the customer's code (客户编码)")
    sr.add_argument("--to", required=True, metavar="MANAGER", help="the new manager's code")
    sr.add_argument("--reason", default="", help="recorded in the audit trail")
    sr.set_defaults(func=cmd_server_reassign_customer)


def _lines(moved: dict[str, int]) -> str:
    return "，".join(f"{NAMES.get(k, k)} {v}" for k, v in moved.items()) or "无"


def cmd_sync(args: argparse.Namespace) -> int:
    from fieldbook.cli.main import open_journal
    from fieldbook.core.server.sync import (
        SERVER_KEY,
        SyncError,
        check_server_address,
        has_secret,
        sync,
    )
    from fieldbook.messages import describe_sync_problem

    journal = open_journal(args)
    try:
        with journal.reading() as s:
            stored = journal.get_setting(s, SERVER_KEY)
        url = args.server or stored
        if not url:
            raise SyncError("no_server")
        check_server_address(url)  # before it is remembered
        if has_secret(url):
            print("请不要把口令写在地址里：用 PGPASSWORD 或 ~/.pgpass", file=sys.stderr)
            return EXIT_INPUT
        if args.server and args.server != stored:
            with journal.writing() as s:
                journal.set_setting(s, SERVER_KEY, args.server)
        report = sync(journal, url, progress=lambda m: print(m, file=sys.stderr))
    finally:
        journal.close()
    print(f"上传：{_lines(report.pushed)}")
    print(f"下载：{_lines(report.pulled)}")
    for problem in [*report.problems, *report.notices]:
        print(describe_sync_problem(problem), file=sys.stderr)
    return EXIT_OK if not report.problems else EXIT_FAILED


def _server_url(args: argparse.Namespace) -> str | None:
    url = args.db or os.environ.get("FIELDBOOK_DB")
    if not url or not url.startswith("postgresql"):
        print("请用 --db postgresql+psycopg://… 指定部门服务器", file=sys.stderr)
        return None
    return url


def cmd_server_init(args: argparse.Namespace) -> int:
    from fieldbook.core.server.roles import init_server

    url = _server_url(args)
    if url is None:
        return EXIT_INPUT
    init_server(url)
    print("部门服务器已就绪：数据库结构、角色、权限与行级安全策略已建立")
    return EXIT_OK


def cmd_server_add_user(args: argparse.Namespace) -> int:
    from fieldbook.core.server.roles import ServerUserInput, add_user

    url = _server_url(args)
    if url is None:
        return EXIT_INPUT
    password = os.environ.get(args.password_env, "")
    if not password:
        print(f"环境变量 {args.password_env} 没有设置口令", file=sys.stderr)
        return EXIT_INPUT
    add_user(
        url,
        ServerUserInput(
            args.name,
            args.kind,
            password,
            manager_code=args.manager,
            department=args.department,
            display_name=args.display_name,
        ),
    )
    print(f"已建立登录 {args.name.lower()}（{args.kind}）")
    return EXIT_OK


def cmd_server_reassign_customer(args: argparse.Namespace) -> int:
    from fieldbook.core.server.roles import reassign_customer

    url = _server_url(args)
    if url is None:
        return EXIT_INPUT
    to = args.to.strip().upper()
    reason = args.reason.strip() or f"管理员将客户改由 {to} 负责"
    moved = reassign_customer(url, args.code, to, reason=reason)
    if not moved.changed:
        print(f"客户 {moved.code}（{moved.shop_name}）已经由 {moved.to_manager} 负责，未改动")
    else:
        print(
            f"客户 {moved.code}（{moved.shop_name}）已由 {moved.from_manager} 改为"
            f" {moved.to_manager} 负责；已记入修改记录"
        )
    return EXIT_OK
