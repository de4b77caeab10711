"""Import the company's customer list or SKU list (.xlsx / .csv), shared by both pages.

Pick a file → a dry run in the worker shows the detected header row, the field ↔ column
mapping (editable: each field has a combo of the file's header texts), the counts and every
problem by row and column. 导入 is only possible without problems (all or nothing);
跳过有问题的行并导入 applies the valid rows. Changing the mapping re-runs the dry run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import listing

if TYPE_CHECKING:
    from fieldbook.core.errors import Problem
    from fieldbook.core.journal import Journal
    from fieldbook.core.xlsx.importing import ImportReport

MAX_PROBLEMS_SHOWN = 1000
FieldMapping = dict[str, int | None]


# ----------------------------------------------------------------------------- worker side


@dataclass(frozen=True)
class Preview:
    """A dry run's report plus what the mapping editor needs from the file."""

    report: ImportReport
    headers: tuple[str, ...]  # the header row's texts, by column index
    detected: dict[str, int | None]  # field -> column index the core detected


def _importer(kind: str) -> Callable[..., ImportReport]:
    if kind == "customers":
        from fieldbook.core.master.customer_import import import_customers

        return import_customers
    from fieldbook.core.master.sku_import import import_skus

    return import_skus


def _required(kind: str) -> tuple[str, ...]:
    if kind == "customers":
        from fieldbook.core.master.customer_import import REQUIRED

        return REQUIRED
    from fieldbook.core.master.sku_import import REQUIRED as SKU_REQUIRED

    return SKU_REQUIRED


def import_fields(kind: str) -> list[str]:
    """The fields an import of ``kind`` knows, in the order of import_headers.toml."""
    from fieldbook.core.xlsx.importing import header_aliases

    return list(header_aliases(kind))


def read_headers(path: Path, kind: str) -> tuple[tuple[str, ...], dict[str, int | None]]:
    """The header row's texts and the detected mapping (read_table + find_header)."""
    from fieldbook.core.text import clean_text
    from fieldbook.core.xlsx.headers import find_header
    from fieldbook.core.xlsx.importing import header_aliases
    from fieldbook.core.xlsx.tabular import read_table

    table = read_table(path)
    match = find_header(table, header_aliases(kind), required=_required(kind))
    headers = tuple(match.headers) or tuple(
        clean_text(c) for c in table.rows[match.row_index].cells
    )
    detected: dict[str, int | None] = {f: None for f in header_aliases(kind)}
    detected.update({f: i for f, i in match.columns.items() if f in detected})
    return headers, detected


