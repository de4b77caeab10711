"""The weekly report's figures (本周数据), as the core computes them (or as they were
snapshotted at submit): visits and coverage, orders against last week, the structure by price
class, findings, SKUs newly on shelf, customers not visited / not ordering, slips by department,
follow-ups; and the two charts (orders per day; visits planned against done)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldbook.core.routine.class_structure import row_change_points
from fieldbook.core.routine.day_times import week_summary
from fieldbook.core.routine.plan import plan_rules
from fieldbook.qt.attendance_format import marked_days_text
from fieldbook.qt.daylog_format import (
    change_text,
    class_share_name,
    findings_named,
    headlines_text,
    points_text,
    share_text,
    week_times_text,
)
from fieldbook.qt.formatting import hm, listing, money, short_date, weekday_name
from fieldbook.qt.price_format import (
    deviation_line,
    deviations_text,
    price_rate_text,
    tag_rate_text,
)
from fieldbook.qt.slip_format import category_name, department_name
from fieldbook.qt.widgets.fact_grid import FactGrid
from fieldbook.qt.widgets.section_box import SectionBox
from fieldbook.qt.widgets.week_charts import DayBars, Series

if TYPE_CHECKING:
    from fieldbook.core.routine.day_times import DayTimes
    from fieldbook.core.routine.week_figures import WeekFigures

#: How many names a list line shows before "等 N 户".
LIST_MAX = 8


def _t(text: str) -> str:
    return QCoreApplication.translate("WeekFigures", text)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def names_text(names: list[str], unit: str = "户") -> str:
    if not names:
        return _t("无")
    shown = listing(names[:LIST_MAX])
    if len(names) > LIST_MAX:
        shown += _t("等 {n} {unit}").format(n=len(names), unit=_t(unit))
    return shown


Line = tuple[str, str, str]


def structure_text(f: WeekFigures) -> str:
    """Cartons by price class in class order (classes with none too), with their share and
    its change against last week; then the headline shares (一二类占比 …)."""
    if not f.cartons:
        return ""
    classes = "　".join(
        _t("{name} {cartons}条（{share}，{change}）").format(
            name=class_share_name(row),
            cartons=int(row.get("cartons") or 0),
            share=share_text(float(row.get("share") or 0)),
            change=points_text(row_change_points(row)),
        )
        for row in f.structure
    )
    return classes + "\n" + headlines_text(f.structure, week=True)


def slips_text(f: WeekFigures) -> str:
    """Slips opened, done and overdue, by department."""
    return _t("；").join(
        _t("{dept}：新开 {opened}，办结 {done}，超期 {overdue}").format(
            dept=department_name(dept), **counts
        )
        for dept, counts in f.slips.items()
        if any(counts.values())
    )


def dismissed_text(f: WeekFigures) -> str:
    """Suggested slips dismissed in the week (with a reason each), by category."""
    if not f.dismissed:
        return _t("无")
    parts = listing(f"{category_name(c)} {n}" for c, n in sorted(f.dismissed.items()))
    return _t("{n} 条：").format(n=sum(f.dismissed.values())) + parts


def order_rate_text(f: WeekFigures) -> str:
    """订货率 over the days whose orders were imported, and the days still missing
    (``routine.period_figures``: the workbook's figure too)."""
    rate = f.order_rate
    text = _t("{rate}（订货 {ordered} ÷ 应订货 {due} 户次）").format(
        rate=percent(rate.rate), ordered=rate.ordered, due=rate.due
    )
    if rate.missing:
        text += _t("；{n} 天未导入订单：{days}").format(
            n=len(rate.missing), days=listing(short_date(d) for d in rate.missing)
        )
    return text


def visit_lines(f: WeekFigures) -> list[Line]:
    """Visits planned and done, customers covered, minutes in a shop, days in the field, the
    visits' shelf photos."""
    minutes = "—" if f.average_minutes is None else _t("{m:g} 分钟").format(m=f.average_minutes)
    return [
        (
            "visits",
            _t("拜访"),
            _t("计划 {planned} 户次，完成 {visited}，完成率 {rate}").format(
                planned=f.planned, visited=f.visited, rate=percent(f.completion_rate)
            ),
        ),
        (
            "coverage",
            _t("覆盖客户"),
            _t("{covered} / {active} 户").format(
                covered=f.customers_covered, active=f.customers_active
            ),
        ),
        ("minutes", _t("平均在店"), minutes),
        ("days", _t("在岗天数"), _t("{n} 天").format(n=f.days_in_field)),
        ("photos", _t("店面照片"), _t("{n} 张").format(n=f.photos)),
        ("attendance", _t("请假/公务、未说明"), attendance_text(f)),
    ]


def attendance_text(f: WeekFigures) -> str:
    """出勤: the week's marked days (not counted in the rate nor in 在岗天数) and its working
    days with nothing recorded (未说明)."""
    marked = [(r.day, r.attendance, r.leave_type) for r in f.days if r.attendance]
    return marked_days_text(marked) if marked else _t("无")


def order_lines(f: WeekFigures) -> list[Line]:
    """The week's orders, against last week, and their structure."""
    cartons_change, _ = change_text("cartons", f.cartons, f.previous_cartons)
    amount_change, _ = change_text("amount", f.amount_fen, f.previous_amount_fen)
    return [
        (
            "orders",
            _t("订货"),
            _t("{cartons} 条，{amount} 元，单条值 {per}").format(
                cartons=f"{f.cartons:,}",
                amount=money(f.amount_fen),
                per="—" if f.per_carton_fen is None else money(f.per_carton_fen) + _t(" 元"),
            ),
        ),
        (
            "change",
            _t("较上周"),
            _t("条数 {c}（上周 {pc}）；金额 {a}（上周 {pa}）").format(
                c=cartons_change or "—",
                pc=f"{f.previous_cartons:,}",
                a=amount_change or "—",
                pa=money(f.previous_amount_fen),
            ),
        ),
        ("order_rate", _t("订货率"), order_rate_text(f)),
        ("structure", _t("结构"), structure_text(f) or _t("无订单")),
        (
            "fill_rate",
            _t("满足率"),
            _t("{rate}（订货量 {s:,} ÷ 需求量 {d:,} 条）").format(
                rate=f"{f.fill_rate * 100:.1f}%", s=f.supplied, d=f.demand
            )
            if f.fill_rate is not None
            else _t("无需求量数据"),
        ),
    ]


def customer_lines(f: WeekFigures, not_ordering_weeks: int) -> list[Line]:
    """Findings, SKUs newly on shelf, customers not visited or not ordering, slips and
    follow-ups."""
    findings = listing(f"{name} {n}" for name, n in findings_named(f.findings).items())
    return [
        ("findings", _t("走访发现"), findings or _t("无")),
        ("new_on_shelf", _t("新上柜"), names_text(f.new_on_shelf, _t("种"))),
        (
            "not_visited",
            _t("本周未拜访"),
            _t("{n} 户：").format(n=len(f.not_visited)) + names_text(f.not_visited)
            if f.not_visited
            else _t("无"),
        ),
        (
            "not_ordering",
            _t("连续 {n} 周未订货").format(n=not_ordering_weeks),
            _t("{n} 户：").format(n=len(f.not_ordering)) + names_text(f.not_ordering)
            if f.not_ordering
            else _t("无"),
        ),
        ("slips", _t("反馈单"), slips_text(f) or _t("本周没有")),
        ("dismissed", _t("忽略的建议"), dismissed_text(f)),
        (
            "followups",
            _t("跟进事项"),
            _t("新增 {opened}，关闭 {closed}").format(
                opened=f.followups_opened, closed=f.followups_closed
            ),
        ),
    ]


def price_lines(f: WeekFigures) -> list[Line]:
    """价格到位率 and 明码标价率 of the week and of its month so far; the week's 价格偏离."""
    week, month = f.prices.counts, f.prices_month.counts
    return [
        (
            "price_rate",
            _t("价格到位率"),
            _t("本周 {week}；本月 {month}").format(
                week=price_rate_text(week), month=price_rate_text(month)
            ),
        ),
        (
            "tag_rate",
            _t("明码标价率"),
            _t("本周 {week}；本月 {month}").format(
                week=tag_rate_text(week), month=tag_rate_text(month)
            ),
        ),
        ("price_deviations", _t("价格偏离"), deviations_text(week, f.prices.deviations)),
    ]


def figure_lines(f: WeekFigures, not_ordering_weeks: int) -> list[Line]:
    """(key, caption, text) for every line of the panel."""
    return visit_lines(f) + order_lines(f) + price_lines(f) + customer_lines(f, not_ordering_weeks)


class WeekFiguresPanel(SectionBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("本周数据"), parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.period_label = QLabel()
        self.period_label.setObjectName("hintLabel")
        self.period_label.setWordWrap(True)
        layout.addWidget(self.period_label)
        self.grid = FactGrid()
        layout.addLayout(self.grid)
        self.values = self.grid.values
        self.orders_chart = DayBars(self.tr("每天订货（条）"))
        self.visits_chart = DayBars(self.tr("每天拜访（户次）"))
        layout.addWidget(self.orders_chart)
        layout.addWidget(self.visits_chart)

    def show_figures(self, f: WeekFigures, *, snapshot: bool, not_ordering_weeks: int) -> None:
        period = self.tr("{start} 至 {end}").format(
            start=f.start.strftime("%m-%d"), end=f.end.strftime("%m-%d")
        )
        if snapshot:
            period += self.tr("　已提交：这里是提交时的数据。")
        self.period_label.setText(period)
        for row, (key, caption, text) in enumerate(figure_lines(f, not_ordering_weeks)):
            self.grid.line(row, key, caption).setText(text)
        self.values["not_visited"].setToolTip("\n".join(f.not_visited))
        self.values["not_ordering"].setToolTip("\n".join(f.not_ordering))
        self.values["price_deviations"].setToolTip(
            "\n".join(deviation_line(d) for d in f.prices.deviations)
        )
        days = [weekday_name(d.day.isoweekday()) for d in f.days]
        off = [not d.working for d in f.days]
        self.orders_chart.set_data(
            days, [Series(self.tr("订货"), "#1f6fd1", tuple(d.cartons for d in f.days))], off
        )
        self.visits_chart.set_data(
            days,
            [
                Series(self.tr("计划"), "#b8c7db", tuple(d.planned for d in f.days)),
                Series(self.tr("完成"), "#1e7b34", tuple(d.visited for d in f.days)),
            ],
            off,
        )

    def show_times(self, times: Sequence[DayTimes]) -> None:
        """工作时间: the week's arrivals, returns and time in the area (decision 0018), on the
        line after the figures."""
        label = self.grid.line(self.grid.rowCount(), "times", self.tr("工作时间"))
        label.setText(week_times_text(week_summary(times)))
        rules = plan_rules()
        label.setToolTip(
            self.tr("到达片区应 {start}；回到单位应 {end} 前（周四 {thursday} 前）").format(
                start=hm(rules.arrive_in_area),
                end=hm(rules.back_at_office),
                thursday=hm(rules.thursday_back_at_office),
            )
        )

    def text_of(self, key: str) -> str:
        return self.values[key].text()
