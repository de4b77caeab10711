"""The one autosave: a refused change is kept and sent again (oldest first), a newer change of
the same thing wins, a rejected value is not retried, and the page is told how it went."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldbook.core.errors import InvalidValue
from fieldbook.core.store.db import SaveFailed
from fieldbook.qt.pages.autosave import Autosave, Change


class Status:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def show_saved(self) -> None:
        self.events.append(("saved", None))

    def mark_unsaved(self) -> None:
        self.events.append(("unsaved", None))

    def show_message(self, text: str) -> None:
        self.events.append(("message", text))

    def show_retry(self, visible: bool) -> None:
        self.events.append(("retry", visible))


class Signal:
    def __init__(self) -> None:
        self.sent: list[str] = []

    def emit(self, text: str) -> None:
        self.sent.append(text)


class Ops:
    """Runs each write at once; ``refuse`` makes the database refuse them."""

    def __init__(self) -> None:
        self.refuse: BaseException | None = None
        self.written: list[object] = []
        self.message = Signal()

    def write(
        self,
        fn: Callable[[Any], Any],
        ok: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        *,
        what: str = "",
    ) -> None:
        if self.refuse is not None:
            failed(self.refuse)
            return
        ok(fn(self))

    def report(self, exc: BaseException, *, what: str, write: bool) -> None:
        raise AssertionError("a FieldbookError is never reported as a crash")


def _saver(ops: Ops, value: object) -> Callable[[Any], object]:
    def fn(_j: Any) -> object:
        ops.written.append(value)
        return value

    return fn


def test_a_refused_change_is_kept_and_sent_again_newest_value_winning(qapp):
    ops, status = Ops(), Status()
    autosave = Autosave(ops, status, "{reason}|{what}")  # type: ignore[arg-type]
    done: list[object] = []
    ops.refuse = SaveFailed("disk_full", "database or disk is full")
    autosave.change("a", Change(_saver(ops, 1), "甲", 1, done=done.append))
    autosave.change("a", Change(_saver(ops, 2), "甲", 2, done=done.append))
    autosave.change("b", Change(_saver(ops, 3), "乙", 3, done=done.append))
    assert list(autosave.unsaved) == ["a", "b"] and autosave.unsaved["a"].value == 2
    assert ("retry", True) in status.events and autosave.labels() == "甲、乙"
    assert status.events[-2][0] == "message" and str(status.events[-2][1]).endswith("|甲、乙")

    ops.refuse = None
    autosave.retry()
    assert ops.written == [2, 3] and done == [2, 3] and not autosave.unsaved
    assert status.events[-1] == ("saved", None) and ("retry", False) in status.events


def test_a_rejected_value_is_not_retried(qapp):
    ops, status = Ops(), Status()
    autosave = Autosave(ops, status, "{reason}|{what}")  # type: ignore[arg-type]
    rejected: list[BaseException] = []
    ops.refuse = SaveFailed("disk_full", "database or disk is full")
    autosave.change("a", Change(_saver(ops, 1), "甲", rejected=rejected.append))
    ops.refuse = InvalidValue("bad_number", field="a")
    autosave.retry()
    assert len(rejected) == 1 and not autosave.unsaved
