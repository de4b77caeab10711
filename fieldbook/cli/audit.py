"""Commands of the audit trail of corrections (修改记录): ``audit verify`` (the hash chain, and
the heads recorded outside the database) and ``audit show``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from fieldbook.cli.common import EXIT_FAIL, EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.database import journal_for
from fieldbook.core.errors import InvalidValue
from fieldbook.core.paths import resolve_db_url
from fieldbook.core.store.audit import (
    FOOTER_PREFIX,
    ChainHead,
    VerifyReport,
    heads_in_text,
    history,
    parse_head,
    verify,
)
from fieldbook.core.store.db import sqlite_path
from fieldbook.core.store.head_log import lineage, recorded_heads, restores
from fieldbook.core.xlsx.tabular import read_table


def heads_in_workbook(path: Path) -> list[ChainHead]:
    """The footer lines of a report workbook (its first sheet with data: the summary), read
    through the same safety gate as any imported file (``FileRejected``). Here, not in the
    store: opening a database never loads the workbook readers."""
    found: list[ChainHead] = []
    for row in read_table(path).rows:
        for cell in row.cells:
            if isinstance(cell, str) and FOOTER_PREFIX in cell:
                found += heads_in_text(cell, where=str(path))
    return found


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
    heads = given_heads(args.head)
    path = sqlite_path(resolve_db_url(args.db))
    tainted_by = None
    if path is not None:
        heads = recorded_heads(path) + heads
        tainted_by = lineage(path).tainted_by
    with journal_for(args) as journal:
        report = verify(journal, heads)
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
    record_type, _, record_id = args.record.partition(":")
    if not record_type or not record_id:
        err("--record 的格式应为 类型:编号，如 visit:1234")
        return EXIT_INPUT
    with journal_for(args) as journal:
        rows = history(journal, record_type, record_id)
    print("序号\t时间(UTC)\t字段\t原值\t新值\t原因")
    for r in rows:
        when = f"{r.at:%Y-%m-%d %H:%M:%S}"
        print(f"{r.seq}\t{when}\t{r.field}\t{r.old_value}\t{r.new_value}\t{r.reason}")
    return EXIT_OK
