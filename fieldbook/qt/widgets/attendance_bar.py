"""出勤: the bar of the plan and log pages that says whether the day is a field day or 请假 (with
its type), 会议, 培训 or 其他公务, with one action to mark the day and one to take the mark away
(both audited by the core: ``routine.attendance``). Marking opens an inline editor under the
line (kind, leave type, note; Enter saves, Esc closes) — non-modal, like the reason bar. The
bar reads and writes on the DB worker itself; a page only tells it the day."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import workdays
from fieldbook.core.routine.attendance import NOTE_MAX, DayMark, attendance_rules
from fieldbook.messages import describe_error
from fieldbook.qt.attendance_format import kind_name, leave_type_name, mark_text
from fieldbook.qt.context import AppContext
from fieldbook.qt.operations.attendance import attendance_of, clear_attendance, set_attendance
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.reason_bar import bar_row

TOPICS = frozenset({"attendance"})


class AttendanceEditor(QFrame):
    """The inline editor: kind, leave type (for a leave), note; 保存 / 取消."""

    #: (kind, leave type, note) to save.
    save_requested = Signal(str, str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = bar_row(self)
        rules = attendance_rules()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("出勤类别"))
        for code in rules.kinds:
            self.kind.addItem(kind_name(code), code)
        self.leave_type = QComboBox()
        self.leave_type.setAccessibleName(self.tr("请假类别"))
        for code in rules.leave_types:
            self.leave_type.addItem(leave_type_name(code), code)
        self.note = line_edit(
            NOTE_MAX, self.tr("说明（可不填），如：区局例会"), name=self.tr("说明")
        )
        self.save_button = QPushButton(self.tr("保存"))
        self.cancel_button = QPushButton(self.tr("取消"))
        for w in (self.kind, self.leave_type):
            layout.addWidget(w)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.cancel_button)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancelled)
        self.note.returnPressed.connect(self.save)
        for w in (self.kind, self.leave_type, self.note):
            w.installEventFilter(self)
        self.hide()

    def open_with(self, mark: DayMark | None) -> None:
        """Show the editor filled with the day's entry (or blank), focus on the kind."""
        index = self.kind.findData(mark.kind) if mark else 0
        self.kind.setCurrentIndex(max(index, 0))
        typed = self.leave_type.findData(mark.leave_type) if mark else 0
        self.leave_type.setCurrentIndex(max(typed, 0))
        self.note.setText(mark.note if mark else "")
        self._kind_changed()
        self.show()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        self.leave_type.setVisible(self.kind.currentData() in attendance_rules().typed)

    def save(self) -> None:
        kind = str(self.kind.currentData())
        typed = str(self.leave_type.currentData()) if self.leave_type.isVisibleTo(self) else ""
        self.save_requested.emit(kind, typed, self.note.text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if event.type() == QEvent.Type.KeyPress and escape:
            self.cancelled.emit()
            return True
        return super().eventFilter(watched, event)


class AttendanceBar(QWidget):
    """``changed`` is emitted after a mark was saved or taken away; ``shown`` whenever the
    day's entry is shown (read, saved or cleared)."""

    changed = Signal()
    shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day: date | None = None
        #: The day's entry shown (None: a field day, or not loaded yet).
        self.mark: DayMark | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setObjectName("hintLabel")
        self.status.setWordWrap(True)
        self.mark_button = QPushButton(self.tr("请假/公务…"))
        self.mark_button.setToolTip(
            self.tr(
                "这天请假、开会、培训或有其他公务：不计入完成率和出勤天数，计划中未走访的客户顺延"
            )
        )
        self.clear_button = QPushButton(self.tr("取消标记"))
        row.addWidget(self.status, 1)
        row.addWidget(self.mark_button)
        row.addWidget(self.clear_button)
        column.addLayout(row)
        self.editor = AttendanceEditor()
        column.addWidget(self.editor)
        self.error = MessageLabel("itemError")
        column.addWidget(self.error)
        self.mark_button.clicked.connect(lambda: self.editor.open_with(self.mark))
        self.clear_button.clicked.connect(self.clear)
        self.editor.save_requested.connect(self.save)
        self.editor.cancelled.connect(self.editor.hide)
        ctx.hub.changed.connect(self._changed)
        self._show(None)

    def show_day(self, day: date) -> None:
        """Read ``day``'s entry on the worker and show it."""
        if day != self.day:
            self.editor.hide()
            self.error.say("")
        self.day = day
        self.ctx.ops.query(
            partial(attendance_of, day=day),
            lambda mark: self._shown(day, mark),
            lambda _exc: self._shown(day, None),
            key="attendance.load",
            what=self.tr("读取出勤"),
        )

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & TOPICS and self.day is not None:
            self.show_day(self.day)

    def _shown(self, day: date, mark: DayMark | None) -> None:
        if day == self.day:
            self._show(mark)

    def _show(self, mark: DayMark | None) -> None:
        self.mark = mark
        working = self.day is not None and workdays.is_working_day(self.day)
        if mark is None:
            self.status.setObjectName("hintLabel")
            self.status.setText(self.tr("出勤：在岗") if working else "")
        else:
            self.status.setObjectName("attendanceMarked")
            text = self.tr("出勤：{mark}（不计入完成率，未走访的客户顺延）").format(
                mark=mark_text(mark.kind, mark.leave_type)
            )
            self.status.setText(text + (f" · {mark.note}" if mark.note else ""))
        self.status.style().polish(self.status)
        self.mark_button.setVisible(working)
        self.mark_button.setText(self.tr("修改标记…") if mark else self.tr("请假/公务…"))
        self.clear_button.setVisible(mark is not None)
        self.shown.emit()

    def save(self, kind: str, leave_type: str, note: str) -> None:
        day = self.day
        if day is None:
            return
        self.ctx.ops.write(
            partial(set_attendance, day=day, kind=kind, leave_type=leave_type, note=note),
            lambda mark: self._saved(day, mark),
            self._failed,
            what=self.tr("保存出勤"),
        )

    def clear(self) -> None:
        day = self.day
        if day is None:
            return
        self.ctx.ops.write(
            partial(clear_attendance, day=day),
            lambda _none: self._saved(day, None),
            self._failed,
            what=self.tr("取消出勤标记"),
        )

    def _saved(self, day: date, mark: DayMark | None) -> None:
        self.editor.hide()
        self.error.say("")
        self._shown(day, mark)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error.say(describe_error(exc))
