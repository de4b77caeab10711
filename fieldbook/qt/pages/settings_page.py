"""设置: the manager's profile, and where the data lives."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.context import AppContext
from fieldbook.qt.pages.base import Page, page_layout
from fieldbook.qt.widgets.profile_form import ProfileForm

if TYPE_CHECKING:
    from fieldbook.core.profile import Profile


class SettingsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.tr("设置"))

        profile_box = QGroupBox(self.tr("客户经理资料"))
        profile_box.setMaximumWidth(620)
        box_layout = QVBoxLayout(profile_box)
        self.form = ProfileForm(self)
        box_layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        row.addWidget(self.saved_label)
        self.save_button = QPushButton(self.tr("保存资料"))
        self.save_button.setMinimumHeight(34)
        self.save_button.setDefault(True)
        row.addWidget(self.save_button)
        box_layout.addLayout(row)
        layout.addWidget(profile_box)

        data_box = QGroupBox(self.tr("数据"))
        data_box.setMaximumWidth(900)
        data_form = QFormLayout(data_box)
        data_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        path = ctx.db_path
        self.db_label = _path_label(str(path) if path else ctx.db_label)
        data_form.addRow(self.tr("数据库位置"), self.db_label)
        self.folder_label = _path_label(str(path.parent) if path else self.tr("（不是本机文件）"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        self.open_button = QPushButton(self.tr("打开数据文件夹"))
        self.open_button.setEnabled(path is not None)
        self.open_button.clicked.connect(self._open_folder)
        folder_row.addWidget(self.open_button)
        data_form.addRow(self.tr("数据文件夹"), folder_row)
        if path is not None:
            data_form.addRow(self.tr("备份文件夹"), _path_label(str(path.parent / "backups")))
        hint = QLabel(
            self.tr(
                "客户资料属于公司，请妥善保管：数据文件夹只有您的系统账户可以访问。"
                "界面语言：简体中文（英文界面将在后续版本提供）。"
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        data_form.addRow("", hint)
        layout.addWidget(data_box)
        layout.addStretch(1)

        self._shown = self.form.raw_input()
        self.save_button.clicked.connect(self.save)
        self.form.phone_edit.returnPressed.connect(self.save)
        ctx.hub.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        self.ctx.ops.query(
            lambda j: j.profile.get(),
            self._loaded,
            key="settings.profile",
            what=self.tr("读取资料"),
        )

    def _loaded(self, profile: Profile | None) -> None:
        self.form.show_profile(profile)
        self._shown = self.form.raw_input()
        self.mark_ready()

    def _changed(self, topics: frozenset[str]) -> None:
        # Refresh from the database unless the user is in the middle of editing.
        if "profile" in topics and self.form.raw_input() == self._shown:
            self.reload()

    def save(self) -> None:
        from fieldbook.core.errors import InvalidValue

        try:
            data = self.form.collect()
        except InvalidValue as exc:
            self.form.show_error(exc)
            return
        self.form.clear_error()
        self.save_button.setEnabled(False)
        self.saved_label.clear()
        self.ctx.ops.write(
            lambda j: j.profile.save(data), self._saved, self._failed, what=self.tr("保存资料")
        )

    def _saved(self, profile: Profile) -> None:
        self.save_button.setEnabled(True)
        self.form.show_profile(profile)
        self._shown = self.form.raw_input()
        self.saved_label.setText(self.tr("已保存"))
        self.ctx.ops.message.emit(self.tr("已保存客户经理资料"))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.form.show_error(exc)

    def _open_folder(self) -> None:
        if self.ctx.db_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.ctx.db_path).parent)))


def _path_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setObjectName("pathLabel")
    return label
