"""The visit screen's side column: the shop's open follow-ups to check, 修改记录 of a finished
visit, the visit's 店面照片, the earlier visits (with their photos) and 同上次 (Ctrl+D)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from fieldbook.qt.context import AppContext
from fieldbook.qt.operations.runner import Ops
from fieldbook.qt.operations.visits import visit_history
from fieldbook.qt.widgets.followup_checks import FollowUpChecks
from fieldbook.qt.widgets.record_history import RecordHistory
from fieldbook.qt.widgets.visit_history import VisitHistory
from fieldbook.qt.widgets.visit_photos import VisitPhotos

if TYPE_CHECKING:
    from fieldbook.core.routine.visit_views import FollowUpRow, VisitView


def _section(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    box.setObjectName("checklistSection")
    return box, QVBoxLayout(box)


class VisitSidePanel(QWidget):
    """``enter`` is the screen's Enter-moves-on filter (installed on 同上次); ``ctx`` gives the
    photos (the visit's, and the earlier visits' thumbnails) the DB worker."""

    def __init__(self, enter: QObject, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(250)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.followups = FollowUpChecks()
        self.followups.setObjectName("checklistSection")
        layout.addWidget(self.followups)
        self.record_box, record_layout = _section(self.tr("修改记录"))
        self.record_history = RecordHistory()
        record_layout.addWidget(self.record_history)
        self.record_box.hide()
        layout.addWidget(self.record_box, 1)
        self.photos = VisitPhotos(ctx)
        self.photos.corrected.connect(partial(self._reload_record, ctx.ops))
        layout.addWidget(self.photos)
        history_box, history_layout = _section(self.tr("以往走访"))
        self.history = VisitHistory()
        self.history.ops = ctx.ops
        self.same_button = QPushButton(self.tr("同上次（Ctrl+D）"))
        self.same_button.setToolTip(
            self.tr(
                "空着的检查项按上次填写（不变的情况，如展位）。库存、排面、本周订货等要现场"
                "核对的，只显示上次的值，核对后再采用；上次发现的问题和文字项不带过来。"
            )
        )
        self.same_button.installEventFilter(enter)
        self.confirm_button = QPushButton(self.tr("已核对，与上次相同（Ctrl+Shift+D）"))
        self.confirm_button.setToolTip(
            self.tr(
                "现场核对过：库存、排面、本周订货等与上次相同。记为“核对相同”，不记为新的清点。"
            )
        )
        self.confirm_button.installEventFilter(enter)
        self.confirm_button.hide()
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.same_button)
        history_layout.addWidget(self.confirm_button)
        layout.addWidget(history_box, 1)

    def show_shop(
        self,
        previous: Sequence[VisitView],
        followups: Sequence[FollowUpRow],
        after: QWidget,
        then: QWidget,
    ) -> None:
        """A shop's earlier visits and open follow-ups; the tab order runs from ``after``
        through the follow-up boxes and 同上次 to ``then``."""
        self.history.set_visits(previous)
        self.same_button.setEnabled(bool(previous))
        self.followups.set_followups(followups)
        for box in self.followups.boxes():
            QWidget.setTabOrder(after, box)
            after = box
        QWidget.setTabOrder(after, self.same_button)
        QWidget.setTabOrder(self.same_button, self.confirm_button)
        QWidget.setTabOrder(self.confirm_button, then)

    def _reload_record(self, ops: Ops, visit_id: str) -> None:
        """修改记录 again, after a finished visit's photos were corrected."""
        visit = self.photos.visit
        if visit is None or visit.id != visit_id:
            return
        checklist = visit.checklist
        ops.query(
            lambda j: visit_history(j, visit_id),
            lambda entries: self.record_history.set_entries(entries, checklist),
            key="visit.record_history",
            what=self.tr("读取修改记录"),
        )

    def set_mode(self, *, draft: bool, done: bool, can_fill: bool) -> None:
        """Follow-ups are checked on a draft; 修改记录 shows for a finished visit; 同上次 when
        ``can_fill``."""
        self.followups.setEnabled(draft)
        self.same_button.setEnabled(can_fill)
        self.record_box.setVisible(done)
