"""放弃未完成的走访: the confirmation before an unfinished visit's record is deleted (non-modal;
Cancel is the default)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from fieldbook.core.routine.visit_views import DraftInfo
from fieldbook.qt.widgets.draft_banner import draft_text


def ask_discard(parent: QWidget, draft: DraftInfo, discard: Callable[[str], None]) -> QMessageBox:
    """Ask, then ``discard(visit_id)`` when the user confirms; returns the open question."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        parent.tr("放弃未完成的走访"),
        parent.tr("放弃 {what} 的走访记录？已填写的内容会被删除，不能恢复。").format(
            what=draft_text(draft)
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Discard).setText(parent.tr("放弃"))
    box.button(QMessageBox.StandardButton.Cancel).setText(parent.tr("取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    vid = draft.visit_id

    def answered(button: int) -> None:
        if button == QMessageBox.StandardButton.Discard:
            discard(vid)

    box.finished.connect(answered)
    box.open()
    return box