def preview(
    journal: Journal,
    path: Path,
    kind: str,
    mapping: Mapping[str, int | None] | None,
    headers: tuple[tuple[str, ...], dict[str, int | None]] | None,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> Preview:
    if headers is None:
        headers = read_headers(path, kind)
    report = _importer(kind)(
        journal,
        path,
        mapping=dict(mapping) if mapping else None,
        dry_run=True,
        progress=progress,
        cancelled=cancelled,
    )
    return Preview(report, headers[0], headers[1])


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def field_label(kind: str, name: str) -> str:
    """A field's Chinese name: from wording, else the first header alias."""
    from fieldbook.core.xlsx.importing import header_aliases
    from fieldbook.messages import field_name

    aliases = header_aliases(kind).get(name) or [name]
    if name in ("code", "name"):  # "编码"/"名称" alone are too vague: 客户编码, 卷烟名称
        return aliases[0]
    for candidate in (name, f"{name}_fen"):
        text = field_name(candidate)
        if text != candidate:
            return text
    return aliases[0]


def problem_text(p: Problem) -> str:
    """describe_problem() without its "第 N 行，列：" prefix (row and column have columns)."""
    from fieldbook.messages import describe_problem

    text = describe_problem(p)
    for prefix in (f"第 {p.row} 行，{p.column}：", f"row {p.row}, column {p.column}: "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


# ----------------------------------------------------------------------------- the dialog


class _Count(QFrame):
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


class ImportDialog(QDialog):
    #: Emitted with the ImportReport after an import changed the database.
    imported = Signal(object)

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in ("customers", "skus"):
            raise ValueError(kind)
        self.ctx = ctx
        self.kind = kind
        self.path: Path | None = None
        self.mapping: FieldMapping | None = None
        self.headers: tuple[tuple[str, ...], dict[str, int | None]] | None = None
        self.report: ImportReport | None = None
        self.busy = False
        self._file_dialog: QFileDialog | None = None
        customers = kind == "customers"
        self.setWindowTitle(self.tr("导入客户名单") if customers else self.tr("导入卷烟规格"))
        self.resize(1000, 660)
        self.setSizeGripEnabled(True)

        # file row
        self.file_label = QLabel(self.tr("还没有选择文件"))
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("文件：")))
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        self.info_label = QLabel(
            self.tr("支持 Excel 工作簿（.xlsx）和 CSV 文件。先检查，确认无误后再导入。")
        )
        self.info_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        # mapping
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("文件中的列")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.verticalHeader().setDefaultSectionSize(32)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.combos: dict[str, QComboBox] = {}
        mapping_box = QGroupBox(self.tr("列的对应关系（可修改）"))
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.addWidget(self.mapping_table)

        # counts
        self.counts: dict[str, _Count] = {
            "new": _Count(self.tr("新增")),
            "updated": _Count(self.tr("更新")),
            "unchanged": _Count(self.tr("未变")),
            "problems": _Count(self.tr("有问题")),
        }
        if customers:
            self.counts["missing"] = _Count(self.tr("名单中缺少的客户"))
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for n, tile in enumerate(self.counts.values()):
            tiles.addWidget(tile, 0, n)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        # problems
        self.problem_table = QTableWidget(0, 3)
        self.problem_table.setHorizontalHeaderLabels(
            [self.tr("行"), self.tr("列"), self.tr("问题")]
        )
        self.problem_table.verticalHeader().setVisible(False)
        self.problem_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_table.setWordWrap(False)
        header = self.problem_table.horizontalHeader()
        header.resizeSection(0, 60)
        header.resizeSection(1, 130)
        header.setStretchLastSection(True)
        result_box = QGroupBox(self.tr("检查结果"))
        result_layout = QVBoxLayout(result_box)
        result_layout.addLayout(tiles)
        result_layout.addWidget(self.summary_label)
        result_layout.addWidget(self.problem_table, 1)

        middle = QHBoxLayout()
        middle.addWidget(mapping_box, 2)
        middle.addWidget(result_box, 3)

        # buttons
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("跳过有问题的行并导入"))
        self.skip_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.import_button.clicked.connect(lambda: self.apply(skip_invalid=False))
        self.skip_button.clicked.connect(lambda: self.apply(skip_invalid=True))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_button, self.skip_button, self.cancel_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(file_row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- choosing a file ---------------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a file (non-blocking); cancelling before any file was chosen closes."""
        dialog = QFileDialog(self, self.tr("选择要导入的文件"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("表格文件 (*.xlsx *.xlsm *.csv *.txt)"), self.tr("所有文件 (*)")]
        )
        dialog.fileSelected.connect(lambda name: self.set_file(Path(name)))
        dialog.rejected.connect(self._file_dialog_closed)
        self._file_dialog = dialog
        dialog.open()

    def _file_dialog_closed(self) -> None:
        if self.path is None:
            self.reject()

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.mapping = None
        self.headers = None
        self.file_label.setText(str(self.path))
        self.check()

    # --- dry run ---------------------------------------------------------------------------------
    def check(self) -> None:
        """Run the dry run (in the worker) with the current mapping."""
        if self.path is None:
            return
        path, kind, mapping, headers = self.path, self.kind, self.mapping, self.headers
        self.busy = True
        self._update_buttons()
        self.info_label.setText(self.tr("正在检查文件…"))
        self.ctx.ops.long(
            lambda j, progress, cancelled: preview(
                j, path, kind, mapping, headers, progress, cancelled
            ),
            self._checked,
            self._check_failed,
            title=self.tr("检查文件"),
            label=self.tr("正在读取并检查 {name}…").format(name=path.name),
            write=False,
            parent=self,
        )

    def _checked(self, result: Preview) -> None:
        self.busy = False
        self.headers = (result.headers, result.detected)
        if self.mapping is None:
            self.mapping = dict(result.detected)
        self.error_label.hide()
        self.show_report(result.report)

    def _check_failed(self, exc: BaseException) -> None:
        from fieldbook.messages import describe_error
        from fieldbook.qt.operations.runner import is_cancelled

        self.busy = False
        self.report = None
        if is_cancelled(exc):
            self.info_label.setText(self.tr("检查已取消。"))
        else:
            self.info_label.setText(self.tr("无法导入这个文件。请检查文件，或选择另一个文件。"))
            self.error_label.setText(describe_error(exc))
            self.error_label.show()
        self._update_buttons()

    # --- showing the report ------------------------------------------------------------------
    def show_report(self, report: ImportReport) -> None:
        self.report = report
        sheet = self.tr("，工作表“{sheet}”").format(sheet=report.sheet) if report.sheet else ""
        self.info_label.setText(
            self.tr("表头在第 {row} 行{sheet}。请核对列的对应关系和检查结果。").format(
                row=report.header_row, sheet=sheet
            )
        )
        self._fill_mapping()
        rejected = len(report.rejected_rows)
        self.counts["new"].set(len(report.new))
        self.counts["updated"].set(len(report.updated))
        self.counts["unchanged"].set(len(report.unchanged))
        self.counts["problems"].set(rejected, alert=True)
        if "missing" in self.counts:
            self.counts["missing"].set(len(report.missing))
            shown = listing(report.missing[:40]) + ("…" if len(report.missing) > 40 else "")
            self.counts["missing"].setToolTip(shown)
        self._fill_problems(report)
        self.summary_label.setText(self._summary(report))
        self._update_buttons()

    def _summary(self, report: ImportReport) -> str:
        parts: list[str] = []
        if report.fatal:
            missing = [p.column for p in report.problems if p.code == "missing_column"]
            parts.append(
                self.tr("缺少必需的列：{cols}。请在左边为它选择文件中的列。").format(
                    cols=listing(missing)
                )
            )
        elif report.problems:
            parts.append(
                self.tr("{n} 行有问题：改好文件后重新选择，或跳过这些行只导入其余的行。").format(
                    n=len(report.rejected_rows)
                )
            )
        elif not (report.new or report.updated):
            parts.append(self.tr("文件与现有数据一致，没有需要导入的内容。"))
        else:
            parts.append(self.tr("没有发现问题，可以导入。"))
        if report.missing:
            parts.append(
                self.tr("数据库里有 {n} 户不在这份名单中（导入不会删除它们）。").format(
                    n=len(report.missing)
                )
            )
        if report.skipped_rows:
            parts.append(self.tr("已跳过 {n} 个空行或合计行。").format(n=len(report.skipped_rows)))
        if report.unknown_columns:
            parts.append(
                self.tr("未使用的列：{cols}。").format(cols=listing(report.unknown_columns[:12]))
            )
        return " ".join(parts)

    def _fill_mapping(self) -> None:
        if self.headers is None or self.mapping is None:
            return
        headers = self.headers[0]
        required = set(_required(self.kind))
        names = import_fields(self.kind)
        table = self.mapping_table
        if table.rowCount() != len(names):
            table.setRowCount(len(names))
            self.combos.clear()
            for row, name in enumerate(names):
                label = field_label(self.kind, name) + (" *" if name in required else "")
                item = QTableWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, name)
                table.setItem(row, 0, item)
                combo = QComboBox()
                combo.setProperty("field", name)
                combo.addItem(self.tr("（不导入）"), None)
                for index, text in enumerate(headers):
                    shown = text or self.tr("（空白表头）")
                    combo.addItem(
                        self.tr("{col} 列：{text}").format(col=column_letter(index), text=shown),
                        index,
                    )
                combo.currentIndexChanged.connect(
                    lambda _i, field=name: self._mapping_edited(field)
                )
                self.combos[name] = combo
                table.setCellWidget(row, 1, combo)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(self.mapping.get(name)), 0))
            combo.blockSignals(False)

    def _mapping_edited(self, field: str) -> None:
        # One column feeds one field: taking a column away from another field unmaps that one.
        column = self.combos[field].currentData()
        if column is not None:
            for name, combo in self.combos.items():
                if name != field and combo.currentData() == column:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.mapping = {name: combo.currentData() for name, combo in self.combos.items()}
        self.check()

    def set_mapping(self, field: str, column: int | None) -> None:
        """Point ``field`` at a column of the file (None: do not import it); re-checks."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(combo.findData(column), 0))

    def _fill_problems(self, report: ImportReport) -> None:
        rows: list[tuple[Problem, bool]] = [(p, False) for p in report.problems]
        rows += [(p, True) for p in report.warnings]
        rows = rows[:MAX_PROBLEMS_SHOWN]
        table = self.problem_table
        table.setRowCount(len(rows))
        for n, (p, warning) in enumerate(rows):
            text = problem_text(p)
            if warning:
                text = self.tr("提醒：{text}").format(text=text)
            items = (
                QTableWidgetItem(str(p.row)),
                QTableWidgetItem(p.column),
                QTableWidgetItem(text),
            )
            items[0].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[2].setToolTip(text)
            for column, item in enumerate(items):
                if warning:
                    item.setForeground(Qt.GlobalColor.darkGray)
                table.setItem(n, column, item)

    @property
    def problem_rows(self) -> list[tuple[str, str, str]]:
        t = self.problem_table
        return [
            tuple(t.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(t.rowCount())
        ]

    def _update_buttons(self) -> None:
        report = self.report
        changes = bool(report and (report.new or report.updated))
        ok = report is not None and not self.busy
        self.import_button.setEnabled(ok and changes and not report.problems)  # type: ignore[union-attr]
        self.skip_button.setEnabled(
            ok and changes and bool(report.problems) and not report.fatal  # type: ignore[union-attr]
        )
        self.choose_button.setEnabled(not self.busy)

    # --- applying -------------------------------------------------------------------------------
    def apply(self, *, skip_invalid: bool) -> None:
        if self.path is None or self.report is None or self.busy:
            return
        path, kind, mapping = self.path, self.kind, self.mapping
        importer = _importer(kind)
        self.busy = True
        self._update_buttons()
        what = self.windowTitle()

        def run(j: Journal, progress: Callable[[int, int], None], cancelled: Any) -> Any:
            return importer(
                j,
                path,
                mapping=dict(mapping) if mapping else None,
                skip_invalid=skip_invalid,
                progress=progress,
                cancelled=cancelled,
            )

        self.ctx.ops.long(
            run,
            self._applied,
            self._apply_failed,
            title=what,
            label=self.tr("正在导入 {name}…").format(name=path.name),
            write=True,
            parent=self,
        )

    def _applied(self, report: ImportReport) -> None:
        self.busy = False
        if not report.applied:
            # The file changed since the check, or nothing was left to import.
            self.show_report(report)
            return
        noun = self.tr("户") if self.kind == "customers" else self.tr("个规格")
        self.ctx.ops.message.emit(
            self.tr("导入完成：新增 {new} {noun}，更新 {upd} {noun}，跳过 {bad} 行。").format(
                new=len(report.new),
                upd=len(report.updated),
                bad=len(report.rejected_rows),
                noun=noun,
            )
        )
        self.imported.emit(report)
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        self.ctx.ops.report(exc, what=self.windowTitle(), write=True)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
