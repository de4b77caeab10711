"""审阅记录 on the week page (decision 0029): a returned report shows 重新提交; submitted
again, the rounds are listed (提交 → 退回 → 第 2 次提交 → 等待审阅), and approved, both rounds
stay with their reviews."""

from __future__ import annotations

from pathlib import Path

import pytest
from qt_support import MONDAY, monday_worked, open_page

from fieldbook.core.journal import Journal
from fieldbook.core.routine.week import label_for
from fieldbook.qt.pages.week_page import WeekPage

LABEL = label_for(MONDAY)
pytestmark = pytest.mark.sqlite


@pytest.fixture
def week(day_ready: Journal, tmp_path: Path) -> Journal:
    week = monday_worked(
        day_ready, tmp_path / "orders.xlsx", (("07:41", "07:55"), ("08:05", "08:15"))
    )
    week.weeks.save(LABEL, narrative={"work_done": "走访"})
    week.weeks.submit(LABEL)
    week.weeks.review(LABEL, "returned", "未订货原因写具体", reviewer="刘主任")
    return week


@pytest.fixture
def page(qtbot, week):
    yield from open_page(qtbot, WeekPage, week, (1400, 900), wait="ready")


def test_a_returned_report_is_resubmitted_and_its_rounds_shown(qtbot, page, week):
    panel = page.review_panel
    qtbot.waitUntil(lambda: page.review_box.isVisible())
    assert panel.resubmit_button.isVisible() and not panel.rounds.isVisible()
    panel.resubmit_button.click()
    qtbot.waitUntil(lambda: week.weeks.get(LABEL).status == "submitted")
    qtbot.waitUntil(lambda: panel.rounds.isVisible())
    lines = panel.rounds.text().splitlines()
    assert lines[0] == "审阅记录："
    assert lines[1].startswith("提交 ") and lines[1].endswith("刘主任 退回：未订货原因写具体")
    assert lines[2].startswith("第 2 次提交 ") and lines[2].endswith("→ 等待审阅")
    assert page.review_label.text() == "已重新提交，等待审阅"
    assert not panel.resubmit_button.isVisible()

    week.weeks.review(LABEL, "approved", reviewer="刘主任")
    page.load(LABEL)
    qtbot.waitUntil(lambda: page.review_label.text() == "已审阅：通过")
    lines = panel.rounds.text().splitlines()
    assert len(lines) == 3 and lines[2].endswith("刘主任 通过")
    assert not panel.resubmit_button.isVisible()
