"""The recovery banner: visits left unfinished (after a crash, a closed lid, or Esc), each with
[继续] (open exactly that visit) and [放弃…] (throw it away, after a confirmation)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldbook.core.routine.visit_views import DraftInfo
from fieldbook.qt.formatting import hm, short_date
from fieldbook.qt.widgets.layouts import clear_layout


def draft_text(draft: DraftInfo) -> str:
    when = short_date(draft.visit_date)
    if draft.arrived_at is not None:
        when += " " + QCoreApplication.translate("DraftBanner", "{time} 到店").format(
            time=hm(draft.arrived_at)
        )
    return QCoreApplication.translate("DraftBanner", "{shop}（{when}）").format(
        shop=draft.shop_name, when=when
    )


class DraftBanner(QFrame):
    #: 继续: the visit id to open.
    resume = Signal(str)
    #: 放弃…: the DraftInfo to discard (the page asks for confirmation first).
    discard = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(10, 6, 10, 6)
        self.rows.setSpacing(4)
        self.drafts: list[DraftInfo] = []
        self.buttons: list[tuple[QPushButton, QPushButton]] = []
        self.hide()

    def set_drafts(self, drafts: Sequence[DraftInfo]) -> None:
        self.drafts = list(drafts)
        clear_layout(self.rows)
        self.buttons = []
        for draft in self.drafts:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(self.tr("有未完成的走访：{what}").format(what=draft_text(draft)))
            label.setObjectName("draftText")
            resume = QPushButton(self.tr("继续"))
            resume.setToolTip(self.tr("打开这次走访，接着填写（已填的内容都在）"))
            drop = QPushButton(self.tr("放弃…"))
            drop.setToolTip(self.tr("删除这次未完成的走访（会先确认）"))
            resume.clicked.connect(lambda _c=False, vid=draft.visit_id: self.resume.emit(vid))
            drop.clicked.connect(lambda _c=False, d=draft: self.discard.emit(d))
            line.addWidget(label, 1)
            line.addWidget(resume)
            line.addWidget(drop)
            self.rows.addWidget(row)
            self.buttons.append((resume, drop))
        self.setVisible(bool(self.drafts))
