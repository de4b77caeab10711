"""A throwaway PostgreSQL server for the tests and benchmarks: ``initdb`` into a temporary
folder, ``postgres`` on 127.0.0.1 and a free port, trust authentication for the superuser
``fieldbook``, durability switched off (it is thrown away). Debian's ``postgresql`` package
provides the binaries (``make system-deps``); as root the server runs as the ``postgres`` user.

``python tests/pgserver.py`` starts one and prints its URL until interrupted.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SUPERUSER = "fieldbook"


class NoPostgres(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def bindir() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not candidates:
        raise NoPostgres("initdb not found (install Debian's postgresql package)")
    return Path(candidates[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """Command prefix and ids to run the server as (postgres refuses to run as root)."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        user = pwd.getpwnam("nobody")
    return ["runuser", "-u", user.pw_name, "--"], user.pw_uid, user.pw_gid


@contextlib.contextmanager
def server(*, max_connections: int = 200) -> Iterator[str]:
    """Start a server; yield its SQLAlchemy URL (database ``postgres``); stop and remove it.
    ``max_connections``: how many connections it takes (3 of them kept for the superuser)."""
    bin_ = bindir()
    prefix, uid, gid = _as_server_user()
    root = Path(tempfile.mkdtemp(prefix="fieldbook-pg-"))
    data = root / "data"
    os.chmod(root, 0o755)
    if uid is not None and gid is not None:
        os.chown(root, uid, gid)
    init = [
        *prefix,
        str(bin_ / "initdb"),
        "-D",
        str(data),
        "-U",
        SUPERUSER,
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    ]
    proc = subprocess.run(init, capture_output=True, text=True, check=False, cwd=root)
    if proc.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise NoPostgres(f"initdb failed: {proc.stderr.strip() or proc.stdout.strip()}")
    port = _free_port()
    run = [
        *prefix,
        str(bin_ / "postgres"),
        "-D",
        str(data),
        "-k",
        str(root),
        "-p",
        str(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        f"max_connections={max_connections}",
    ]
    log = open(root / "server.log", "wb")  # noqa: SIM115 - closed below
    postgres = subprocess.Popen(run, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if postgres.poll() is not None or time.monotonic() > deadline:
                    raise NoPostgres(
                        "postgres did not start: " + (root / "server.log").read_text()[-2000:]
                    ) from None
                time.sleep(0.05)
        _wait_ready(url)
        yield url
    finally:
        postgres.terminate()
        try:
            postgres.wait(timeout=20)
        except subprocess.TimeoutExpired:
            postgres.kill()
            postgres.wait()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


def with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def pg_admin(url: str, *statements: str) -> None:
    """Run ``statements`` outside a transaction (CREATE/DROP DATABASE)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as con:
            for sql in statements:
                con.execute(text(sql))
    finally:
        engine.dispose()


def _wait_ready(url: str) -> None:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(plain, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


if __name__ == "__main__":
    with server() as address:
        print(address, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
