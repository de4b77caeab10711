"""The database itself, for the composition root: opening a journal, restoring a backup, moving
a damaged file aside — run on the worker while the GUI thread waits (:func:`run_and_wait`),
so the window keeps painting during a long restore or start-up check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QEventLoop

from fieldbook.core.journal import Journal
from fieldbook.qt.operations.runner import Executor, Outcome

T = TypeVar("T")


@dataclass(frozen=True)
class Opened:
    """A journal just opened, and whether it is a first run (no profile, no customers)."""

    journal: Journal
    empty: bool


def first_look(journal: Journal) -> Opened:
    """What the main window needs to know before it is built."""
    return Opened(journal, journal.is_empty())


def run_and_wait(
    executor: Executor, work: Callable[[], T], meanwhile: Callable[[], object] | None = None
) -> T:
    """Run ``work`` on ``executor`` and wait for it in a local event loop (paint events still
    handled, user input held back); its exception is raised here. ``meanwhile`` runs on this
    thread once ``work`` is submitted, before the wait."""
    outcomes: list[Outcome] = []
    loop = QEventLoop()

    def deliver(outcome: Outcome) -> None:
        outcomes.append(outcome)
        loop.quit()

    executor.submit(work, deliver)
    if meanwhile is not None:
        meanwhile()
    if not outcomes:  # a synchronous executor delivered already
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    outcome = outcomes[0]
    if not outcome.ok:
        raise outcome.error or RuntimeError("unknown failure")
    value: T = outcome.value
    return value
