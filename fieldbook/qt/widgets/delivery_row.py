"""One department's delivery of a feedback slip, as the slip's detail shows it: its state as a
coloured chip, who/when, the answer and buttons for the legal moves.

A move opens a small bar inside the row (non-modal): who handled it, the answer, and — for a
move that needs one (skip, back, 退回, resend, reopen) — the reason. The bar keeps what was
typed until the core took the move; a refusal is shown in the row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from fieldbook.qt.formatting import moment
from fieldbook.qt.slip_format import (
    STATE_COLORS,
    Move,
    can_return,
    department_name,
    move_label,
    move_prompt,
    next_move,
    other_moves,
    state_colors,
    state_name,
    step_label,
)
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.layouts import draft_text, reason_grid
from fieldbook.qt.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from fieldbook.core.slips.service import DeliveryView


def chip_style(colors: tuple[str, str]) -> str:
    bg, fg = colors
    return (
        f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}40;"
        " border-radius: 4px; padding: 2px 8px; font-weight: bold; }"
    )


def chip(text: str, colors: tuple[str, str]) -> QLabel:
    label = QLabel(text)
    label.setObjectName("stateChip")
    label.setStyleSheet(chip_style(colors))
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return label


class _Keys(QObject):
    """Enter confirms the bar, Esc closes it (on its line edits)."""

    def __init__(self, row: DeliveryRow) -> None:
        super().__init__(row)
        self.row = row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.row.confirm()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.row.cancel()
                return True
        return False


class DeliveryRow(QFrame):
    """One department's delivery: state, who/when, answer, the moves."""

    #: (delivery id, target state, actor, note, reason, answer or None)
    move_requested = Signal(str, str, str, str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryRow")
        self.delivery: DeliveryView | None = None
        self.default_actor = ""
        self.pending: Move | None = None
        self.busy = False
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addLayout(self._top_row(), 0, 0)
        self.answer_label = QLabel()
        self.answer_label.setWordWrap(True)
        grid.addWidget(self.answer_label, 1, 0)
        self.bar = self._move_bar()
        self.bar.hide()
        grid.addWidget(self.bar, 2, 0)
        keys = _Keys(self)
        for edit in (self.actor_edit, self.answer_edit, self.reason_edit):
            edit.installEventFilter(keys)
        self.next_button.clicked.connect(self._ask_next)
        self.return_button.clicked.connect(lambda: self.ask(Move("returned", "return")))
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.cancel)

    def _top_row(self) -> QHBoxLayout:
        """The department, its state, who/when, and the buttons of the moves."""
        self.dept_label = QLabel()
        self.dept_label.setObjectName("sectionLabel")
        self.dept_label.setMinimumWidth(62)
        self.state_chip = chip("", STATE_COLORS["pending"])
        self.who_label = QLabel()
        self.who_label.setObjectName("hintLabel")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextStepButton")
        self.next_button.setMinimumHeight(30)
        self.return_button = QPushButton(self.tr("退回…"))
        self.return_button.setMinimumHeight(30)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("其他…"))
        self.more_button.setToolTip(self.tr("跳过步骤、改回前一步、重新办理（须写明原因）"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMinimumHeight(30)
        self.more_menu = QMenu(self)
        self.more_button.setMenu(self.more_menu)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.dept_label)
        top.addWidget(self.state_chip)
        top.addWidget(self.who_label)
        top.addStretch(1)
        top.addWidget(self.next_button)
        top.addWidget(self.return_button)
        top.addWidget(self.more_button)
        return top

    def _move_bar(self) -> QFrame:
        """The inline bar of a move: who handled it, the answer, the reason when one is due."""
        frame = QFrame()
        bar = reason_grid(frame, margin=8, spacing=6)
        self.prompt = draft_text()
        self.actor_edit = line_edit(50, self.tr("部门经办人"), name=self.tr("处理人"))
        self.answer_edit = line_edit(500, self.tr("部门的答复或落实情况"), name=self.tr("答复"))
        self.reason_edit = line_edit(200, self.tr("必须写明原因"), name=self.tr("原因"))
        self.reason_label = QLabel(self.tr("原因 *"))
        self.answer_label_bar = QLabel(self.tr("答复"))
        self.confirm_button = QPushButton(self.tr("确定"))
        self.confirm_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.error_label = MessageLabel("itemError")
        bar.addWidget(self.prompt, 0, 0, 1, 6)
        bar.addWidget(QLabel(self.tr("处理人")), 1, 0)
        bar.addWidget(self.actor_edit, 1, 1)
        bar.addWidget(self.answer_label_bar, 1, 2)
        bar.addWidget(self.answer_edit, 1, 3)
        bar.addWidget(self.confirm_button, 1, 4)
        bar.addWidget(self.cancel_button, 1, 5)
        bar.addWidget(self.reason_label, 2, 0)
        bar.addWidget(self.reason_edit, 2, 1, 1, 3)
        bar.addWidget(self.error_label, 3, 0, 1, 6)
        bar.setColumnStretch(1, 1)
        bar.setColumnStretch(3, 2)
        return frame

    # --- showing -----------------------------------------------------------------------------
    def set_delivery(self, d: DeliveryView, default_actor: str) -> None:
        changed = self.delivery is None or self.delivery.state != d.state
        self.delivery = d
        self.default_actor = default_actor
        self.dept_label.setText(department_name(d.department))
        self.state_chip.setText(state_name(d.state))
        self.state_chip.setStyleSheet(chip_style(state_colors(d.state)))
        last = d.events[-1] if d.events else None
        who = []
        if last is not None:
            if last.actor:
                who.append(last.actor)
            who.append(moment(last.at))
        self.who_label.setText(" ".join(who))
        self.answer_label.setText(self.tr("答复：{text}").format(text=d.answer) if d.answer else "")
        self.answer_label.setVisible(bool(d.answer))
        nxt = next_move(d.state)
        self.next_button.setVisible(nxt is not None)
        if nxt is not None:
            self.next_button.setText(step_label(nxt.target))
        self.return_button.setVisible(can_return(d.state))
        self.more_menu.clear()
        for move in other_moves(d.state):
            action = QAction(move_label(move), self.more_menu)
            action.setData(move.target)
            action.triggered.connect(lambda _c=False, m=move: self.ask(m))
            self.more_menu.addAction(action)
        self.more_button.setVisible(bool(self.more_menu.actions()))
        if changed and self.pending is not None and not self.busy:
            # The delivery moved under an open bar (another window, an import): start again.
            self.cancel()

    def menu_targets(self) -> list[str]:
        """The target states offered in the 其他… menu."""
        return [a.data() for a in self.more_menu.actions()]

    # --- the bar -------------------------------------------------------------------------------
    def _ask_next(self) -> None:
        if self.delivery is None:
            return
        nxt = next_move(self.delivery.state)
        if nxt is not None:
            self.ask(nxt)

    def ask_target(self, target: str) -> None:
        """Open the bar for a move to ``target`` (whatever kind of move it is)."""
        if self.delivery is None:
            return
        nxt = next_move(self.delivery.state)
        if nxt is not None and nxt.target == target:
            self.ask(nxt)
            return
        if target == "returned":
            self.ask(Move("returned", "return"))
            return
        for move in other_moves(self.delivery.state):
            if move.target == target:
                self.ask(move)
                return

    def ask(self, move: Move) -> None:
        d = self.delivery
        if d is None:
            return
        self.pending = move
        self.prompt.setText(move_prompt(d.department, d.state, move))
        self.actor_edit.setText(d.handled_by or self.default_actor)
        with_answer = move.target in ("handled", "done") or bool(d.answer)
        self.answer_edit.setText(d.answer)
        self.answer_edit.setVisible(with_answer)
        self.answer_label_bar.setVisible(with_answer)
        self.reason_edit.clear()
        self.reason_edit.setVisible(move.needs_reason)
        self.reason_label.setVisible(move.needs_reason)
        self.show_error("")
        self.bar.show()
        focus = self.reason_edit if move.needs_reason else self.actor_edit
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        focus.selectAll()

    def confirm(self) -> None:
        d, move = self.delivery, self.pending
        if d is None or move is None or self.busy:
            return
        answer: str | None = None
        if not self.answer_edit.isHidden():
            answer = self.answer_edit.text().strip()
            if answer == d.answer:
                answer = None
        self.busy = True
        self.confirm_button.setEnabled(False)
        self.move_requested.emit(
            d.id,
            move.target,
            self.actor_edit.text().strip(),
            "",
            self.reason_edit.text().strip() if move.needs_reason else "",
            answer,
        )

    def move_done(self) -> None:
        self.busy = False
        self.confirm_button.setEnabled(True)
        self.pending = None
        self.bar.hide()

    def move_failed(self, text: str) -> None:
        self.busy = False
        self.confirm_button.setEnabled(True)
        self.show_error(text)
        target = self.reason_edit if not self.reason_edit.isHidden() else self.actor_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        if self.busy:
            return
        self.pending = None
        self.show_error("")
        self.bar.hide()

    def show_error(self, text: str) -> None:
        self.error_label.say(text)

    def first_button(self) -> QWidget | None:
        for button in (self.next_button, self.return_button, self.more_button):
            if button.isVisibleTo(self) and button.isEnabled():
                return button
        return None
