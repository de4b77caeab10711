"""部门: the market department's and the other departments' views (``core.department``):
every manager's weeks with figures and review, a department's slip inbox, the director's
spot checks, follow-ups across managers. On the department server the login's role picks
the tabs (PostgreSQL enforces what each may see and change); on a laptop it shows the one
manager whose data it holds."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.reports.department import export_department
from fieldbook.core.routine.escalations import head_department
from fieldbook.core.server.department import (
    FollowUpRow,
    ManagerWeek,
    followups,
    review_week,
    weeks_table,
)
from fieldbook.messages import describe_error
from fieldbook.qt.attendance_format import marked_days_text
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.row_table_model import Column, RowTableModel, count_column
from fieldbook.qt.operations.department import export_manager_week, who_and_where
from fieldbook.qt.pages.base import Page, note, page_layout
from fieldbook.qt.pages.department_inbox import InboxTab
from fieldbook.qt.pages.department_oversight import CustomerChangesTab, EscalationsTab
from fieldbook.qt.pages.department_spot_check import SpotCheckTab
from fieldbook.qt.pages.department_targets import TargetsTab
from fieldbook.qt.price_format import price_columns
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx
from fieldbook.qt.widgets.table_view import RowTableView
from fieldbook.qt.widgets.week_charts import DayBars, Series

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

STATUS = {"none": "未填写", "draft": "草稿", "submitted": "已提交", "reviewed": "已审阅"}
REVIEW = {"approved": "通过", "returned": "退回", "": ""}


def _pct(value: float | None) -> str:
    return f"{value:.0%}" if value is not None else "—"


def _marks_text(r: ManagerWeek) -> str:
    """出勤: the week's marked days (请假, 会议 … left out of the rate; 未说明)."""
    return marked_days_text((m.day, m.kind, m.leave_type) for m in r.marks) or "—"


def week_columns(tr: Any) -> list[Column[ManagerWeek]]:
    return [
        Column(
            tr("客户经理"),
            lambda r: tr("{name}（{code}）").format(name=r.manager_name, code=r.manager_code),
            width=150,
        ),
        Column(tr("周"), lambda r: f"{r.label[5:]} {r.start:%m-%d}–{r.end:%m-%d}", width=140),
        count_column(tr("计划"), lambda r: r.planned, width=50),
        count_column(tr("完成"), lambda r: r.visited, width=50),
        Column(tr("完成率"), lambda r: _pct(r.completion), key=lambda r: r.completion, width=70),
        count_column(tr("有问题走访"), lambda r: r.visits_with_findings, width=80),
        count_column(tr("订货（条）"), lambda r: r.cartons, width=80),
        Column(
            tr("金额（元）"),
            lambda r: f"{r.amount_fen / 100:,.2f}",
            key=lambda r: r.amount_fen,
            align="right",
            width=100,
        ),
        Column(
            tr("单条值"),
            lambda r: f"{r.per_carton_fen / 100:.2f}" if r.per_carton_fen else "—",
            key=lambda r: r.per_carton_fen,
            align="right",
            width=60,
        ),
        Column(
            tr("一二类占比"),
            lambda r: "—" if r.top_share is None else f"{r.top_share:.1%}",
            key=lambda r: r.top_share,
            align="right",
            width=80,
        ),
        *price_columns(lambda r: r.prices),
        Column(tr("反馈单"), lambda r: str(r.slips_opened), key=lambda r: r.slips_opened, width=55),
        Column(tr("出勤"), _marks_text, key=lambda r: len(r.marks), width=120, tooltip=True),
        Column(
            tr("忽略建议"),
            lambda r: (
                f"{r.suggestions_dismissed}"
                + (
                    tr("（违纪 {n}）").format(n=r.violations_dismissed)
                    if r.violations_dismissed
                    else ""
                )
            ),
            key=lambda r: r.suggestions_dismissed,
            width=90,
        ),
        Column(tr("周报"), lambda r: tr(STATUS.get(r.report_status, r.report_status)), width=60),
        Column(
            tr("审阅"),
            lambda r: review_text(r, tr),
            stretch=True,
            tooltip=True,
        ),
    ]


def review_text(r: ManagerWeek, tr: Any) -> str:
    """The latest review, and the earlier rounds when it was returned before (decision
    0029): 通过（第 2 轮；第 1 轮 退回：补充重点客户）."""
    text = REVIEW.get(r.review, r.review) + (f"：{r.review_comment}" if r.review_comment else "")
    if r.report_status == "submitted" and len(r.rounds) > 1:
        text = tr("第 {n} 次提交，待审").format(n=len(r.rounds))
    earlier = [
        tr("第 {n} 轮 {verdict}").format(n=x.round, verdict=REVIEW.get(x.review, x.review))
        + (f"：{x.review_comment}" if x.review_comment else "")
        for x in r.rounds[:-1]
    ]
    return text + (f"（{'；'.join(earlier)}）" if earlier else "")


