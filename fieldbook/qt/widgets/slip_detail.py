"""The detail of one feedback slip: the customer as it was when the slip was written, the
description, dates, SKUs and attachments; one row per department's delivery with its state,
who/when, the answer and buttons for the legal moves; the history of every move.

A move opens a small bar inside the delivery's row (non-modal): who handled it, the answer,
and — for a move that needs one (skip, back, 退回, resend, reopen) — the reason. The bar keeps
what was typed until the core took the move; a refusal is shown in the row."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.formatting import listing
from fieldbook.qt.plan_format import short_date
from fieldbook.qt.slip_format import (
    OVERDUE_FG,
    STATE_COLORS,
    STATUS_COLORS,
    Move,
    can_return,
    category_name,
    department_name,
    due_text,
    moment,
    move_label,
    move_prompt,
    next_move,
    other_moves,
    state_name,
    status_name,
    step_label,
)

if TYPE_CHECKING:
    from fieldbook.core.slips.service import DeliveryView, SlipView

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole


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
        self.dept_label = QLabel()
        self.dept_label.setObjectName("sectionLabel")
        self.dept_label.setMinimumWidth(62)
        self.state_chip = chip("", STATE_COLORS["pending"])
        self.who_label = QLabel()
        self.who_label.setObjectName("hintLabel")
        self.answer_label = QLabel()
        self.answer_label.setWordWrap(True)
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
        grid.addLayout(top, 0, 0)
        grid.addWidget(self.answer_label, 1, 0)

        # the inline bar
        self.bar = QFrame()
        self.bar.setObjectName("reasonBar")
        bar = QGridLayout(self.bar)
        bar.setContentsMargins(8, 6, 8, 6)
        bar.setHorizontalSpacing(6)
        self.prompt = QLabel()
        self.prompt.setObjectName("draftText")
        self.prompt.setWordWrap(True)
        self.actor_edit = QLineEdit()
        self.actor_edit.setMaxLength(50)
        self.actor_edit.setPlaceholderText(self.tr("部门经办人"))
        self.actor_edit.setAccessibleName(self.tr("处理人"))
        self.answer_edit = QLineEdit()
        self.answer_edit.setMaxLength(500)
        self.answer_edit.setPlaceholderText(self.tr("部门的答复或落实情况"))
        self.answer_edit.setAccessibleName(self.tr("答复"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("必须写明原因"))
        self.reason_edit.setAccessibleName(self.tr("原因"))
        self.reason_label = QLabel(self.tr("原因 *"))
        self.answer_label_bar = QLabel(self.tr("答复"))
        self.confirm_button = QPushButton(self.tr("确定"))
        self.confirm_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.error_label = QLabel()
        self.error_label.setObjectName("itemError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
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
        self.bar.hide()
        grid.addWidget(self.bar, 2, 0)

        keys = _Keys(self)
        for edit in (self.actor_edit, self.answer_edit, self.reason_edit):
            edit.installEventFilter(keys)
        self.next_button.clicked.connect(self._ask_next)
        self.return_button.clicked.connect(lambda: self.ask(Move("returned", "return")))
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.cancel)

    # --- showing -----------------------------------------------------------------------------
    def set_delivery(self, d: DeliveryView, default_actor: str) -> None:
        changed = self.delivery is None or self.delivery.state != d.state
        self.delivery = d
        self.default_actor = default_actor
        self.dept_label.setText(department_name(d.department))
        self.state_chip.setText(state_name(d.state))
        self.state_chip.setStyleSheet(
            chip_style(STATE_COLORS.get(d.state, STATE_COLORS["pending"]))
        )
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
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def first_button(self) -> QWidget | None:
        for button in (self.next_button, self.return_button, self.more_button):
            if button.isVisibleTo(self) and button.isEnabled():
                return button
        return None


class SlipDetail(QScrollArea):
    #: A move asked for in a delivery's row: (row, delivery id, target, actor, note, reason,
    #: answer or None).
    move_requested = Signal(object, str, str, str, str, str, object)
    attach_requested = Signal()
    #: The stored file of an attachment to open.
    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.slip: SlipView | None = None
        self.rows: dict[str, DeliveryRow] = {}
        body = QWidget()
        body.setObjectName("slipDetail")
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(4, 6, 4, 6)
        outer.setSpacing(8)

        self.empty = QLabel(
            self.tr("在上面的列表中选择一张反馈单，这里显示它的详情和各部门的办理情况。")
        )
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(8)
        head = QHBoxLayout()
        head.setSpacing(10)
        self.number_label = QLabel()
        self.number_label.setObjectName("slipNumber")
        self.number_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("summaryLine")
        self.status_chip = chip("", STATUS_COLORS["draft"])
        self.due_label = QLabel()
        self.source_label = QLabel()
        self.source_label.setObjectName("hintLabel")
        head.addWidget(self.number_label)
        head.addWidget(self.kind_label)
        head.addWidget(self.status_chip)
        head.addSpacing(8)
        head.addWidget(self.due_label)
        head.addStretch(1)
        head.addWidget(self.source_label)
        content.addLayout(head)

        columns = QHBoxLayout()
        columns.setSpacing(14)
        info_box = QGroupBox(self.tr("客户与情况"))
        info_box.setObjectName("checklistSection")
        info = QFormLayout(info_box)
        info.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        info.setVerticalSpacing(5)
        self.info_form = info
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("shop", self.tr("客户")),
            ("owner", self.tr("负责人")),
            ("address", self.tr("地址")),
            ("licence", self.tr("许可证号")),
            ("route", self.tr("线路")),
            ("description", self.tr("情况说明")),
            ("created", self.tr("填报")),
            ("effective", self.tr("生效日期")),
            ("return", self.tr("恢复日期")),
            ("completed", self.tr("办结")),
            ("skus", self.tr("卷烟规格")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            info.addRow(label, value)
        attach_box = QWidget()
        attach_layout = QVBoxLayout(attach_box)
        attach_layout.setContentsMargins(0, 0, 0, 0)
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(70)
        self.attachment_list.setAccessibleName(self.tr("附件"))
        self.attachment_list.setToolTip(self.tr("双击或按 Enter 打开附件"))
        self.attach_button = QPushButton(self.tr("添加附件…"))
        self.attach_hint = QLabel()
        self.attach_hint.setObjectName("itemError")
        self.attach_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.attach_hint, 1)
        attach_layout.addWidget(self.attachment_list)
        attach_layout.addLayout(row)
        info.addRow(self.tr("附件"), attach_box)
        columns.addWidget(info_box, 4)

        right = QVBoxLayout()
        right.setSpacing(8)
        self.delivery_box = QGroupBox(self.tr("各部门办理"))
        self.delivery_box.setObjectName("checklistSection")
        self.delivery_layout = QVBoxLayout(self.delivery_box)
        self.delivery_layout.setSpacing(4)
        right.addWidget(self.delivery_box)
        history_box = QGroupBox(self.tr("办理记录"))
        history_box.setObjectName("checklistSection")
        history_layout = QVBoxLayout(history_box)
        self.history = QTableWidget(0, 6)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("部门"),
                self.tr("变动"),
                self.tr("处理人"),
                self.tr("说明"),
                self.tr("原因"),
            ]
        )
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(False)
        self.history.setAlternatingRowColors(True)
        self.history.setMinimumHeight(120)
        header = self.history.horizontalHeader()
        for n, width in enumerate((92, 64, 140, 96, 110)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        history_layout.addWidget(self.history)
        right.addWidget(history_box, 1)
        columns.addLayout(right, 6)
        content.addLayout(columns, 1)
        outer.addWidget(self.content, 1)
        self.content.hide()

        self.attach_button.clicked.connect(self.attach_requested)
        self.attachment_list.itemActivated.connect(self._open_item)

    # --- showing -----------------------------------------------------------------------------
    def show_slip(self, slip: SlipView | None, today: date, default_actor: str = "") -> None:
        same = slip is not None and self.slip is not None and slip.id == self.slip.id
        self.slip = slip
        self.empty.setVisible(slip is None)
        self.content.setVisible(slip is not None)
        if slip is None:
            self._set_rows([], default_actor, keep=False)
            return
        status = slip.status
        self.number_label.setText(slip.number)
        kind = category_name(slip.category)
        if slip.sub_reason:
            kind += f" · {slip.sub_reason}"
        self.kind_label.setText(kind)
        self.status_chip.setText(status_name(status))
        self.status_chip.setStyleSheet(
            chip_style(STATUS_COLORS.get(status, STATUS_COLORS["draft"]))
        )
        overdue = slip.overdue(today)
        self.due_label.setText(
            self.tr("办结期限 {due}").format(
                due=due_text(slip.due_date, today, open_=status != "done")
            )
        )
        self.due_label.setStyleSheet(f"color: {OVERDUE_FG}; font-weight: bold;" if overdue else "")
        self.source_label.setText(
            self.tr("来自 {day} 的走访").format(day=short_date(slip.created_at.date()))
            if slip.source_visit_id
            else ""
        )
        c = slip.customer
        shop = str(c.get("shop_name", ""))
        if c.get("code"):
            shop += f"（{c['code']}）"
        owner = " ".join(str(c.get(k) or "") for k in ("owner_name", "phone")).strip()
        values = {
            "shop": shop,
            "owner": owner,
            "address": str(c.get("address") or ""),
            "licence": str(c.get("licence_no") or ""),
            "route": str(c.get("route") or ""),
            "description": slip.description,
            "created": slip.created_at.strftime("%Y-%m-%d %H:%M"),
            "effective": slip.effective_date.isoformat() if slip.effective_date else "",
            "return": slip.return_date.isoformat() if slip.return_date else "",
            "completed": slip.completed_at.strftime("%Y-%m-%d %H:%M") if slip.completed_at else "",
            "skus": listing(slip.sku_names),
        }
        for key, label in self.fields.items():
            label.setText(values[key])
            self.info_form.setRowVisible(label, bool(values[key]) or key in ("shop", "description"))
        self.attachment_list.clear()
        for att in slip.attachments:
            item = QListWidgetItem(f"📎 {att.filename}")
            item.setData(ATTACHMENT_ROLE, str(att.path))
            item.setToolTip(self.tr("{size} KB · 双击打开").format(size=max(1, att.size // 1024)))
            self.attachment_list.addItem(item)
        self.attachment_list.setVisible(bool(slip.attachments))
        from fieldbook.core.slips.service import slip_rules

        category = slip_rules().categories.get(slip.category)
        needs = category is not None and category.needs_attachment and not slip.attachments
        self.attach_hint.setText(
            self.tr("{name}需附现场照片等证据").format(name=kind) if needs else ""
        )
        self._set_rows(list(slip.deliveries), default_actor, keep=same)
        self._show_history(slip)

    def _set_rows(self, deliveries: list[DeliveryView], default_actor: str, *, keep: bool) -> None:
        ids = [d.id for d in deliveries]
        if not keep or list(self.rows) != ids:
            for row in self.rows.values():
                row.hide()
                row.setParent(None)
                row.deleteLater()
            self.rows = {}
            for d in deliveries:
                row = DeliveryRow()
                row.move_requested.connect(
                    lambda did, target, actor, note, reason, answer, r=row: (
                        self.move_requested.emit(r, did, target, actor, note, reason, answer)
                    )
                )
                self.delivery_layout.addWidget(row)
                self.rows[d.id] = row
        for d in deliveries:
            self.rows[d.id].set_delivery(d, default_actor)

    def _show_history(self, slip: SlipView) -> None:
        events = sorted(
            ((e, d.department) for d in slip.deliveries for e in d.events),
            key=lambda pair: (pair[0].at, pair[0].seq),
        )
        table = self.history
        table.setRowCount(len(events))
        for n, (e, dept) in enumerate(events):
            cells = (
                moment(e.at),
                department_name(dept),
                f"{state_name(e.from_state)} → {state_name(e.to_state)}",
                e.actor,
                e.note,
                e.reason,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (4, 5) and text:
                    item.setToolTip(text)
                table.setItem(n, column, item)
        table.scrollToBottom()

    def history_rows(self) -> list[tuple[str, ...]]:
        t = self.history
        return [
            tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())
        ]

    def row_for(self, department: str) -> DeliveryRow:
        for row in self.rows.values():
            if row.delivery is not None and row.delivery.department == department:
                return row
        raise KeyError(department)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(Path(item.data(ATTACHMENT_ROLE)))

    def focus_first_action(self) -> None:
        for row in self.rows.values():
            button = row.first_button()
            if button is not None:
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.attach_button.setFocus(Qt.FocusReason.OtherFocusReason)
