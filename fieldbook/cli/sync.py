"""``fieldbook sync``: push this laptop's records to the department server and pull what the
company and the departments own (``fieldbook.core.server.sync``).

The server's address is remembered in the database after the first ``--server``; its password
is never stored: libpq reads it from ``PGPASSWORD`` or ``~/.pgpass`` (``%APPDATA%\\postgresql\\
pgpass.conf`` on Windows), and ``sslmode=require`` in the address insists on TLS."""

from __future__ import annotations

import argparse
import os
import sys

from fieldbook.cli.common import EXIT_FAIL, EXIT_INPUT, EXIT_OK
from fieldbook.cli.database import journal_for
from fieldbook.core.server.roles import ServerUserInput, add_user, init_server, reassign_customer
from fieldbook.core.server.sync import SERVER_KEY, check_server_address, has_secret, sync
from fieldbook.core.server.sync_report import SyncError
from fieldbook.messages import SYNC_TABLE_NAMES, describe_conflict, describe_sync_problem, message


def _lines(moved: dict[str, int]) -> str:
    return "，".join(f"{SYNC_TABLE_NAMES.get(k, k)} {v}" for k, v in moved.items()) or "无"


def cmd_sync(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
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
        report = sync(journal, url, progress=lambda m: print(message(m), file=sys.stderr))
    print(f"上传：{_lines(report.pushed)}")
    print(f"下载：{_lines(report.pulled)}")
    for problem in [*report.problems, *report.notices]:
        print(describe_sync_problem(problem), file=sys.stderr)
    for conflict in report.conflicts:  # kept: fieldbook sync conflicts lists them until seen
        print(f"冲突：{describe_conflict(conflict)}")
    return EXIT_OK if not report.problems else EXIT_FAIL


def _server_url(args: argparse.Namespace) -> str | None:
    url = args.db or os.environ.get("FIELDBOOK_DB")
    if not url or not url.startswith("postgresql"):
        print("请用 --db postgresql+psycopg://… 指定部门服务器", file=sys.stderr)
        return None
    return url


def cmd_server_init(args: argparse.Namespace) -> int:
    url = _server_url(args)
    if url is None:
        return EXIT_INPUT
    init_server(url)
    print("部门服务器已就绪：数据库结构、角色、权限与行级安全策略已建立")
    return EXIT_OK


def cmd_server_add_user(args: argparse.Namespace) -> int:
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
