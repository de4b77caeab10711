"""备份与恢复: the database's backups (newest first, with their record counts; an unreadable one
is marked 已损坏), 立即备份, 恢复所选备份… (after a confirmation saying what will happen),
检查数据库 (integrity and foreign keys) and 打开备份文件夹.

A restore is the composition root's job (``ctx.restore``): it stops the worker, closes the
journal, lets the core restore (a safety backup of the current data first, the current file
moved aside), then reopens the app on the restored database — on this page, saying what
happened."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from fieldbook.core import clock
from fieldbook.core.paths import ensure_private_dir
from fieldbook.core.store.backup import BackupInfo
from fieldbook.core.store.check import CheckReport
from fieldbook.core.store.restore import RestoreResult
from fieldbook.messages import describe_error, schema_difference
from fieldbook.qt.backups import BackupMade
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import backup_counts, backup_kind
from fieldbook.qt.models.backup_table_model import BackupTableModel
from fieldbook.qt.operations.backups import check_database, list_infos
from fieldbook.qt.pages.base import Page, note, page_layout
from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.table_view import RowTableView

SHOWN_PROBLEMS = 20


def _box_label() -> QLabel:
    """A hidden, selectable note box (a restore's outcome, a check's result)."""
    label = QLabel()
    label.setObjectName("noteBox")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class BackupPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.infos: list[BackupInfo] = []
        self.outcome_text = ""
        self.confirm_box: QMessageBox | None = None
        #: Opens a folder in the file manager (replaced in tests).
        self.open_url = QDesktopServices.openUrl
        layout = page_layout(self, self.tr("备份与恢复"))
        path = ctx.db_path
        self.folder = path.parent / "backups" if path is not None else None
        self.intro = note(self._intro_text())
        layout.addWidget(self.intro)
        layout.addLayout(self._build_buttons())
        self.outcome_label = _box_label()
        layout.addWidget(self.outcome_label)
        self.check_label = _box_label()
        layout.addWidget(self.check_label)
        self._build_list(layout)
        self._connect(local=path is not None)
        self._update_buttons()
        self.reload()

    def _intro_text(self) -> str:
        if self.folder is None:
            return self.tr("这个数据库不是本机文件，不能在这里备份或恢复。")
        return self.tr(
            "有修改时每 30 分钟自动备份一次，退出时也备份；旧备份会自动精简"
            "（保留最近每天、每周、每月各一份）。备份和数据库一样，只有您的系统账户可以读取。\n"
            "备份文件夹：{folder}"
        ).format(folder=self.folder)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setToolTip(self.tr("现在做一个备份（Ctrl+B）"))
        self.backup_button.setShortcut("Ctrl+B")
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.restore_button.setToolTip(self.tr("用所选的备份替换当前数据（会先确认）"))
        self.check_button = QPushButton(self.tr("检查数据库"))
        self.check_button.setToolTip(self.tr("完整性检查和外键检查，找出文件里的任何问题"))
        self.folder_button = QPushButton(self.tr("打开备份文件夹"))
        for button in (
            self.backup_button,
            self.restore_button,
            self.check_button,
            self.folder_button,
        ):
            button.setMinimumHeight(34)
            row.addWidget(button)
        row.addStretch(1)
        self.last_label = QLabel()
        self.last_label.setObjectName("hintLabel")
        row.addWidget(self.last_label)
        return row

    def _build_list(self, layout: QVBoxLayout) -> None:
        self.model = BackupTableModel(self)
        self.view = RowTableView()
        self.view.set_row_model(self.model)
        self.view.setAccessibleName(self.tr("备份列表"))
        layout.addWidget(self.view, 1)
        self.empty_label = QLabel(self.tr("还没有备份。点“立即备份”做第一个。"))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

    def _connect(self, *, local: bool) -> None:
        backups = self.ctx.backups
        self.backup_button.setEnabled(local and backups is not None)
        self.check_button.setEnabled(local)
        self.folder_button.setEnabled(local)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.check_button.clicked.connect(self.check)
        self.folder_button.clicked.connect(self.open_folder)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.open_requested.connect(lambda _row: self.restore_selected())
        if backups is not None:
            backups.made.connect(self._made)
            backups.failed.connect(self._backup_failed)
            if backups.last is not None:
                self._show_last(backups.last)

    # --- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        path = self.ctx.db_path
        if path is None:
            self.mark_ready()
            return
        self.ctx.ops.query(
            partial(list_infos, db_path=path),
            self._loaded,
            self._load_failed,
            key="backups.list",
            what=self.tr("读取备份列表"),
        )

    def _loaded(self, infos: list[BackupInfo]) -> None:
        selected = self.selected()
        self.infos = list(infos)
        self.model.set_rows(self.infos)
        keep = selected.path if selected is not None else None
        row = self.model.row_of(lambda b: b.path == keep) if keep is not None else -1
        if row < 0 and self.infos:
            row = self.model.row_of(lambda b: b.readable)
        self.view.select_row(row)
        self.empty_label.setVisible(not self.infos)
        self._update_buttons()
        self.mark_ready()

    def _load_failed(self, exc: BaseException) -> None:
        self.ctx.ops.report(exc, what=self.tr("读取备份列表"), write=False)
        self.mark_ready()

    def selected(self) -> BackupInfo | None:
        return self.model.row_at(self.view.current_row())

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(
            info is not None and info.readable and self.ctx.restore is not None
        )

    def activated(self) -> None:
        self.reload()

    # --- backing up -------------------------------------------------------------------------
    def backup_now(self) -> None:
        backups = self.ctx.backups
        if backups is None:
            return
        self.backup_button.setEnabled(False)
        self.last_label.setText(self.tr("正在备份…"))

        def done(_made: BackupMade) -> None:
            self.backup_button.setEnabled(True)

        def failed(_text: str) -> None:
            self.backup_button.setEnabled(True)

        backups.backup("manual", done, failed)

    def _made(self, made: BackupMade) -> None:
        self._show_last(made)
        self.reload()

    def _show_last(self, made: BackupMade) -> None:
        self.last_label.setText(
            self.tr("已备份 {time}（{kind}）").format(
                time=made.at.strftime("%H:%M"), kind=backup_kind(made.label)
            )
        )

    def _backup_failed(self, text: str) -> None:
        self.last_label.setText(self.tr("备份失败"))
        self._show_box(self.check_label, text, warning=True)

    # --- restoring --------------------------------------------------------------------------
    def restore_selected(self) -> QMessageBox | None:
        """Ask first (non-modal); 恢复 hands over to the composition root."""
        info = self.selected()
        if info is None or not info.readable or self.ctx.restore is None:
            return None
        name = self.ctx.db_path.name if self.ctx.db_path is not None else ""
        text = self.tr(
            "用 {time} 的备份（{kind}）替换当前数据？\n{counts}\n\n"
            "将会这样做：\n"
            "1. 先把当前数据另做一个“恢复前”备份；\n"
            "2. 当前数据库文件移到一旁（{name}.replaced-…，不删除）；\n"
            "3. 用所选备份替换，然后 Fieldbook 在恢复后的数据上重新打开。\n\n"
            "这个备份之后的修改不在恢复后的数据里（它们在“恢复前”备份中）。"
        ).format(
            time=info.made_at.strftime("%Y-%m-%d %H:%M"),
            kind=backup_kind(info.label),
            counts=backup_counts(info),
            name=name,
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("恢复备份"),
            text,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        go = box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 480px; }")
        path = info.path

        def answered() -> None:
            self.confirm_box = None
            if box.clickedButton() is go and self.ctx.restore is not None:
                self.ctx.restore(path)

        box.finished.connect(lambda _r: answered())
        self.confirm_box = box
        box.open()
        return box

    def show_restore_outcome(self, outcome: RestoreResult | BaseException) -> None:
        if isinstance(outcome, BaseException):
            self.outcome_text = self.tr("没有恢复：{reason}\n当前数据库没有改动。").format(
                reason=describe_error(outcome)
            )
            self._show_box(self.outcome_label, self.outcome_text, warning=True)
            return
        lines = [
            self.tr("已从备份恢复：{file}").format(file=outcome.restored_from.name),
        ]
        if outcome.safety_backup is not None:
            lines.append(
                self.tr("恢复前的数据另做了备份：{file}").format(file=outcome.safety_backup.name)
            )
        if outcome.replaced:
            lines.append(
                self.tr("原数据库文件已移到：{path}（没有删除）").format(path=outcome.replaced[0])
            )
        if outcome.files_restored:
            lines.append(
                self.tr("照片和附件：从备份里找回 {n} 个").format(n=outcome.files_restored)
            )
        if outcome.files_missing:
            lines.append(
                self.tr("有 {n} 个照片或附件在备份里也找不到").format(n=len(outcome.files_missing))
            )
        self.outcome_text = "\n".join(lines)
        self._show_box(self.outcome_label, self.outcome_text, warning=bool(outcome.files_missing))

    # --- checking ---------------------------------------------------------------------------
    def check(self) -> None:
        path = self.ctx.db_path
        if path is None:
            return
        self.check_button.setEnabled(False)
        self._show_box(self.check_label, self.tr("正在检查数据库…"), warning=False)

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            self._show_box(
                self.check_label,
                self.tr("检查没有完成：{reason}").format(reason=describe_error(exc)),
                warning=True,
            )

        self.ctx.ops.query(
            partial(check_database, db_path=path),
            self._checked,
            failed,
            what=self.tr("检查数据库"),
        )

    def _checked(self, report: CheckReport) -> None:
        self.check_button.setEnabled(True)
        when = clock.now().strftime("%H:%M")
        if report.ok:
            self._show_box(
                self.check_label,
                self.tr("数据库完好（{time} 检查）：完整性检查、外键检查都通过。").format(
                    time=when
                ),
                warning=False,
            )
            return
        schema = [schema_difference(d) for d in report.schema]
        if report.schema_problem:
            schema.insert(0, report.schema_problem)
        lines = [*report.integrity, *schema, *(str(p) for p in report.foreign_keys)]
        shown = "\n".join(f"· {line}" for line in lines[:SHOWN_PROBLEMS])
        more = ""
        if len(lines) > SHOWN_PROBLEMS:
            more = self.tr("\n…… 共 {n} 个问题").format(n=len(lines))
        self._show_box(
            self.check_label,
            self.tr(
                "数据库有问题（{time} 检查）：完整性 {i} 个，结构 {s} 个，外键 {f} 个。\n"
                "{lines}{more}\n"
                "建议：先“立即备份”留住现状，再从最新的完好备份恢复。"
            ).format(
                time=when,
                i=len(report.integrity),
                s=len(schema),
                f=len(report.foreign_keys),
                lines=shown,
                more=more,
            ),
            warning=True,
        )

    def _show_box(self, label: QLabel, text: str, *, warning: bool) -> None:
        label.setText(text)
        label.setObjectName("warningBox" if warning else "noteBox")
        repolish(label)
        label.setVisible(bool(text))

    # --- the folder -------------------------------------------------------------------------
    def open_folder(self) -> None:
        if self.folder is None:
            return
        ensure_private_dir(self.folder)
        self.open_url(QUrl.fromLocalFile(str(self.folder)))
