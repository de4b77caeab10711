"""Import the company's customer list or SKU list (.xlsx / .csv), shared by both pages.

Pick a file → a dry run in the worker shows the detected header row, the field ↔ column
mapping (editable: each field has a combo of the file's header texts), the counts and every
problem by row and column. 导入 is only possible without problems (all or nothing);
跳过有问题的行并导入 applies the valid rows. Changing the mapping re-runs the dry run.
The flow itself is :class:`~fieldbook.qt.dialogs.import_flow.ImportFlow`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.xlsx.importing import header_aliases
from fieldbook.messages import field_name
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.import_flow import ImportFlow, Job, ProblemTable
from fieldbook.qt.formatting import listing
from fieldbook.qt.operations.imports import (
    REQUIRED,
    FieldMapping,
    Headers,
    Preview,
    Territory,
    import_fields,
    import_list,
    preview,
)

if TYPE_CHECKING:
    from fieldbook.core.xlsx.importing import ImportReport

#: How many of the customers missing from the list the tooltip names.
MISSING_SHOWN = 40


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def field_label(kind: str, name: str) -> str:
    """A field's Chinese name: from wording, else the first header alias."""
    aliases = header_aliases(kind).get(name) or [name]
    if name in ("code", "name"):  # "编码"/"名称" alone are too vague: 客户编码, 卷烟名称
        return aliases[0]
    for candidate in (name, f"{name}_fen"):
        text = field_name(candidate)
        if text != candidate:
            return text
    return aliases[0]


