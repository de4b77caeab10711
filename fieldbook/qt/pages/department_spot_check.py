"""The director's spot check on the department page: draw a month's sample of a manager's
visits, record the findings of each, follow the corrections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.reports.spotcheck import export_spot_check
from fieldbook.core.server import spotcheck
from fieldbook.core.server.spotcheck import QUALITY, ItemView, SpotCheckView
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.row_table_model import Column, RowTableModel
from fieldbook.qt.operations.department import managers
from fieldbook.qt.printing.form_printing import Form, FormPrinting
from fieldbook.qt.slip_format import category_name, dismiss_reason_name
from fieldbook.qt.widgets.layouts import row_of
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx
from fieldbook.qt.widgets.table_view import RowTableView

CORRECTION = {"none": "", "open": "整改中", "done": "已改正"}


def _times(r: ItemView) -> str:
    if r.arrived_at is None or r.left_at is None:
        return ""
    return f"{r.arrived_at:%H:%M}–{r.left_at:%H:%M}"


def _yes(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def _correction(tr: Any, r: ItemView) -> str:
    state = tr(CORRECTION[r.correction_status]) if CORRECTION.get(r.correction_status) else ""
    return f"{state} {r.correction}".strip()


def item_columns(tr: Any) -> list[Column[ItemView]]:
    return [
        Column("#", lambda r: str(r.position), key=lambda r: r.position, width=40),
        Column(tr("日期"), lambda r: f"{r.visit_date:%m-%d}", key=lambda r: r.visit_date, width=60),
        Column(tr("客户"), lambda r: r.customer, width=190),
        Column(
            tr("到店–离店"),
            _times,
            width=100,
        ),
        Column(tr("属实"), lambda r: _yes(r.confirmed), width=50),
        Column(tr("时间"), lambda r: _yes(r.time_ok), width=50),
        Column(tr("内容"), lambda r: _yes(r.content_ok), width=50),
        Column(tr("服务"), lambda r: r.service_quality, width=50),
        Column(tr("问题"), lambda r: r.problems, stretch=True, tooltip=True),
        Column(
            tr("整改"),
            lambda r: _correction(tr, r),
            width=180,
            tooltip=True,
        ),
    ]


class RecordDialog(QDialog):
    """The director's findings for one sampled visit."""

    def __init__(self, item: ItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("抽查记录：{c}").format(c=item.customer))
        form = QFormLayout(self)
        self.confirmed = QCheckBox(self.tr("走访属实"))
        self.time_ok = QCheckBox(self.tr("时间核实无误"))
        self.content_ok = QCheckBox(self.tr("内容核实无误"))
        for box, value in (
            (self.confirmed, item.confirmed),
            (self.time_ok, item.time_ok),
            (self.content_ok, item.content_ok),
        ):
            box.setChecked(value is not False)
            form.addRow("", box)
        self.quality = QComboBox()
        self.quality.addItems(list(QUALITY))
        if item.service_quality:
            self.quality.setCurrentText(item.service_quality)
        form.addRow(self.tr("服务质量"), self.quality)
        self.problems = QPlainTextEdit(item.problems)
        self.problems.setFixedHeight(70)
        form.addRow(self.tr("存在问题"), self.problems)
        self.correction = QLineEdit(item.correction)
        self.correction.setReadOnly(item.correction_status == "done")
        form.addRow(self.tr("整改要求"), self.correction)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "confirmed": self.confirmed.isChecked(),
            "time_ok": self.time_ok.isChecked(),
            "content_ok": self.content_ok.isChecked(),
            "service_quality": self.quality.currentText(),
            "problems": self.problems.toPlainText(),
            "correction": self.correction.text(),
        }


