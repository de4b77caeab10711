"""The one autosave of the desktop app, used by the visit, the work log and the weekly report.

Every change is a transaction on the DB worker; "已保存 HH:MM:SS" shows only after the save
returned. A save the database refuses (``SaveFailed``: a full disk, a read-only file) never
resets what the user typed: the change is kept in ``unsaved``, "未保存" shows in red with what
happened and what was kept, and it is sent again with the next change or with 重试 (Ctrl+R).
A value the core rejects (``InvalidValue``, ``NotFound``) is not retried: the change's own
``rejected`` shows why.

Typed text waits for a short pause before it is saved (:class:`TypingPause`, one timer per unit).
What the page shows about saving goes through the small :class:`SaveStatus` protocol.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer

from fieldbook.core.errors import FieldbookError, InvalidValue, NotFound
from fieldbook.messages import describe_error
from fieldbook.qt.formatting import listing

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.qt.operations.runner import Ops

#: The pause after typing before a unit is saved.
DEBOUNCE_MS = 400


def is_rejection(exc: BaseException) -> bool:
    """The core refused the VALUE (nothing to retry); anything else is a failed save."""
    return isinstance(exc, InvalidValue | NotFound)


def _ignore(_arg: object) -> None:
    """A change with nothing more to do."""


def _nothing() -> None:
    """A change with nothing more to do."""


@dataclass(frozen=True)
class Change:
    """One change to save: what runs on the worker and what follows on the screen."""

    fn: Callable[[Journal], Any]
    label: str  # what it is, for the user ("展位", "到店时间", "本周总结", ...)
    value: Any = None  # what the screen shows for it (kept while it is not saved)
    #: The save returned (with what ``fn`` returned).
    done: Callable[[Any], None] = _ignore
    #: The save returned and no newer change of the same key was sent meanwhile.
    latest: Callable[[], None] = _nothing
    #: The core rejected the value.
    rejected: Callable[[BaseException], None] = _ignore
    #: The database refused it: it is kept, to be sent again.
    refused: Callable[[], None] = _nothing


class SaveStatus(Protocol):
    """Where a page says how saving went."""

    def show_saved(self) -> None:
        """Everything sent went in."""

    def mark_unsaved(self) -> None:
        """ "未保存" in red."""

    def show_message(self, text: str) -> None:
        """The page's error line (hidden when empty)."""

    def show_retry(self, visible: bool) -> None:
        """The 重试 button."""


class Autosave(QObject):
    """Sends changes, keeps the refused ones, retries them, and says how it went."""

    def __init__(
        self, ops: Ops, status: SaveStatus, unsaved_text: str, parent: QObject | None = None
    ) -> None:
        """``unsaved_text`` says what was kept; it has ``{reason}`` and ``{what}`` fields."""
        super().__init__(parent)
        self.ops = ops
        self.status = status
        self.unsaved_text = unsaved_text
        #: Changes the database refused, by key (oldest first): sent again on 重试.
        self.unsaved: dict[Hashable, Change] = {}
        self.error: BaseException | None = None
        self._tokens: dict[Hashable, int] = {}

    def change(self, key: Hashable, change: Change) -> None:
        """Save one change now; anything still unsaved goes again right after it."""
        self.unsaved.pop(key, None)
        self.send(key, change)
        self.retry()

    def send(self, key: Hashable, change: Change) -> None:
        token = self._tokens.get(key, 0) + 1
        self._tokens[key] = token

        def ok(result: Any) -> None:
            if self._tokens.get(key) == token:
                self.unsaved.pop(key, None)
                change.latest()
            change.done(result)
            self.settle()

        def failed(exc: BaseException) -> None:
            if is_rejection(exc):
                if self._tokens.get(key) == token:
                    self.unsaved.pop(key, None)
                change.rejected(exc)
                return
            if self._tokens.get(key) == token:
                self.unsaved[key] = change  # newer edits of the same thing win
            self.error = exc
            change.refused()
            self.show_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ops.report(exc, what=change.label, write=True)

        self.ops.write(change.fn, ok, failed, what=change.label)

    def retry(self) -> None:
        """重试: send every change the database refused again (oldest first)."""
        for key, change in list(self.unsaved.items()):
            self.send(key, change)

    def settle(self) -> None:
        """After a save returned: still unsaved, or saved."""
        if self.unsaved:
            self.show_unsaved()
            return
        if self.error is not None:
            self.error = None
            self.status.show_retry(False)
            self.status.show_message("")
        self.status.show_saved()

    def labels(self) -> str:
        """What is not saved, in words."""
        return listing(dict.fromkeys(c.label for c in self.unsaved.values()))

    def show_unsaved(self) -> None:
        self.status.mark_unsaved()
        if not self.unsaved:
            return
        reason = describe_error(self.error) if self.error is not None else ""
        self.status.show_message(self.unsaved_text.format(reason=reason, what=self.labels()))
        self.status.show_retry(True)

    def say_held(self, text: str) -> None:
        """Say why the page keeps what it shows (``text``), with what is not saved."""
        self.ops.message.emit(text)
        if self.unsaved:
            self.show_unsaved()
        else:
            self.status.show_message(text)

    def shown(self, prefix: str) -> dict[Hashable, Any]:
        """What the screen shows for the unsaved changes whose key starts with ``prefix``."""
        return {
            key[1]: change.value
            for key, change in self.unsaved.items()
            if isinstance(key, tuple) and key and key[0] == prefix
        }


class TypingPause(QObject):
    """One single-shot timer per unit: a unit is saved a short pause after the last edit."""

    def __init__(
        self, units: Iterable[str], save: Callable[[str], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.timers: dict[str, QTimer] = {}
        for unit in units:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(DEBOUNCE_MS)
            timer.timeout.connect(lambda u=unit: save(u))
            self.timers[unit] = timer
        self._save = save

    def edited(self, unit: str) -> None:
        self.timers[unit].start()

    def stop(self, unit: str) -> None:
        self.timers[unit].stop()

    def flush(self) -> None:
        """Save now what is waiting for the pause after typing."""
        for unit, timer in self.timers.items():
            if timer.isActive():
                timer.stop()
                self._save(unit)
