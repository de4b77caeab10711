"""The plan page's line about today's feedback slips and follow-ups (due, overdue in red); each
half is a link to its tab of the 反馈单 page."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from fieldbook.core.routine.day_summary import DaySummary, day_summary
from fieldbook.qt.context import AppContext

RED = "color:#a4262c; font-weight:bold;"
LINK = "color:#1f6fd1; text-decoration:none;"


class SlipSummaryLine(QLabel):
    """``linkActivated`` carries the tab to open: "slips" or "followups"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The summary shown (None until the first one loaded).
        self.summary: DaySummary | None = None
        self.setObjectName("slipSummary")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setToolTip(
            self.tr(
                "今天的反馈单和跟踪事项：到期＝今天到期，超期＝过了办结期限还没办结。点击打开反馈单页。"
            )
        )

    def reload(self) -> None:
        """Read today's summary on the worker (the line is cleared when that fails)."""
        self.ctx.ops.query(
            partial(day_summary, today=self.ctx.today()),
            self.show_summary,
            lambda _exc: self.clear(),
            key="plan.summary",
            what=self.tr("读取反馈单"),
        )

    def show_summary(self, summary: DaySummary) -> None:
        self.summary = summary
        slips = self.tr("反馈单：到期 {due} 张，超期 {over} 张").format(
            due=summary.slips_due,
            over=f"<span style='{RED}'>{summary.slips_overdue}</span>"
            if summary.slips_overdue
            else "0",
        )
        followups = self.tr("跟踪事项：到期 {due} 项").format(due=summary.followups_due)
        if summary.followups_overdue:
            followups += self.tr("（超期 <span style='{style}'>{n}</span> 项）").format(
                style=RED, n=summary.followups_overdue
            )
        self.setText(
            f"<a href='slips' style='{LINK}'>{slips}</a> · "
            f"<a href='followups' style='{LINK}'>{followups}</a>"
        )

    def plain_text(self) -> str:
        """The line as plain text."""
        doc = QTextDocument()
        doc.setHtml(self.text())
        return doc.toPlainText()