class CountTile(QFrame):
    """One number with its caption (新增 12)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countTile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.number = QLabel("–")
        self.number.setObjectName("countNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set(self, value: int | None, *, alert: bool = False) -> None:
        self.number.setText("–" if value is None else str(value))
        self.setProperty("alert", bool(alert and value))
        self.style().unpolish(self)
        self.style().polish(self)


class MappingEditor(QGroupBox):
    """列的对应关系: one row per field, a combo of the file's columns. One column feeds one
    field: choosing a column another field had unmaps that one."""

    #: The user changed the mapping (the new one is :meth:`mapping`).
    edited = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("列的对应关系（可修改）"))
        self.kind = kind
        self.combos: dict[str, QComboBox] = {}
        table = QTableWidget(0, 2)
        table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("文件中的列")])
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(32)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table = table
        QVBoxLayout(self).addWidget(table)

    def fill(self, headers: tuple[str, ...], mapping: FieldMapping) -> None:
        """The file's columns in every combo (once per file), then the mapping."""
        names = import_fields(self.kind)
        if self.table.rowCount() != len(names):
            self._build(names, headers)
        for name, combo in self.combos.items():
            _select(combo, mapping.get(name))

    def _build(self, names: list[str], headers: tuple[str, ...]) -> None:
        required = set(REQUIRED[self.kind])
        self.table.setRowCount(len(names))
        self.combos.clear()
        for row, name in enumerate(names):
            label = field_label(self.kind, name) + (" *" if name in required else "")
            item = QTableWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setProperty("field", name)
            combo.addItem(self.tr("（不导入）"), None)
            for index, text in enumerate(headers):
                shown = text or self.tr("（空白表头）")
                combo.addItem(
                    self.tr("{col} 列：{text}").format(col=column_letter(index), text=shown), index
                )
            combo.currentIndexChanged.connect(lambda _i, field=name: self._edited(field))
            self.combos[name] = combo
            self.table.setCellWidget(row, 1, combo)

    def _edited(self, field: str) -> None:
        column = self.combos[field].currentData()
        if column is not None:
            for name, combo in self.combos.items():
                if name != field and combo.currentData() == column:
                    _select(combo, None)
        self.edited.emit()

    def mapping(self) -> FieldMapping:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def set_mapping(self, field: str, column: int | None) -> None:
        """Point ``field`` at a column of the file (None: do not import it), as a user would."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(combo.findData(column), 0))


def _select(combo: QComboBox, value: int | None) -> None:
    """Select ``value`` without telling anyone."""
    combo.blockSignals(True)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    combo.blockSignals(False)


class ImportDialog(ImportFlow):
    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        parent: QWidget | None = None,
        *,
        territory: Territory | None = None,
    ) -> None:
        """``territory``: import only these (district, route) pairs of a customer list (the
        welcome's 我的线路); the other rows are left out and counted."""
        if kind not in ("customers", "skus", "targets"):
            raise ValueError(kind)
        super().__init__(ctx, parent)
        titles = {
            "customers": self.tr("导入客户名单"),
            "skus": self.tr("导入卷烟规格"),
            "targets": self.tr("导入月度任务"),
        }
        self.territory = territory
        customers = kind == "customers"
        self.setWindowTitle(titles[kind])
        self.info_label.setText(
            self.tr("支持 Excel 工作簿（.xlsx）和 CSV 文件。先检查，确认无误后再导入。")
        )
        self.kind = kind
        self.mapping: FieldMapping | None = None
        self.headers: Headers | None = None
        self.resize(1000, 660)
        self.mapping_editor = MappingEditor(kind)
        self.mapping_editor.edited.connect(self._mapping_edited)
        self.combos = self.mapping_editor.combos
        self.counts: dict[str, CountTile] = {
            "new": CountTile(self.tr("新增")),
            "updated": CountTile(self.tr("更新")),
            "unchanged": CountTile(self.tr("未变")),
            "problems": CountTile(self.tr("有问题")),
        }
        if customers and territory is not None:
            self.counts["outside"] = CountTile(self.tr("其他片区（不导入）"))
        elif customers:
            self.counts["missing"] = CountTile(self.tr("名单中缺少的客户"))
        elif kind == "targets":  # the rows of other managers (routine.target_import)
            self.counts["outside"] = CountTile(self.tr("其他客户经理（不导入）"))
        self.problem_table = ProblemTable()
        middle = QHBoxLayout()
        middle.addWidget(self.mapping_editor, 2)
        middle.addWidget(self._result_box(), 3)
        self.content.addLayout(middle)
        self.update_buttons()

    def _result_box(self) -> QGroupBox:
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for n, tile in enumerate(self.counts.values()):
            tiles.addWidget(tile, 0, n)
        box = QGroupBox(self.tr("检查结果"))
        layout = QVBoxLayout(box)
        layout.addLayout(tiles)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problem_table, 1)
        return box

    # --- the flow's steps --------------------------------------------------------------------
    def file_chosen(self) -> None:
        self.mapping = None
        self.headers = None

    def dry_run(self, path: Path) -> Job:
        kind, mapping, headers, territory = self.kind, self.mapping, self.headers, self.territory
        return lambda j, progress, cancelled: preview(
            j, path, kind, mapping, headers, progress, cancelled, territory
        )

    def import_job(self, path: Path, *, skip_invalid: bool) -> Job:
        kind, mapping, territory = self.kind, self.mapping, self.territory
        return lambda j, progress, cancelled: import_list(
            j,
            path,
            kind,
            mapping,
            skip_invalid=skip_invalid,
            progress=progress,
            cancelled=cancelled,
            territory=territory,
        )

    def show_result(self, result: Preview) -> None:
        self.headers = (result.headers, result.detected)
        if self.mapping is None:
            self.mapping = dict(result.detected)
        self.show_report(result.report)

    def not_applied(self, report: ImportReport) -> None:
        # The file changed since the check, or nothing was left to import.
        self.show_report(report)

    def has_changes(self, report: ImportReport) -> bool:
        return bool(report.new or report.updated)

    def applied_message(self, report: ImportReport) -> str:
        noun = {"customers": self.tr("户"), "targets": self.tr("项任务")}.get(
            self.kind, self.tr("个规格")
        )
        return self.tr("导入完成：新增 {new} {noun}，更新 {upd} {noun}，跳过 {bad} 行。").format(
            new=len(report.new),
            upd=len(report.updated),
            bad=len(report.rejected_rows),
            noun=noun,
        )

    # --- showing the report ------------------------------------------------------------------
    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.info_label.setText(
            self.tr("表头在第 {row} 行{sheet}。请核对列的对应关系和检查结果。").format(
                row=report.header_row, sheet=self.sheet_text(report)
            )
        )
        if self.headers is not None and self.mapping is not None:
            self.mapping_editor.fill(self.headers[0], self.mapping)
        self.counts["new"].set(len(report.new))
        self.counts["updated"].set(len(report.updated))
        self.counts["unchanged"].set(len(report.unchanged))
        self.counts["problems"].set(len(report.rejected_rows), alert=True)
        if "missing" in self.counts:
            missing = report.missing
            self.counts["missing"].set(len(missing))
            shown = listing(missing[:MISSING_SHOWN]) + ("…" if len(missing) > MISSING_SHOWN else "")
            self.counts["missing"].setToolTip(shown)
        if "outside" in self.counts:
            self.counts["outside"].set(len(report.outside))
        self.problem_table.show_problems(report.problems, report.warnings)
        self.summary_label.setText(self._summary(report))
        self.update_buttons()

    def _summary(self, report: ImportReport) -> str:
        parts: list[str] = []
        missing = [p.column for p in report.problems if p.code == "missing_column"]
        if report.fatal and missing:  # (another fatal problem, a column's unit: listed below)
            parts.append(
                self.tr("缺少必需的列：{cols}。请在左边为它选择文件中的列。").format(
                    cols=listing(missing)
                )
            )
        elif report.problems:
            parts.append(self.problems_text(report))
        elif not (report.new or report.updated):
            parts.append(self.tr("文件与现有数据一致，没有需要导入的内容。"))
        else:
            parts.append(self.tr("没有发现问题，可以导入。"))
        if report.outside and self.kind == "targets":  # manager names (routine.target_import)
            parts.append(
                self.tr("其他客户经理（{names}）的任务不导入。").format(
                    names=listing(report.outside)
                )
            )
        elif report.outside:
            parts.append(self.tr("其他片区和线路的 {n} 户不导入。").format(n=len(report.outside)))
        if report.missing:
            parts.append(
                self.tr("数据库里有 {n} 户不在这份名单中（导入不会删除它们）。").format(
                    n=len(report.missing)
                )
            )
        if report.skipped_rows:
            parts.append(self.skipped_text(report))
        if report.unknown_columns:
            parts.append(
                self.tr("未使用的列：{cols}。").format(cols=listing(report.unknown_columns[:12]))
            )
        return " ".join(parts)

    # --- the mapping -------------------------------------------------------------------------
    def _mapping_edited(self) -> None:
        self.mapping = self.mapping_editor.mapping()
        self.check()

    def set_mapping(self, field: str, column: int | None) -> None:
        """Point ``field`` at a column of the file (None: do not import it); re-checks."""
        self.mapping_editor.set_mapping(field, column)

    @property
    def problem_rows(self) -> list[tuple[str, ...]]:
        return self.problem_table.rows()
