"""``fieldbook server audit-verify``: walk each manager's audit chain on the department server
(``fieldbook.core.server.audit_chains``) and print each head."""

from __future__ import annotations

import argparse
import sys

from fieldbook.cli.common import EXIT_FAIL, EXIT_INPUT, EXIT_OK
from fieldbook.cli.sync import _server_url as server_url
from fieldbook.core.server.audit_chains import ChainCheck, verify_chains
from fieldbook.core.store import db

CHAIN_PROBLEMS = {
    "gap": "序号不连续（有记录被删除或插入）",
    "hash_mismatch": "内容与哈希不符（记录写入后被改动）",
    "link_mismatch": "与前一条的链接不符（有记录被删除、调换或插入）",
    "laptop_link": "与同一台电脑的前一条记录接不上（有记录被替换）",
}


def chain_line(check: ChainCheck) -> str:
    head = check.head
    who = f"{head.code} {head.name}".strip()
    if check.ok:
        return f"{who}：修改记录完好，共 {head.count} 条，末条哈希 {head.link}"
    problem = CHAIN_PROBLEMS.get(check.problem, check.problem)
    return (
        f"{who}：修改记录在服务器第 {check.mseq} 条（本机编号 {check.seq}）处断开：{problem}；"
        f"共 {head.count} 条"
    )


def cmd_server_audit_verify(args: argparse.Namespace) -> int:
    url = server_url(args)
    if url is None:
        return EXIT_INPUT
    engine = db.make_engine(url)
    try:
        checks = verify_chains(engine, args.manager)
    finally:
        engine.dispose()
    if args.manager and not checks:
        print(f"部门服务器上没有客户经理 {args.manager.strip().upper()}", file=sys.stderr)
        return EXIT_INPUT
    for check in checks:
        print(chain_line(check), file=sys.stdout if check.ok else sys.stderr)
    return EXIT_OK if all(c.ok for c in checks) else EXIT_FAIL
