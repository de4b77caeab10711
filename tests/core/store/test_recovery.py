"""A damaged database is moved aside with its side files, never overwritten; the start-up
check leaves new and non-SQLite databases alone."""

from __future__ import annotations

from pathlib import Path

from fieldbook.core import clock
from fieldbook.core.sqlite_files import move_aside
from fieldbook.core.store import recovery


def test_move_aside_never_overwrites(tmp_path: Path) -> None:
    db_file = tmp_path / "f.sqlite3"
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    taken = tmp_path / f"f.sqlite3.damaged-{stamp}"
    taken.write_bytes(b"an earlier one")
    db_file.write_bytes(b"this one")
    (tmp_path / "f.sqlite3-wal").write_bytes(b"wal")
    moved = move_aside(db_file, "damaged")
    assert taken.read_bytes() == b"an earlier one"
    assert moved[0].read_bytes() == b"this one" and moved[0] != taken
    assert moved[1].name == moved[0].name + "-wal" and moved[1].read_bytes() == b"wal"
    assert not db_file.exists()


def test_check_on_open_ignores_new_and_other_databases(tmp_path: Path) -> None:
    assert recovery.check_on_open(f"sqlite:///{tmp_path / 'new.sqlite3'}") is None
    assert recovery.check_on_open("sqlite://") is None
    assert recovery.check_on_open("postgresql://u@h/db") is None
