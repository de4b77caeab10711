"""The department's weeks list the earlier rounds of a report's review (decision 0029)."""

from __future__ import annotations

from datetime import date, datetime

from fieldbook.core.routine.week_rounds import ReviewRound
from fieldbook.core.server.department import ManagerWeek
from fieldbook.qt.pages.department_page import review_text

RETURNED = ReviewRound(1, datetime(2026, 12, 3, 14), "returned", "补充重点客户", "李主任", None)


def _week(status: str, review: str, rounds: tuple[ReviewRound, ...]) -> ManagerWeek:
    week = ManagerWeek("m", "QTH001", "经理1", "2026-W49", date(2026, 11, 27), date(2026, 12, 3))
    week.report_status, week.review, week.rounds = status, review, rounds
    return week


def test_the_earlier_rounds_are_named_beside_the_latest_review() -> None:
    waiting = ReviewRound(2, datetime(2026, 12, 4, 9), "", "", "", None)
    approved = ReviewRound(2, datetime(2026, 12, 4, 9), "approved", "", "李主任", None)
    resubmitted = _week("submitted", "returned", (RETURNED, waiting))
    assert review_text(resubmitted, str) == "第 2 次提交，待审（第 1 轮 退回：补充重点客户）"
    done = _week("reviewed", "approved", (RETURNED, approved))
    assert review_text(done, str) == "通过（第 1 轮 退回：补充重点客户）"
    assert review_text(_week("reviewed", "approved", (approved,)), str) == "通过"
