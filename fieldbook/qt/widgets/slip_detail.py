"""The detail of one feedback slip: the customer as it was when the slip was written, the
description, dates, SKUs and attachments; one row per department's delivery with its state,
who/when, the answer and buttons for the legal moves (:mod:`fieldbook.qt.widgets.delivery_row`);
the history of every move."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.slips.rules import slip_rules
from fieldbook.qt.formatting import date_time, iso_date, listing, moment, short_date
from fieldbook.qt.slip_format import (
    OVERDUE_FG,
    STATUS_COLORS,
    category_name,
    department_name,
    due_text,
    state_name,
    status_colors,
    status_name,
    sub_reason_name,
)
from fieldbook.qt.widgets.delivery_row import DeliveryRow, chip, chip_style
from fieldbook.qt.widgets.layouts import row_of

if TYPE_CHECKING:
    from fieldbook.core.slips.service import DeliveryView, SlipView

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole


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
        content.addLayout(self._head())
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(self._info_box(), 4)
        columns.addLayout(self._deliveries_and_history(), 6)
        content.addLayout(columns, 1)
        outer.addWidget(self.content, 1)
        self.content.hide()
        self.attach_button.clicked.connect(self.attach_requested)
        self.attachment_list.itemActivated.connect(self._open_item)

    def _head(self) -> QHBoxLayout:
        """The number, category, status, due date and where the slip came from."""
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
        return row_of(
            self.number_label,
            self.kind_label,
            self.status_chip,
            8,
            self.due_label,
            None,
            self.source_label,
            spacing=10,
        )

    def _info_box(self) -> QGroupBox:
        """客户与情况: the customer, the description, the dates, the SKUs, the attachments."""
        box = QGroupBox(self.tr("客户与情况"))
        box.setObjectName("checklistSection")
        info = QFormLayout(box)
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
            ("removed", self.tr("未发部门")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            info.addRow(label, value)
        info.addRow(self.tr("附件"), self._attachments())
        return box

    def _attachments(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
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
        layout.addWidget(self.attachment_list)
        layout.addLayout(row)
        return box

    def _deliveries_and_history(self) -> QVBoxLayout:
        """各部门办理 (a row per delivery) over 办理记录 (every move)."""
        right = QVBoxLayout()
        right.setSpacing(8)
        self.delivery_box = QGroupBox(self.tr("各部门办理"))
        self.delivery_box.setObjectName("checklistSection")
        self.delivery_layout = QVBoxLayout(self.delivery_box)
        self.delivery_layout.setSpacing(4)
        right.addWidget(self.delivery_box)
        history_box = QGroupBox(self.tr("办理记录"))
        history_box.setObjectName("checklistSection")
        self.history = self._history_table()
        QVBoxLayout(history_box).addWidget(self.history)
        right.addWidget(history_box, 1)
        return right

    def _history_table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("部门"),
                self.tr("变动"),
                self.tr("处理人"),
                self.tr("说明"),
                self.tr("原因"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(120)
        header = table.horizontalHeader()
        for n, width in enumerate((92, 104, 140, 96, 110)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return table

    # --- showing -----------------------------------------------------------------------------
    def show_slip(self, slip: SlipView | None, today: date, default_actor: str = "") -> None:
        same = slip is not None and self.slip is not None and slip.id == self.slip.id
        self.slip = slip
        self.empty.setVisible(slip is None)
        self.content.setVisible(slip is not None)
        if slip is None:
            self._set_rows([], default_actor, keep=False)
            return
        kind = category_name(slip.category)
        if slip.sub_reason:
            kind += f" · {sub_reason_name(slip.sub_reason)}"
        self._show_head(slip, kind, today)
        self._show_info(slip)
        self._show_attachments(slip, kind)
        self._set_rows(list(slip.deliveries), default_actor, keep=same)
        self._show_history(slip)

    def _show_head(self, slip: SlipView, kind: str, today: date) -> None:
        status = slip.status
        self.number_label.setText(slip.number)
        self.kind_label.setText(kind)
        self.status_chip.setText(status_name(status))
        self.status_chip.setStyleSheet(chip_style(status_colors(status)))
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

    def _show_info(self, slip: SlipView) -> None:
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
            "created": date_time(slip.created_at),
            "effective": iso_date(slip.effective_date),
            "return": iso_date(slip.return_date),
            "completed": date_time(slip.completed_at),
            "skus": listing(slip.sku_names),
            "removed": "\n".join(
                self.tr("{department}：{reason}").format(department=department_name(d), reason=r)
                for d, r in slip.removed_departments
            ),
        }
        for key, label in self.fields.items():
            label.setText(values[key])
            self.info_form.setRowVisible(label, bool(values[key]) or key in ("shop", "description"))

    def _show_attachments(self, slip: SlipView, kind: str) -> None:
        self.attachment_list.clear()
        for att in slip.attachments:
            item = QListWidgetItem(f"📎 {att.filename}")
            item.setData(ATTACHMENT_ROLE, str(att.path))
            item.setToolTip(self.tr("{size} KB · 双击打开").format(size=max(1, att.size // 1024)))
            self.attachment_list.addItem(item)
        self.attachment_list.setVisible(bool(slip.attachments))
        category = slip_rules().categories.get(slip.category)
        needs = category is not None and category.needs_attachment and not slip.attachments
        self.attach_hint.setText(
            self.tr("{name}需附现场照片等证据").format(name=kind) if needs else ""
        )

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
