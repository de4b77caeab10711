"""Files to attach, chosen before the record they belong to is saved: a short list with
添加… (a non-blocking file dialog) and 移除."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

#: The file dialog's filters (source texts, translated when shown).
ATTACHMENT_FILES = ("图片和文档 (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx)", "所有文件 (*)")


class AttachmentPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The files chosen, in order.
        self.paths: list[Path] = []
        self._file_dialog: QFileDialog | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(64)
        self.add_button = QPushButton(self.tr("添加…"))
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.setAutoDefault(False)
        layout.addWidget(self.list, 0, 0, 2, 1)
        layout.addWidget(self.add_button, 0, 1)
        layout.addWidget(self.remove_button, 1, 1)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self._remove)

    def choose(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("选择附件"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr(text) for text in ATTACHMENT_FILES])
        dialog.filesSelected.connect(lambda names: [self.add(Path(n)) for n in names])
        self._file_dialog = dialog
        dialog.open()
        return dialog

    def add(self, path: Path) -> None:
        if path in self.paths:
            return
        self.paths.append(path)
        item = QListWidgetItem(path.name)
        item.setToolTip(str(path))
        self.list.addItem(item)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.paths):
            self.paths.pop(row)
            self.list.takeItem(row)
