"""The arguments of the department server: ``sync`` and ``server init|add-user|
reassign-customer|audit-verify``."""

from __future__ import annotations

from fieldbook.cli.arguments.server_ops import register_server_ops
from fieldbook.cli.common import Subcommands, runs

COMMANDS = "fieldbook.cli.sync"


def register(commands: Subcommands) -> None:
    sy = commands.top.add_parser(
        "sync", help="sync with the department server (push your records, pull answers)"
    )
    sy.add_argument(
        "--server",
        default=None,
        metavar="URL",
        help="postgresql+psycopg://user@host/db (remembered; password from PGPASSWORD/.pgpass)",
    )
    runs(sy, f"{COMMANDS}:cmd_sync")
    syc = sy.add_subparsers(dest="sync_action", metavar="ACTION", required=False)
    sc = syc.add_parser(
        "conflicts", help="the records the syncs found changed in two places (not yet seen)"
    )
    sc.add_argument("--ack", action="store_true", help="mark the listed conflicts as seen")
    sc.add_argument("--all", action="store_true", help="the ones already seen too")
    runs(sc, "fieldbook.cli.sync_conflicts:cmd_sync_conflicts")

    sv = commands.top.add_parser(
        "server", help="the department server (PostgreSQL): schema, users, roles"
    )
    svsub = sv.add_subparsers(dest="action", metavar="ACTION", required=True)
    si = svsub.add_parser(
        "init", help="migrate the server's schema and (re)create roles, grants and policies"
    )
    runs(si, f"{COMMANDS}:cmd_server_init")
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
    runs(su, f"{COMMANDS}:cmd_server_add_user")
    sr = svsub.add_parser(
        "reassign-customer",
        help="make another manager the customer's manager on the server (e.g. a sync conflict)",
    )
    sr.add_argument("code", help="the customer's code (客户编码)")
    sr.add_argument("--to", required=True, metavar="MANAGER", help="the new manager's code")
    sr.add_argument("--reason", default="", help="recorded in the audit trail")
    runs(sr, f"{COMMANDS}:cmd_server_reassign_customer")
    sa = svsub.add_parser(
        "audit-verify",
        help="check each manager's audit trail (修改记录) on the server and print its head",
    )
    sa.add_argument("--manager", default=None, metavar="CODE", help="only this manager")
    runs(sa, "fieldbook.cli.server_audit:cmd_server_audit_verify")
    register_server_ops(svsub)
