"""The 部门 page over a database of several managers: the week table, a review, a department
moving a slip from its inbox, and the director's spot check recorded through the dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from demo_databases import Demo
from PySide6.QtWidgets import QDialog, QInputDialog
from python_calamine import CalamineWorkbook
from qt_support import make_ctx
from sqlalchemy import select

from fieldbook.core.journal import Journal
from fieldbook.core.routine.week import label_for
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store.models import SlipDelivery, WeekReport
from fieldbook.qt.pages import department_spot_check
from fieldbook.qt.pages.department_page import DepartmentPage

TODAY = date(2026, 11, 30)


@pytest.fixture
def many(open_demo: Callable[[Demo], Journal]) -> Journal:
    j = open_demo(Demo(seed=4, managers=3, weeks=3, customers_per_manager=30, today=TODAY))
    last_week = label_for(TODAY - timedelta(days=7))
    j.weeks.save(last_week, narrative={"work_done": "走访"})
    j.weeks.submit(last_week)
    customer = j.customers.list("")[0]
    slip = j.slips.create(SlipInput("no_order", "连续两周未订货", customer.id))
    j.slips.send(slip.id)  # one delivery is surely open at 电访部
    return j


def test_weeks_review_inbox_and_spot_check(qtbot, many: Journal, monkeypatch, tmp_path) -> None:
    page = DepartmentPage(make_ctx(many, TODAY))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    qtbot.waitUntil(lambda: page.is_ready)
    assert [page.tabs.tabText(n) for n in range(page.tabs.count())] == [
        "周报与指标",
        "任务进度",
        "反馈单收件箱",
        "抽查",
        "跟踪事项",
        "上报问题",
        "客户信息变更",
    ]
    weeks = page.weeks
    assert weeks is not None
    rows = weeks.model.rows()
    assert len({r.manager_id for r in rows}) == 3
    assert "1 份周报待审阅" in weeks.status.text()
    names = weeks.orders_chart.days
    assert len(names) == 3 and sum(weeks.orders_chart.values("订货")) == sum(
        r.cartons for r in rows
    )
    weeks.export_to(tmp_path / "汇总.xlsx")
    qtbot.waitUntil(lambda: "已导出" in weeks.status.text())
    assert (tmp_path / "汇总.xlsx").stat().st_size > 0
    other = rows[-1]  # another manager's week, exported from the department's table
    weeks.status.clear()
    weeks.export_week_to(other.manager_code, other.label, tmp_path / "周报.xlsx")
    qtbot.waitUntil(lambda: "已导出" in weeks.status.text())

    form = CalamineWorkbook.from_path(str(tmp_path / "周报.xlsx")).get_sheet_by_name("周报")
    assert any(other.manager_code in str(c) for r in form.to_python() for c in r)

    submitted = weeks.model.row_of(lambda r: r.report_status == "submitted")
    weeks.table.select_row(submitted)
    weeks.approve_button.click()
    qtbot.waitUntil(lambda: "0 份周报待审阅" in weeks.status.text())
    with many.reading() as s:
        assert s.scalars(select(WeekReport.review)).all() == ["approved"]

    inbox = page.inbox
    assert inbox is not None
    with many.reading() as s:
        busy = s.scalars(
            select(SlipDelivery.department).where(SlipDelivery.state.not_in(("pending", "done")))
        ).first()
    assert busy is not None
    inbox.department.setCurrentIndex(inbox.department.findData(busy))
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0)
    first = inbox.model.row_at(0)
    assert first is not None
    inbox.table.select_row(0)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("已通知店主", True))
    )
    inbox.answer_button.click()
    with many.reading() as s:
        d = s.get(SlipDelivery, first.delivery_id)
        assert (d.state, d.answer) == ("done", "已通知店主")
    answered = first.delivery_id  # (d is detached once its session is closed)
    qtbot.waitUntil(lambda: inbox.model.row_of(lambda r: r.delivery_id == answered) == -1)

    spot = page.spot
    assert spot is not None
    qtbot.waitUntil(lambda: spot.manager.count() == 3)
    assert not spot.printing.button.isEnabled()  # 打印 (decision 0026): nothing drawn yet
    spot.month.setText("2026-11")
    spot.draw_button.click()
    qtbot.waitUntil(lambda: spot.model.rowCount() == 10)
    assert spot.printing.button.isEnabled()
    sheets: list[list[str]] = []

    def convert(workbook: Path, target: Path) -> Path:
        sheets.append(CalamineWorkbook.from_path(str(workbook)).sheet_names)
        target.write_bytes(b"%PDF-1.4")
        return target

    spot.printing.convert = convert
    with qtbot.waitSignal(spot.printing.finished, timeout=20_000):
        spot.printing.save_pdf(tmp_path / "抽查.pdf")
    assert sheets and (tmp_path / "抽查.pdf").read_bytes() == b"%PDF-1.4"

    def fill(dialog: department_spot_check.RecordDialog) -> int:
        dialog.time_ok.setChecked(False)
        dialog.quality.setCurrentText("一般")
        dialog.problems.setPlainText("离店时间晚记")
        dialog.correction.setText("按实际时间记录")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(department_spot_check.RecordDialog, "exec", fill)
    spot.table.select_row(0)
    spot.record_button.click()
    qtbot.waitUntil(lambda: "整改中 1" in spot.status.text())
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("已按实际时间补记", True))
    )
    spot.table.select_row(0)
    spot.correct_button.click()
    qtbot.waitUntil(lambda: "已改正 1" in spot.status.text())
    assert spot.model.row_at(0).correction_status == "done"
    spot.export_to(tmp_path / "抽查.xlsx")
    qtbot.waitUntil(lambda: "已导出" in spot.status.text())
    assert (tmp_path / "抽查.xlsx").stat().st_size > 0


def test_targets_tab_shows_each_managers_progress(qtbot, many: Journal) -> None:
    """任务进度: one row a manager, from the demo's targets (2026-11-30: the month's last
    working day, so 时间进度 is 100 % once the day's orders are in — the demo's day has none
    yet: 20 of 21 working days)."""
    page = DepartmentPage(make_ctx(many, TODAY))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    qtbot.waitUntil(lambda: page.is_ready)
    assert page.targets is not None
    qtbot.waitUntil(lambda: len(page.targets.model.rows()) == 3)
    for row in page.targets.model.rows():
        assert (row.month.time.elapsed, row.month.time.total) == (20, 21)
        assert row.cartons_rate is not None
