"""The one clock: nothing else in Fieldbook reads the wall clock.

Visits, plans and logs are about the user's working day (Asia/Shanghai for the users), so the
core stores naive local times. Everything that needs "now" or "today" — visit times, follow-up
due dates, the demo's "today", reminders, backup names, sync stamps — asks this module, so a
test (or a demonstration) can pin it:

- :func:`pin` / :func:`pinned` start the clock at a given local time; by default it then runs
  on (``start + elapsed``, from a monotonic clock) so that code which waits or orders events by
  time still sees time pass; ``running=False`` freezes it.
- ``FIELDBOOK_CLOCK=2031-01-02T08:10:00`` in the environment pins a whole process the same way
  (the test suite sets it for the programs it starts). It is a testing aid, read once at
  import.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

ENV = "FIELDBOOK_CLOCK"


def _wall() -> datetime:
    return datetime.now()


_source: Callable[[], datetime] = _wall


def _running_from(start: datetime) -> Callable[[], datetime]:
    base = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - base)


def pin(start: datetime, *, running: bool = True) -> None:
    """Make :func:`now` answer ``start`` (naive local time), then run on from there unless
    ``running`` is false."""
    global _source
    start = start.replace(tzinfo=None)
    _source = _running_from(start) if running else (lambda: start)


def unpin() -> None:
    """Back to the wall clock."""
    global _source
    _source = _wall


@contextmanager
def pinned(start: datetime, *, running: bool = True) -> Iterator[None]:
    global _source
    before = _source
    pin(start, running=running)
    try:
        yield
    finally:
        _source = before


def is_pinned() -> bool:
    return _source is not _wall


def now() -> datetime:
    """Local wall-clock time, to the second."""
    return _source().replace(microsecond=0)


def now_precise() -> datetime:
    """Local time with microseconds (ordering of events within a second)."""
    return _source()


def today() -> date:
    return now().date()


def utcnow() -> datetime:
    """The same instant in UTC, naive (for stored technical stamps)."""
    return now_precise().astimezone(UTC).replace(tzinfo=None)


def stamp(fmt: str = "%Y%m%d-%H%M%S") -> str:
    """The current time formatted, for file names."""
    return now_precise().strftime(fmt)


def file_time() -> float:
    """The operating system's clock in seconds since the epoch, for comparing with file
    modification times (which the OS stamps from its own clock, never from a pinned one)."""
    return time.time()


def sleep(seconds: float) -> None:
    """Wait ``seconds`` (a sync's back-off when the server is busy). Waiting is not reading
    the clock, but it lives here with the clock so that every pause of the core has one home
    a test can replace (the sync also takes a sleeper of its own)."""
    if seconds > 0:
        time.sleep(seconds)


def _from_environment() -> None:
    value = os.environ.get(ENV, "").strip()
    if not value:
        unpin()
        return
    try:
        start = datetime.fromisoformat(value)
    except ValueError as exc:
        raise SystemExit(
            f"{ENV}={value!r}: not a date and time (e.g. 2031-01-02T08:10:00)"
        ) from exc
    pin(start)


_from_environment()
