"""修改记录 of one customer (``customer_changes.change_history``), read on the DB worker."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldbook.core.master.customer_changes import change_history
from fieldbook.qt.context import AppContext
from fieldbook.qt.widgets.customer_history import CustomerHistory


class CustomerHistoryDialog(QDialog):
    def __init__(
        self, ctx: AppContext, customer_id: str, shop_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerHistoryDialog")
        self.setWindowTitle(self.tr("修改记录 · {name}").format(name=shop_name))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("许可证号、经营状态、档位、线路和订货日的每次修改：何时、改前 → 改后、原因。")
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.pane = CustomerHistory(self)
        layout.addWidget(self.pane, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ctx.ops.query(
            lambda j: change_history(j, customer_id),
            self.pane.set_entries,
            key="customer_history",
            what=self.tr("读取修改记录"),
        )
