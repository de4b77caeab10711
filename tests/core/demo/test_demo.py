"""Demo data: deterministic, realistic (REFERENCE.md §6), all-or-nothing, never mixed with
real data, searchable by pinyin; the company-style customer table and workbook."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from demo_databases import Demo, module_demo
from pypinyin import Style, lazy_pinyin
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select, text

from fieldbook.core.demo.generate import (
    TABLE_HEADERS,
    DemoCancelled,
    DemoRefused,
    demo_customer_table,
    generate_demo,
    write_customer_workbook,
)
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.catalog import classify
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.store.models import Customer, Manager, Route, Setting, Sku
from fieldbook.core.workdays import working_days_between

pytestmark = pytest.mark.slow  # the generator itself: most tests here generate a demo
TODAY = date(2026, 3, 16)
PREFIXES = {"新兴区": "230902", "桃山区": "230903", "茄子河区": "230904", "勃利县": "230921"}


def open_fresh(path: Path) -> Journal:
    return Journal.open(f"sqlite:///{path}")


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = open_fresh(tmp_path / "d.sqlite3")
    yield j
    j.close()


def customer_rows(j: Journal) -> list[tuple[object, ...]]:
    return sorted(
        (r.code, r.licence_no, r.shop_name, r.grade, r.route_name)
        for r in j.customers.list(everyone=True)
    )


def table_counts(j: Journal) -> dict[str, int]:
    with j.reading() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Manager, Route, Customer, Sku, Setting)
        }


BIG = Demo(seed=3, managers=12, customers_per_manager=167, today=TODAY)


# 2,000 customers (12 managers × 167), shared by the distribution tests
big = module_demo("big", Demo(seed=3, managers=12, customers_per_manager=167, today=TODAY))


def test_same_seed_gives_the_same_database(tmp_path: Path) -> None:
    a, b = open_fresh(tmp_path / "a.sqlite3"), open_fresh(tmp_path / "b.sqlite3")
    generate_demo(a, seed=7, managers=2, today=TODAY)
    generate_demo(b, seed=7, managers=2, today=TODAY)
    assert customer_rows(a) == customer_rows(b)
    assert len(customer_rows(a)) == 300
    # Ids come from the seed too, so the rows are identical, not just alike.
    assert [r.id for r in a.customers.list(everyone=True)] == [
        r.id for r in b.customers.list(everyone=True)
    ]
    assert [r.id for r in a.catalog.list()] == [r.id for r in b.catalog.list()]
    assert a.profile.get() == b.profile.get()


def test_different_seeds_differ(tmp_path: Path) -> None:
    a, b = open_fresh(tmp_path / "a.sqlite3"), open_fresh(tmp_path / "b.sqlite3")
    generate_demo(a, seed=1, today=TODAY)
    generate_demo(b, seed=2, today=TODAY)
    rows_a, rows_b = customer_rows(a), customer_rows(b)
    assert len(rows_a) == len(rows_b) == 150
    assert rows_a != rows_b
    assert not {r[0] for r in rows_a} & {r[0] for r in rows_b}  # codes are drawn, not counted


def test_counts_routes_and_managers(journal: Journal) -> None:
    summary = generate_demo(journal, seed=5, managers=3, weeks=6, today=TODAY)
    assert (summary.managers, summary.routes, summary.customers, summary.skus) == (3, 15, 450, 39)
    assert summary.weeks == 6
    other = dict(summary.other)  # the week generators' rows (tests/core/demo/test_demo_visits.py)
    visits = {"plans", "plan_stops", "visits", "visit_skus", "followups", "slip_suggestions"}
    slips = {"slips", "slip_deliveries", "slip_events", "audit_entries"}  # demo_slips
    orders = {"order_lines", "day_logs"}  # demo_orders
    assert visits | {"slips", "slip_deliveries", "slip_events"} | orders <= set(other)
    attendance = {"attendance_days"}  # demo.attendance: a few days a year, maybe none here
    targets = {"targets"}  # demo.targets: every manager's months
    supply = {"sku_supplies"}  # demo.supply: the weekly 货源投放
    assert set(other) <= visits | slips | orders | attendance | targets | supply
    with journal.reading() as s:
        for name, rows in other.items():
            assert s.scalar(text(f"SELECT count(*) FROM {name}")) == rows, name
    # 3 managers, one plan per working day before TODAY (a Monday: its week has no history)
    days = working_days_between(TODAY - timedelta(weeks=5), TODAY - timedelta(days=1))
    assert other["plans"] == 3 * len(days) and 0.9 <= other["visits"] / other["plan_stops"] <= 0.99
    assert summary.counts()["visits"] == other["visits"]
    assert table_counts(journal)["customers"] == 450

    managers = journal.profile.managers()
    assert [m.code for m in managers] == ["QTH001", "QTH002", "QTH003"]
    assert [m.district_unit for m in managers] == ["新兴区营销部", "桃山区营销部", "茄子河区营销部"]
    assert managers[0].territory == "新兴一片区"
    assert journal.profile.get() == managers[0]  # the first manager is the current one

    with journal.reading() as s:
        per_manager = Counter(s.scalars(select(Customer.manager_id)))
        routes = s.execute(
            select(Route.manager_id, Route.name, Route.weekday, func.count(Customer.id))
            .join(Customer, Customer.route_id == Route.id)
            .group_by(Route.id)
        ).all()
        mismatched = s.scalar(
            select(func.count())
            .select_from(Customer)
            .join(Route, Customer.route_id == Route.id)
            .where(Customer.order_weekday != Route.weekday)
        )
    assert sorted(per_manager.values()) == [150, 150, 150]
    assert mismatched == 0  # the order weekday is the route's weekday
    for manager in managers:
        mine = {weekday: (name, n) for mid, name, weekday, n in routes if mid == manager.id}
        assert sorted(mine) == [1, 2, 3, 4, 5]
        assert [mine[d][0] for d in range(1, 6)] == [
            f"{d}线路" for d in ["周一", "周二", "周三", "周四", "周五"]
        ]
        sizes = {d: n for d, (_name, n) in mine.items()}
        assert 20 <= sizes[4] <= 25
        assert sizes[4] < min(sizes[d] for d in (1, 2, 3, 5))
        assert max(sizes[d] for d in (1, 2, 3, 5)) - min(sizes[d] for d in (1, 2, 3, 5)) <= 1
    for route in journal.routes.list()[:5]:
        positions = [
            journal.customers.get(c).route_position for c in journal.routes.customer_ids(route.id)
        ]
        assert positions == list(range(1, route.customer_count + 1))


def test_skus_follow_the_reference_table(journal: Journal) -> None:
    generate_demo(journal, today=TODAY)
    skus = {s.name: s for s in journal.catalog.list()}
    assert len(skus) == 39  # every row of REFERENCE.md §4.2
    assert all(re.fullmatch(r"\d{8}", s.code) for s in skus.values())
    assert skus["中华(硬)"].wholesale_fen == 38160 and skus["中华(硬)"].retail_fen == 45000
    assert skus["红金龙(硬新版)"].retail_fen == 5000
    assert all(s.price_class == classify(s.wholesale_fen) for s in skus.values())
    assert Counter(s.price_class for s in skus.values()) == {1: 19, 2: 11, 3: 8, 4: 1}
    assert sum(s.is_key_brand for s in skus.values()) == 8
    assert all(s.wholesale_fen < s.retail_fen for s in skus.values())
    assert skus["广州双喜(硬经典1906)"].brand == "广州双喜"


def test_licences_codes_and_phones(big: Journal) -> None:
    rows = big.customers.list(everyone=True)
    assert len(rows) == 2004
    assert len({r.code for r in rows}) == len(rows)
    assert len({r.licence_no for r in rows}) == len(rows)
    for r in rows:
        assert re.fullmatch(r"2309\d{8}", r.code)
        assert re.fullmatch(r"(230902|230903|230904|230921)[12]\d{5}", r.licence_no)
        assert r.licence_no.startswith(PREFIXES[r.district])
        assert r.address.startswith("七台河市" + r.district)
        assert re.fullmatch(r"1[3-9]\d{9}", r.phone)
        assert len(r.owner_name) >= 2 and r.shop_name
        assert r.licence_expiry is not None and r.licence_expiry > TODAY
    holder_2 = sum(r.licence_no[6] == "2" for r in rows) / len(rows)
    assert 0.02 <= holder_2 <= 0.08
    # Every district gets managers, in rotation.
    assert {r.district for r in rows} == set(PREFIXES)


def test_format_market_and_status_mix(big: Journal) -> None:
    rows = big.customers.list(everyone=True)
    n = len(rows)
    share = {k: v / n for k, v in Counter(r.format for r in rows).items()}
    expected = {"Z": 0.55, "B": 0.18, "S": 0.10, "Y": 0.09, "F": 0.04, "N": 0.01, "Q": 0.03}
    for code, p in expected.items():
        assert share.get(code, 0) == pytest.approx(p, abs=0.03), code
    assert share.get("Q", 0) <= 0.05  # 其他 is capped at 5% by the classification rule

    def rural(district: str) -> float:
        mine = [r for r in rows if r.district == district]
        return sum(r.market_type == "X" for r in mine) / len(mine)

    assert rural("勃利县") == pytest.approx(0.60, abs=0.08)
    assert rural("新兴区") == pytest.approx(0.15, abs=0.06)
    statuses = Counter(r.status for r in rows)
    assert 0.005 <= statuses["suspended"] / n <= 0.04
    assert 0.001 <= statuses["closed"] / n <= 0.025
    assert set(statuses) == {"active", "suspended", "closed"}
    assert 0.06 <= sum(r.is_key_customer for r in rows) / n <= 0.14
    for r in rows:
        if r.district == "勃利县":
            assert 45.6 <= r.gps_lat <= 45.9 and 130.35 <= r.gps_lon <= 130.75
        else:
            assert 45.7 <= r.gps_lat <= 45.85 and 130.8 <= r.gps_lon <= 131.1
    # Names stay varied.
    assert len({r.shop_name for r in rows}) / n > 0.95


def test_grade_distribution(big: Journal) -> None:
    rows = big.customers.list(everyone=True)
    grades = [r.grade for r in rows]
    assert all(1 <= g <= 30 for g in grades)
    assert 8 <= statistics.median(grades) <= 12
    assert 0.10 <= sum(g <= 3 for g in grades) / len(grades) <= 0.20
    assert 0.02 <= sum(g >= 25 for g in grades) / len(grades) <= 0.08
    top = Counter(r.format for r in rows if r.grade >= 25)
    assert (top["S"] + top["N"] + top["Y"]) / sum(top.values()) > 0.7


def test_refuses_a_database_with_customers(journal: Journal) -> None:
    journal.profile.save(ProfileInput(code="A01", name="王建国"))
    journal.customers.create(CustomerInput(code="230900000001", shop_name="真实客户"))
    with pytest.raises(DemoRefused) as info:
        generate_demo(journal, today=TODAY)
    assert info.value.code == "demo_refused"
    assert info.value.data["customers"] == 1
    assert [r.shop_name for r in journal.customers.list()] == ["真实客户"]
    assert [m.code for m in journal.profile.managers()] == ["A01"]


def test_refuses_to_run_twice(journal: Journal) -> None:
    generate_demo(journal, today=TODAY)
    before = customer_rows(journal)
    with pytest.raises(DemoRefused):
        generate_demo(journal, seed=2, today=TODAY)
    assert customer_rows(journal) == before


def test_cancellation_leaves_the_database_unchanged(journal: Journal) -> None:
    before = table_counts(journal)
    calls: list[tuple[int, int]] = []
    with pytest.raises(DemoCancelled) as info:
        generate_demo(
            journal,
            managers=4,
            today=TODAY,
            progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: len(calls) >= 3,
        )
    assert info.value.code == "cancelled"
    assert len(calls) == 3  # it did work (and reported it) before the cancel came
    assert table_counts(journal) == before
    assert journal.is_empty()
    # The same database still takes a full run afterwards.
    assert generate_demo(journal, managers=1, today=TODAY).customers == 150


def test_progress_reaches_the_total(journal: Journal) -> None:
    calls: list[tuple[int, int]] = []
    generate_demo(journal, managers=3, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    done = [d for d, _t in calls]
    assert done == sorted(done) and len(calls) >= 4
    assert calls[-1][0] == calls[-1][1]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"weeks": 0}, "weeks"),
        ({"weeks": 521}, "weeks"),
        ({"managers": 0}, "managers"),
        ({"customers_per_manager": 0}, "customers_per_manager"),
    ],
)
def test_rejects_sizes_out_of_range(journal: Journal, kwargs: dict[str, int], field: str) -> None:
    with pytest.raises(InvalidValue) as info:
        generate_demo(journal, today=TODAY, **kwargs)
    assert info.value.data["field"] == field
    assert journal.is_empty()


def test_weeks_are_recorded(journal: Journal) -> None:
    # ten years of history: a few customers keep the test quick
    summary = generate_demo(journal, weeks=520, customers_per_manager=5, today=TODAY)
    assert summary.weeks == 520 and dict(summary.other)["plans"] > 2400


def test_pinyin_initials_find_every_sampled_customer(big: Journal) -> None:
    found = big.customers.list("zxbl", everyone=True)
    assert "张小便利店" in [r.shop_name for r in found]
    assert next(r for r in found if r.shop_name == "张小便利店").owner_name == "张小"
    rows = big.customers.list(everyone=True)
    for r in rows[:: len(rows) // 40]:
        initials = "".join(lazy_pinyin(r.shop_name, style=Style.FIRST_LETTER)).lower()
        assert r.id in {c.id for c in big.customers.list(initials, everyone=True)}, (
            r.shop_name,
            initials,
        )
        owner = "".join(lazy_pinyin(r.owner_name)).lower()
        assert r.id in {c.id for c in big.customers.list(owner, everyone=True)}, (
            r.owner_name,
            owner,
        )


def test_customer_table_matches_the_demo_database(journal: Journal) -> None:
    headers, rows = demo_customer_table(seed=9, count=200)
    assert (
        headers
        == TABLE_HEADERS
        == [
            "客户编码",
            "许可证号",
            "客户名称",
            "负责人",
            "联系电话",
            "经营地址",
            "区县",
            "经营业态",
            "市场类型",
            "档位",
            "线路",
            "订货日",
            "经营状态",
        ]
    )
    assert len(rows) == 200 and all(len(r) == len(headers) for r in rows)
    generate_demo(journal, seed=9, managers=2, today=TODAY)
    by_code = {r.code: r for r in journal.customers.list(everyone=True)}
    for row in rows:
        shop = by_code[row[0]]
        assert (row[1], row[2], row[9], row[10]) == (
            shop.licence_no,
            shop.shop_name,
            shop.grade,
            shop.route_name,
        )
        assert row[11] == row[10].removesuffix("线路")
    assert {r[7] for r in rows} <= {
        "食杂店",
        "便利店",
        "超市",
        "商场",
        "烟酒商店",
        "娱乐服务类",
        "其他",
    }
    assert {r[8] for r in rows} <= {"城镇", "乡村"}
    assert demo_customer_table(seed=9, count=0) == (TABLE_HEADERS, [])


def test_customer_workbook_has_title_rows_and_text_numbers(tmp_path: Path) -> None:
    path = tmp_path / "customers.xlsx"
    write_customer_workbook(path, seed=4, count=50)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert sheet[0][0] == "七台河市烟草公司 客户名单"
    assert all(v == "" for v in sheet[1])
    assert sheet[2] == TABLE_HEADERS
    body = sheet[3:]
    assert len(body) == 50
    _headers, rows = demo_customer_table(seed=4, count=50)
    assert [r[0] for r in body] == [r[0] for r in rows]
    for r in body:
        assert isinstance(r[1], str) and re.fullmatch(r"\d{12}", r[1])  # licence as text
        assert isinstance(r[4], str) and re.fullmatch(r"1[3-9]\d{9}", r[4])  # phone as text
        assert isinstance(r[0], str)
    write_customer_workbook(path, seed=4, count=5, title_rows=False)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert sheet[0] == TABLE_HEADERS and len(sheet) == 6


def test_customer_workbook_imports_cleanly(tmp_path: Path) -> None:
    customer_import = pytest.importorskip("fieldbook.core.master.customer_import")
    path = tmp_path / "customers.xlsx"
    write_customer_workbook(path, seed=4, count=300)
    j = open_fresh(tmp_path / "d.sqlite3")
    j.profile.save(ProfileInput(code="QTH001", name="王建国"))
    report = customer_import.import_customers(j, path)
    assert report.problems == [] and report.applied
    assert len(report.new) == 300 and report.header_row == 3
    assert j.customers.count(everyone=True) == 300
    assert {r.name for r in j.routes.list()} == {f"周{d}线路" for d in "一二三四五"}
    assert "张小便利店" in [r.shop_name for r in j.customers.list("zxbl")]
    j.close()


def test_a_demo_district_name_is_found_by_its_phrase_reading(journal: Journal) -> None:
    # 茄子河 is read qiézihé (a district of the demo; its street 茄子河大街 names shops), not
    # jiāzihé: the phrase reading must be searchable. A shop of its own, not one the seed
    # happens to draw.
    journal.profile.save(ProfileInput(code="QTH001", name="王建国"))
    journal.customers.create(CustomerInput(code="230900000001", shop_name="茄子河大街烟酒店"))
    journal.customers.create(CustomerInput(code="230900000002", shop_name="加兹便利店"))
    assert [r.shop_name for r in journal.customers.list("qzh", everyone=True)] == [
        "茄子河大街烟酒店"
    ]