def _due(r: FollowUpRow) -> str:
    if r.due_date is None:
        return ""
    return f"{r.due_date:%Y-%m-%d}" + (" 逾期" if r.overdue else "")


def followup_columns(tr: Any) -> list[Column[FollowUpRow]]:
    return [
        Column(tr("客户经理"), lambda r: r.manager, width=150),
        Column(tr("客户"), lambda r: r.customer, width=200),
        Column(tr("事项"), lambda r: r.text, stretch=True, tooltip=True),
        Column(
            tr("期限"),
            lambda r: (
                f"{r.due_date:%Y-%m-%d}" + (" 逾期" if r.overdue else "") if r.due_date else ""
            ),
            key=lambda r: r.due_date,
            width=120,
        ),
    ]


class WeeksTab(QWidget):
    """Every manager's report weeks: figures, report status, review (approve / return)."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.reviewer = ctx, reviewer
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("时间")))
        self.span = QComboBox()
        for weeks, text in (
            (1, self.tr("本周")),
            (4, self.tr("近 4 周")),
            (13, self.tr("近 13 周")),
        ):
            self.span.addItem(text, weeks)
        self.span.setCurrentIndex(1)
        self.span.currentIndexChanged.connect(self.reload)
        row.addWidget(self.span)
        row.addStretch(1)
        self.approve_button = QPushButton(self.tr("审阅通过"))
        self.return_button = QPushButton(self.tr("退回…"))
        self.approve_button.clicked.connect(lambda: self.review("approved"))
        self.return_button.clicked.connect(lambda: self.review("returned"))
        row.addWidget(self.approve_button)
        row.addWidget(self.return_button)
        self.week_button = QPushButton(self.tr("导出所选周报…"))
        self.week_button.clicked.connect(self.choose_week_file)
        row.addWidget(self.week_button)
        self.export_button = QPushButton(self.tr("导出汇总…"))
        self.export_button.clicked.connect(self.choose_export_file)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        charts = QHBoxLayout()
        self.orders_chart = DayBars(self.tr("各客户经理订货量（条）"))
        self.visits_chart = DayBars(self.tr("各客户经理走访：计划与完成"))
        charts.addWidget(self.orders_chart)
        charts.addWidget(self.visits_chart)
        layout.addLayout(charts)
        self.model: RowTableModel[ManagerWeek] = RowTableModel(week_columns(self.tr), self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)

    def period(self) -> tuple[date, date]:
        today = self.ctx.today()
        return today - timedelta(weeks=int(self.span.currentData()) - 1), today

    def reload(self, *_args: object) -> None:
        start, end = self.period()
        self.ctx.ops.query(
            lambda j: weeks_table(j, start, end),
            self._loaded,
            key="department.weeks",
            what=self.tr("读取各客户经理的周报"),
        )

    def _loaded(self, rows: list[ManagerWeek]) -> None:
        self.model.set_rows(rows)
        self._chart(rows)
        self.loaded.emit()
        managers = len({r.manager_id for r in rows})
        waiting = sum(1 for r in rows if r.report_status == "submitted")
        self.status.setText(
            self.tr("{m} 位客户经理，{w} 份周报待审阅").format(m=managers, w=waiting)
        )

    def _chart(self, rows: list[ManagerWeek]) -> None:
        names: dict[str, str] = {}
        cartons: dict[str, int] = {}
        planned: dict[str, int] = {}
        visited: dict[str, int] = {}
        for r in rows:
            names[r.manager_id] = r.manager_name
            cartons[r.manager_id] = cartons.get(r.manager_id, 0) + r.cartons
            planned[r.manager_id] = planned.get(r.manager_id, 0) + r.planned
            visited[r.manager_id] = visited.get(r.manager_id, 0) + r.visited
        ids = list(names)
        labels = [names[m] for m in ids]
        self.orders_chart.set_data(
            labels, [Series(self.tr("订货"), "#3b7dd8", tuple(cartons[m] for m in ids))]
        )
        self.visits_chart.set_data(
            labels,
            [
                Series(self.tr("计划"), "#9db8e0", tuple(planned[m] for m in ids)),
                Series(self.tr("完成"), "#2e8b57", tuple(visited[m] for m in ids)),
            ],
        )

    def choose_export_file(self) -> QFileDialog:
        start, end = self.period()
        name = self.tr("市场部汇总_{start}_{end}.xlsx").format(start=start, end=end)
        return ask_save_xlsx(self, self.tr("导出"), name, self.export_to)

    def choose_week_file(self) -> QFileDialog | None:
        row = self.model.row_at(self.table.current_row())
        if row is None:
            self.status.setText(self.tr("请先选中一位客户经理的一周"))
            return None
        name = self.tr("周报_{code}_{label}.xlsx").format(code=row.manager_code, label=row.label)
        return ask_save_xlsx(
            self,
            self.tr("导出周报"),
            name,
            lambda path: self.export_week_to(row.manager_code, row.label, path),
        )

    def export_week_to(self, code: str, label: str, path: Path) -> None:
        """One manager's week workbook (the same one the manager exports), from here."""
        self.ctx.ops.query(
            partial(export_manager_week, manager_code=code, label=label, path=path),
            lambda written: self.status.setText(self.tr("已导出：{p}").format(p=written)),
            self._failed,
            what=self.tr("导出周报"),
        )

    def export_to(self, path: Path) -> None:
        start, end = self.period()
        today = self.ctx.today()
        self.ctx.ops.query(
            lambda j: export_department(j, start, end, path, today=today),
            lambda written: self.status.setText(self.tr("已导出：{p}").format(p=written)),
            self._failed,
            what=self.tr("导出"),
        )

    def review(self, verdict: str) -> None:
        row = self.model.row_at(self.table.current_row())
        if row is None or row.report_id is None:
            self.status.setText(self.tr("请先选中一份已提交的周报"))
            return
        comment = ""
        if verdict == "returned":
            comment, ok = QInputDialog.getText(
                self, self.tr("退回周报"), self.tr("退回原因（客户经理会看到）：")
            )
            if not ok:
                return
        report_id = row.report_id

        def run(j: Journal) -> None:
            review_week(j, report_id, verdict, comment, reviewer=self.reviewer)

        self.ctx.ops.write(run, lambda _r: self.reload(), self._failed, what=self.tr("审阅周报"))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))


class FollowUpsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.model: RowTableModel[FollowUpRow] = RowTableModel(followup_columns(self.tr), self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.ctx.ops.query(
            lambda j: followups(j, today=self.ctx.today()),
            self.model.set_rows,
            key="department.followups",
            what=self.tr("读取跟踪事项"),
        )


class DepartmentPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.tr("部门"))
        self.hint = note("")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.weeks: WeeksTab | None = None
        self.inbox: InboxTab | None = None
        self.spot: SpotCheckTab | None = None
        self.followups: FollowUpsTab | None = None
        self.escalations: EscalationsTab | None = None
        self.changes: CustomerChangesTab | None = None
        self.targets: TargetsTab | None = None
        ctx.hub.changed.connect(self._changed)

        ctx.ops.query(who_and_where, self._build, key="department.who", what=self.tr("读取角色"))

    def _build(self, loaded: tuple[dict[str, Any], bool]) -> None:
        who, on_server = loaded
        kind, department = who["kind"], who["department"]
        if on_server:
            roles = {
                "manager": self.tr("客户经理"),
                "department": self.tr("部门"),
                "director": self.tr("市场部主任"),
            }
            self.hint.setText(
                self.tr("已连接部门服务器（{role}）。").format(
                    role=roles.get(kind, self.tr("管理员"))
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "这是本机数据库。在部门服务器上（fieldbook --db postgresql+psycopg://…）"
                    "这里显示全部客户经理的周报、反馈单与抽查，并按登录角色开放。"
                )
            )
        reviewer = who.get("manager_code") or self.tr("市场部")
        if kind in ("admin", "director"):
            self.weeks = WeeksTab(self.ctx, reviewer, self)
            self.tabs.addTab(self.weeks, self.tr("周报与指标"))
            self.targets = TargetsTab(self.ctx, self)  # 任务完成率 vs 时间进度
            self.tabs.addTab(self.targets, self.tr("任务进度"))
        if kind in ("admin", "director", "department"):
            self.inbox = InboxTab(self.ctx, department if kind == "department" else "", self)
            self.tabs.addTab(self.inbox, self.tr("反馈单收件箱"))
        if kind in ("admin", "director"):
            self.spot = SpotCheckTab(self.ctx, self)
            self.tabs.addTab(self.spot, self.tr("抽查"))
            self.followups = FollowUpsTab(self.ctx, self)
            self.tabs.addTab(self.followups, self.tr("跟踪事项"))
        self._oversight_tabs(kind, department)
        first = self.weeks or self.inbox
        if first is not None:
            first.loaded.connect(self.mark_ready)
        self.reload()
        if first is None:
            self.mark_ready()

    def _oversight_tabs(self, kind: str, department: str) -> None:
        """上报问题 for the head department (and the director); 客户信息变更 for every
        department."""
        if kind in ("admin", "director") or department == head_department():
            self.escalations = EscalationsTab(self.ctx, self)
            self.tabs.addTab(self.escalations, self.tr("上报问题"))
        if kind in ("admin", "director", "department"):
            self.changes = CustomerChangesTab(self.ctx, self)
            self.tabs.addTab(self.changes, self.tr("客户信息变更"))

    def reload(self) -> None:
        tabs = (
            self.weeks,
            self.targets,
            self.inbox,
            self.spot,
            self.followups,
            self.escalations,
            self.changes,
        )
        for tab in tabs:
            if tab is not None:
                tab.reload()

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & {
            "department",
            "week",
            "slips",
            "spotcheck",
            "followups",
            "customers",
            "targets",
        }:
            self.reload()
