"""The database file is damaged: say what happened (the file was moved aside, untouched) and
offer the newest good backup — 恢复此备份 or 退出. Accepted means "restore"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.formatting import backup_counts, backup_kind, date_time

if TYPE_CHECKING:
    from fieldbook.core.store.recovery import DatabaseDamaged


class DamagedDialog(QDialog):
    def __init__(self, damage: DatabaseDamaged, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.damage = damage
        self.backup = damage.backup if damage.moved_to is not None else None
        self.setWindowTitle(self.tr("数据库文件已损坏"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        if damage.moved_to is not None:
            what = self.tr("数据库文件已损坏，已移到 {moved}，原文件未被覆盖。").format(
                moved=damage.moved_to
            )
        else:
            what = self.tr(
                "数据库文件已损坏，但它正被另一个程序（进程 {pid}）使用，所以没有做任何改动。"
                "请先关闭那个程序，再打开 Fieldbook。"
            ).format(pid=damage.result.in_use_by or "?")
        self.what_label = QLabel(what)
        self.what_label.setObjectName("warningBox")
        self.what_label.setWordWrap(True)
        self.what_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.what_label)

        problems = [p for p in damage.result.problems if p][:3]
        self.problems_label = QLabel(
            self.tr("检查发现的问题：{items}").format(items="；".join(problems))
        )
        self.problems_label.setObjectName("hintLabel")
        self.problems_label.setWordWrap(True)
        self.problems_label.setVisible(bool(problems))
        layout.addWidget(self.problems_label)

        backup = self.backup
        if backup is not None:
            offer = self.tr(
                "最新的完好备份：{time}（{kind}）\n{counts}\n\n"
                "恢复后，Fieldbook 在这个备份上打开；备份之后的修改不在其中。"
            ).format(
                time=date_time(backup.made_at),
                kind=backup_kind(backup.label),
                counts=backup_counts(backup),
            )
        elif damage.moved_to is not None:
            offer = self.tr(
                "没有找到完好的备份。损坏的文件保留在上面的位置，可以交给技术支持尝试修复。"
            )
        else:
            offer = ""
        self.offer_label = QLabel(offer)
        self.offer_label.setObjectName("noteBox")
        self.offer_label.setWordWrap(True)
        self.offer_label.setVisible(bool(offer))
        layout.addWidget(self.offer_label)

        self.buttons = QDialogButtonBox()
        self.restore_button = None
        if backup is not None:
            self.restore_button = self.buttons.addButton(
                self.tr("恢复此备份"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setDefault(True)
        self.quit_button = self.buttons.addButton(
            self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
