"""``fieldbook server backup`` / ``restore``: the department server's data in one file
(decision 0033).

A backup is ``pg_dump`` in its custom format (compressed; ``pg_restore`` can list it and
restore all or part of it), written under a temporary name beside the file the administrator
named and moved there only when complete; an existing file is never overwritten, a database
of Fieldbook's never touched. A restore is ``pg_restore`` into an *empty* database, in one
transaction: it either restores everything or leaves the database empty.

The dump holds the schema, the data, the grants and the row-level security policies, but not
the roles: roles (logins and their groups) belong to the PostgreSQL cluster, not to one
database. Restoring on the same cluster finds them; on a new cluster, ``fieldbook server
init`` and ``add-user`` (or ``pg_dumpall --roles-only``) make them first.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from fieldbook.core import clock
from fieldbook.core.errors import DatabaseError
from fieldbook.core.outputs import OutputRefused, check_output, private_temp_beside
from fieldbook.core.store import db


class ServerOperationFailed(DatabaseError):
    """A backup or restore of the department server did not happen; ``reason`` says why
    (``server_tool_missing``, ``server_dump_failed``, ``server_restore_failed``,
    ``server_restore_not_empty``, ``server_backup_missing``), ``why`` what the tool said."""

    code = "server_operation_failed"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason, reason=reason, why=detail)
        self.reason = reason


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    bytes: int
    seconds: float


def pg_tool(name: str) -> Path:
    """The newest PostgreSQL client program ``name`` (``pg_dump``, ``pg_restore``): a dump
    needs a ``pg_dump`` at least as new as the server."""
    versioned = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4])
    )
    found = versioned[-1] if versioned else shutil.which(name)
    if not found:
        raise ServerOperationFailed("server_tool_missing", name)
    return Path(found)


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """``url`` as libpq takes it, and the environment that carries its password (a password
    is never put on a command line, where other users of the machine could read it)."""
    given = make_url(url)
    env = dict(os.environ)
    if given.password:
        env["PGPASSWORD"] = str(given.password)
    plain = given.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], reason: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise ServerOperationFailed(reason, said[-1] if said else f"exit {done.returncode}")


def backup_server(url: str, target: Path | str) -> ServerBackup:
    """Dump the server database at ``url`` to ``target`` (which must not exist yet)."""
    target = check_output(target)
    if target.exists() or target.is_symlink():
        raise OutputRefused("output_exists", os.fspath(target))
    address, env = _libpq(url)
    started = clock.now_precise()
    temp = private_temp_beside(target, ".dump")
    try:
        _run(
            [str(pg_tool("pg_dump")), "--format=custom", f"--file={temp}", f"--dbname={address}"],
            env,
            "server_dump_failed",
        )
        check_output(target)  # again, right before it appears there
        os.link(temp, target)  # never over a file that appeared meanwhile (FileExistsError)
    except FileExistsError as exc:
        raise OutputRefused("output_exists", os.fspath(target)) from exc
    finally:
        temp.unlink(missing_ok=True)
    seconds = (clock.now_precise() - started).total_seconds()
    return ServerBackup(target, target.stat().st_size, seconds)


def restore_server(backup: Path | str, url: str) -> float:
    """Restore ``backup`` into the empty database at ``url``, all or nothing; the seconds it
    took."""
    backup = Path(backup)
    if not backup.is_file():
        raise ServerOperationFailed("server_backup_missing", os.fspath(backup))
    engine = db.make_engine(url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as con:
            tables = con.execute(
                text(
                    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')"
                )
            ).scalar()
    finally:
        engine.dispose()
    if tables:
        raise ServerOperationFailed("server_restore_not_empty", f"{tables} tables")
    address, env = _libpq(url)
    started = clock.now_precise()
    _run(
        [
            str(pg_tool("pg_restore")),
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={address}",
            os.fspath(backup),
        ],
        env,
        "server_restore_failed",
    )
    return (clock.now_precise() - started).total_seconds()
