"""The arguments of ``server status|backup|restore`` (added under ``server`` by
``arguments/sync.py``)."""

from __future__ import annotations

from fieldbook.cli.common import SubParsers, runs

COMMANDS = "fieldbook.cli.server_ops"


def register_server_ops(server: SubParsers) -> None:
    st = server.add_parser(
        "status", help="users, last records per manager, sizes, connections in use"
    )
    st.add_argument("--json", action="store_true", help="machine-readable output")
    runs(st, f"{COMMANDS}:cmd_server_status")
    bk = server.add_parser("backup", help="pg_dump the server's database (custom format)")
    bk.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the backup file (must not exist)"
    )
    runs(bk, f"{COMMANDS}:cmd_server_backup")
    rs = server.add_parser("restore", help="pg_restore a backup into the empty database --db names")
    rs.add_argument("backup", metavar="FILE", help="a file made by fieldbook server backup")
    runs(rs, f"{COMMANDS}:cmd_server_restore")
