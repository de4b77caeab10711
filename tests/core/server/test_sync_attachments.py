"""Attachment files, a manager's second laptop and the SKUs inside slips reach the department
server (decision 0031): a file goes up once however many slips name it, an interrupted upload
resumes, a file over the limit is reported while the rest syncs, the server refuses content
that does not match its name, and a second laptop of the same manager gets the slips, their
files (bytes equal) and the same SKU codes."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sample_data import SKUS
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sync_support import LOGIN_PASSWORD, at, laptop, manager_logins

from fieldbook.core.journal import CURRENT_MANAGER_KEY, Journal
from fieldbook.core.server import sync_blobs
from fieldbook.core.server.roles import ServerUserInput, add_user
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_blobs import BlobRules, Blobs
from fieldbook.core.server.sync_report import SyncError, SyncReport
from fieldbook.core.server.sync_slip_copies import SlipCopies
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store.models import Manager
from fieldbook.messages import describe_sync_problem

pytestmark = pytest.mark.postgresql

KIB = 1024


@pytest.fixture
def laptops(tmp_path: Path, template_db: Path) -> Iterator[list[Journal]]:
    js = [laptop(tmp_path, template_db, n) for n in (1, 2)]
    yield js
    for j in js:
        j.close()


def second_laptop(folder: Path, template: Path, first: Journal) -> Journal:
    """Another laptop of ``first``'s manager: the manager's record (the same), the company's
    SKUs imported here under this laptop's own ids, nothing else."""
    path = folder / "second" / "laptop1.sqlite3"  # its own data folder
    path.parent.mkdir(parents=True)
    shutil.copyfile(template, path)
    j = Journal.open(f"sqlite:///{path}")
    with first.reading() as s:
        manager = s.get_one(Manager, first.current_manager_id(s))
        record = {c.key: getattr(manager, c.key) for c in Manager.__table__.columns}
    with j.writing() as s:  # the manager's record as the first laptop has it
        s.add(Manager(**record))
        s.flush()
        j.set_setting(s, CURRENT_MANAGER_KEY, record["id"])
    for sku in SKUS:
        j.catalog.save(None, sku)
    return j


