"""Customers: create, edit, uniqueness, and search (codes, names, phone, licence, pinyin)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sample_data import SHOPS

from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.journal import Journal, NoProfile
from fieldbook.core.master.customers import input_from_row


@pytest.fixture
def filled(journal: Journal) -> Journal:
    for shop in SHOPS:
        journal.customers.create(shop)
    return journal


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zxbl", ["张小便利店"]),  # pinyin initials
        ("ZXBL", ["张小便利店"]),
        ("fysz", ["福源食杂店"]),
        ("xinyuan", ["鑫源超市"]),  # full pinyin
        ("源", ["福源食杂店", "鑫源超市"]),
        ("8221234", ["福源食杂店"]),  # phone fragment
        ("230903100003", ["鑫源超市"]),  # licence
        ("00000001", ["张小便利店"]),  # code fragment
        ("李福", ["福源食杂店"]),  # owner
        ("wx cs", ["鑫源超市"]),  # every word must match
        ("ｚｘｂｌ", ["张小便利店"]),  # full-width typing
        ("%", []),  # LIKE wildcards are literal
        ("nothing-like-this", []),
    ],
)
def test_search(filled: Journal, query: str, expected: list[str]) -> None:
    assert sorted(c.shop_name for c in filled.customers.list(query)) == sorted(expected)


def test_list_follows_route_order(filled: Journal) -> None:
    rows = filled.customers.list()
    assert [r.shop_name for r in rows] == ["张小便利店", "福源食杂店", "鑫源超市"]
    assert [r.route_position for r in rows] == [1, 2, 1]
    assert rows[0].route_name == "周一线路"


def test_update_changes_fields_and_search(filled: Journal) -> None:
    row = filled.customers.by_code("230900000001")
    updated = filled.customers.update(
        row.id, replace(input_from_row(row), shop_name="张小超市", grade=9)
    )
    assert updated.shop_name == "张小超市" and updated.grade == 9
    assert [c.code for c in filled.customers.list("zxcs")] == ["230900000001"]
    assert filled.customers.list("zxbl") == []


def test_duplicate_code_and_licence_refused(filled: Journal) -> None:
    with pytest.raises(InvalidValue) as info:
        filled.customers.create(replace(SHOPS[0], licence_no=""))
    assert info.value.data["field"] == "code"
    with pytest.raises(InvalidValue) as info:
        filled.customers.create(replace(SHOPS[0], code="999"))
    assert info.value.data["field"] == "licence_no"
    assert filled.customers.count() == 3


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"shop_name": "  "}, "shop_name"),
        ({"code": ""}, "code"),
        ({"grade": 31}, "grade"),
        ({"format": "XX"}, "format"),
        ({"shop_name": "店" * 101}, "shop_name"),
    ],
)
def test_invalid_edit_changes_nothing(
    filled: Journal, change: dict[str, object], field: str
) -> None:
    row = filled.customers.by_code("230900000002")
    with pytest.raises(InvalidValue) as info:
        filled.customers.update(row.id, replace(input_from_row(row), **change))  # type: ignore[arg-type]
    assert info.value.data["field"] == field
    assert filled.customers.get(row.id) == row


def test_moving_to_another_route_appends(filled: Journal) -> None:
    row = filled.customers.by_code("230900000001")
    moved = filled.customers.update(
        row.id, replace(input_from_row(row), route="周二线路", route_position=None)
    )
    assert moved.route_name == "周二线路" and moved.route_position == 2


def test_route_reorder(filled: Journal) -> None:
    monday = next(r for r in filled.routes.list() if r.name == "周一线路")
    ids = filled.routes.customer_ids(monday.id)
    filled.routes.set_order(monday.id, list(reversed(ids)))
    assert filled.routes.customer_ids(monday.id) == list(reversed(ids))
    with pytest.raises(InvalidValue):
        filled.routes.set_order(monday.id, ids[:1])


def test_not_found(filled: Journal) -> None:
    with pytest.raises(NotFound):
        filled.customers.get("nope")


def test_customers_need_a_profile(db_url: str) -> None:
    j = Journal.open(db_url)
    try:
        assert j.is_empty()
        with pytest.raises(NoProfile):
            j.customers.create(SHOPS[0])
    finally:
        j.close()


def test_change_listeners_hear_commits_only(filled: Journal) -> None:
    heard: list[frozenset[str]] = []
    filled.on_change(heard.append)
    row = filled.customers.by_code("230900000003")
    filled.customers.update(row.id, replace(input_from_row(row), notes="新装修"))
    with pytest.raises(InvalidValue):
        filled.customers.update(row.id, replace(input_from_row(row), grade=0))
    assert heard == [frozenset({"customers"})]
