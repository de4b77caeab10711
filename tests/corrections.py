"""Corrections recorded in the audit trail by the current manager, for the audit tests."""

from __future__ import annotations

from typing import Any

from fieldbook.core.journal import Journal
from fieldbook.core.store import audit


def manager(journal: Journal) -> str:
    """The current manager's id."""
    with journal.reading() as s:
        return journal.current_manager_id(s)


def correct(
    journal: Journal,
    record_id: str,
    changes: dict[str, tuple[Any, Any]],
    reason: str = "更正",
    *,
    record_type: str = "visit",
) -> list[audit.AuditRecord]:
    """One correction of ``record_id`` by the current manager (field → (old, new))."""
    with journal.writing("audit") as s:
        return audit.record(
            s,
            manager_id=manager(journal),
            record_type=record_type,
            record_id=record_id,
            changes=changes,
            reason=reason,
        )
