"""Fault-injection fixtures: a seeded demo database (made once, copied per test), child
processes that run the core until killed, and the two checks every test here ends with —
``PRAGMA integrity_check`` is ``ok`` and nothing committed is lost.

Migration faults are covered in tests/core/store/test_migrate.py (not duplicated here):
``test_failed_migration_leaves_database_unchanged`` (a migration failing half-way rolls back
entirely) and ``test_newer_database_is_refused_and_untouched`` (same bytes, no backup).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from demo_databases import Demo, DemoTemplates

#: The demo every test here starts from: 150 customers, SKUs, 4 weeks of history.
SEEDED = Demo(seed=1)


@pytest.fixture(scope="session")
def demo_template(demo_templates: DemoTemplates) -> Path:
    """The run's seeded demo database (read-only: copy it before use)."""
    return demo_templates.template(SEEDED)


@pytest.fixture
def demo_db(tmp_path: Path, demo_templates: DemoTemplates) -> Path:
    """A private copy of the seeded demo database: 150 customers, SKUs, 4 weeks of history."""
    return demo_templates.copy(tmp_path / "data" / "fieldbook.sqlite3", SEEDED)
