"""``fieldbook server status|backup|restore``: the administrator's look at the department
server, and its data in one file and back (``fieldbook.core.server.status``,
``fieldbook.core.server.server_backup``; decision 0033)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from datetime import datetime
from pathlib import Path

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK
from fieldbook.core.resources import load_reference
from fieldbook.core.server.server_backup import backup_server, restore_server
from fieldbook.core.server.status import ManagerArrival, ServerStatus, server_status
from fieldbook.core.slips.vocabulary import department_name

#: What ``server status`` calls each kind of login.
KINDS: dict[str, str] = dict(load_reference("messages/server")["login_kinds"])


def _server_url(args: argparse.Namespace) -> str | None:
    url = args.db or os.environ.get("FIELDBOOK_DB")
    if not url or not url.startswith("postgresql"):
        print("请用 --db postgresql+psycopg://… 指定部门服务器", file=sys.stderr)
        return None
    return url


def size(n: int) -> str:
    """``1.2 MB``: bytes for a person."""
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"


def _when(stamp: datetime | None) -> str:
    return stamp.isoformat(sep=" ", timespec="minutes") if stamp else "尚未上传"


def _synced(m: ManagerArrival) -> str:
    """``最近同步 …（笔记本 1 台，共 3 次）\t修改记录 12 条 a1b2c3d4e5f6``, or 从未同步."""
    if m.last_sync is None:
        synced = "从未同步"
    else:
        synced = f"最近同步 {_when(m.last_sync)}（笔记本 {m.laptops} 台，共 {m.syncs} 次）"
    return f"{synced}\t修改记录 {m.audit_entries} 条 {m.audit_head[:12]}".rstrip()


def _print_status(s: ServerStatus) -> None:
    free = s.max_connections - s.reserved_connections - s.connections
    print(f"服务器：PostgreSQL {s.version}；数据库 {s.database}，{size(s.database_bytes)}")
    print(
        f"连接：已用 {s.connections} / 上限 {s.max_connections}"
        f"（其中 {s.reserved_connections} 个留给超级用户；还可连接 {max(free, 0)} 个）"
    )
    print(f"\n登录（{len(s.users)}）：")
    for u in s.users:
        who = u.manager_code or (department_name(u.department) if u.department else "")
        shown = f"  {u.login}\t{KINDS.get(u.kind, u.kind)}\t{who}\t{u.display_name}".rstrip()
        print(shown + ("" if u.can_log_in else "\t（角色已不存在或不能登录）"))
    print(f"\n客户经理（{len(s.managers)}）：最近上传的记录，最近同步（服务器时间），修改记录链头")
    for m in s.managers:
        print(f"  {m.code}\t{m.name}\t{_when(m.last_record)}\t走访 {m.visits} 条\t{_synced(m)}")
    print("\n最大的表：")
    for t in s.tables:
        rows = f"约 {t.rows} 行" if t.rows >= 0 else "未统计行数"
        print(f"  {t.name}\t{size(t.bytes)}\t{rows}")


def cmd_server_status(args: argparse.Namespace) -> int:
    url = _server_url(args)
    if url is None:
        return EXIT_INPUT
    status = server_status(url)
    if args.json:
        print(json.dumps(dataclasses.asdict(status), ensure_ascii=False, indent=2, default=str))
    else:
        _print_status(status)
    return EXIT_OK


def cmd_server_backup(args: argparse.Namespace) -> int:
    url = _server_url(args)
    if url is None:
        return EXIT_INPUT
    made = backup_server(url, Path(args.output))
    print(f"已备份到 {made.path}（{size(made.bytes)}，用时 {made.seconds:.1f} 秒）")
    print("注意：登录角色属于整个 PostgreSQL 实例，不在备份文件里（见 docs/server-operations.md）")
    return EXIT_OK


def cmd_server_restore(args: argparse.Namespace) -> int:
    url = _server_url(args)
    if url is None:
        return EXIT_INPUT
    seconds = restore_server(Path(args.backup), url)
    print(f"已从 {args.backup} 恢复到空数据库（用时 {seconds:.1f} 秒）")
    return EXIT_OK
