"""任务进度 for the department: every manager's 任务完成率 beside 时间进度 on a date, with the
gap in words — ``routine.targets.month_progress`` per manager (the one computation; a handful
of queries a manager, the department has tens of managers, not thousands)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from fieldbook.core.journal import Journal
from fieldbook.core.routine.targets import MonthProgress, gap_sentence, month_progress, rate_text
from fieldbook.core.store.models import Manager


@dataclass(frozen=True)
class ManagerTargets:
    manager_code: str
    manager_name: str
    month: MonthProgress

    @property
    def time_rate(self) -> float:
        return self.month.time.rate

    @property
    def cartons_rate(self) -> float | None:
        return self.month.total.cartons_rate

    @property
    def amount_rate(self) -> float | None:
        return self.month.total.amount_rate

    @property
    def gap(self) -> str:
        return gap_sentence(self.month.total, self.month.time)


def targets_table(journal: Journal, day: date) -> list[ManagerTargets]:
    """Every manager the login may see, by code, on ``day``."""
    with journal.reading() as s:
        managers = s.execute(select(Manager.id, Manager.code, Manager.name).order_by(Manager.code))
        return [
            ManagerTargets(code, name, month_progress(s, mid, day)) for mid, code, name in managers
        ]


def targets_rows(rows: list[ManagerTargets]) -> list[list[str]]:
    """The table as text, the workbook's and a front end's: 客户经理, 时间进度, 任务完成率
    (销量, 金额), 对比时间进度."""
    return [
        [
            f"{r.manager_name}（{r.manager_code}）",
            f"{r.time_rate * 100:.1f}%",
            rate_text(r.cartons_rate),
            rate_text(r.amount_rate),
            r.gap,
        ]
        for r in rows
    ]
