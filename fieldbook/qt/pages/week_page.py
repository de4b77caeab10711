"""周报: the weekly summary and next week's plan, written on Thursday.

Left, what Fieldbook knows about the report week (本周数据 and two charts; after 提交 the
snapshot), the department's review, 更正记录 and earlier weeks (click one to open it). Right,
what the manager writes: the narrative and next week's plan, autosaved like the work log
(``week_saving``); 从上周计划开始, 提交, 更正…, 记录审阅… and 导出周报… live in
``week_actions``; the widgets in ``widgets/week_figures``, ``week_charts``, ``week_editors``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.routine.week import label_for, report_period, week_rules
from fieldbook.qt.context import AppContext
from fieldbook.qt.pages.base import Page, heading
from fieldbook.qt.pages.daylog_page import PAGE_STYLE
from fieldbook.qt.pages.week_actions import WeekActions
from fieldbook.qt.pages.week_saving import UNITS, WeekSaving
from fieldbook.qt.widgets.week_corrections import WeekCorrectionBar, WeekCorrections
from fieldbook.qt.widgets.week_editors import WeekEditors
from fieldbook.qt.widgets.week_figures import WeekFiguresPanel

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.week import WeekView

FACT_TOPICS = frozenset({"orders", "plan", "visits", "slips", "followups", "customers"})
STYLE = (
    PAGE_STYLE
    + """
