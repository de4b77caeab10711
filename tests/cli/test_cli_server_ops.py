"""``fieldbook server status|backup|restore`` on a real PostgreSQL (decision 0033)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pgserver import pg_admin, with_database
from sqlalchemy import create_engine, insert
from sqlalchemy.engine import make_url
from sync_support import LOGIN_PASSWORD, laptop, manager_logins

from fieldbook.cli import main as cli
from fieldbook.core import clock
from fieldbook.core.server.sync import sync
from fieldbook.core.store.models import Manager

pytestmark = pytest.mark.postgresql


def test_status_in_chinese_and_as_json(
    pg_database: str, tmp_path: Path, template_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    j = laptop(tmp_path, template_db, 1)
    try:
        sync(j, pg_database)
    finally:
        j.close()
    admin = create_engine(pg_database)  # a manager on the server who never synced
    with admin.begin() as con:
        con.execute(insert(Manager).values(id="m-new", code="QTH009", name="新经理"))
    admin.dispose()
    assert cli.main(["--db", pg_database, "server", "status"]) == 0
    out = capsys.readouterr().out
    assert "服务器：PostgreSQL" in out and "连接：已用" in out
    when = r"\d{4}-\d\d-\d\d \d\d:\d\d"
    assert re.search(
        rf"QTH001\t经理1\t{when}\t走访 3 条"
        rf"\t最近同步 {when}（笔记本 1 台，共 1 次）\t修改记录 0 条\n",
        out,
    )
    assert re.search(r"QTH009\t新经理\t尚未上传\t走访 0 条\t从未同步\t修改记录 0 条\n", out)
    assert "最大的表：" in out and out.count(" KB\t") >= 5
    assert cli.main(["--db", pg_database, "server", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["code"] for m in data["managers"]] == ["QTH001", "QTH009"]
    first, never = data["managers"]
    assert first["last_sync"] and (first["laptops"], first["syncs"]) == (1, 1)
    assert (first["audit_entries"], first["audit_head"]) == (0, "")
    assert (never["last_sync"], never["laptops"], never["syncs"]) == (None, 0, 0)
    assert data["max_connections"] >= data["connections"] >= 1


def test_backup_then_restore_and_what_they_refuse(
    pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "server.dump"
    assert cli.main(["--db", pg_database, "server", "backup", "-o", str(dump)]) == 0
    out = capsys.readouterr().out
    assert f"已备份到 {dump}" in out and "用时" in out and dump.stat().st_size > 0

    before = dump.read_bytes()
    assert cli.main(["--db", pg_database, "server", "backup", "-o", str(dump)]) == 2
    assert "已经存在" in capsys.readouterr().err and dump.read_bytes() == before

    name = make_url(pg_database).database + "_r"
    admin = with_database(pg_database, "postgres")
    pg_admin(admin, f"CREATE DATABASE {name}")
    try:
        fresh = with_database(pg_database, name)
        assert cli.main(["--db", fresh, "server", "restore", str(dump)]) == 0
        assert "已从" in capsys.readouterr().out
        assert cli.main(["--db", fresh, "server", "restore", str(dump)]) == 1  # not empty now
        assert "空数据库" in capsys.readouterr().err
    finally:
        pg_admin(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_sync_says_server_busy_in_chinese_and_completes(
    pg_database: str,
    tmp_path: Path,
    template_db: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The server lets this login in only after the sync has been told "busy" once."""
    code = "QTH001"
    login = manager_logins(pg_database, [code])[code]
    role = make_url(login).username
    j = laptop(tmp_path, template_db, 1)
    url = j.url
    j.close()
    pg_admin(pg_database, f"ALTER ROLE {role} CONNECTION LIMIT 0")
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # the wait: a slot frees meanwhile
        waits.append(seconds)
        pg_admin(pg_database, f"ALTER ROLE {role} CONNECTION LIMIT -1")

    monkeypatch.setattr(clock, "sleep", sleep)
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    address = login.replace(f":{LOGIN_PASSWORD}@", "@")
    assert cli.main(["--db", url, "sync", "--server", address]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("服务器繁忙，正在重试…") == 1 and len(waits) == 1
    assert "走访 3" in captured.out
