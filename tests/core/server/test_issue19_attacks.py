"""Issue 19 attacked (decision 0034): what a hostile server row or another manager's login
could do to the attachment files, on a real PostgreSQL."""

from __future__ import annotations

import hashlib
import random
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from sync_support import laptop, manager_logins
from test_sync_attachments import KIB, a_file, first_slip, rows, second_laptop

from fieldbook.core.journal import Journal
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_busy import BUSY_PROGRESS, BusyRetry
from fieldbook.core.server.sync_report import SyncError

pytestmark = pytest.mark.postgresql


@pytest.fixture
def laptops(tmp_path: Path, template_db: Path) -> Iterator[list[Journal]]:
    js = [laptop(tmp_path, template_db, n) for n in (1, 2)]
    yield js
    for j in js:
        j.close()


def execute(url: str, sql: str, **params: object) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as con:
            con.execute(text(sql), params)
    finally:
        engine.dispose()


def test_a_hostile_stored_name_from_the_server_writes_nothing_outside_the_folder(
    laptops: list[Journal], pg_database: str, tmp_path: Path, template_db: Path
) -> None:
    one = laptops[0]
    photo = a_file(tmp_path, "证据.jpg", 40 * KIB, seed=3)
    one.slips.attach(first_slip(one), photo, one.attachments_dir())
    sync(one, pg_database)
    # a hostile (or broken) server names the file with a path out of the attachments folder
    execute(pg_database, "UPDATE slip_attachments SET stored_name = '../../escaped.jpg'")
    other = second_laptop(tmp_path, template_db, one)
    try:
        report = sync(other, pg_database)
        escaped = other.attachments_dir() / ".." / ".." / "escaped.jpg"
        assert not escaped.resolve().exists()
        assert not list(tmp_path.rglob("escaped.jpg"))
        assert not list(tmp_path.rglob("*escaped.jpg.part"))
        assert [(c.kind, c.table) for c in report.conflicts] == [
            ("attachment_name_unsafe", "slip_attachments")
        ]
        with other.engine.connect() as con:  # the row is not copied under that name
            names = list(con.execute(text("SELECT stored_name FROM slip_attachments")).scalars())
        assert "../../escaped.jpg" not in names
    finally:
        other.close()


