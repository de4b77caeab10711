"""The arguments of the database's safekeeping: ``backup create|list|restore``, ``check``,
``audit verify|show`` and ``encrypt``."""

from __future__ import annotations

from pathlib import Path

from fieldbook.cli.common import Subcommands, output_path, runs

STORE = "fieldbook.cli.store"
AUDIT = "fieldbook.cli.audit"


def register(commands: Subcommands) -> None:
    b = commands.top.add_parser("backup", help="backups of the database")
    bsub = b.add_subparsers(dest="action", metavar="ACTION", required=True)
    runs(bsub.add_parser("create", help="make a backup now"), f"{STORE}:cmd_backup_create")
    runs(
        bsub.add_parser(
            "list", help="list backups, newest first: path, time, label and record counts"
        ),
        f"{STORE}:cmd_backup_list",
    )
    br = bsub.add_parser(
        "restore", help="replace the database with a backup (the current one is moved aside)"
    )
    br.add_argument("file", type=Path, metavar="FILE")
    runs(br, f"{STORE}:cmd_backup_restore", creates_database=True)

    check = commands.top.add_parser(
        "check", help="check the database file (integrity and foreign keys); exit 1 if damaged"
    )
    runs(check, f"{STORE}:cmd_check")
    register_audit(commands)

    enc = commands.top.add_parser(
        "encrypt", help="write an encrypted copy of the database (the original is not changed)"
    )
    # dest "output": checked before any work like every file a command writes
    enc.add_argument("--to", dest="output", type=output_path, required=True, metavar="NEW_PATH")
    runs(enc, f"{STORE}:cmd_encrypt")


def register_audit(commands: Subcommands) -> None:
    a = commands.top.add_parser("audit", help="the audit trail of corrections (修改记录)")
    asub = a.add_subparsers(dest="action", metavar="ACTION", required=True)
    av = asub.add_parser(
        "verify",
        help="check the hash chain, and that it still holds every head recorded outside the"
        " database (backups, --head); exit 1 if broken or cut short",
    )
    av.add_argument(
        "--head",
        action="append",
        default=[],
        metavar="N:HASH|REPORT.xlsx",
        help="a head kept elsewhere: N entries, the last one's hash (8+ hex digits), or an"
        " exported week/month report whose footer records it (repeatable)",
    )
    runs(av, f"{AUDIT}:cmd_audit_verify")
    ash = asub.add_parser("show", help="print the recorded changes of one record")
    ash.add_argument("--record", required=True, metavar="TYPE:ID", help="e.g. visit:UUID")
    runs(ash, f"{AUDIT}:cmd_audit_show")
