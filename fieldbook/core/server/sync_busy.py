"""A full server is not a failure: "server busy, retrying" (decision 0033).

At 15:00 every manager syncs at once. When the server (or a pooler in front of it) refuses a
connection because it has no free slot, the sync tells its progress callback
(:data:`BUSY_PROGRESS`, worded by the front end from ``schema/reference/messages/server.toml``),
waits with jittered exponential back-off and runs again. Running again is safe: the sync is
resumable and idempotent (each batch is committed on the server before its cursor is saved),
so a retry continues where the refused attempt stopped. Only when the waits add up to more
than the patience does it stop, with ``SyncError("busy")``.

The numbers and the signs of a full server are data: ``schema/reference/sync.toml``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from fieldbook.core import clock
from fieldbook.core.resources import load_reference
from fieldbook.core.server.sync_report import Progress, SyncError, SyncReport

#: What the sync tells its progress callback before each wait (a message code).
BUSY_PROGRESS = "sync_busy_retrying"
#: PostgreSQL's SQLSTATE for too_many_connections.
TOO_MANY_CONNECTIONS = "53300"

Sleeper = Callable[[float], None]
R = TypeVar("R")


@dataclass(frozen=True)
class Backoff:
    """How long to wait before each retry, and how long to keep trying."""

    base_seconds: float
    cap_seconds: float
    patience_seconds: float
    signs: tuple[str, ...]

    @classmethod
    def configured(cls) -> Backoff:
        busy = load_reference("sync")["busy"]
        return cls(
            float(busy["base_seconds"]),
            float(busy["cap_seconds"]),
            float(busy["patience_seconds"]),
            tuple(str(s).lower() for s in busy["signs"]),
        )

    def wait(self, attempt: int, rng: random.Random) -> float:
        """The wait before retry ``attempt`` (1, 2, …): full jitter below the ceiling."""
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** (attempt - 1))
        return rng.uniform(0.0, ceiling)


def is_server_full(exc: BaseException, signs: tuple[str, ...]) -> bool:
    """Whether ``exc`` (or what it wraps: a driver error, the error it was raised from) says
    the server has no free connection slot."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if getattr(e, "sqlstate", None) == TOO_MANY_CONNECTIONS:
            return True
        if isinstance(e, SyncError) and e.reason == "busy":
            return True
        text = str(e).lower()
        if any(sign in text for sign in signs):
            return True
        orig = getattr(e, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, e.__cause__, e.__context__]
    return False


@dataclass
class BusyRetry:
    """Runs an attempt until it gets through a busy server, or the patience runs out."""

    progress: Progress
    sleep: Sleeper | None = None  # None: clock.sleep (looked up when it waits)
    backoff: Backoff | None = None
    rng: random.Random | None = None
    retries: int = 0  # how many times the server was found busy (a benchmark counts them)
    waited: float = 0.0

    def run(self, attempt: Callable[[], R]) -> R:
        backoff = self.backoff or Backoff.configured()
        rng = self.rng or random.Random()  # jitter, not a secret
        while True:
            try:
                return attempt()
            except Exception as exc:
                if not is_server_full(exc, backoff.signs):
                    raise
                pause = backoff.wait(self.retries + 1, rng)
                if self.waited + pause > backoff.patience_seconds:
                    raise SyncError(
                        "busy", f"{self.retries + 1} × refused, {self.waited:.0f} s waited"
                    ) from exc
                self.retries += 1
                self.waited += pause
                self.progress(BUSY_PROGRESS)
                (self.sleep or clock.sleep)(pause)


def merged(reports: list[SyncReport]) -> SyncReport:
    """The reports of a sync's attempts as one: what moved in each, added; the last
    (completed) attempt's problems and notices; every attempt's conflicts."""
    last = reports[-1]
    for earlier in reports[:-1]:
        for table, n in earlier.pushed.items():
            last.add("up", table, n)
        for table, n in earlier.pulled.items():
            last.add("down", table, n)
        for conflict in earlier.conflicts:
            if conflict not in last.conflicts:
                last.conflict(conflict)
    return last