@pytest.mark.parametrize("wrong_size", [True, False], ids=["wrong-size", "wrong-chunk"])
def test_another_managers_poisoned_blob_does_not_block_the_honest_upload(
    laptops: list[Journal], pg_database: str, tmp_path: Path, wrong_size: bool
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    one = laptops[0]
    photo = a_file(tmp_path, "执照.jpg", 600 * KIB, seed=9)
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    # manager 2 knows the photo's digest (the same photo was passed round) and gets there first:
    # a blob of the wrong size and a tiny chunk size (a sync of millions of chunks that then
    # fails for ever), or of the right sizes with a wrong first chunk
    size, chunk = (5, 3) if wrong_size else (600 * KIB, 256 * KIB)
    execute(
        logins["QTH002"],
        "INSERT INTO attachment_blobs (sha256, size, chunk_size, complete, created_at)"
        " VALUES (:s, :size, :chunk, false, now())",
        s=sha,
        size=size,
        chunk=chunk,
    )
    execute(
        logins["QTH002"],
        "INSERT INTO attachment_chunks (sha256, seq, data) VALUES (:s, 0, 'bad'::bytea)",
        s=sha,
    )
    one.slips.attach(first_slip(one), photo, one.attachments_dir())
    report = sync(one, logins["QTH001"])
    assert report.problems == []
    assert rows(pg_database, "SELECT size, complete FROM attachment_blobs") == [(600 * KIB, True)]
    content = rows(
        pg_database, "SELECT string_agg(data, ''::bytea ORDER BY seq) FROM attachment_chunks"
    )[0][0]
    assert bytes(content) == photo.read_bytes()


def test_a_managers_login_cannot_write_the_departments_review(
    laptops: list[Journal], pg_database: str
) -> None:
    """The review is the market department's (decision 0029): a manager's login (or a laptop
    on which a review was recorded) cannot put an approval on the server, nor take a report
    out of the department's inbox by calling it reviewed."""
    logins = manager_logins(pg_database, ["QTH001"])
    one = laptops[0]
    with one.engine.connect() as con:
        real, status = con.execute(text("SELECT id, status FROM week_reports")).one()
    assert status == "submitted"
    sync(one, logins["QTH001"])
    me = logins["QTH001"]
    execute(
        me,
        "INSERT INTO week_reports (id, manager_id, week_label, start_date, end_date, status,"
        " narrative, next_plan, figures, submitted_at, review, review_comment, reviewer,"
        " reviewed_at, created_at, updated_at)"
        " SELECT 'forged', manager_id, '2026-W40', start_date - 56, end_date - 56, 'reviewed',"
        " narrative, next_plan, figures, submitted_at, 'approved', '', '市场部', now(),"
        " created_at, updated_at FROM week_reports",
    )
    execute(
        me,
        "INSERT INTO week_report_rounds (id, week_report_id, round, submitted_at, review,"
        " review_comment, reviewer, reviewed_at)"
        " SELECT id || '/9', id, 9, now(), 'approved', '', '市场部', now() FROM week_reports"
        " WHERE id <> 'forged'",
    )
    execute(me, "UPDATE week_reports SET status = 'reviewed' WHERE id <> 'forged'")
    assert rows(
        pg_database, "SELECT id, status, review, reviewer FROM week_reports ORDER BY id"
    ) == [
        (real, "submitted", "", ""),
        ("forged", "submitted", "", ""),
    ]
    assert rows(pg_database, "SELECT review, reviewer FROM week_report_rounds WHERE round = 9") == [
        ("", "")
    ]


def test_a_chunk_added_to_a_complete_blob_does_not_block_the_second_laptop(
    laptops: list[Journal], pg_database: str, tmp_path: Path, template_db: Path
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    one = laptops[0]
    photo = a_file(tmp_path, "证据.jpg", 300 * KIB, seed=4)  # two chunks
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    one.slips.attach(first_slip(one), photo, one.attachments_dir())
    sync(one, logins["QTH001"])
    assert rows(pg_database, "SELECT complete FROM attachment_blobs") == [(True,)]
    try:  # manager 2 appends a chunk past the end of the complete blob
        execute(
            logins["QTH002"],
            "INSERT INTO attachment_chunks (sha256, seq, data) VALUES (:s, 2, 'x'::bytea)",
            s=sha,
        )
    except DBAPIError:
        pass  # refused by the server: as it should be
    assert rows(pg_database, "SELECT count(*) FROM attachment_chunks") == [(2,)]
    execute(  # even one the administrator let in is not read
        pg_database, "INSERT INTO attachment_chunks (sha256, seq, data) VALUES (:s, 2, 'x')", s=sha
    )
    other = second_laptop(tmp_path, template_db, one)
    try:
        report = sync(other, logins["QTH001"])
        assert report.problems == []
        kept = other.attachments_dir() / next(one.attachments_dir().iterdir()).name
        assert kept.read_bytes() == photo.read_bytes()
    finally:
        other.close()


def test_a_server_that_is_down_fails_at_once_not_after_the_patience(
    laptops: list[Journal],
) -> None:
    """Down is not busy (decision 0033): no wait, no "server busy, retrying"."""
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    said: list[str] = []
    slept: list[float] = []
    retry = BusyRetry(said.append, sleep=slept.append, rng=random.Random(1))
    with pytest.raises(SyncError) as caught:
        sync(laptops[0], f"postgresql+psycopg://nobody@127.0.0.1:{port}/fieldbook", busy=retry)
    assert caught.value.reason != "busy"
    assert slept == [] and BUSY_PROGRESS not in said


def test_a_managers_login_cannot_rewrite_a_departments_answer(
    laptops: list[Journal], pg_database: str
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    sync(laptops[0], logins["QTH001"])
    delivery = rows(pg_database, "SELECT id FROM slip_deliveries ORDER BY id")[0][0]
    execute(  # the department answers on the server
        pg_database,
        "UPDATE slip_deliveries SET state = 'handled', answer = '已约谈店主', handled_by = '张科长'"
        " WHERE id = :d",
        d=delivery,
    )
    with pytest.raises(DBAPIError, match="needs its slip event"):  # no move in the history
        execute(
            logins["QTH001"],
            "UPDATE slip_deliveries SET state = 'done' WHERE id = :d",
            d=delivery,
        )
    execute(  # the manager's move, as a sync sends it: the event first
        logins["QTH001"],
        "INSERT INTO slip_events (id, delivery_id, seq, from_state, to_state, at, actor, note,"
        " reason) VALUES ('ev-forged', :d, 99, 'handled', 'done', now(), '经理1', '', '')",
        d=delivery,
    )
    execute(
        logins["QTH001"],
        "UPDATE slip_deliveries SET answer = '无问题', handled_by = '经理1', state = 'done'"
        " WHERE id = :d",
        d=delivery,
    )
    assert rows(
        pg_database,
        "SELECT state, answer, handled_by FROM slip_deliveries WHERE id = :d",
        d=delivery,
    ) == [("done", "已约谈店主", "张科长")]


def test_a_laptops_other_answer_is_a_conflict_and_the_departments_stays(
    laptops: list[Journal], pg_database: str
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    one = laptops[0]
    sync(one, logins["QTH001"])
    delivery = rows(pg_database, "SELECT id FROM slip_deliveries ORDER BY id")[0][0]
    execute(
        pg_database,
        "UPDATE slip_deliveries SET state = 'handled', answer = '已约谈店主', handled_by = '张科长'"
        " WHERE id = :d",
        d=delivery,
    )
    with one.engine.begin() as con:  # the laptop wrote another answer later
        con.execute(
            text(
                "UPDATE slip_deliveries SET state = 'handled', answer = '本机的答复',"
                " updated_at = '2099-01-01 00:00:00' WHERE id = :d"
            ),
            {"d": delivery},
        )
    report = sync(one, logins["QTH001"])
    assert [(c.kind, c.kept, c.detail) for c in report.conflicts] == [
        ("delivery_answer_kept", "server", "本机的答复")
    ]
    assert rows(pg_database, "SELECT answer FROM slip_deliveries WHERE id = :d", d=delivery) == [
        ("已约谈店主",)
    ]
    with one.engine.connect() as con:  # the pull brought the department's answer down
        answer = con.execute(
            text("SELECT answer FROM slip_deliveries WHERE id = :d"), {"d": delivery}
        ).scalar()
    assert answer == "已约谈店主"
