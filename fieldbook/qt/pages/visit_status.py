"""The visit screen's one status line (in place of stacked banners): what the last finished
visit created, with 撤销完成 and 生成反馈单, or what to do on this screen (arrive first; a
finished visit is corrected with a reason). Dismissible; composed into ``VisitPage``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton

from fieldbook.core.routine.visit_views import VisitView
from fieldbook.qt.formatting import hm
from fieldbook.qt.widgets.status_line import StatusLine


class VisitStatus(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.line = StatusLine()
        self.slip_button = QPushButton(self.tr("生成反馈单…"))
        self.slip_button.setToolTip(
            self.tr("按刚完成的走访发现，预先填好建议的反馈单，核对后保存（Alt+F）")
        )
        self.undo_button = QPushButton(self.tr("撤销完成（Ctrl+Z）"))
        self.undo_button.setToolTip(self.tr("刚完成的走访改回未完成，接着填写；会记入修改记录"))
        for button in (self.undo_button, self.slip_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            button.hide()
            self.line.add_action(button)
        self.state_text = ""

    def set_state(self, visit: VisitView | None, has_shop: bool) -> None:
        """What this screen asks of the user: arrive first, or how to correct a finished
        visit (nothing while a draft is being filled in)."""
        if visit is not None and visit.status == "done":
            self.state_text = self.tr(
                "这次走访已完成（{time} 完成）。要更正到店、离店时间或检查项，直接修改，"
                "再填写原因并点“保存更正”；更正会记入修改记录。"
            ).format(time=hm(visit.finished_at))
        elif visit is None and has_shop:
            self.state_text = self.tr(
                "到店后按 Enter（或 Alt+A）记下到店时间，再开始填写。路上的时间不算走访时间。"
            )
        else:
            self.state_text = ""

    def show(self, visit: VisitView | None, last_result: str) -> None:
        """The finished visit's result, unless this screen's own state says more."""
        done = visit is not None and visit.status == "done"
        self.line.say(self.state_text if done else (last_result or self.state_text))
