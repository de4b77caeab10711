"""What the work log and the weekly report pages share: a dated record written in units (a
day's log sections, a week's narrative and plan), autosaved, submitted, then corrected.

The page: a top bar (heading, ◀ the record ▶, back to the current one, the status badge,
"已保存 HH:MM:SS" and the page's buttons), a note, the facts left and the editors right, the
correction bar and the row with what was not saved and 重试 (Ctrl+R).

A draft: each unit is saved a short pause after typing, through the one :class:`Autosave`; a
save the database refuses is kept on screen, said in red and sent again with the next change or
重试; a value the core rejects is shown by the page. While anything is unsaved the page holds
its record. A submitted record: edits are corrections, saved together with one reason.

A subclass says what is particular to its record (the hooks at the top of the class)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import clock
from fieldbook.core.errors import FieldbookError
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.pages.autosave import Autosave, Change, TypingPause
from fieldbook.qt.pages.base import Page, heading
from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.correction_bar import CorrectionBar
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx
from fieldbook.qt.widgets.save_state import SavedLabel, SaveIndicators, SaveProblemRow

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: Changes elsewhere that change a record's facts (while it is not submitted).
FACT_TOPICS = frozenset({"orders", "plan", "visits", "slips", "followups", "customers"})

PAGE_STYLE = """
QGroupBox#daySection { font-weight: bold; }
QGroupBox#daySection QLabel, QGroupBox#daySection QTableWidget { font-weight: normal; }
#factTitle { color: #5b6472; }
#factValue[level="bad"] { color: #a4262c; font-weight: bold; }
#factValue[level="warn"] { color: #8a5a00; font-weight: bold; }
#figureHead { color: #5b6472; }
#figureLine { color: #dfe3ea; }
#figureCaption { color: #2b3340; }
#figureValue { font-size: 15px; font-weight: bold; color: #1d2430; }
#figureChange { color: #5b6472; }
#figureChange[trend="up"] { color: #1e7b34; }
#figureChange[trend="down"] { color: #a4262c; }
#figureMonth { color: #4a5260; }
#statusBadge { border-radius: 10px; padding: 2px 10px; background: #eef1f5; color: #4a5260; }
#statusBadge[state="draft"] { background: #eef5ff; color: #23446e; }
#statusBadge[state="submitted"] { background: #e3f4e8; color: #1e7b34; font-weight: bold; }
#sectionTitle { font-weight: bold; color: #2b3340; }
#submitButton {
    background: #1f6fd1; color: #ffffff; border: 1px solid #195cb0; border-radius: 5px;
    padding: 4px 16px; font-weight: bold;
}
#submitButton:disabled { background: #c9d3e0; border-color: #c9d3e0; }
"""


class RecordPage(Page):
    """A record (one key: a day, a week label) with units autosaved as they are typed."""

    # --- what the subclass says ---------------------------------------------------------------
    def _units(self) -> Sequence[str]:
        raise NotImplementedError

    def _correcting(self) -> bool:
        """The record is submitted: edits are corrections."""
        raise NotImplementedError

    def _change(self, unit: str) -> tuple[Callable[[Journal], Any], Any, str]:
        """Saving a unit as it is on screen: the worker's function, the value and its label."""
        raise NotImplementedError

    def _show_rejection(self, unit: str, label: str, text: str) -> None:
        raise NotImplementedError

    def _track_corrections(self, unit: str) -> None:
        """A unit was edited on a submitted record: update ``corrections`` and the bar."""
        raise NotImplementedError

    def _held_message(self) -> str:
        """Why the page keeps its record (a ``{what}`` field for what is unsaved)."""
        raise NotImplementedError

    def _correction_call(self, reason: str) -> Callable[[Journal], Any]:
        raise NotImplementedError

    def _fill(self, values: dict[str, Any]) -> None:
        """Put the saved values in the editors (nothing is saved meanwhile)."""
        raise NotImplementedError

    def _query(self, key: Any) -> Callable[[Journal], Any]:
        """What the worker reads to show the record."""
        raise NotImplementedError

    def _loaded(self, data: Any, full: bool) -> None:
        raise NotImplementedError

    def _show_key(self, key: Any) -> None:
        """Show which record this is (the date, the week)."""
        raise NotImplementedError

    def _unit_saved(self, unit: str) -> None:
        """The unit went in while the page still shows it."""

    def _after_rejection(self, exc: BaseException) -> None:
        """After a rejected save was shown."""

    def _after_correction_failed(self, exc: BaseException) -> None:
        """After a failed correction was shown."""

    # --- state and scaffolding ------------------------------------------------------------------
    def __init__(
        self,
        ctx: AppContext,
        key: Hashable,
        correction_bar: CorrectionBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(self._style())
        self.key: Any = key
        self.correction_bar = correction_bar
        self.shown_key: Hashable | None = None  # the record whose units the editors show
        self.status = "none"
        #: The units as the database has them (for corrections: what changed).
        self.saved: dict[str, Any] = {}
        #: Edits of a SUBMITTED record waiting for a reason.
        self.corrections: dict[str, Any] = {}
        #: Values the core rejected (shown by the page), by unit.
        self.rejected: dict[str, str] = {}
        self._loading = False
        self.submit_box: QMessageBox | None = None
        self.saved_label = SavedLabel()
        self.problems = SaveProblemRow(button_height=34, retry_tip=self._retry_tip())
        self.error_label = self.problems.error_label
        self.retry_button = self.problems.retry_button
        self.indicators = SaveIndicators(
            self.saved_label, self.problems, clock.now, refused=lambda: bool(self.rejected)
        )
        self.autosave = Autosave(
            ctx.ops,
            self.indicators,
            self.tr("{reason}\n没保存的部分（仍在屏幕上）：{what}。点“重试”再保存。"),
            self,
        )
        self.pause = TypingPause(self._units(), self._save, self)
        self.timers = self.pause.timers

    def _retry_tip(self) -> bool:
        return True

    def _style(self) -> str:
        return PAGE_STYLE

    def _outer_layout(self) -> QVBoxLayout:
        """The page's own layout: the top bar, then :meth:`_body`."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.setSpacing(8)
        return layout

    @staticmethod
    def _column() -> tuple[QWidget, QVBoxLayout]:
        """A column of boxes for a side of the splitter (put in a scroll area)."""
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        return inner, column

    def _top_bar(
        self, title: str, tips: tuple[str, str], between: QWidget, after: Iterable[QWidget]
    ) -> QHBoxLayout:
        """Heading, ◀ the record ▶ (``tips``: theirs), what follows (the button back to the
        current one), the status badge and "已保存"; the page adds its buttons after it."""
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(heading(title))
        top.addSpacing(12)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(tips[0])
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(tips[1])
        for widget in (self.prev_button, between, self.next_button, *after):
            top.addWidget(widget)
        top.addSpacing(8)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")
        top.addWidget(self.status_badge)
        top.addStretch(1)
        top.addWidget(self.saved_label)
        return top

    @staticmethod
    def _add_buttons(row: QBoxLayout, buttons: Iterable[QPushButton]) -> None:
        for button in buttons:
            button.setMinimumHeight(32)
            row.addWidget(button)

    def _body(self, layout: QVBoxLayout, left: QWidget, right: QWidget, sizes: list[int]) -> None:
        """The note, the two columns, the correction bar and the problem row."""
        self.note = QLabel()
        self.note.setObjectName("noteBox")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes(sizes)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.correction_bar)
        layout.addLayout(self.problems)
        self.retry_button.clicked.connect(self.retry)
        self.correction_bar.save_requested.connect(self.save_correction)
        self.correction_bar.undo_requested.connect(self.undo_corrections)

    def _navigation(
        self,
        back: Callable[[], object],
        forward: Callable[[], object],
        home: Callable[[], object],
        home_button: QPushButton,
    ) -> None:
        """◀, ▶ and the button back to the current record, with their keys (Alt+←, Alt+→,
        Alt+Home), and Ctrl+E (export) and Ctrl+R (retry)."""
        self.prev_button.clicked.connect(back)
        self.next_button.clicked.connect(forward)
        home_button.clicked.connect(home)
        self._shortcuts(
            (
                ("Alt+Left", back),
                ("Alt+Right", forward),
                ("Alt+Home", home),
                ("Ctrl+E", self.choose_export_file),
                ("Ctrl+R", self.retry),
            )
        )

    def choose_export_file(self) -> object:
        """Ask where to export the record (Ctrl+E)."""
        raise NotImplementedError

    def _shortcuts(self, keys: Iterable[tuple[str, Callable[[], object]]]) -> None:
        for key, slot in keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # --- loading ------------------------------------------------------------------------------
    def _load(self, key: Hashable, *, full: bool, what: str, query_key: str) -> None:
        self.flush()
        if key != self.key and self.holding():
            self._say_held()
            self._show_key(self.key)
            return
        self.key = key
        self._show_key(key)
        self.ctx.ops.query(
            self._query(key),
            lambda data: self._loaded(data, full),
            self._load_failed,
            key=query_key,
            what=what,
        )

    def _load_failed_text(self) -> str:
        raise NotImplementedError

    def _load_failed(self, exc: BaseException) -> None:
        self.show_message(self._load_failed_text().format(reason=describe_error(exc)))
        self.mark_ready()

    def _show_record(self, key: Hashable, saved: dict[str, Any]) -> None:
        """A record newly on screen: its saved units, no corrections or rejections left."""
        self.shown_key = key
        self.saved = saved
        self.corrections.clear()
        self.rejected.clear()
        self.correction_bar.reset()
        self._show_units(saved)
        self.saved_label.clear()
        if not self.autosave.unsaved:
            self.show_message("")

    def _show_units(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for unit in self._units():
                self.pause.stop(unit)
            self._fill(values)
        finally:
            self._loading = False

    def _set_badge(self, text: str, state: str) -> None:
        self.status_badge.setText(text)
        self.status_badge.setProperty("state", state)
        repolish(self.status_badge)

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & FACT_TOPICS and not self._correcting():
            self.reload()

    def activated(self) -> None:
        if self.shown_key is not None:
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()  # leaving the page: what is typed goes in now
        super().hideEvent(event)

    # --- autosave -------------------------------------------------------------------------------
    def _edited(self, unit: str) -> None:
        if self._loading or self.shown_key is None:
            return
        if self._correcting():
            self._track_corrections(unit)
            return
        self.pause.edited(unit)

    def flush(self) -> None:
        """Save now what is waiting for the pause after typing."""
        self.pause.flush()

    def _save(self, unit: str) -> None:
        if self._correcting():
            return
        fn, value, label = self._change(unit)
        key = self.key

        def latest() -> None:
            self.rejected.pop(unit, None)
            if key == self.key:
                self.saved[unit] = value
                self._unit_saved(unit)

        def done(_result: object) -> None:
            if self.status == "none" and key == self.key:
                self.status = "draft"
                self._show_status()

        def rejected(exc: BaseException) -> None:
            text = describe_error(exc)
            self.rejected[unit] = text
            self._show_rejection(unit, label, text)
            self.mark_unsaved()
            self._after_rejection(exc)

        self.autosave.change(unit, Change(fn, label, value, done, latest, rejected))

    def _show_status(self) -> None:
        raise NotImplementedError

    def retry(self) -> None:
        """重试: send every unit the database refused again."""
        self.autosave.retry()

    def holding(self) -> bool:
        """Something on screen is not in the database yet."""
        return bool(self.autosave.unsaved or self.corrections or self.rejected)

    def mark_unsaved(self) -> None:
        self.indicators.mark_unsaved()

    def show_message(self, text: str) -> None:
        self.problems.show_message(text)

    def _say_held(self) -> None:
        self.autosave.say_held(self._held_message().format(what=self.unsaved_changes()))

    def drop_unsaved(self) -> None:
        self.autosave.unsaved.clear()
        self.rejected.clear()
        self.corrections.clear()

    # --- corrections of a submitted record ------------------------------------------------------
    def save_correction(self, reason: str) -> None:
        if not self._correcting() or not self.corrections:
            self.correction_bar.reset()
            return
        run = self._correction_call(reason)
        self.correction_bar.save_button.setEnabled(False)

        def done(_view: object) -> None:
            self.correction_bar.save_button.setEnabled(True)
            self.corrections.clear()
            self.correction_bar.reset()
            self.ctx.ops.message.emit(self.tr("已保存更正，已记入更正记录"))
            self.saved_label.show_saved(clock.now(), self.tr("已保存更正 {time}"))
            self.reload_saved()

        def failed(exc: BaseException) -> None:
            self.correction_bar.save_button.setEnabled(True)
            self.correction_bar.show_error(
                self.tr("更正没有保存：{reason}\n修改仍在屏幕上，可以再点“保存更正”。").format(
                    reason=describe_error(exc)
                )
            )
            self.mark_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("保存更正"), write=True)
            self._after_correction_failed(exc)

        self.ctx.ops.write(run, done, failed, what=self.tr("保存更正"))

    def load(self, key: Any, *, full: bool = True) -> None:
        """Show the record of ``key``; ``full``: the editors too, not only the figures."""
        raise NotImplementedError

    def reload(self, *, full: bool = False) -> None:
        self.load(self.key, full=full)

    def reload_saved(self) -> None:
        """Show the record again, its units as the database has them."""
        self.reload(full=True)

    def undo_corrections(self) -> None:
        self.corrections.clear()
        self._show_units(self.saved)
        self.correction_bar.reset()

    # --- submit and export ----------------------------------------------------------------------
    def _confirm_submit(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("提交"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            self.submit_box = None
            if button == QMessageBox.StandardButton.Yes:
                self.submit()

        box.finished.connect(answered)
        self.submit_box = box
        box.open()
        return box

    def submit(self) -> None:
        raise NotImplementedError

    def _ask_export(self, title: str, name: str) -> QFileDialog:
        self.flush()
        return ask_save_xlsx(self, title, name, self.export_to)

    def export_to(self, path: Path) -> None:
        raise NotImplementedError

    def _export(
        self, fn: Callable[[Journal], Any], path: Path, what: str, texts: tuple[str, str, str]
    ) -> None:
        """Run an export; ``texts``: done (``{path}``), failed (``{reason}``), not available."""
        self.flush()
        done_text, failed_text, missing = texts

        def done(written: Any) -> None:
            shown = written if isinstance(written, str | Path) else path
            text = done_text.format(path=shown)
            self.show_message("")
            self.ctx.ops.message.emit(text)

        def failed(exc: BaseException) -> None:
            reason = missing if isinstance(exc, ImportError) else describe_error(exc)
            text = failed_text.format(reason=reason)
            self.show_message(text)
            self.ctx.ops.message.emit(text)

        self.ctx.ops.query(fn, done, failed, what=what)