#statusBadge[state="reviewed"] { background: #e3f4e8; color: #1e7b34; font-weight: bold; }
#reviewLabel[verdict="approved"] { color: #1e7b34; font-weight: bold; }
#reviewLabel[verdict="returned"] { color: #a4262c; font-weight: bold; }
"""
)


@dataclass(frozen=True)
class WeekData:
    view: WeekView
    history: list[tuple[str, str, str]]
    not_ordering_weeks: int


def load_week(journal: Journal, label: str) -> WeekData:
    return WeekData(
        journal.weeks.get(label), journal.weeks.history(), week_rules().not_ordering_weeks
    )


class WeekPage(WeekSaving, WeekActions, Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(STYLE)
        self.label = label_for(ctx.today())
        self.shown_label: str | None = None
        self.view: WeekView | None = None
        self.status = "none"
        self.saved: dict[str, dict[str, Any]] = {}
        self.corrections: dict[str, Any] = {}
        self.unsaved: dict[str, Any] = {}
        self.rejected: dict[str, str] = {}
        self._tokens: dict[str, int] = {}
        self.save_error: BaseException | None = None
        self._loading = False
        self.unlocked = False  # 更正…: a submitted report's texts made editable
        self.submit_box: QMessageBox | None = None
        self.review_dialog: QWidget | None = None
        self.timers = self._save_timers()
        self._build()
        self._actions()
        ctx.hub.changed.connect(self._changed)
        self.load(self.label)

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(heading(self.tr("周报")))
        top.addSpacing(12)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("上一周（Alt+←）"))
        self.week_label = QLabel()
        self.week_label.setMinimumWidth(190)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("下一周（Alt+→）"))
        self.this_week_button = QPushButton(self.tr("本周"))
        self.this_week_button.setToolTip(self.tr("回到本周（Alt+Home）"))
        for w in (self.prev_button, self.week_label, self.next_button, self.this_week_button):
            top.addWidget(w)
        top.addSpacing(8)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")
        top.addWidget(self.status_badge)
        top.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        top.addWidget(self.saved_label)
        self.plan_button = QPushButton(self.tr("从上周计划开始"))
        self.plan_button.setToolTip(self.tr("把上周周报里写的下周计划填到这里，再接着改"))
        self.export_button = QPushButton(self.tr("导出周报…"))
        self.export_button.setToolTip(self.tr("把这周的周报导出为 Excel（Ctrl+E）"))
        self.review_button = QPushButton(self.tr("记录审阅…"))
        self.review_button.setToolTip(self.tr("记录部门的审阅：通过，或退回并附意见"))
        self.correct_button = QPushButton(self.tr("更正…"))
        self.correct_button.setToolTip(self.tr("修改已提交的周报（需要填写原因）"))
        self.submit_button = QPushButton(self.tr("提交"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setToolTip(self.tr("提交周报：本周数据按现在的数据保存"))
        for button in (
            self.plan_button,
            self.export_button,
            self.review_button,
            self.correct_button,
            self.submit_button,
        ):
            button.setMinimumHeight(32)
            top.addWidget(button)
        layout.addLayout(top)

        self.note = QLabel()
        self.note.setObjectName("noteBox")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._left())
        self.editors = WeekEditors()
        self.editors.edited.connect(self._edited)
        self.right_scroll = self._scroll(self.editors)
        self.right_scroll.setMinimumWidth(420)
        self.splitter.addWidget(self.right_scroll)
        self.splitter.setSizes([560, 520])
        layout.addWidget(self.splitter, 1)

        self.correction_bar = WeekCorrectionBar()
        layout.addWidget(self.correction_bar)
        bottom = QHBoxLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.retry_button = QPushButton(self.tr("重试（Ctrl+R）"))
        self.retry_button.setMinimumHeight(34)
        self.retry_button.hide()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.retry_button)
        layout.addLayout(bottom)

        self.prev_button.clicked.connect(self.previous_week)
        self.next_button.clicked.connect(self.next_week)
        self.this_week_button.clicked.connect(self.this_week)
        self.plan_button.clicked.connect(self.start_from_last_week)
        self.export_button.clicked.connect(self.choose_export_file)
        self.review_button.clicked.connect(self.open_review)
        self.correct_button.clicked.connect(self.unlock)
        self.submit_button.clicked.connect(self.ask_submit)
        self.retry_button.clicked.connect(self.retry)
        self.correction_bar.save_requested.connect(self.save_correction)
        self.correction_bar.undo_requested.connect(self.undo_corrections)
        self.history_list.itemActivated.connect(self._history_picked)
        self.history_list.itemClicked.connect(self._history_picked)

    def _scroll(self, inner: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _box(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        box.setObjectName("daySection")
        return box, QVBoxLayout(box)

    def _left(self) -> QWidget:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        self.figures = WeekFiguresPanel()
        column.addWidget(self.figures)
        self.review_box, box = self._box(self.tr("审阅"))
        self.review_label = QLabel()
        self.review_label.setObjectName("reviewLabel")
        self.review_label.setWordWrap(True)
        self.review_comment = QLabel()
        self.review_comment.setWordWrap(True)
        self.review_comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.review_label)
        box.addWidget(self.review_comment)
        column.addWidget(self.review_box)
        self.corrections_box, box = self._box(self.tr("更正记录"))
        self.corrections_list = WeekCorrections()
        self.corrections_empty = QLabel(self.tr("还没有更正。提交后的修改会连同原因记在这里。"))
        self.corrections_empty.setObjectName("hintLabel")
        self.corrections_empty.setWordWrap(True)
        box.addWidget(self.corrections_list)
        box.addWidget(self.corrections_empty)
        column.addWidget(self.corrections_box)
        self.history_box, box = self._box(self.tr("历史周报"))
        self.history_list = QListWidget()
        self.history_list.setAccessibleName(self.tr("历史周报"))
        self.history_list.setMaximumHeight(150)
        box.addWidget(self.history_list)
        column.addWidget(self.history_box)
        column.addStretch(1)
        scroll = self._scroll(inner)
        scroll.setMinimumWidth(420)
        return scroll

    def _actions(self) -> None:
        for keys, slot in (
            ("Alt+Left", self.previous_week),
            ("Alt+Right", self.next_week),
            ("Alt+Home", self.this_week),
            ("Ctrl+E", self.choose_export_file),
            ("Ctrl+R", self.retry),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # --- loading ----------------------------------------------------------------------------
    def load(self, label: str, *, texts: bool = True) -> None:
        self.flush()
        if label != self.label and (self.unsaved or self.corrections or self.rejected):
            self._say_held()
            return
        self.label = label
        start, end = report_period(label)
        self.week_label.setText(
            self.tr("{label}（{start}–{end}）").format(
                label=label, start=start.strftime("%m-%d"), end=end.strftime("%m-%d")
            )
        )
        self.ctx.ops.query(
            lambda j: load_week(j, label),
            lambda data: self._loaded(data, texts),
            self._load_failed,
            key="week.load",
            what=self.tr("读取周报"),
        )

    def reload(self, *, texts: bool = False) -> None:
        self.load(self.label, texts=texts)

    def _load_failed(self, exc: BaseException) -> None:
        from fieldbook.messages import describe_error

        self.show_message(self.tr("读取周报失败：{reason}").format(reason=describe_error(exc)))
        self.mark_ready()

    def _loaded(self, data: WeekData, texts: bool) -> None:
        view = data.view
        if view.label != self.label:
            return
        self.view = view
        self.status = view.status
        self.figures.show_figures(
            view.figures,
            snapshot=view.status in ("submitted", "reviewed"),
            not_ordering_weeks=data.not_ordering_weeks,
        )
        self.corrections_list.set_entries(view.corrections)
        self.corrections_empty.setVisible(not view.corrections)
        self.corrections_box.setVisible(view.status in ("submitted", "reviewed"))
        self._show_history(data.history)
        if texts or self.shown_label != view.label:
            self.shown_label = view.label
            self.saved = {"narrative": dict(view.narrative), "next_plan": dict(view.next_plan)}
            self.corrections.clear()
            self.rejected.clear()
            self.unlocked = False
            self.correction_bar.reset()
            self._show_texts()
            self.saved_label.clear()
            if not self.unsaved:
                self.show_message("")
        self._show_status()
        self.mark_ready()

    def _show_texts(self) -> None:
        self._loading = True
        try:
            for unit in UNITS:
                self.timers[unit].stop()
            self.editors.set_values(
                self.saved.get("narrative", {}), self.saved.get("next_plan", {})
            )
        finally:
            self._loading = False

    def _show_history(self, history: list[tuple[str, str, str]]) -> None:
        self.history_list.clear()
        for label, status, review in history:
            text = f"{label}　{self._status_text(status, review)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, label)
            if label == self.label:
                item.setSelected(True)
            self.history_list.addItem(item)
        self.history_box.setVisible(bool(history))

    def _status_text(self, status: str, review: str) -> str:
        if status == "reviewed":
            return self.tr("已审阅：通过") if review == "approved" else self.tr("已审阅：退回")
        return {
            "submitted": self.tr("已提交"),
            "draft": self.tr("草稿"),
        }.get(status, self.tr("未开始"))

    def _show_status(self) -> None:
        view, status = self.view, self.status
        badge = self._status_text(status, view.review if view else "")
        if status == "submitted" and view and view.submitted_at:
            badge += " " + view.submitted_at.strftime("%m-%d %H:%M")
        self.status_badge.setText(badge)
        self.status_badge.setProperty("state", status)
        self._repolish(self.status_badge)
        done = status in ("submitted", "reviewed")
        self.submit_button.setVisible(not done)
        self.plan_button.setVisible(not done)
        self.review_button.setEnabled(done)
        self.correct_button.setVisible(done and not self.unlocked)
        self.editors.set_read_only(done and not self.unlocked)
        self.review_box.setVisible(status == "reviewed")
        if view and status == "reviewed":
            verdict = view.review
            self.review_label.setText(
                self.tr("已审阅：通过") if verdict == "approved" else self.tr("已审阅：退回")
            )
            self.review_label.setProperty("verdict", verdict)
            self._repolish(self.review_label)
            who = self.tr("审阅人：{who}").format(who=view.reviewer) if view.reviewer else ""
            comment = self.tr("意见：{text}").format(text=view.review_comment)
            self.review_comment.setText("\n".join(t for t in (comment, who) if t))
            self.review_comment.setVisible(bool(view.review_comment or view.reviewer))
        if done:
            self.note.setText(
                self.tr(
                    "周报已提交，是正式记录，不能直接修改。要修改，点“更正…”，改好后填写原因；"
                    "每次更正都记在“更正记录”里。"
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "周四 14:00 写周报：左边是本周数据，右边写本周总结和下周计划——每次修改都"
                    "自动保存。下周计划可以“从上周计划开始”。写完点“提交”。"
                )
            )

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & FACT_TOPICS and self.status in ("none", "draft"):
            self.reload()

    def activated(self) -> None:
        if self.view is not None:
            self.reload()

    # --- weeks ------------------------------------------------------------------------------
    def previous_week(self) -> None:
        start, _ = report_period(self.label)
        self.load(label_for(start - timedelta(days=1)))

    def next_week(self) -> None:
        _, end = report_period(self.label)
        self.load(label_for(end + timedelta(days=1)))

    def this_week(self) -> None:
        self.load(label_for(self.ctx.today()))

    def _history_picked(self, item: QListWidgetItem) -> None:
        label = item.data(Qt.ItemDataRole.UserRole)
        if label and label != self.label:
            self.load(str(label))

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)
