"""Fault-injection fixtures: a seeded demo database (made once, copied per test), child
processes that run the core until killed, and the two checks every test here ends with —
``PRAGMA integrity_check`` is ``ok`` and nothing committed is lost.

Migration faults are covered in tests/core/test_migrate.py (not duplicated here):
``test_failed_migration_leaves_database_unchanged`` (a migration failing half-way rolls back
entirely) and ``test_newer_database_is_refused_and_untouched`` (same bytes, no backup).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldbook.core.journal import Journal


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fieldbook.core.demo.generate import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    journal = Journal.open(f"sqlite:///{path}")
    try:
        generate_demo(journal, seed=1)
    finally:
        journal.close()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    """A private copy of the seeded demo database: 165 customers, SKUs, 4 weeks of history."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = folder / "fieldbook.sqlite3"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    return path
