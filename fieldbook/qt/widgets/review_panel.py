"""审阅 on the week page: the latest review (通过 / 退回, the comment, who), every round of
the review so far (提交 → 退回 → 重新提交 → 通过, decision 0029), and 重新提交 when the report
was returned."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldbook.core.routine.week import WeekView
from fieldbook.core.routine.week_rounds import ReviewRound
from fieldbook.qt.formatting import moment
from fieldbook.qt.theme import repolish


class ReviewPanel(QWidget):
    """Shows a week report's review and its rounds; ``resubmit_requested`` when the manager
    submits a returned report again."""

    resubmit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("reviewLabel")
        self.label.setWordWrap(True)
        self.comment = QLabel()
        self.comment.setWordWrap(True)
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rounds = QLabel()
        self.rounds.setObjectName("reviewRounds")
        self.rounds.setWordWrap(True)
        self.rounds.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resubmit_button = QPushButton(self.tr("重新提交"))
        self.resubmit_button.setObjectName("resubmitButton")
        self.resubmit_button.setToolTip(
            self.tr("按审阅意见更正后，再次提交给部门审阅（本周数据按现在的数据重新保存）")
        )
        self.resubmit_button.clicked.connect(self.resubmit_requested)
        row = QHBoxLayout()
        row.addWidget(self.resubmit_button)
        row.addStretch(1)
        for widget in (self.label, self.comment, self.rounds):
            layout.addWidget(widget)
        layout.addLayout(row)

    def show_review(self, view: WeekView) -> None:
        """The latest review (when there is one) and the rounds (when more than one)."""
        reviewed = view.status == "reviewed"
        verdict = view.review if reviewed else ""
        if reviewed:
            self.label.setText(
                self.tr("已审阅：通过") if verdict == "approved" else self.tr("已审阅：退回")
            )
        else:
            self.label.setText(self.tr("已重新提交，等待审阅"))
        self.label.setProperty("verdict", verdict)
        repolish(self.label)
        who = self.tr("审阅人：{who}").format(who=view.reviewer) if view.reviewer else ""
        comment = self.tr("意见：{text}").format(text=view.review_comment)
        self.comment.setText("\n".join(t for t in (comment, who) if t))
        self.comment.setVisible(reviewed and bool(view.review_comment or view.reviewer))
        self.rounds.setText(self.rounds_text(view.rounds))
        self.rounds.setVisible(len(view.rounds) > 1)
        self.resubmit_button.setVisible(reviewed and verdict == "returned")

    def rounds_text(self, rounds: Sequence[ReviewRound]) -> str:
        """审阅记录: one line per round."""
        lines = [self.tr("审阅记录：")]
        for r in rounds:
            submitted = (
                self.tr("第 {n} 次提交 {at}") if r.round > 1 else self.tr("提交 {at}")
            ).format(n=r.round, at=moment(r.submitted_at))
            if r.review == "approved":
                template = self.tr("{at} {who} 通过")
            elif r.review_comment:
                template = self.tr("{at} {who} 退回：{comment}")
            else:
                template = self.tr("{at} {who} 退回")
            review = (
                template.format(at=moment(r.reviewed_at), who=r.reviewer, comment=r.review_comment)
                if r.review
                else self.tr("等待审阅")
            )
            lines.append(f"{submitted} → {review}")
        return "\n".join(lines)


def visible_for(view: WeekView | None) -> bool:
    """Whether the panel shows anything for ``view``: reviewed, or resubmitted after a review."""
    if view is None:
        return False
    return view.status == "reviewed" or len(view.rounds) > 1
