"""What a sync reports: what moved, up and down, and what could not go up (``SyncReport``), or
why it stopped (``SyncError``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fieldbook.core.errors import DatabaseError
from fieldbook.core.server.sync_held import SyncProblem


class SyncError(DatabaseError):
    """The sync could not run or stopped; what was synced before stays synced."""

    code = "sync_failed"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason, reason=f"sync_{reason}", why=detail)
        self.reason = reason
        # exit 2: the user must say where, or said something that is no server address
        self.is_input_error = reason in ("no_server", "bad_address")


@dataclass(frozen=True)
class SyncConflict:
    """A record changed in two places that a sync could not take both of (decision 0009):
    ``kind`` says what happened (e.g. ``newer_on_server``, ``delivery_moved_both``),
    ``table`` and ``record_id`` name the record, ``label`` says it in the user's words (a
    slip's number, a week's label), ``kept`` which copy stands (``server`` | ``laptop`` |
    ``both``) and ``detail`` what the other copy said. Never resolved silently: each is kept
    on the laptop and shown in the app."""

    kind: str
    table: str
    record_id: str
    label: str
    kept: str
    detail: str = ""


@dataclass
class SyncReport:
    """What moved: table → rows, up and down; ``problems``: what could not go up (one per
    customer another manager owns on the server, with how many rows wait for it);
    ``notices``: what the manager should know (a customer moved to another manager);
    ``conflicts``: records changed in two places (``SyncConflict``)."""

    pushed: dict[str, int] = field(default_factory=dict)
    pulled: dict[str, int] = field(default_factory=dict)
    problems: list[SyncProblem] = field(default_factory=list)
    notices: list[SyncProblem] = field(default_factory=list)
    conflicts: list[SyncConflict] = field(default_factory=list)

    def conflict(self, conflict: SyncConflict) -> None:
        """Record ``conflict`` (see ``SyncConflict``)."""
        self.conflicts.append(conflict)

    def add(self, direction: str, table: str, count: int) -> None:
        if count:
            target = self.pushed if direction == "up" else self.pulled
            target[table] = target.get(table, 0) + count

    @property
    def moved(self) -> int:
        return sum(self.pushed.values()) + sum(self.pulled.values())


Progress = Callable[[str], None]
