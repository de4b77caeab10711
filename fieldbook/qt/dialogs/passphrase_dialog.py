"""Ask for the passphrase of an encrypted database (layout: ui/passphrase_dialog.ui). A wrong one
says exactly 口令不正确 — and nothing else happens: a wrong passphrase is never taken for
damage, nothing is moved, no restore is offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from fieldbook.qt.forms.ui_passphrase_dialog import Ui_PassphraseDialog


class PassphraseDialog(QDialog):
    def __init__(
        self,
        db_path: Path | None,
        *,
        wrong: bool = False,
        attempt: int = 1,
        attempts: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PassphraseDialog()
        self.ui.setupUi(self)
        self.prompt = self.ui.prompt
        self.edit = self.ui.edit
        self.error_label = self.ui.errorLabel  # "口令不正确", from the form
        self.hint = self.ui.hint
        self.buttons = self.ui.buttons
        where = str(db_path) if db_path is not None else ""
        self.prompt.setText(self.tr("这个数据库已加密，请输入口令：\n{path}").format(path=where))
        self.error_label.setVisible(wrong)
        self.hint.setObjectName("hintLabel")
        self.hint.setText(
            self.tr(
                "第 {n} 次，共可试 {total} 次。口令不会被保存；"
                "忘记口令将无法打开这个数据库和它的备份。"
            ).format(n=attempt, total=attempts)
        )
        self.open_button = self.buttons.addButton(
            self.tr("打开"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = self.buttons.addButton(
            self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.setFocus()
        self.adjustSize()  # the texts above were set after the form's layout

    def _accept(self) -> None:
        if not self.edit.text():
            self.edit.setFocus()
            return
        self.accept()

    def passphrase(self) -> str:
        return self.edit.text()
