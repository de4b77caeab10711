"""Commands of the database's safekeeping: ``backup create|list|restore``, ``check`` and
``encrypt`` (the audit trail: :mod:`fieldbook.cli.audit`)."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_FAIL, EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.database import journal_for, writer_lock
from fieldbook.cli.vetting import db_file, passphrase
from fieldbook.core.store.backup import (
    create_backup,
    list_backups_info,
    newest_good_backup,
)
from fieldbook.core.store.check import CheckReport, full_check
from fieldbook.core.store.crypto import encrypt_database
from fieldbook.core.store.restore import restore_backup
from fieldbook.messages import MESSAGES, message, schema_difference, schema_differences


def cmd_backup_create(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        path = create_backup(journal.engine, label="manual")
    print(path)
    return EXIT_OK


def cmd_backup_list(args: argparse.Namespace) -> int:
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
    result = restore_backup(db_file(args), args.file, passphrase=passphrase(args))
    print(f"已从备份恢复：{result.restored_from} → {result.db_path}")
    if result.replaced:
        print(f"原数据库已移到：{result.replaced[0]}（未删除）")
    if result.safety_backup:
        print(f"恢复前另做了一个备份：{result.safety_backup}")
    if result.files_restored:
        print(f"照片和附件：从备份里找回 {result.files_restored} 个")
    if result.files_missing:
        err(f"有 {len(result.files_missing)} 个照片或附件在备份里也找不到：")
        for name in result.files_missing:
            err(f"  {name}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
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
    schema = [f"结构：{schema_difference(d)}" for d in report.schema]
    if report.schema_problem == "not_fieldbook":
        schema.insert(0, message("not_fieldbook_database"))
    elif report.schema_problem == "too_new":
        schema.insert(0, f"结构版本 {report.revision} 来自更新版本的 Fieldbook，本版本无法核对")
    return [*report.integrity, *schema, *(str(p) for p in report.foreign_keys)]


def cmd_encrypt(args: argparse.Namespace) -> int:
    secret = passphrase(args)
    if not secret:
        err("请用 --passphrase-env 变量名（或 FIELDBOOK_PASSPHRASE）提供新数据库的口令")
        return EXIT_INPUT
    source = db_file(args)
    with writer_lock(args):
        dest = encrypt_database(source, args.output, secret)
    print(f"已写出加密的数据库：{dest}")
    print(f"原文件 {source} 未改动；确认新文件能打开后，请自行安全删除原文件及其备份。")
    return EXIT_OK
