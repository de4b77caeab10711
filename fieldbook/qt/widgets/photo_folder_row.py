"""设置 → 手机照片文件夹: the folder the phone's photos are synced to (a cloud-drive or USB sync
folder). The visit screen offers the photos in it taken between arrival and departure. Read
and saved through the DB worker (``operations.photos``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.operations.photos import load_photo_folder, save_photo_folder


class PhotoFolderRow(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dialog: QFileDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setObjectName("photoFolderEdit")
        self.edit.setPlaceholderText(self.tr("例如 D:\\手机相册同步（留空：不用）"))
        self.edit.returnPressed.connect(self.save)
        self.choose_button = QPushButton(self.tr("选择…"))
        self.choose_button.clicked.connect(self.choose)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.note = QLabel(
            self.tr(
                "手机照片同步到的文件夹。走访页面会列出这里到店至离店之间拍的照片，"
                "按 Alt+P 全部加到这次走访。"
            )
        )
        self.note.setObjectName("hintLabel")
        self.note.setWordWrap(True)
        outer.addWidget(self.note)
        ctx.ops.query(load_photo_folder, self.edit.setText, what=self.tr("读取手机照片文件夹"))

    def choose(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("手机照片文件夹"), self.edit.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self._chosen)
        self._dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, folder: str) -> None:
        self.edit.setText(folder)
        self.save()

    def save(self) -> None:
        folder = self.edit.text().strip()
        self.ctx.ops.write(
            lambda j: save_photo_folder(j, folder),
            self._saved,
            self._failed,
            what=self.tr("保存手机照片文件夹"),
        )

    def _saved(self, folder: str) -> None:
        self.edit.setText(folder)
        self.note.setText(
            self.tr("已保存：走访页面会列出这个文件夹里到店至离店之间拍的照片（Alt+P 全部加上）。")
            if folder
            else self.tr("已清除：不从手机文件夹找照片。")
        )

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(describe_error(exc))
