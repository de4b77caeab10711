"""备份与恢复: the database's backups (newest first, with their record counts; an unreadable one
is marked 已损坏), 立即备份, 恢复所选备份… (after a confirmation saying what will happen),
检查数据库 (integrity and foreign keys) and 打开备份文件夹.

A restore is the composition root's job (``ctx.restore``): it stops the worker, closes the
journal, lets the core restore (a safety backup of the current data first, the current file
moved aside), then reopens the app on the restored database — on this page, saying what
happened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from fieldbook.core import clock
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import backup_counts, backup_kind, file_size
from fieldbook.qt.models.row_table_model import Column, RowTableModel
from fieldbook.qt.pages.base import Page, note, page_layout
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.store.backup import BackupInfo, RestoreResult
    from fieldbook.core.store.check import CheckReport
    from fieldbook.qt.backups import BackupMade

STATUS_COLUMN = 6
PASSPHRASE_PROBLEMS = ("wrong_passphrase", "passphrase_required", "not_encrypted")
SHOWN_PROBLEMS = 20


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def _status(info: BackupInfo) -> str:
    from PySide6.QtCore import QCoreApplication

    if info.readable:
        return QCoreApplication.translate("BackupPage", "可以恢复")
    if info.problem in PASSPHRASE_PROBLEMS:
        return QCoreApplication.translate("BackupPage", "口令不同，无法读取")
    if info.problem.startswith("schema_"):
        return QCoreApplication.translate("BackupPage", "结构不符，不能恢复")
    return QCoreApplication.translate("BackupPage", "已损坏")


def _problem_text(info: BackupInfo) -> str:
    """The tooltip of an unrestorable backup: what differs, or why it cannot be read."""
    from fieldbook.messages import MESSAGES, message, schema_differences

    if info.schema_differences:
        return schema_differences(list(info.schema_differences))
    return message(info.problem) if info.problem in MESSAGES else info.problem


class BackupTableModel(RowTableModel["BackupInfo"]):
    def __init__(self, parent: Any = None) -> None:
        from PySide6.QtCore import QCoreApplication

        def tr(text: str) -> str:
            return QCoreApplication.translate("BackupPage", text)

        def number(title: str, attr: str) -> Column[BackupInfo]:
            return Column(
                title,
                lambda b: _count(getattr(b, attr)),
                key=lambda b: getattr(b, attr),
                align="right",
                width=70,
            )

        super().__init__(
            [
                Column(tr("时间"), lambda b: b.made_at.strftime("%Y-%m-%d %H:%M:%S"), width=170),
                Column(tr("类型"), lambda b: backup_kind(b.label), width=80),
                Column(
                    tr("大小"), lambda b: file_size(b.size), key=lambda b: b.size, align="right"
                ),
                number(tr("客户"), "customers"),
                number(tr("走访"), "visits"),
                number(tr("计划"), "plans"),
                Column(tr("状态"), _status, width=150, tooltip=True),
                Column(tr("文件"), lambda b: b.path.name, width=200, tooltip=True, stretch=True),
            ],
            parent,
        )

    def muted(self, row: BackupInfo) -> bool:
        return not row.readable

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == STATUS_COLUMN
        ):
            row = self.row_at(index.row())
            if row is not None and not row.readable:
                return QBrush(QColor("#a4262c"))
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and not row.readable and row.problem:
                return _problem_text(row)
        return super().data(index, role)


def list_infos(j: Journal, db_path: Path) -> list[BackupInfo]:
    from fieldbook.core.store.backup import list_backups_info
    from fieldbook.qt.backups import journal_passphrase

    return list_backups_info(db_path, passphrase=journal_passphrase(j))


def check_database(j: Journal, db_path: Path) -> CheckReport:
    from fieldbook.core.store.check import full_check
    from fieldbook.qt.backups import journal_passphrase

    return full_check(db_path, passphrase=journal_passphrase(j))


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
        if path is not None:
            intro = self.tr(
                "有修改时每 30 分钟自动备份一次，退出时也备份；旧备份会自动精简"
                "（保留最近每天、每周、每月各一份）。备份和数据库一样，只有您的系统账户可以读取。\n"
                "备份文件夹：{folder}"
            ).format(folder=self.folder)
        else:
            intro = self.tr("这个数据库不是本机文件，不能在这里备份或恢复。")
        self.intro = note(intro)
        layout.addWidget(self.intro)

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
        layout.addLayout(row)

        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("noteBox")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome_label.hide()
        layout.addWidget(self.outcome_label)
        self.check_label = QLabel()
        self.check_label.setObjectName("noteBox")
        self.check_label.setWordWrap(True)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_label.hide()
        layout.addWidget(self.check_label)

        self.model = BackupTableModel(self)
        self.view = RowTableView()
        self.view.set_row_model(self.model)
        self.view.setAccessibleName(self.tr("备份列表"))
        layout.addWidget(self.view, 1)
        self.empty_label = QLabel(self.tr("还没有备份。点“立即备份”做第一个。"))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        local = path is not None
        self.backup_button.setEnabled(local and ctx.backups is not None)
        self.check_button.setEnabled(local)
        self.folder_button.setEnabled(local)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.check_button.clicked.connect(self.check)
        self.folder_button.clicked.connect(self.open_folder)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.open_requested.connect(lambda _row: self.restore_selected())
        if ctx.backups is not None:
            ctx.backups.made.connect(self._made)
            ctx.backups.failed.connect(self._backup_failed)
            if ctx.backups.last is not None:
                self._show_last(ctx.backups.last)
        self._update_buttons()
        self.reload()

    # --- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        path = self.ctx.db_path
        if path is None:
            self.mark_ready()
            return
        self.ctx.ops.query(
            lambda j: list_infos(j, path),
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
        from fieldbook.messages import describe_error

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
        self.outcome_text = "\n".join(lines)
        self._show_box(self.outcome_label, self.outcome_text, warning=False)

    # --- checking ---------------------------------------------------------------------------
    def check(self) -> None:
        path = self.ctx.db_path
        if path is None:
            return
        self.check_button.setEnabled(False)
        self._show_box(self.check_label, self.tr("正在检查数据库…"), warning=False)

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            self.check_button.setEnabled(True)
            self._show_box(
                self.check_label,
                self.tr("检查没有完成：{reason}").format(reason=describe_error(exc)),
                warning=True,
            )

        self.ctx.ops.query(
            lambda j: check_database(j, path), self._checked, failed, what=self.tr("检查数据库")
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
        from fieldbook.messages import schema_difference

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
        style = label.style()
        style.unpolish(label)
        style.polish(label)
        label.setVisible(bool(text))

    # --- the folder -------------------------------------------------------------------------
    def open_folder(self) -> None:
        if self.folder is None:
            return
        from fieldbook.core.paths import ensure_private_dir

        ensure_private_dir(self.folder)
        self.open_url(QUrl.fromLocalFile(str(self.folder)))
