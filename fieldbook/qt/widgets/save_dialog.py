"""The one "save as Excel" file dialog of every export: Documents folder, a suggested name,
the .xlsx filter and suffix, non-modal (``open``); the chosen path goes to ``chosen``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_xlsx(
    parent: QWidget, title: str, name: str, chosen: Callable[[Path], None]
) -> QFileDialog:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    dialog = QFileDialog(parent, title, str(Path(folder) / name))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(QCoreApplication.translate("SaveDialog", "Excel 工作簿 (*.xlsx)"))
    dialog.setDefaultSuffix("xlsx")
    dialog.fileSelected.connect(lambda path: chosen(Path(path)))
    dialog.open()
    return dialog
