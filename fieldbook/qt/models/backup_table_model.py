"""The backups table (备份与恢复): newest first, with their record counts; an unrestorable
backup says why (已损坏, 结构不符, 口令不同) in red, with the details as its tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from fieldbook.core.store.backup import BackupInfo
from fieldbook.messages import MESSAGES, message, schema_differences
from fieldbook.qt.formatting import backup_kind, file_size
from fieldbook.qt.models.row_table_model import Column, RowTableModel, count_column

STATUS_COLUMN = 6
PASSPHRASE_PROBLEMS = ("wrong_passphrase", "passphrase_required", "not_encrypted")


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupPage", text)


def _status(info: BackupInfo) -> str:
    if info.readable:
        return _tr("可以恢复")
    if info.problem in PASSPHRASE_PROBLEMS:
        return _tr("口令不同，无法读取")
    if info.problem.startswith("schema_"):
        return _tr("结构不符，不能恢复")
    return _tr("已损坏")


def _problem_text(info: BackupInfo) -> str:
    """The tooltip of an unrestorable backup: what differs, or why it cannot be read."""
    if info.schema_differences:
        return schema_differences(list(info.schema_differences))
    return message(info.problem) if info.problem in MESSAGES else info.problem


def backup_columns() -> list[Column[BackupInfo]]:
    return [
        Column(_tr("时间"), lambda b: b.made_at.strftime("%Y-%m-%d %H:%M:%S"), width=170),
        Column(_tr("类型"), lambda b: backup_kind(b.label), width=80),
        Column(_tr("大小"), lambda b: file_size(b.size), key=lambda b: b.size, align="right"),
        count_column(_tr("客户"), lambda b: b.customers),
        count_column(_tr("走访"), lambda b: b.visits),
        count_column(_tr("计划"), lambda b: b.plans),
        Column(_tr("状态"), _status, width=150, tooltip=True),
        Column(_tr("文件"), lambda b: b.path.name, width=200, tooltip=True, stretch=True),
    ]


class BackupTableModel(RowTableModel[BackupInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(backup_columns(), parent)

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
