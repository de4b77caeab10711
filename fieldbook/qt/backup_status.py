"""The main window's word on backups: a status-bar label with the time of the last backup, and
a failed backup said out loud — the label in red, the status bar and a (non-modal) warning."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from fieldbook.qt.backups import BackupMade, Backups


class BackupStatus(QObject):
    """Owns ``label`` (add it to the status bar) and the warning box while one is open.
    ``closing()`` says whether the window is closing: then the exit question says it."""

    def __init__(self, window: QWidget, status: QStatusBar, closing: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.status = status
        self.closing = closing
        self.warning: QMessageBox | None = None
        self.label = QLabel()
        self.label.setObjectName("backupLabel")
        self.label.setToolTip(self.tr("有修改时每 30 分钟自动备份一次，退出时也备份"))

    def follow(self, backups: Backups) -> None:
        backups.made.connect(self.made)
        backups.failed.connect(self.failed)
        if backups.last is not None:
            self.made(backups.last)

    def made(self, made: BackupMade) -> None:
        self.label.setText(self.tr("已备份 {time}").format(time=made.at.strftime("%H:%M")))
        self.label.setToolTip(str(made.path))
        self.label.setProperty("failed", False)
        repolish(self.label)

    def failed(self, text: str) -> None:
        """Never silent: the status bar, the label in red and a (non-modal) warning."""
        self.label.setText(self.tr("备份失败"))
        self.label.setToolTip(text)
        self.label.setProperty("failed", True)
        repolish(self.label)
        self.status.showMessage(text, 30_000)
        if self.closing():
            return  # the exit question says it
        full = text + self.tr("\n数据库里的数据没有受影响（每次修改都已保存），有修改时会再试。")
        box = self.warning
        if box is None:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("备份"),
                full,
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.finished.connect(lambda _r: setattr(self, "warning", None))
            self.warning = box
        box.setText(full)
        box.show()


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
