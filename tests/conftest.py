"""Shared fixtures: a migrated template database copied per test (fast), and a journal with a
manager profile on it.

``--backend postgresql`` (or ``FIELDBOOK_TEST_BACKEND=postgresql``) runs the same tests on
PostgreSQL: a throwaway server (``tests/pgserver.py``; or the one at ``FIELDBOOK_TEST_PG_URL``)
with a migrated template database cloned per test. Tests of SQLite files (backups, integrity,
locks, encryption, crash recovery — everything asking for ``db_path``) are skipped there.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from fieldbook.core.catalog import SkuInput
from fieldbook.core.customers import CustomerInput
from fieldbook.core.journal import Journal
from fieldbook.core.profile import ProfileInput

BACKENDS = ("sqlite", "postgresql")
PG_TEMPLATE = "fieldbook_template"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=BACKENDS,
        default=os.environ.get("FIELDBOOK_TEST_BACKEND", "sqlite"),
        help="database the tests run on (default: sqlite)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    backend = config.getoption("--backend")
    for item in items:
        for name in BACKENDS:
            if name != backend and item.get_closest_marker(name) is not None:
                item.add_marker(pytest.mark.skip(reason=f"a test of {name} (--backend {name})"))


def pytest_report_header(config: pytest.Config) -> str:
    return f"fieldbook backend: {config.getoption('--backend')}"


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("--backend"))


def with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def pg_server(backend: str) -> Iterator[str]:
    """The PostgreSQL server's admin URL (database ``postgres``, a superuser)."""
    if backend != "postgresql":
        pytest.skip("PostgreSQL tests run with --backend postgresql")
    given = os.environ.get("FIELDBOOK_TEST_PG_URL")
    if given:
        yield given
        return
    import pgserver

    with pgserver.server() as url:
        yield url


def pg_admin(url: str, *statements: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as con:
            for sql in statements:
                con.execute(text(sql))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> str:
    pg_admin(pg_server, f"DROP DATABASE IF EXISTS {PG_TEMPLATE}", f"CREATE DATABASE {PG_TEMPLATE}")
    Journal.open(with_database(pg_server, PG_TEMPLATE)).close()
    return PG_TEMPLATE


_NUMBERS = itertools.count(1)


@pytest.fixture
def pg_database(pg_server: str, pg_template: str) -> Iterator[str]:
    """A fresh migrated PostgreSQL database (cloned from the template); dropped afterwards."""
    name = f"fieldbook_test_{os.getpid()}_{next(_NUMBERS)}"
    pg_admin(pg_server, f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield with_database(pg_server, name)
    pg_admin(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Journal.open(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path, backend: str) -> Path:
    if backend != "sqlite":
        pytest.skip("a test of SQLite files")
    path = tmp_path / "data" / "fieldbook.sqlite3"
    path.parent.mkdir(mode=0o700)
    shutil.copyfile(template_db, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def db_url(request: pytest.FixtureRequest, backend: str) -> str:
    if backend == "postgresql":
        return str(request.getfixturevalue("pg_database"))
    return f"sqlite:///{request.getfixturevalue('db_path')}"


@pytest.fixture
def journal(db_url: str) -> Iterator[Journal]:
    j = Journal.open(db_url)
    j.profile.save(
        ProfileInput(code="QTH001", name="王建国", district_unit="新兴区", territory="新兴一片区")
    )
    yield j
    j.close()


SKUS = [
    SkuInput("13100101", "中华(硬)", wholesale_fen=38160, retail_fen=45000, is_key_brand=True),
    SkuInput("15300202", "玉溪(硬)", wholesale_fen=19928, retail_fen=23000),
    SkuInput(
        "14400131", "广州双喜(硬经典1906)", wholesale_fen=15052, retail_fen=17000, is_key_brand=True
    ),
    SkuInput("13300103", "利群(硬新版)", wholesale_fen=14310, retail_fen=16000),
    SkuInput("13600111", "红塔山(硬经典100)", wholesale_fen=9700, retail_fen=11000),
    SkuInput("13600112", "白沙(硬精品)", wholesale_fen=8800, retail_fen=10000, is_new=True),
    SkuInput("13900101", "红金龙(硬新版)", wholesale_fen=4450, retail_fen=5000),
]


@pytest.fixture
def world(journal: Journal) -> Journal:
    for sku in SKUS:
        journal.catalog.save(None, sku)
    for n in range(1, 6):
        journal.customers.create(
            CustomerInput(
                code=f"M{n:03d}", shop_name=f"周一店{n}", route="周一线路", order_weekday=1
            )
        )
    for n in range(1, 4):
        journal.customers.create(
            CustomerInput(
                code=f"T{n:03d}", shop_name=f"周二店{n}", route="周二线路", order_weekday=2
            )
        )
    journal.customers.create(CustomerInput(code="X001", shop_name="无线路店"))
    return journal


@pytest.fixture
def open_answers() -> dict[str, object]:
    """A complete set of answers for an open shop where all is well."""
    return dict(OPEN_ANSWERS)


OPEN_ANSWERS = {
    "display_position": "柜台正面",
    "display_quality": "规范整洁",
    "facings_ok": True,
    "price_tags": "齐全规范",
    "tag_goods_match": True,
    "price_compliance": "按指导价",
    "stock_checked": True,
    "stock_vs_records": "一致",
    "promoters_count": 0,
    "licence_displayed": True,
    "suspected_fake": False,
    "suspected_non_channel": False,
    "business_condition": "好",
}
