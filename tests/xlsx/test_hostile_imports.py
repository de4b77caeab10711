"""Hostile files handed to the real importers: one clear error, seconds not minutes, and the
database exactly as it was (issue 2 acceptance; the reader's own tests are in test_tabular)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from damage import content_digest

from fieldbook.core.errors import FileRejected
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_import import import_customers
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.sku_import import import_skus


@pytest.fixture
def seeded(journal: Journal) -> Journal:
    journal.customers.create(CustomerInput(code="230900000001", shop_name="张小便利店"))
    return journal


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("random_bytes_xlsx", "not_a_workbook"),
        ("truncated_xlsx", "truncated"),
        ("zip_without_workbook", "not_a_workbook"),
        ("billion_laughs_injected", "dtd"),
        ("many_entries_xlsx", "too_many_entries"),
        ("legacy_xls", "legacy_xls"),
        ("encrypted_xlsx", "encrypted"),
    ],
)
@pytest.mark.parametrize("importer", [import_customers, import_skus])
def test_hostile_file_rejected_and_nothing_changes(
    request: pytest.FixtureRequest,
    seeded: Journal,
    db_path: Path,
    fixture: str,
    reason: str,
    importer: Callable[..., object],
) -> None:
    path: Path = request.getfixturevalue(fixture)
    before = content_digest(db_path)
    start = time.perf_counter()
    with pytest.raises(FileRejected) as info:
        importer(seeded, path)
    assert time.perf_counter() - start < 5  # a sanity bound, not a benchmark
    assert info.value.reason == reason
    assert content_digest(db_path) == before


def test_decompression_bomb(
    seeded: Journal, db_path: Path, make_bomb: Callable[[int], Path]
) -> None:
    before = content_digest(db_path)
    with pytest.raises(FileRejected) as info:
        import_customers(seeded, make_bomb(200))
    assert info.value.reason == "bomb"
    assert content_digest(db_path) == before


@pytest.mark.slow  # writes a million-row workbook first
def test_a_million_rows_is_refused_quickly_and_changes_nothing(
    seeded: Journal, db_path: Path, tmp_path: Path, kit: type
) -> None:
    header = '<row r="1"><c r="A1" t="inlineStr"><is><t>客户编码</t></is></c>'
    header += '<c r="B1" t="inlineStr"><is><t>客户名称</t></is></c></row>'
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 1_000_002))
    path = kit.raw_package(tmp_path / "million.xlsx", kit.sheet_xml(header + rows))
    before = content_digest(db_path)
    start = time.perf_counter()
    with pytest.raises(FileRejected) as info:
        import_customers(seeded, path)
    assert info.value.reason == "too_many_rows"
    assert time.perf_counter() - start < 20  # seconds, not minutes (a sanity bound)
    assert content_digest(db_path) == before
