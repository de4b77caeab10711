"""What the department page hands to the DB worker: who is looking (and whether on the
server), the managers a spot check can be drawn for, and one manager's week workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldbook.core.journal import Journal
from fieldbook.core.reports.week import export_week
from fieldbook.core.server.department import who_am_i
from fieldbook.core.store import open_database


def who_and_where(j: Journal) -> tuple[dict[str, Any], bool]:
    """The viewer's role (``who_am_i``) and True on the department's server."""
    return who_am_i(j), open_database.is_server(j)


def managers(j: Journal) -> list[tuple[str, str]]:
    """Every manager as (code, name), by code."""
    return [(m.code, m.name) for m in j.profile.managers()]


def export_manager_week(j: Journal, manager_code: str, label: str, path: Path) -> Path:
    """One manager's week workbook (the same one the manager exports), from the department."""
    return export_week(j.for_manager(manager_code), label, path)
