"""The shop's open follow-ups on the visit screen, each with a 已处理 box: the ticked ones are
closed by the visit's finishing transaction."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldbook.core.routine.visit_views import FollowUpRow
from fieldbook.qt.formatting import short_date
from fieldbook.qt.slip_format import follow_up_text
from fieldbook.qt.widgets.form_fields import EnterMovesOn
from fieldbook.qt.widgets.layouts import clear_layout


class FollowUpChecks(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("待跟踪事项"), parent)
        self.rows = QVBoxLayout(self)
        self.checks: list[tuple[str, QCheckBox]] = []
        self._enter = EnterMovesOn(self)

    def set_followups(self, followups: Sequence[FollowUpRow]) -> None:
        """One row a follow-up: 已处理 (a check box) and its text, wrapped to the panel's width
        (a long text is never cut off)."""
        clear_layout(self.rows)
        self.checks = []
        for fu in followups:
            text = follow_up_text(fu.text)
            if fu.due_date is not None:
                text += self.tr("（{day}到期）").format(day=short_date(fu.due_date))
            box = QCheckBox(self.tr("已处理"))
            box.setToolTip(self.tr("勾选后，完成走访时关闭这条跟踪事项"))
            box.setAccessibleName(self.tr("已处理：{text}").format(text=text))
            box.installEventFilter(self._enter)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(box)
            row = QHBoxLayout()
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            self.rows.addLayout(row)
            self.checks.append((fu.id, box))
        if not followups:
            none = QLabel(self.tr("没有待跟踪的事项。"))
            none.setObjectName("hintLabel")
            self.rows.addWidget(none)

    def boxes(self) -> list[QCheckBox]:
        return [box for _fid, box in self.checks]

    def checked_ids(self) -> list[str]:
        return [fid for fid, box in self.checks if box.isChecked()]
