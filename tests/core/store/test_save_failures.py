"""A save the database refused (a full disk, a read-only file, a lock, an I/O error) is a
``SaveFailed`` with its reason and wording; a constraint error is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.store import db
from fieldbook.core.store.models import Customer
from fieldbook.messages import describe_error


class Coded(Exception):
    def __init__(self, code: int, text: str = "") -> None:
        super().__init__(text)
        self.sqlite_errorcode = code


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (Coded(13), "disk_full"),
        (Coded(8), "read_only"),
        (Coded(5), "locked"),
        (Coded(6), "locked"),
        (Coded(10 | (3 << 8)), "io"),  # SQLITE_IOERR_WRITE
        (Coded(11), "io"),
        (Coded(19), None),  # a constraint: not a failed save
        (Exception("database or disk is full"), "disk_full"),
        (Exception("attempt to write a readonly database"), "read_only"),
        (Exception("database is locked"), "locked"),
        (Exception("disk I/O error"), "io"),
        (Exception("UNIQUE constraint failed"), None),
    ],
)
def test_save_failure_reasons(exc: Exception, reason: str | None) -> None:
    assert db.save_failure_reason(exc) == reason


def test_write_to_a_read_only_database_fails_cleanly(journal: Journal, db_path: Path) -> None:
    journal.close()
    ro = Journal(db.make_engine(f"sqlite:///file:{db_path}?mode=ro&uri=true"))
    try:
        with pytest.raises(db.SaveFailed) as info:
            ro.customers.create(CustomerInput(code="RO1", shop_name="只读"))
        assert info.value.reason == "read_only"
        assert ro.customers.count(everyone=True) == 0
    finally:
        ro.close()


def test_constraint_errors_are_not_failed_saves(journal: Journal) -> None:
    with pytest.raises(IntegrityError), journal.writing() as s:
        s.add(Customer(manager_id="nobody", code="1", shop_name="x", search_text=""))


def test_wording_of_failed_saves() -> None:
    assert describe_error(db.SaveFailed("disk_full")).startswith("磁盘已满：这次修改没有保存")
    for reason in ("read_only", "locked", "io"):
        assert "之前保存的内容都在" in describe_error(db.SaveFailed(reason))
    assert "disk is full" in describe_error(db.SaveFailed("disk_full"), lang="en")
