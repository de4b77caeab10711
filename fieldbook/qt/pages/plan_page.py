"""今日计划: today's weekday route, its customers in route order (read-only for now)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import long_date
from fieldbook.qt.models.row_table_model import Column, RowTableModel
from fieldbook.qt.pages.base import Page, note, page_layout
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.customers import CustomerRow
    from fieldbook.core.journal import Journal

translate = QCoreApplication.translate
TOPICS = frozenset({"customers", "routes"})


@dataclass(frozen=True)
class Stop:
    number: int
    customer: CustomerRow


@dataclass(frozen=True)
class DayRoute:
    day: date
    route_names: tuple[str, ...]
    stops: tuple[Stop, ...]


def load_day_route(journal: Journal, day: date) -> DayRoute:
    """The routes whose weekday is ``day``'s ISO weekday, their customers in route order."""
    routes = [r for r in journal.routes.list() if r.weekday == day.isoweekday()]
    if not routes:
        return DayRoute(day, (), ())
    customers = [c for r in routes for c in journal.customers.list(route_id=r.id)]
    stops = tuple(Stop(n, c) for n, c in enumerate(customers, start=1))
    return DayRoute(day, tuple(r.name for r in routes), stops)


def stop_columns() -> list[Column[Stop]]:
    return [
        Column(
            translate("PlanPage", "序号"),
            lambda s: str(s.number),
            key=lambda s: s.number,
            align="right",
            width=56,
        ),
        Column(translate("PlanPage", "客户编码"), lambda s: s.customer.code, width=125),
        Column(
            translate("PlanPage", "客户名称"),
            lambda s: s.customer.shop_name,
            width=200,
            tooltip=True,
        ),
        Column(translate("PlanPage", "负责人"), lambda s: s.customer.owner_name, width=80),
        Column(translate("PlanPage", "电话"), lambda s: s.customer.phone, width=125),
        Column(
            translate("PlanPage", "地址"),
            lambda s: s.customer.address,
            width=300,
            tooltip=True,
            stretch=True,
        ),
        Column(
            translate("PlanPage", "档位"),
            lambda s: "" if s.customer.grade is None else str(s.customer.grade),
            key=lambda s: s.customer.grade,
            align="right",
            width=56,
        ),
    ]


class PlanPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.tr("今日计划"))
        self.summary = QLabel()
        self.summary.setObjectName("summaryLine")
        line = QHBoxLayout()
        line.addWidget(self.summary, 1)
        layout.addLayout(line)
        self.model: RowTableModel[Stop] = RowTableModel(stop_columns(), self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model, sortable=False)
        self.table.setAccessibleName(self.tr("今天要走访的客户"))
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(
            note(
                self.tr(
                    "下一版本将在这里记录走访：到店和离店时间、检查项、各规格的库存与排面、"
                    "发现的问题。现在这里按线路顺序列出今天要走访的客户。"
                )
            )
        )
        self.data: DayRoute | None = None
        self.table.open_requested.connect(self.open_customer)
        ctx.hub.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        day = self.ctx.today()
        self.ctx.ops.query(
            lambda j: load_day_route(j, day),
            self._loaded,
            self._failed,
            key="plan.today",
            what=self.tr("读取今日计划"),
        )

    def open_customer(self, row: int) -> QWidget | None:
        """Enter or double-click: the customer's details (editable)."""
        from fieldbook.qt.dialogs.customer_dialog import CustomerDialog

        stop = self.model.row_at(row)
        if stop is None:
            return None
        dialog = CustomerDialog(self.ctx, stop.customer, self)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.open()
        return dialog

    def activated(self) -> None:
        self.table.setFocus()

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & TOPICS:
            self.reload()

    def _loaded(self, data: DayRoute) -> None:
        self.data = data
        self.model.set_rows(data.stops)
        today = self.tr("今天 {date}").format(date=long_date(data.day))
        if data.route_names:
            names = list(dict.fromkeys(data.route_names))
            routes = "、".join(names)
            if len(names) < len(data.route_names):
                routes += self.tr("（共 {n} 条线路）").format(n=len(data.route_names))
            self.summary.setText(
                self.tr("{today} · {routes} · {n} 户").format(
                    today=today, routes=routes, n=len(data.stops)
                )
            )
        else:
            self.summary.setText(self.tr("{today} · 今天没有安排线路").format(today=today))
        has_stops = bool(data.stops)
        self.table.setVisible(has_stops)
        self.empty.setVisible(not has_stops)
        if not has_stops:
            self.empty.setText(
                self.tr(
                    "今天没有要走访的客户。线路和订货日来自客户名单：在“客户”页导入公司的"
                    "客户名单，或为客户设置线路。"
                )
                if not data.route_names
                else self.tr("今天的线路里还没有客户。")
            )
        elif self.table.current_row() < 0:
            self.table.select_row(0)
        self.mark_ready()

    def _failed(self, exc: BaseException) -> None:
        from fieldbook.wording import describe_error

        self.summary.setText(
            self.tr("读取今日计划失败：{reason}").format(reason=describe_error(exc))
        )
        self.ctx.ops.report(exc, what=self.tr("读取今日计划"), write=False)
        self.mark_ready()
