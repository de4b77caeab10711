"""Shared fixtures: a migrated template database copied per test (fast), a journal with a
manager profile on it, and demo databases generated once per run (``demo_templates``) and
copied per test (``make_demo``).

``--backend postgresql`` (or ``FIELDBOOK_TEST_BACKEND=postgresql``) runs the same tests on
PostgreSQL: a throwaway server (``tests/pgserver.py``; or the one at ``FIELDBOOK_TEST_PG_URL``)
with a migrated template database cloned per test. Tests of SQLite files (backups, integrity,
locks, encryption, crash recovery — everything asking for ``db_path``) are skipped there.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from demo_databases import Demo, DemoTemplates
from pgserver import pg_admin, with_database
from sample_data import OPEN_ANSWERS, SKUS, register_roster

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.profile import ProfileInput

BACKENDS = ("sqlite", "postgresql")

#: The moment every test starts at: the core's clock is pinned there (and runs on), and the
#: programs a test starts inherit it through FIELDBOOK_CLOCK. CI runs the date-sensitive part
#: of the suite a second time with FIELDBOOK_TEST_NOW moved years away (see .ci/run), so a
#: test or a piece of code that reads the real date fails there.
TEST_NOW = datetime.fromisoformat(os.environ.get("FIELDBOOK_TEST_NOW", "2026-12-03T09:30:00"))
PG_TEMPLATE = "fieldbook_template"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=BACKENDS,
        default=os.environ.get("FIELDBOOK_TEST_BACKEND", "sqlite"),
        help="database the tests run on (default: sqlite)",
    )


#: A test using one of these fixtures starts from a demo database: it is ``slow`` (the first
#: use of each demo generates it; ``make test-fast`` leaves them all out).
DEMO_FIXTURES = {"demo_templates", "make_demo", "open_demo"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    backend = config.getoption("--backend")
    for item in items:
        if DEMO_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        for name in BACKENDS:
            if name != backend and item.get_closest_marker(name) is not None:
                item.add_marker(pytest.mark.skip(reason=f"a test of {name} (--backend {name})"))


def pytest_report_header(config: pytest.Config) -> str:
    return f"fieldbook backend: {config.getoption('--backend')}; clock pinned at {TEST_NOW}"


@pytest.fixture(scope="session", autouse=True)
def pinned_session_clock() -> Iterator[datetime]:
    """Session fixtures (templates, demo databases) are made on the pinned clock too."""
    before = os.environ.get(clock.ENV)
    os.environ[clock.ENV] = TEST_NOW.isoformat()
    with clock.pinned(TEST_NOW):
        yield TEST_NOW
    if before is None:
        os.environ.pop(clock.ENV, None)
    else:
        os.environ[clock.ENV] = before


@pytest.fixture(autouse=True)
def pinned_clock(pinned_session_clock: datetime) -> Iterator[datetime]:
    """Every test starts on the core's clock at TEST_NOW (not the real date)."""
    with clock.pinned(TEST_NOW):
        yield TEST_NOW


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test has its own data folder (FIELDBOOK_DATA_DIR): the default database, the
    files of a server database (attachments, photos), never the user's own folder — nor one
    another test wrote into."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FIELDBOOK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("--backend"))


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


@pytest.fixture
def world(journal: Journal) -> Journal:
    for sku in SKUS:
        journal.catalog.save(None, sku)
    for n in range(1, 6):
        journal.customers.create(
            CustomerInput(
                code=f"M{n:03d}",
                shop_name=f"周一店{n}",
                route="周一线路",
                order_weekday=1,
                format="S" if n == 1 else "",  # M001, a supermarket: the checklist's 促销员 apply
            )
        )
    for n in range(1, 4):
        journal.customers.create(
            CustomerInput(
                code=f"T{n:03d}", shop_name=f"周二店{n}", route="周二线路", order_weekday=2
            )
        )
    journal.customers.create(CustomerInput(code="X001", shop_name="无线路店"))
    register_roster(journal)  # in the register before the weeks the tests record
    return journal


@pytest.fixture
def open_answers() -> dict[str, object]:
    """A complete set of answers for an open shop where all is well."""
    return dict(OPEN_ANSWERS)


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplates:
    return DemoTemplates(tmp_path_factory.mktemp("demo-templates"))


@pytest.fixture
def make_demo(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path, demo_templates: DemoTemplates
) -> Callable[[Demo], str]:
    """``make_demo(Demo(seed=..., ...))``: the URL of a fresh database holding that demo — a
    copy of the run's template on SQLite, generated in place on PostgreSQL."""
    numbers = itertools.count(1)

    def make(demo: Demo) -> str:
        if backend == "postgresql":
            url = str(request.getfixturevalue("pg_database"))
            demo.generate(url)
            return url
        path = tmp_path / "demo" / f"fieldbook{next(numbers)}.sqlite3"
        return f"sqlite:///{demo_templates.copy(path, demo)}"

    return make


@pytest.fixture
def open_demo(make_demo: Callable[[Demo], str]) -> Iterator[Callable[[Demo], Journal]]:
    """``open_demo(Demo(...))``: a journal on a fresh copy of that demo, closed afterwards."""
    opened: list[Journal] = []

    def open_one(demo: Demo) -> Journal:
        opened.append(Journal.open(make_demo(demo)))
        return opened[-1]

    yield open_one
    for journal in opened:
        journal.close()
