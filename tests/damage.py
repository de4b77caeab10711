"""Changing a SQLite file behind Fieldbook's back: damage as a bad disk or a crash leaves it
(b-tree headers overwritten), rows planted by another program, and reading it read-only."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

#: Fieldbook's SQLite page size.
PAGE = 4096

#: A trigger another program could plant: it rewrites every updated customer's phone.
PHONE_TRIGGER = (
    "CREATE TRIGGER trg_phone AFTER UPDATE ON customers BEGIN "
    "UPDATE customers SET phone = '13900000000' WHERE id = new.id; END"
)


def root_pages(path: Path, *tables: str) -> list[int]:
    """The root b-tree page of each of ``tables``."""
    con = sqlite3.connect(path)
    try:
        return [
            con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
            for t in tables
        ]
    finally:
        con.close()


def flip_page_headers(path: Path, pages: list[int]) -> None:
    """Overwrite the b-tree page header (type, freeblock, cell count, cell pointers)."""
    with open(path, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * PAGE)
            fh.write(bytes([0xA5] * 24))


def damage_tables(path: Path, *tables: str) -> None:
    """Overwrite the b-tree page headers of ``tables``: ``quick_check`` reports them."""
    flip_page_headers(path, root_pages(path, *tables))


def damage_schema(path: Path) -> None:
    """Overwrite the schema page's b-tree header: the file no longer opens as a database."""
    with open(path, "r+b") as fh:
        fh.seek(100)
        fh.write(bytes([0xA5] * 24))


def codes_in(path: Path) -> list[str]:
    """The customer codes in a database file, read-only (nothing written beside it)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT code FROM customers ORDER BY code")]
    finally:
        con.close()


def content_digest(path: Path) -> str:
    """A hash of the database's content (its SQL dump): the same before and after means
    nothing in it changed."""
    con = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


def plant(path: Path, *sql: str) -> None:
    """Run ``sql`` on the file directly, outside Fieldbook (as an attacker or a tool would)."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in sql:
            con.execute(statement)
    finally:
        con.close()
