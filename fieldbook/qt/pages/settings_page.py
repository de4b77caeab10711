"""设置: the manager's profile, where the data lives (and the phone's photo folder), and the
department server (sync)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.master.form_unit import TOPIC as UNIT_TOPIC
from fieldbook.core.master.form_unit import FormUnit
from fieldbook.core.master.profile import Profile, ProfileInput
from fieldbook.core.server.sync_address import sync_address
from fieldbook.core.server.sync_report import SyncReport
from fieldbook.messages import SYNC_TABLE_NAMES as NAMES
from fieldbook.messages import describe_conflict, describe_error, describe_sync_problem
from fieldbook.qt.context import AppContext
from fieldbook.qt.density import CHOICES as DENSITIES
from fieldbook.qt.density import chosen_density, save_density
from fieldbook.qt.dialogs.about_dialog import AboutDialog
from fieldbook.qt.i18n import LANGUAGES, chosen_language, save_language
from fieldbook.qt.operations.settings import (
    load_settings,
    remember_and_sync,
    save_profile_and_unit,
)
from fieldbook.qt.pages.base import Page, page_layout
from fieldbook.qt.sync_progress import SyncProgress
from fieldbook.qt.widgets.form_unit_form import FormUnitForm
from fieldbook.qt.widgets.photo_folder_row import PhotoFolderRow
from fieldbook.qt.widgets.profile_form import ProfileForm
from fieldbook.qt.widgets.sync_conflicts import SyncConflictsBox


class SettingsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # the page is taller than a 1366×768 screen leaves
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        layout = page_layout(inner, self.tr("设置"))
        layout.addWidget(self._profile_box())
        layout.addWidget(self._data_box())
        layout.addWidget(self._server_box())
        self.conflicts = SyncConflictsBox(ctx)  # 同步冲突: kept until seen (decision 0029)
        layout.addWidget(self.conflicts)
        layout.addStretch(1)

        self._shown = self._typed()
        self.save_button.clicked.connect(self.save)
        self.form.phone_edit.returnPressed.connect(self.save)
        ctx.hub.changed.connect(self._changed)
        self.reload()

    def _profile_box(self) -> QGroupBox:
        profile_box = QGroupBox(self.tr("客户经理资料"))
        profile_box.setMaximumWidth(620)
        box_layout = QVBoxLayout(profile_box)
        self.form = ProfileForm(self)
        box_layout.addWidget(self.form)
        unit_title = QLabel(self.tr("表格抬头（印在日志、周报、反馈单等每一份表格上）"))
        unit_title.setWordWrap(True)
        box_layout.addWidget(unit_title)
        self.unit_form = FormUnitForm(self)
        box_layout.addWidget(self.unit_form)
        self.unit_form.align_with(self.form)
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
        return profile_box

    def _data_box(self) -> QGroupBox:
        data_box, data_form = _form_box(self.tr("数据"))
        path = self.ctx.db_path
        self.db_label = _path_label(str(path) if path else self.ctx.db_label)
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
        data_form.addRow(self.tr("手机照片文件夹"), PhotoFolderRow(self.ctx))
        data_form.addRow(self.tr("界面语言"), self._language_row())
        data_form.addRow(self.tr("显示密度"), self._density_row())
        self.about_button = QPushButton(self.tr("关于 Fieldbook…"))
        self.about_button.clicked.connect(self.show_about)
        about_row = QHBoxLayout()
        about_row.addWidget(self.about_button)
        about_row.addStretch(1)
        data_form.addRow("", about_row)
        hint = QLabel(self.tr("客户资料属于公司，请妥善保管：数据文件夹只有您的系统账户可以访问。"))
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        data_form.addRow("", hint)
        return data_box

    def _language_row(self) -> QHBoxLayout:
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(chosen_language()), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        language_row = QHBoxLayout()
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note, 1)
        return language_row

    def _server_box(self) -> QGroupBox:
        box, form = _form_box(self.tr("部门服务器（同步）"))
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setPlaceholderText(
            self.tr("postgresql+psycopg://登录名@服务器/数据库?sslmode=require")
        )
        form.addRow(self.tr("服务器地址"), self.server_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("serverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("口令只用于这次连接，不会保存"))
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(self.sync_button)
        form.addRow(self.tr("口令"), row)
        self.sync_label = QLabel(self.tr("上传您的走访、日志和周报，下载各部门的答复和审阅结果。"))
        self.sync_label.setObjectName("syncLabel")
        self.sync_label.setWordWrap(True)
        self.sync_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", self.sync_label)
        self.sync_progress = SyncProgress(self.sync_label.setText, self)
        return box

    def reload(self) -> None:
        self.ctx.ops.query(
            load_settings, self._loaded, key="settings.profile", what=self.tr("读取资料")
        )

    def sync_now(self) -> None:
        address = self.server_edit.text().strip()
        if not address.startswith("postgresql"):
            self.sync_label.setText(self.tr("请填写部门服务器地址（postgresql+psycopg://…）"))
            return
        # Stored: never a password typed into the address.
        where = sync_address(address, self.password_edit.text())
        self.sync_button.setEnabled(False)
        self.sync_label.setText(self.tr("正在同步…"))
        self.sync_progress.start()  # its words, then 服务器繁忙，正在重试… while it waits
        self.ctx.ops.write(
            partial(remember_and_sync, address=where, progress=self.sync_progress),
            self._synced,
            self._sync_failed,
            what=self.tr("同步"),
        )

    def _synced(self, report: SyncReport) -> None:
        def words(moved: dict[str, int]) -> str:
            return "，".join(f"{NAMES.get(k, k)} {v}" for k, v in moved.items()) or self.tr("无")

        self.sync_progress.finish()
        self.sync_button.setEnabled(True)
        lines = [
            self.tr("同步完成。上传：{up}；下载：{down}").format(
                up=words(report.pushed), down=words(report.pulled)
            ),
            *(describe_sync_problem(p) for p in [*report.problems, *report.notices]),
            *(describe_conflict(c) for c in report.conflicts),
        ]
        self.sync_label.setText("\n".join(lines))
        self.ctx.ops.message.emit(self.tr("同步完成"))

    def _sync_failed(self, exc: BaseException) -> None:
        self.sync_progress.finish()
        self.sync_button.setEnabled(True)
        self.sync_label.setText(describe_error(exc))

    def _typed(self) -> tuple[ProfileInput, FormUnit]:
        return self.form.raw_input(), self.unit_form.raw_input()

    def _loaded(self, loaded: tuple[Profile | None, str, FormUnit]) -> None:
        profile, server, unit = loaded
        if server and not self.server_edit.text():
            self.server_edit.setText(server)
        self.form.show_profile(profile)
        self.unit_form.show_unit(unit)
        self._shown = self._typed()
        self.mark_ready()

    def _changed(self, topics: frozenset[str]) -> None:
        # Refresh from the database unless the user is in the middle of editing.
        if {"profile", UNIT_TOPIC} & topics and self._typed() == self._shown:
            self.reload()

    def save(self) -> None:
        try:
            data = self.form.collect()
        except InvalidValue as exc:
            self.form.show_error(exc)
            return
        self.form.clear_error()
        try:
            unit = self.unit_form.collect()
        except InvalidValue as exc:
            self.unit_form.show_error(exc)
            return
        self.unit_form.clear_error()
        self.save_button.setEnabled(False)
        self.saved_label.clear()
        self.ctx.ops.write(
            partial(save_profile_and_unit, profile=data, unit=unit),
            self._saved,
            self._failed,
            what=self.tr("保存资料"),
        )

    def _saved(self, saved: tuple[Profile, FormUnit]) -> None:
        profile, unit = saved
        self.save_button.setEnabled(True)
        self.form.show_profile(profile)
        self.unit_form.show_unit(unit)
        self._shown = self._typed()
        self.saved_label.setText(self.tr("已保存"))
        self.ctx.ops.message.emit(self.tr("已保存客户经理资料"))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        field = exc.data.get("field") if isinstance(exc, FieldbookError) else None
        if isinstance(field, str) and field in self.unit_form.widgets:
            self.unit_form.show_error(exc)
        else:
            self.form.show_error(exc)

    def _density_row(self) -> QHBoxLayout:
        self.density = QComboBox()
        self.density.setObjectName("densityCombo")
        names = {
            "auto": self.tr("自动（小屏幕紧凑）"),
            "compact": self.tr("紧凑"),
            "comfortable": self.tr("宽松"),
        }
        for code in DENSITIES:
            self.density.addItem(names[code], code)
        self.density.setCurrentIndex(max(self.density.findData(chosen_density()), 0))
        self.density.currentIndexChanged.connect(self._density_changed)
        self.density_note = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.density)
        row.addWidget(self.density_note, 1)
        return row

    def _density_changed(self) -> None:
        save_density(self.density.currentData())
        self.density_note.setText(self.tr("重新启动 Fieldbook 后生效"))

    def _language_changed(self) -> None:
        save_language(self.language.currentData())
        self.language_note.setText(self.tr("重新启动 Fieldbook 后生效"))

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.ctx.db_path, self.ctx.db_label, self)
        dialog.open()
        return dialog

    def _open_folder(self) -> None:
        if self.ctx.db_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.ctx.db_path).parent)))


def _path_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setObjectName("pathLabel")
    return label


def _form_box(title: str) -> tuple[QGroupBox, QFormLayout]:
    """A titled box holding a form (labels right-aligned)."""
    box = QGroupBox(title)
    box.setMaximumWidth(900)
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return box, form
