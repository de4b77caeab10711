"""A full server is not a failure (decision 0033): the sync says "server busy, retrying",
backs off and continues where it stopped; only when its patience runs out does it fail."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pgserver import pg_admin
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sync_support import SYNCED_TABLES, laptop, manager_logins

from fieldbook.core.journal import Journal
from fieldbook.core.server.sync import CURSOR_KEY, sync
from fieldbook.core.server.sync_busy import (
    BUSY_PROGRESS,
    Backoff,
    BusyRetry,
    is_server_full,
)
from fieldbook.core.server.sync_report import SyncError

SIGNS = Backoff.configured().signs


class Full(Exception):
    sqlstate = "53300"


def test_the_signs_of_a_full_server() -> None:
    assert is_server_full(Exception("FATAL:  sorry, too many clients already"), SIGNS)
    assert is_server_full(
        Exception("FATAL: remaining connection slots are reserved for roles with SUPERUSER"),
        SIGNS,
    )
    assert is_server_full(Exception("no more connections allowed (max_client_conn)"), SIGNS)
    assert is_server_full(Full("x"), SIGNS)
    try:
        try:
            raise Full("inner")
        except Full as inner:
            raise SyncError("connection", "wrapped") from inner
    except SyncError as wrapped:
        assert is_server_full(wrapped, SIGNS)
    assert not is_server_full(Exception("password authentication failed"), SIGNS)
    assert not is_server_full(SyncError("schema", "0016"), SIGNS)


def test_back_off_is_jittered_exponential_and_capped() -> None:
    b = Backoff(base_seconds=1.0, cap_seconds=8.0, patience_seconds=60.0, signs=SIGNS)
    rng = random.Random(7)
    waits = [[b.wait(n, rng) for _ in range(200)] for n in (1, 2, 3, 4, 5, 6)]
    assert [max(w) <= c for w, c in zip(waits, (1, 2, 4, 8, 8, 8), strict=True)] == [True] * 6
    assert max(waits[3]) > 4  # it grows …
    assert len({round(w, 6) for w in waits[0]}) == 200  # … and no two laptops wait alike


def test_busy_retry_waits_then_gives_up_after_its_patience() -> None:
    said: list[str] = []
    slept: list[float] = []
    b = Backoff(base_seconds=1.0, cap_seconds=4.0, patience_seconds=20.0, signs=SIGNS)
    retry = BusyRetry(said.append, sleep=slept.append, backoff=b, rng=random.Random(1))

    def refused() -> None:
        raise Full("too many clients already")

    with pytest.raises(SyncError) as caught:
        retry.run(refused)
    assert caught.value.reason == "busy"
    assert said == [BUSY_PROGRESS] * len(slept) and len(slept) >= 5
    assert sum(slept) <= 20.0 == b.patience_seconds

    calls: list[int] = []

    def second_time_lucky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise Full("too many clients already")
        return "done"

    again = BusyRetry(said.append, sleep=slept.append, backoff=b, rng=random.Random(1))
    assert again.run(second_time_lucky) == "done" and again.retries == 2

    def broken() -> None:
        raise SyncError("schema", "0016")

    with pytest.raises(SyncError, match="0016"):  # any other failure is not waited for
        BusyRetry(said.append, sleep=slept.append, backoff=b).run(broken)


# --- on a real server ------------------------------------------------------------------------
@pytest.fixture
def one_laptop(tmp_path: Path, template_db: Path) -> Iterator[Journal]:
    j = laptop(tmp_path, template_db, 1)
    yield j
    j.close()


def _limit(admin: str, role: str, n: int) -> None:
    pg_admin(admin, f"ALTER ROLE {role} CONNECTION LIMIT {n}")


@pytest.mark.postgresql
def test_a_full_server_mid_sync_is_waited_for_and_the_sync_completes(
    one_laptop: Journal, pg_database: str
) -> None:
    """Half-way through (after the manager and routes went up) the server is full: the sync's
    connection is gone and no new one is let in. The sync says so, waits, and once a slot
    frees it finishes; the server ends exactly as after an undisturbed sync."""
    login = manager_logins(pg_database, ["QTH001"])["QTH001"]
    role = make_url(login).username
    said: list[str] = []
    slept: list[float] = []

    def progress(m: str) -> None:
        said.append(m)
        if m == "up: plans" and BUSY_PROGRESS not in said:  # the server fills up
            _limit(pg_database, role, 0)
            pg_admin(
                pg_database,
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'",
            )

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 2:  # a slot frees during the second wait
            _limit(pg_database, role, -1)

    report = sync(one_laptop, login, progress=progress, busy=BusyRetry(progress, sleep=sleep))
    assert said.count(BUSY_PROGRESS) == 2 and len(slept) == 2
    pulled = "down: master data, answers, reviews"
    assert said.index("up: routes") < said.index(BUSY_PROGRESS) < said.index(pulled)
    assert report.pushed["managers"] == 1 and report.pushed["visits"] == 3  # over both attempts
    assert sync(one_laptop, login).moved == 0  # nothing left over, nothing twice

    server = create_engine(pg_database)  # (the admin: every row, no row-level security)
    try:
        with server.connect() as remote, one_laptop.engine.connect() as local:
            for table in SYNCED_TABLES:
                sql = text(f"SELECT count(*) FROM {table}")
                assert remote.execute(sql).scalar() == local.execute(sql).scalar(), table
    finally:
        server.dispose()


@pytest.mark.postgresql
def test_a_server_that_stays_full_fails_clearly_and_changes_nothing(
    one_laptop: Journal, pg_database: str
) -> None:
    login = manager_logins(pg_database, ["QTH001"])["QTH001"]
    role = make_url(login).username
    _limit(pg_database, role, 0)
    slept: list[float] = []
    b = Backoff(base_seconds=1.0, cap_seconds=4.0, patience_seconds=30.0, signs=SIGNS)
    with pytest.raises(SyncError) as caught:
        sync(one_laptop, login, busy=BusyRetry(lambda _m: None, sleep=slept.append, backoff=b))
    assert caught.value.reason == "busy" and len(slept) >= 5 and sum(slept) <= 30.0
    with one_laptop.engine.connect() as con:  # no cursor moved: the next sync sends it all
        assert not con.execute(
            text("SELECT count(*) FROM settings WHERE key LIKE :k"), {"k": CURSOR_KEY + "%"}
        ).scalar()


@pytest.mark.postgresql
def test_a_sync_holds_one_server_connection_at_most(one_laptop: Journal, pg_database: str) -> None:
    """A login allowed one connection syncs a laptop's day without ever being refused."""
    login = manager_logins(pg_database, ["QTH001"])["QTH001"]
    _limit(pg_database, make_url(login).username, 1)
    said: list[str] = []
    report = sync(one_laptop, login, progress=said.append)
    assert BUSY_PROGRESS not in said and report.pushed["visits"] == 3


def test_a_code_that_looks_like_the_sqlstate_is_no_sign() -> None:
    conflict = Exception('duplicate key value violates unique constraint "customers_code_key"')
    conflict.args = (conflict.args[0] + "\nDETAIL:  Key (code)=(230953300001) already exists.",)
    assert not is_server_full(conflict, SIGNS)
