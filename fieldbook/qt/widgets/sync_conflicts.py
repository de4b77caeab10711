"""同步冲突: the records a sync found changed in two places, one row each — when, what
happened, which record, which copy was kept, what the other said — until the manager marks
them seen (decision 0029). Never resolved silently: the sync kept one copy and says which."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.server.sync_conflicts import StoredConflict
from fieldbook.messages.conflicts import conflict_kept, conflict_what, table_name
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import date_time
from fieldbook.qt.operations.sync_conflicts import TOPIC, load_conflicts, mark_seen
from fieldbook.qt.widgets.read_only_table import ReadOnlyTable

ROWS_SHOWN = 6


class SyncConflictsBox(QGroupBox):
    """The unseen conflicts, refreshed when a sync stores new ones."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncConflicts")
        self.setTitle(self.tr("同步冲突"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("syncConflictsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = ReadOnlyTable(
            [
                self.tr("发现时间"),
                self.tr("情况"),
                self.tr("记录"),
                self.tr("保留"),
                self.tr("说明"),
            ],
            (130, 250, 230, 150),
        )
        self.table.setAccessibleName(self.tr("同步冲突"))
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.seen_button = QPushButton(self.tr("标为已查看"))
        self.seen_button.setObjectName("syncConflictsSeen")
        self.seen_button.clicked.connect(self.mark_seen)
        row.addWidget(self.seen_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.conflicts: list[StoredConflict] = []
        ctx.hub.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        self.ctx.ops.query(
            load_conflicts, self.show_conflicts, key="sync.conflicts", what=self.tr("读取同步冲突")
        )

    def _changed(self, topics: frozenset[str]) -> None:
        if TOPIC in topics:
            self.reload()

    def show_conflicts(self, conflicts: Sequence[StoredConflict]) -> None:
        self.conflicts = list(conflicts)
        n = len(self.conflicts)
        self.summary.setText(
            self.tr("有 {n} 条同步冲突未查看：同一条记录在两处被改过，同步保留了其中一份。").format(
                n=n
            )
            if n
            else self.tr("没有未查看的同步冲突。")
        )
        self.table.setRowCount(n)
        for r, c in enumerate(self.conflicts):
            cells = (
                date_time(c.found_at),
                conflict_what(c.kind),
                f"{table_name(c.table)} {c.label}",
                conflict_kept(c.kept),
                c.detail,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, column, item)
        self.table.setVisible(bool(n))
        self.seen_button.setVisible(bool(n))
        header = self.table.horizontalHeader().sizeHint().height()
        rows = self.table.verticalHeader().defaultSectionSize() * min(n, ROWS_SHOWN)
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth() + 2)

    def mark_seen(self) -> None:
        self.seen_button.setEnabled(False)

        def done(_n: int) -> None:
            self.seen_button.setEnabled(True)
            self.reload()

        self.ctx.ops.write(mark_seen, done, what=self.tr("标为已查看"))