class SpotCheckTab(QWidget):
    """市场部主任抽查: a manager and a month → the sample, each visit's findings, corrections."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check: SpotCheckView | None = None
        layout = QVBoxLayout(self)
        self.manager = QComboBox()
        self.manager.setMinimumWidth(160)
        self.month = QLineEdit(f"{ctx.today():%Y-%m}")
        self.month.setMaximumWidth(90)
        self.draw_button = QPushButton(self.tr("抽样 / 打开"))
        self.draw_button.clicked.connect(self.draw)
        self.record_button = QPushButton(self.tr("记录…"))
        self.correct_button = QPushButton(self.tr("已改正…"))
        self.record_button.clicked.connect(self.record)
        self.correct_button.clicked.connect(self.corrected)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.printing = FormPrinting(self, ctx, self._printable)
        layout.addLayout(
            row_of(
                QLabel(self.tr("客户经理")),
                self.manager,
                QLabel(self.tr("月份")),
                self.month,
                self.draw_button,
                None,
                self.record_button,
                self.correct_button,
                self.export_button,
                self.printing.button,
            )
        )
        self.model: RowTableModel[ItemView] = RowTableModel(item_columns(self.tr), self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model, sortable=False)
        self.table.open_requested.connect(lambda _row: self.record())
        layout.addWidget(self.table, 1)
        self.status = QLabel(self.tr("选择客户经理和月份，抽取该月的走访进行核查。"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def reload(self) -> None:
        self.ctx.ops.query(managers, self._managers, key="department.managers")
        if self.check is not None:
            self._open(self.check.id)

    def _managers(self, rows: list[tuple[str, str]]) -> None:
        current = self.manager.currentData()
        self.manager.blockSignals(True)
        self.manager.clear()
        for code, name in rows:
            self.manager.addItem(self.tr("{name}（{code}）").format(name=name, code=code), code)
        if current:
            self.manager.setCurrentIndex(max(self.manager.findData(current), 0))
        self.manager.blockSignals(False)

    def draw(self) -> None:
        code, month = self.manager.currentData(), self.month.text().strip()
        if not code:
            return
        self.ctx.ops.write(
            lambda j: spotcheck.draw(j, code, month, checker=self.tr("市场部主任")),
            self._shown,
            self._failed,
            what=self.tr("抽样"),
        )

    def _open(self, check_id: str) -> None:
        self.ctx.ops.query(
            lambda j: spotcheck.get(j, check_id), self._shown, key="department.spotcheck"
        )

    def _shown(self, check: SpotCheckView) -> None:
        self.check = check
        self.printing.refresh()
        self.model.set_rows(list(check.items))
        self.status.setText(
            self.tr(
                "{m} {month}：抽查 {n} 次走访（随机种子 {seed}），已核查 {c}，不属实 {x}，"
                "整改中 {o}，已改正 {d}"
            ).format(
                m=check.manager,
                month=check.month,
                n=len(check.items),
                seed=check.seed,
                c=check.checked,
                x=check.not_confirmed,
                o=check.corrections_open,
                d=check.corrections_done,
            )
            + self.tr("；本月忽略建议 {n} 条（违纪 {v}）").format(
                n=len(check.dismissed),
                v=sum(1 for d in check.dismissed if d.category == "violation"),
            )
        )
        self.status.setToolTip(
            "\n".join(
                self.tr("{day} {customer} {category}：{reason}").format(
                    day=f"{d.dismissed_at:%m-%d}",
                    customer=d.customer,
                    category=category_name(d.category),
                    reason=dismiss_reason_name(d.reason),
                )
                for d in check.dismissed
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    def record(self) -> None:
        item = self.model.row_at(self.table.current_row())
        if item is None:
            return
        dialog = RecordDialog(item, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self.ctx.ops.write(
            lambda j: spotcheck.record(j, item.id, **values),
            self._shown,
            self._failed,
            what=self.tr("记录抽查"),
        )

    def choose_export_file(self) -> QFileDialog | None:
        if self.check is None:
            self.status.setText(self.tr("请先抽样或打开一个月的抽查"))
            return None
        name = self.tr("抽查_{m}_{month}.xlsx").format(
            m=self.manager.currentData(), month=self.check.month
        )
        return ask_save_xlsx(self, self.tr("导出抽查记录"), name, self.export_to)

    def _printable(self) -> Form | None:
        """The spot-check record of the month shown."""
        if self.check is None:
            return None
        code, month = self.manager.currentData(), self.check.month
        name = self.tr("抽查_{m}_{month}").format(m=code, month=month)
        return Form(
            self.tr("抽查记录"), name, lambda j, path: export_spot_check(j, code, month, path)
        )

    def export_to(self, path: Path) -> None:
        if self.check is None:
            return
        code, month = self.manager.currentData(), self.check.month
        self.ctx.ops.query(
            lambda j: export_spot_check(j, code, month, path),
            lambda written: self.status.setText(self.tr("已导出：{p}").format(p=written)),
            self._failed,
            what=self.tr("导出抽查记录"),
        )

    def corrected(self) -> None:
        item = self.model.row_at(self.table.current_row())
        if item is None or item.correction_status != "open":
            self.status.setText(self.tr("请选中一项整改中的走访"))
            return
        note, ok = QInputDialog.getText(self, self.tr("已改正"), self.tr("改正情况："))
        if ok and note.strip():
            self.ctx.ops.write(
                lambda j: spotcheck.correct(j, item.id, note.strip()),
                self._shown,
                self._failed,
                what=self.tr("记录整改"),
            )
