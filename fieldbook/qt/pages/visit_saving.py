"""Autosave for the visit screen that keeps what the database refused.

Mixed into ``VisitPage`` (it uses the page's header, error label and retry button). A save the
database refuses (``SaveFailed``: a full disk, a read-only file) never resets what the user
typed: the change is kept in ``unsaved``, "未保存" shows with what happened and what was kept,
and it is sent again with the next change or with 重试 (Ctrl+R).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldbook.core.errors import FieldbookError, InvalidValue, NotFound
from fieldbook.qt.formatting import listing

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal


@dataclass(frozen=True)
class Pending:
    """A change the database refused: sent again on the next change or on 重试."""

    fn: Callable[[Journal], Any]
    done: Callable[[Any], None]
    rejected: Callable[[BaseException], None]
    label: str  # what it is, for the user ("展位", "到店时间", ...)
    shown: Any = None  # what the screen shows for it (a time edit)


def is_rejection(exc: BaseException) -> bool:
    """The core refused the VALUE (nothing to retry); anything else is a failed save."""
    return isinstance(exc, InvalidValue | NotFound)


class VisitSaving:
    """The page's writes: each one a transaction on the DB worker."""

    def _draft_id(self) -> str | None:
        visit = self.visit
        return visit.id if visit is not None and visit.status == "draft" else None

    def _saved(self) -> None:
        if self.unsaved:
            self.header.show_unsaved()
            return
        self.header.show_saved(self.ctx.now())

    def _failed(self, exc: BaseException, what: str) -> None:
        from fieldbook.messages import describe_error

        self.header.show_unsaved()
        self.show_message(
            self.tr("{what}没有保存：{reason}").format(what=what, reason=describe_error(exc))
        )
        if not isinstance(exc, FieldbookError):
            self.ctx.ops.report(exc, what=what, write=True)

    # --- autosave that keeps what the database refused ---------------------------------------
    def _change(
        self,
        key: tuple[str, ...],
        fn: Callable[[Journal], Any],
        done: Callable[[Any], None],
        rejected: Callable[[BaseException], None],
        label: str,
        shown: Any = None,
    ) -> None:
        """Save one change now; anything still unsaved goes again right after it."""
        self.unsaved.pop(key, None)
        self._send(key, Pending(fn, done, rejected, label, shown))
        self.retry()

    def _send(self, key: tuple[str, ...], pending: Pending) -> None:
        token = self._tokens.get(key, 0) + 1
        self._tokens[key] = token

        def ok(result: Any) -> None:
            if self._tokens.get(key) == token:
                self.unsaved.pop(key, None)
            pending.done(result)
            self._settle()

        def failed(exc: BaseException) -> None:
            if is_rejection(exc):
                pending.rejected(exc)
                return
            if self._tokens.get(key) == token:
                self.unsaved[key] = pending  # newer edits of the same thing win
            self.save_error = exc
            if key[0] == "time":
                self._show_times()  # the refused time stays in its field
            self._show_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=pending.label, write=True)

        self.ctx.ops.write(pending.fn, ok, failed, what=pending.label)

    def retry(self) -> None:
        """重试: send every change the database refused again (oldest first)."""
        for key, pending in list(self.unsaved.items()):
            self._send(key, pending)

    def _settle(self) -> None:
        if self.unsaved:
            self._show_unsaved()
            return
        if self.save_error is not None:
            self.save_error = None
            self.retry_button.hide()
            self.show_message("")
        self.header.show_saved(self.ctx.now())

    def _show_unsaved(self) -> None:
        from fieldbook.messages import describe_error

        self.header.show_unsaved()
        if not self.unsaved:
            return
        labels = list(dict.fromkeys(p.label for p in self.unsaved.values()))
        reason = describe_error(self.save_error) if self.save_error is not None else ""
        self.show_message(
            self.tr("{reason}\n没保存的修改（仍在屏幕上）：{what}。点“重试”再保存。").format(
                reason=reason, what=listing(labels)
            )
        )
        self.retry_button.show()

    def unsaved_changes(self) -> str:
        parts = []
        if self.unsaved:
            labels = listing(dict.fromkeys(p.label for p in self.unsaved.values()))
            parts.append(self.tr("走访还有修改没有保存：{what}").format(what=labels))
        if self.corrections or self.time_corrections:
            parts.append(self.tr("走访的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def drop_unsaved(self) -> None:
        self.unsaved.clear()
        self.corrections.clear()
        self.time_corrections.clear()

    def _say_held(self) -> None:
        text = self.tr(
            "{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能打开别的店。"
        ).format(what=self.unsaved_changes())
        self.ctx.ops.message.emit(text)
        if self.unsaved:
            self._show_unsaved()
        else:
            self.show_message(text)

    def show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
