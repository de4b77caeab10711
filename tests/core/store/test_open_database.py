"""What the front ends ask of an open database (core.store.open_database) and how the settings
page's server address splits into what is stored and what is connected to
(core.server.sync_address)."""

from __future__ import annotations

import pytest

from fieldbook.core.journal import Journal
from fieldbook.core.server.sync_address import sync_address
from fieldbook.core.store import open_database
from fieldbook.core.store.backup import list_backups


@pytest.mark.sqlite
def test_a_plain_file_has_no_passphrase_is_no_server_and_backs_up(journal: Journal) -> None:
    assert open_database.passphrase(journal) is None
    assert not open_database.is_server(journal)
    made = open_database.backup(journal, label="manual")
    assert journal.db_path is not None
    assert made in list_backups(journal.db_path) and made.name.endswith("-manual.sqlite3")


def test_the_stored_address_never_holds_the_password() -> None:
    typed = "postgresql+psycopg://am01:s3cret@db.example/fieldbook?sslmode=require"
    where = sync_address(typed)
    assert "s3cret" not in where.stored
    assert where.stored.startswith("postgresql+psycopg://am01@db.example/fieldbook")
    assert ":s3cret@" in where.connect  # the password in the address is used to connect


def test_the_password_typed_beside_the_address_wins() -> None:
    where = sync_address("postgresql+psycopg://am01:old@db.example/fb", "n@w")
    assert "old" not in where.connect and ":n%40w@" in where.connect
    assert where.stored == "postgresql+psycopg://am01@db.example/fb"
    assert sync_address("postgresql+psycopg://am01@db.example/fb").connect == (
        "postgresql+psycopg://am01@db.example/fb"
    )
