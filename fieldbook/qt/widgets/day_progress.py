"""The day's progress under the plan page's heading: visits done against the target, the plan
over capacity, the pace (marked when behind; its tooltip says what 「正常」 means: back at the
office in time) and the arrival in the area. A day marked 请假/会议/培训/其他公务 (出勤) has no
pace: the line says what the day is and what was done."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldbook.core.routine.attendance import DayMark
from fieldbook.core.routine.plan import PlanView
from fieldbook.qt.attendance_format import mark_text
from fieldbook.qt.plan_format import pace_line, pace_rule, progress_line
from fieldbook.qt.theme import repolish


class DayProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLine")
        self.progress_label.setWordWrap(True)  # the verdict at its end is never cut off
        self.pace_label = QLabel()
        self.pace_label.setObjectName("hintLabel")
        self.pace_label.setWordWrap(True)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.pace_label)

    def show_progress(
        self, view: PlanView | None, now: datetime, mark: DayMark | None = None
    ) -> None:
        if view is None:
            self.progress_label.clear()
            self.pace_label.clear()
            return
        progress = view.progress(now)
        if mark is not None and mark.excused:  # not a field day: no pace, no verdict
            text = QCoreApplication.translate(
                "DayProgress", "{mark}：这天不计进度，未走访的客户顺延 · 已访 {done} / 计划 {n}"
            )
            self.progress_label.setText(
                text.format(
                    mark=mark_text(mark.kind, mark.leave_type),
                    done=progress.done,
                    n=progress.planned,
                )
            )
            self.progress_label.setProperty("behind", False)
            self.progress_label.setToolTip("")
            repolish(self.progress_label)
            self.pace_label.clear()
            return
        self.progress_label.setText(progress_line(progress))
        self.progress_label.setProperty("behind", progress.behind)
        self.progress_label.setToolTip(pace_rule(progress))
        repolish(self.progress_label)
        self.pace_label.setText(pace_line(progress))

    def show_failure(self, text: str) -> None:
        self.progress_label.setText(text)