def a_file(folder: Path, name: str, size: int, seed: int = 1) -> Path:
    path = folder / name
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def rows(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return [tuple(r) for r in con.execute(text(sql), params)]
    finally:
        engine.dispose()


def first_slip(j: Journal) -> str:
    with j.engine.connect() as con:
        return str(con.execute(text("SELECT id FROM slips ORDER BY number")).scalar())


def sku_codes(j_or_url: Journal | str, number: str) -> list[str]:
    """The SKU codes a slip's ``sku_ids`` name, read where the slip is."""
    sql = "SELECT sku_ids FROM slips WHERE number = :n"
    if isinstance(j_or_url, str):
        listed = json.loads(str(rows(j_or_url, sql, n=number)[0][0]))
        found = rows(j_or_url, "SELECT id, code FROM skus")
    else:
        with j_or_url.engine.connect() as con:
            listed = json.loads(con.execute(text(sql), {"n": number}).scalar())
            found = [tuple(r) for r in con.execute(text("SELECT id, code FROM skus"))]
    codes = dict(found)
    return [str(codes[i]) for i in listed]


def test_attachments_and_slips_reach_the_server_and_a_second_laptop(
    laptops: list[Journal], pg_database: str, tmp_path: Path, template_db: Path
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    one, two = laptops
    sync(two, logins["QTH002"])  # the server's SKUs are now under laptop 2's ids
    photo = a_file(tmp_path, "营业执照.jpg", 600 * KIB)  # three chunks of 256 KiB
    with one.engine.connect() as con:
        skus = [str(i) for i in con.execute(text("SELECT id FROM skus ORDER BY code")).scalars()]
    customer = one.plans.get(date(2026, 11, 30)).stops[1].customer_id
    brand = one.slips.create(
        SlipInput("brand", "新品上柜", customer, sub_reason="上柜", sku_ids=tuple(skus[:2])),
        at=at("16:00"),
    )
    one.slips.send(brand.id, actor="经理1", at=at("16:01"))
    folder = one.attachments_dir()
    one.slips.attach(first_slip(one), photo, folder)
    one.slips.attach(brand.id, photo, folder)  # the same file on two slips

    report = sync(one, logins["QTH001"])
    assert report.problems == []
    assert report.pushed.get("attachment_blobs") == 1
    assert report.pushed.get("attachment_chunks") == 3
    assert rows(pg_database, "SELECT count(*) FROM slip_attachments") == [(2,)]
    assert rows(pg_database, "SELECT size, complete FROM attachment_blobs") == [(600 * KIB, True)]
    assert rows(pg_database, "SELECT count(*) FROM attachment_chunks") == [(3,)]
    content = rows(
        pg_database, "SELECT string_agg(data, ''::bytea ORDER BY seq) FROM attachment_chunks"
    )[0][0]
    assert bytes(content) == photo.read_bytes()
    # the other manager's login sees neither the blob nor its chunks
    assert rows(logins["QTH002"], "SELECT count(*) FROM attachment_blobs") == [(0,)]
    assert rows(logins["QTH002"], "SELECT count(*) FROM attachment_chunks") == [(0,)]
    # a department reads the blobs of slips sent to it (专卖办 was left off both slips)
    tag = pg_database.rsplit("_", 2)
    for department, seen in (("market", 1), ("monopoly", 0)):
        role = f"{department}_{tag[-2]}_{tag[-1]}"
        add_user(
            pg_database, ServerUserInput(role, "department", LOGIN_PASSWORD, department=department)
        )
        login = make_url(pg_database).set(username=role, password=LOGIN_PASSWORD)
        address = login.render_as_string(hide_password=False)
        assert rows(address, "SELECT count(*) FROM attachment_blobs") == [(seen,)], department
        assert rows(address, "SELECT count(*) FROM attachment_chunks") == [(3 * seen,)]
    number = brand.number
    codes = [s.code for s in SKUS if s.code in sku_codes(one, number)]
    assert sorted(sku_codes(pg_database, number)) == sorted(codes) == sorted(sku_codes(one, number))
    assert len(codes) == 2
    server_ids = json.loads(
        str(rows(pg_database, "SELECT sku_ids FROM slips WHERE number = :n", n=number)[0][0])
    )
    with one.engine.connect() as con:
        local_ids = json.loads(
            con.execute(text("SELECT sku_ids FROM slips WHERE number = :n"), {"n": number}).scalar()
        )
    assert set(server_ids).isdisjoint(local_ids)  # translated, not copied

    again = sync(one, logins["QTH001"])
    assert again.moved == 0, (again.pushed, again.pulled)  # a complete blob is not sent again

    other = second_laptop(tmp_path, template_db, one)
    try:
        got = sync(other, logins["QTH001"])
        assert got.problems == []
        assert got.pulled.get("slips") == 2
        assert got.pulled.get("slip_attachments") == 2
        assert got.pulled.get("attachment_files") == 1
        kept = other.attachments_dir() / next(folder.iterdir()).name
        assert kept.read_bytes() == photo.read_bytes()
        assert sku_codes(other, number) == sku_codes(one, number)
        assert [d.state for d in other.slips.get(brand.id).deliveries] == [
            d.state for d in one.slips.get(brand.id).deliveries
        ]
        for j in (other, one):
            quiet = sync(j, logins["QTH001"])
            assert quiet.moved == 0, (quiet.pushed, quiet.pulled)
    finally:
        other.close()


def test_an_interrupted_upload_resumes_from_the_first_missing_chunk(
    laptops: list[Journal], pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = laptops[0]
    sync(one, pg_database)
    photo = a_file(tmp_path, "现场.png", 1100 * KIB, seed=7)  # five chunks
    one.slips.attach(first_slip(one), photo, one.attachments_dir())
    send = Blobs.send_chunk
    sent: list[int] = []

    def cut_off(self: Blobs, sha256: str, seq: int, data: bytes) -> None:
        if len(sent) == 2:
            raise SyncError("interrupted", "the connection dropped")
        sent.append(seq)
        send(self, sha256, seq, data)

    monkeypatch.setattr(Blobs, "send_chunk", cut_off)
    with pytest.raises(SyncError):
        sync(one, pg_database)
    assert rows(pg_database, "SELECT seq FROM attachment_chunks ORDER BY seq") == [(0,), (1,)]
    assert rows(pg_database, "SELECT complete FROM attachment_blobs") == [(False,)]
    monkeypatch.setattr(Blobs, "send_chunk", send)
    report = sync(one, pg_database)
    assert report.pushed.get("attachment_chunks") == 3  # only the missing ones
    assert report.pushed.get("attachment_blobs") == 1
    content = rows(
        pg_database, "SELECT string_agg(data, ''::bytea ORDER BY seq) FROM attachment_chunks"
    )[0][0]
    assert bytes(content) == photo.read_bytes()


def test_a_second_laptop_resumes_a_download_and_refuses_a_wrong_one(
    laptops: list[Journal], pg_database: str, tmp_path: Path, template_db: Path
) -> None:
    one = laptops[0]
    photo = a_file(tmp_path, "证据.jpg", 600 * KIB, seed=5)
    kept = one.slips.attach(first_slip(one), photo, one.attachments_dir())
    sync(one, pg_database)
    other = second_laptop(tmp_path, template_db, one)
    try:
        folder = other.attachments_dir()
        folder.mkdir()
        part = folder / f".{kept.path.name}.part"
        # cut off after the first chunk and a piece of the second: the piece is fetched again
        part.write_bytes(photo.read_bytes()[: 256 * KIB + 1000])
        report = sync(other, pg_database)
        assert report.pulled.get("attachment_chunks") == 2
        assert (folder / kept.path.name).read_bytes() == photo.read_bytes()
        assert not part.exists()
    finally:
        other.close()
    third = second_laptop(tmp_path / "third", template_db, one)
    try:
        folder = third.attachments_dir()
        folder.mkdir()
        part = folder / f".{kept.path.name}.part"
        part.write_bytes(b"x" * 256 * KIB)  # a whole first chunk, wrong
        report = sync(third, pg_database)
        assert [(p.kind, p.code) for p in report.problems] == [
            ("attachment_refused", f"{one.slips.get(first_slip(one)).number}「证据.jpg」")
        ]
        assert not (folder / kept.path.name).exists() and not part.exists()
        assert sync(third, pg_database).pulled.get("attachment_chunks") == 3
        assert (folder / kept.path.name).read_bytes() == photo.read_bytes()
    finally:
        third.close()


def test_a_file_over_the_limit_or_changed_is_reported_and_the_rest_syncs(
    laptops: list[Journal], pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_blobs, "blob_rules", lambda: BlobRules(300 * KIB, 256 * KIB))
    one = laptops[0]
    slip = first_slip(one)
    folder = one.attachments_dir()
    one.slips.attach(slip, a_file(tmp_path, "大照片.jpg", 400 * KIB, seed=2), folder)
    small = one.slips.attach(slip, a_file(tmp_path, "小照片.jpg", 100 * KIB, seed=3), folder)
    changed = one.slips.attach(slip, a_file(tmp_path, "改过.jpg", 10 * KIB, seed=4), folder)
    changed.path.write_bytes(b"not what was attached")
    report = sync(one, pg_database)
    number = one.slips.get(slip).number
    assert sorted((p.kind, p.code) for p in report.problems) == [
        ("attachment_changed", f"{number}「改过.jpg」"),
        ("attachment_too_large", f"{number}「大照片.jpg」"),
    ]
    assert "大照片.jpg" in describe_sync_problem(report.problems[1], "en") + describe_sync_problem(
        report.problems[0], "en"
    )
    assert rows(pg_database, "SELECT sha256, complete FROM attachment_blobs") == [
        (small.sha256, True)
    ]
    assert rows(pg_database, "SELECT count(*) FROM slip_attachments") == [(3,)]
    assert report.pushed.get("visits") == 3  # the rest synced


def test_the_server_refuses_a_blob_whose_content_does_not_match_its_name(
    laptops: list[Journal], pg_database: str
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    one = laptops[0]
    sync(one, logins["QTH001"])
    with one.engine.connect() as con:
        slip = con.execute(select(text("id")).select_from(text("slips"))).scalar()
    name = "a" * 64
    engine = create_engine(logins["QTH001"])
    try:
        with engine.begin() as con:
            con.execute(
                text(
                    "INSERT INTO slip_attachments (id, slip_id, filename, stored_name, sha256,"
                    " size, added_at) VALUES ('att-x', :s, 'x.jpg', 'x.jpg', :n, 3, now())"
                ),
                {"s": slip, "n": name},
            )
            con.execute(
                text("INSERT INTO attachment_blobs VALUES (:n, 3, 262144, false, now())"),
                {"n": name},
            )
            con.execute(text("INSERT INTO attachment_chunks VALUES (:n, 0, 'abc')"), {"n": name})
        with pytest.raises(DBAPIError, match="does not match its name"), engine.begin() as con:
            con.execute(
                text("UPDATE attachment_blobs SET complete = true WHERE sha256 = :n"), {"n": name}
            )
    finally:
        engine.dispose()


def test_a_slip_whose_number_the_second_laptop_uses_is_a_conflict(
    laptops: list[Journal], pg_database: str, tmp_path: Path, template_db: Path
) -> None:
    one = laptops[0]
    sync(one, pg_database)
    number = one.slips.get(first_slip(one)).number
    other = second_laptop(tmp_path, template_db, one)
    try:
        with other.reading() as s:
            manager = other.current_manager_id(s)
        with other.engine.begin() as con:  # made here the same day, numbered the same
            con.execute(
                text(
                    "INSERT INTO slips (id, number, manager_id, customer_snapshot, category,"
                    " sub_reason, description, sku_ids, removed_departments, created_at,"
                    " due_date, applied_to_customer, updated_at) VALUES ('here-1', :n, :m, '{}',"
                    " 'new', '', '', '[]', '{}', :t, :d, 0, :t)"
                ),
                {"n": number, "m": manager, "t": at("17:00"), "d": date(2026, 12, 5)},
            )
        # (a full sync stops earlier: the server refuses this laptop's slip with the number)
        report = SyncReport()
        engine = create_engine(pg_database)
        try:
            SlipCopies(other, engine, report).run(manager)
        finally:
            engine.dispose()
        assert [(c.kind, c.label, c.kept) for c in report.conflicts] == [
            ("slip_number_taken", number, "both")
        ]
        assert "slips" not in report.pulled
    finally:
        other.close()


def test_the_same_content_under_two_names_is_one_blob_and_two_files(
    laptops: list[Journal], pg_database: str, tmp_path: Path, template_db: Path
) -> None:
    one = laptops[0]
    photo = a_file(tmp_path, "门头.jpg", 300 * KIB, seed=9)
    twin = tmp_path / "门头.png"
    twin.write_bytes(photo.read_bytes())
    slip = first_slip(one)
    kept = [one.slips.attach(slip, f, one.attachments_dir()) for f in (photo, twin)]
    assert kept[0].path.name != kept[1].path.name
    assert sync(one, pg_database).pushed.get("attachment_blobs") == 1
    other = second_laptop(tmp_path, template_db, one)
    try:
        assert sync(other, pg_database).pulled.get("attachment_files") == 2
        for k in kept:
            assert (other.attachments_dir() / k.path.name).read_bytes() == photo.read_bytes()
    finally:
        other.close()
