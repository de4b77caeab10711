"""关于 Fieldbook: the version, where the database and its backups are, and the Qt and Python
versions (what support asks for first)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from fieldbook import APP_NAME, __version__


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | None, db_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 {app}").format(app=APP_NAME))
        form = QFormLayout(self)
        title = QLabel(f"<b>{APP_NAME}</b> {self.tr('客户经理外勤工作手册')}")
        form.addRow(title)
        self.version_label = QLabel(__version__)
        self.version_label.setObjectName("aboutVersion")
        form.addRow(self.tr("版本"), self.version_label)
        where = str(db_path) if db_path is not None else db_label
        self.db_label = _selectable(where)
        form.addRow(self.tr("数据库"), self.db_label)
        backups = (
            str(db_path.parent / "backups")
            if db_path is not None
            else self.tr("（服务器数据库由管理员备份）")
        )
        self.backup_label = _selectable(backups)
        form.addRow(self.tr("备份文件夹"), self.backup_label)
        form.addRow(
            self.tr("运行环境"),
            QLabel(
                f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
            ),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label
