"""导入部门答复: a slip register a department filled in and sent back. Pick the file → a dry run
(in the worker) lists what would change — each delivery's moves, who, when, the answer — and
every problem and conflict by row and column → 导入 applies it all (only without problems), or
跳过有问题的行并导入 applies the clean rows. Nothing is overwritten silently: conflicts are
problems. The flow is :class:`~fieldbook.qt.dialogs.import_flow.ImportFlow`'s."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QTableWidgetItem, QVBoxLayout, QWidget

from fieldbook.core.slips.answers import CONFLICTS, AnswersReport, RowPlan
from fieldbook.core.xlsx.importing import ImportReport
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.import_flow import WORKBOOKS, ImportFlow, Job, ProblemTable, ReportTable
from fieldbook.qt.formatting import moment
from fieldbook.qt.operations.imports import import_answers
from fieldbook.qt.slip_format import department_name, state_name


class AnswersDialog(ImportFlow):
    name_filters = WORKBOOKS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("导入部门答复"))
        self.info_label.setText(
            self.tr(
                "选择部门填好发回的登记表（.xlsx）。先检查，列出将要办理的和有冲突的行，确认后再导入。"
            )
        )
        self.resize(1000, 640)
        self.summary_label.setObjectName("summaryLine")
        self.plan_table = ReportTable(
            [
                self.tr("行"),
                self.tr("反馈单号"),
                self.tr("部门"),
                self.tr("变动"),
                self.tr("处理人"),
                self.tr("处理时间"),
                self.tr("答复"),
            ],
            (50, 200, 70, 220, 80, 100),
        )
        plan_box = QGroupBox(self.tr("将要办理"))
        QVBoxLayout(plan_box).addWidget(self.plan_table)
        self.problem_table = ProblemTable((50, 150))
        problem_box = QGroupBox(self.tr("问题和冲突（这些行不会导入）"))
        QVBoxLayout(problem_box).addWidget(self.problem_table)
        self.content.addWidget(self.summary_label)
        self.content.addWidget(plan_box, 3)
        self.content.addWidget(problem_box, 2)
        self.update_buttons()

    # --- the flow's steps --------------------------------------------------------------------
    def file_dialog_title(self) -> str:
        return self.tr("选择部门发回的登记表")

    def check_title(self) -> str:
        return self.tr("检查部门答复")

    def dry_run(self, path: Path) -> Job:
        return lambda j, progress, cancelled: import_answers(
            j, path, dry_run=True, progress=progress, cancelled=cancelled
        )

    def import_job(self, path: Path, *, skip_invalid: bool) -> Job:
        return lambda j, progress, cancelled: import_answers(
            j,
            path,
            dry_run=False,
            skip_invalid=skip_invalid,
            progress=progress,
            cancelled=cancelled,
        )

    def show_result(self, result: AnswersReport) -> None:
        self.show_report(result)

    def not_applied(self, report: ImportReport) -> None:
        # The database moved since the check: show what the file would do now.
        assert isinstance(report, AnswersReport)
        self.show_report(report)
        self.error_label.setText(self.tr("没有导入：数据库在检查之后有了变动，请核对后再导入。"))
        self.error_label.show()

    def has_changes(self, report: ImportReport) -> bool:
        return isinstance(report, AnswersReport) and bool(report.plans)

    def applied_message(self, report: ImportReport) -> str:
        assert isinstance(report, AnswersReport)
        return self.tr("已导入部门答复：办理 {n} 行（状态变更 {m} 次），跳过 {bad} 行。").format(
            n=len(report.plans), m=report.moves, bad=len(report.rejected_rows)
        )

    # --- showing the report ------------------------------------------------------------------
    def show_report(self, report: AnswersReport) -> None:
        self.report = report
        self.info_label.setText(
            self.tr("表头在第 {row} 行{sheet}。").format(
                row=report.header_row, sheet=self.sheet_text(report)
            )
        )
        self.summary_label.setText(self._summary(report))
        self.plan_table.setRowCount(len(report.plans))
        for n, plan in enumerate(report.plans):
            for column, value in enumerate(self._plan_cells(plan)):
                item = QTableWidgetItem(value)
                if column in (3, 6):
                    item.setToolTip(value)
                self.plan_table.setItem(n, column, item)
        self.problem_table.show_problems(report.problems, report.warnings, CONFLICTS)
        self.update_buttons()

    def _plan_cells(self, plan: RowPlan) -> tuple[str, ...]:
        steps = [state_name(plan.from_state)] + [state_name(m.to_state) for m in plan.moves]
        reasons = "；".join(m.reason for m in plan.moves if m.reason)
        change = " → ".join(steps) + (self.tr("（原因：{r}）").format(r=reasons) if reasons else "")
        return (
            str(plan.row),
            plan.number,
            department_name(plan.department),
            change,
            plan.actor,
            moment(plan.at),
            plan.answer if plan.answer is not None else "",
        )

    def _summary(self, report: AnswersReport) -> str:
        conflicts = len({p.row for p in report.conflicts})
        parts = [
            self.tr("办理 {n} 行（状态变更 {m} 次）").format(n=len(report.plans), m=report.moves),
            self.tr("未变 {n} 行").format(n=len(report.unchanged)),
            self.tr("有问题 {n} 行（其中冲突 {c} 行）").format(
                n=len(report.rejected_rows), c=conflicts
            ),
        ]
        if report.skipped_rows:
            parts.append(self.tr("跳过空行/合计行 {n} 行").format(n=len(report.skipped_rows)))
        text = "，".join(parts) + "。"
        if report.fatal:
            text += self.tr(" 缺少必需的列，不能导入。")
        elif report.problems and report.plans:
            text += self.tr(" 改好文件后重新选择，或跳过有问题的行只导入其余的行。")
        elif not report.plans and not report.problems:
            text += self.tr(" 文件与数据库一致，没有需要导入的内容。")
        elif not report.problems:
            text += self.tr(" 没有发现问题，可以导入。")
        return text

    def plan_rows(self) -> list[tuple[str, ...]]:
        return self.plan_table.rows()

    def problem_rows(self) -> list[tuple[str, ...]]:
        return self.problem_table.rows()
