"""What the sync conflicts list hands to the DB worker: the conflicts kept on the laptop, and
marking them seen (decision 0029)."""

from __future__ import annotations

from fieldbook.core.journal import Journal
from fieldbook.core.server.sync_conflicts import (
    StoredConflict,
    acknowledge_conflicts,
    stored_conflicts,
)

TOPIC = "sync"  # what store_conflicts and acknowledge_conflicts write under


def load_conflicts(j: Journal) -> list[StoredConflict]:
    """The conflicts not yet seen, newest first."""
    return stored_conflicts(j)


def mark_seen(j: Journal) -> int:
    return acknowledge_conflicts(j)
