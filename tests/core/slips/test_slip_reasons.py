"""Issue 16 (items 3–5): slips reach the departments the regulation names (licence events
always include 专卖办), leaving one off needs a kept reason; a suggestion is dismissed only with
a reason (违纪: a fixed one), audited and counted in the week figures; 连续 N 周未订货 raises
a suggested 不订货 slip once per run of weeks. Expectations are hand-computed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sample_data import orders_workbook

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.journal import Journal
from fieldbook.core.reports.week_rows import gather
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.routine.week_figures import week_figures
from fieldbook.core.slips.rules import slip_departments, slip_rules
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store import audit
from fieldbook.core.store.models import Manager, SlipSuggestion
from fieldbook.core.store.sessions import CURRENT_MANAGER_KEY, set_setting

ALL = {"market", "monopoly", "distribution", "phone"}
#: 客户经理工作规范 line 236, read category by category (schema/reference/slips.toml)
DEFAULTS = {
    "new": ALL,
    "closed": ALL,
    "suspended": ALL,
    "violation": ALL,
    "no_order": {"phone", "market"},
    "brand": {"market"},
    "info_change": {"market", "monopoly"},
    "other": {"market"},
}


def cid(world: Journal, code: str) -> str:
    return world.customers.by_code(code).id


@pytest.mark.parametrize("category", sorted(DEFAULTS))
def test_default_departments_follow_the_regulation(category: str) -> None:
    rules = slip_rules()
    assert set(rules.categories) == set(DEFAULTS)  # every category has its expectation
    c = rules.categories[category]
    assert set(c.departments) == DEFAULTS[category]
    assert "line 236" in c.source  # the regulation's line each default follows
    assert slip_departments(c, None, {}) == (c.departments, {})
    if category in ("new", "closed", "suspended", "violation"):  # licence events
        assert "monopoly" in c.departments


def test_leaving_a_default_department_off_needs_a_reason_the_slip_keeps(world: Journal) -> None:
    shop = cid(world, "M001")
    left_off = SlipInput(
        "violation", "柜台发现疑似假烟两条", shop, departments=("monopoly", "market")
    )
    with pytest.raises(InvalidValue) as err:
        world.slips.create(left_off)
    assert err.value.detail == "department_removal_reason"
    assert err.value.data["department"] == "配送中心"  # the first one left off, by name
    assert world.slips.list() == []  # nothing saved
    with pytest.raises(InvalidValue):  # a one-character reason is no reason
        world.slips.create(replace(left_off, removed_reasons={"distribution": "无", "phone": "无"}))
    why = {"distribution": "专卖办现场查处，未涉及配送", "phone": "  专卖办现场查处  "}
    slip = world.slips.create(replace(left_off, removed_reasons=why))
    assert {d.department for d in slip.deliveries} == {"monopoly", "market"}
    assert slip.removed_departments == (
        ("distribution", "专卖办现场查处，未涉及配送"),
        ("phone", "专卖办现场查处"),
    )
    assert world.slips.get(slip.id).removed_departments == slip.removed_departments
    # adding a department beyond the defaults needs no reason
    extra = world.slips.create(
        SlipInput("no_order", "连续三周未订货", shop, departments=("phone", "market", "monopoly"))
    )
    assert extra.removed_departments == ()


def _visit_with(world: Journal, code: str, answers: dict[str, object], day: str) -> str:
    v = world.visits.start(cid(world, code), at=datetime.fromisoformat(f"{day} 08:00"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, answers)
    world.visits.finish(v.id, at=datetime.fromisoformat(f"{day} 08:12"))
    return v.id


def _suggestion(world: Journal, category: str) -> str:
    return next(sid for sid, cat, *_ in world.slips.suggestions() if cat == category)


def _become_another_manager(world: Journal) -> None:
    """A second manager on the same (shared) database becomes the current one."""
    with world.writing() as s:
        other = Manager(code="QTH002", name="李四")
        s.add(other)
        s.flush()
        set_setting(s, CURRENT_MANAGER_KEY, other.id)


def test_a_violation_is_dismissed_only_with_a_fixed_reason_kept_and_audited(
    world: Journal, open_answers: dict[str, object], tmp_path: Path
) -> None:
    answers = {**open_answers, "suspected_fake": True, "violation_note": "两条疑似假中华"}
    _visit_with(world, "M001", answers, "2026-11-30")
    sid = _suggestion(world, "violation")
    for reason in ("", "不想填", "复查"):
        with pytest.raises(InvalidValue) as err:
            world.slips.dismiss_suggestion(sid, reason)
        assert err.value.detail == "dismiss_reason_fixed"
    assert [s[0] for s in world.slips.suggestions()] == [sid]  # still open
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg")
    done = world.slips.dismiss_suggestion(
        sid, "复查无误", attachment=photo, at=datetime(2026, 11, 30, 15, 20)
    )
    assert (done.reason, done.at, done.file_name) == (
        "复查无误",
        datetime(2026, 11, 30, 15, 20),
        "现场.jpg",
    )
    assert world.slips.suggestions() == []
    with world.reading() as s:
        sug = s.get_one(SlipSuggestion, sid)
        kept = (sug.status, sug.dismiss_reason, sug.dismissed_at, sug.dismiss_file_name)
        assert sug.dismissed_by == world.profile.get().name
        assert (world.attachments_dir() / sug.dismiss_file).read_bytes() == photo.read_bytes()
    assert kept == ("dismissed", "复查无误", datetime(2026, 11, 30, 15, 20), "现场.jpg")
    trail = audit.history(world, "slip_suggestion", sid)
    assert {(r.field, r.old_value, r.new_value, r.reason) for r in trail} == {
        ("status", "suggested", "dismissed", "复查无误"),
        ("dismiss_reason", "", "复查无误", "复查无误"),
    }
    with pytest.raises(InvalidValue) as again:
        world.slips.dismiss_suggestion(sid, "复查无误")
    assert again.value.detail == "suggestion_closed"


def test_any_other_suggestion_needs_a_reason_and_counts_in_the_week_figures(
    world: Journal, open_answers: dict[str, object]
) -> None:
    _visit_with(
        world,
        "M002",
        {**open_answers, "will_order": "不订", "no_order_reason": "资金不足"},
        "2026-11-30",
    )
    sid = _suggestion(world, "no_order")
    for reason in ("", "  ", "x"):
        with pytest.raises(InvalidValue) as err:
            world.slips.dismiss_suggestion(sid, reason)
        assert err.value.detail == "dismiss_reason_required"
    world.slips.dismiss_suggestion(sid, "店主出差，下周回来再订", at=datetime(2026, 12, 1, 9))
    answers = {**open_answers, "suspected_fake": True, "violation_note": "一条疑似假烟"}
    _visit_with(world, "M003", answers, "2026-12-01")
    world.slips.dismiss_suggestion(
        _suggestion(world, "violation"), "误报（勾选错误）", at=datetime(2026, 12, 3, 16)
    )
    _visit_with(world, "M004", answers, "2026-12-01")  # dismissed the week after: not counted
    world.slips.dismiss_suggestion(
        _suggestion(world, "violation"), "复查无误", at=datetime(2026, 12, 4, 9)
    )
    week = (date(2026, 11, 27), date(2026, 12, 3))  # report week Fri–Thu
    with world.reading() as s:
        figures = week_figures(s, world.current_manager_id(s), "2026-W49", *week, 3)
    assert figures.dismissed == {"no_order": 1, "violation": 1}
    assert gather(world, *week).dismissed == figures.dismissed  # the workbook: one computation


def _orders(world: Journal, tmp_path: Path, day: str, codes: list[str]) -> int:
    """Import ``day``'s orders of ``codes`` at 16:00 that day (the day's orders come in after
    15:00)."""
    rows = [[day, code, "", "13100101", "", 2, 763.20] for code in codes]
    with clock.pinned(datetime.fromisoformat(f"{day} 16:00")):
        report = import_orders(world, orders_workbook(tmp_path / f"{day}.xlsx", rows))
    assert report.applied and report.problems == []
    return report.no_order_suggested


def _no_order(world: Journal) -> dict[tuple[str, date | None], str]:
    """(customer id, first day of the run) -> status of the 连续未订货 suggestions."""
    with world.reading() as s:
        return {
            (sug.customer_id, sug.run_start): sug.status
            for sug in s.query(SlipSuggestion).filter(SlipSuggestion.source == "no_order")
        }


def test_an_order_dated_ahead_raises_no_run_that_has_not_happened(
    world: Journal, tmp_path: Path
) -> None:
    """A mistyped date (12-30 on 12-03, the clock) in an order file: the weeks up to it have
    not passed, so no customer has gone three weeks without an order because of it."""
    rows = [["2026-11-30", code, "", "13100101", "", 2, 763.20] for code in ("M001", "M002")]
    rows.append(["2026-12-30", "M001", "", "13100101", "", 1, 381.60])
    with clock.pinned(datetime(2026, 12, 3, 16, 0)):  # the day of the import, whatever the suite's
        report = import_orders(world, orders_workbook(tmp_path / "typo.xlsx", rows))
    assert report.applied and report.no_order_suggested == 0
    assert _no_order(world) == {}


def test_three_weeks_without_an_order_raise_one_suggestion_per_run(
    world: Journal, tmp_path: Path
) -> None:
    # nine active customers; week.toml: not_ordering_weeks = 3 (21 days)
    m001, m002 = cid(world, "M001"), cid(world, "M002")
    assert _orders(world, tmp_path, "2026-11-02", ["M001", "M002"]) == 0  # no run is long yet
    # up to 11-16 (since 10-27): M001's run starts 11-03, the others' 11-02: too short
    assert _orders(world, tmp_path, "2026-11-16", ["M002"]) == 0
    # up to 11-23 (since 11-03): M001 (11-03..11-23, 21 days) and the 7 who never ordered
    assert _orders(world, tmp_path, "2026-11-23", ["M002"]) == 8
    raised = _no_order(world)
    assert len(raised) == 8 and all(c != m002 for c, _ in raised)
    assert raised[(m001, date(2026, 11, 3))] == "suggested"
    assert raised[(cid(world, "M003"), date(2026, 11, 2))] == "suggested"  # never ordered
    notes = {n for _, cat, shop, n, _ in world.slips.suggestions() if shop == "周一店1"}
    assert notes == {"连续 3 周未订货（最后一次订货 2026-11-02）"}
    assert _orders(world, tmp_path, "2026-11-23", ["M002"]) == 0  # the same runs: once
    sid = next(s for s, _c, shop, *_ in world.slips.suggestions() if shop == "周一店1")
    world.slips.dismiss_suggestion(sid, "店主已电话说明，下周订货")
    assert _orders(world, tmp_path, "2026-11-30", ["M002"]) == 0  # dismissed: not re-raised
    # M001 orders again on 12-07: a new run from 12-08, 21 days on 12-28
    assert _orders(world, tmp_path, "2026-12-07", ["M001", "M002"]) == 0
    assert _orders(world, tmp_path, "2026-12-27", ["M002"]) == 0  # 20 days
    assert _orders(world, tmp_path, "2026-12-28", ["M002"]) == 1  # the others' are still open
    runs = _no_order(world)
    assert runs[(m001, date(2026, 11, 3))] == "dismissed"
    assert runs[(m001, date(2026, 12, 8))] == "suggested" and len(runs) == 9


def test_another_managers_suggestion_cannot_be_dismissed(
    world: Journal, open_answers: dict[str, object]
) -> None:
    """On a shared database (a department's, the demo's) a manager dismisses only their own
    suggestions: another's violation stays open, not hidden under someone else's name."""
    answers = {**open_answers, "suspected_fake": True, "violation_note": "两条疑似假中华"}
    _visit_with(world, "M001", answers, "2026-11-30")
    sid = _suggestion(world, "violation")
    _become_another_manager(world)
    with pytest.raises(NotFound):
        world.slips.dismiss_suggestion(sid, "复查无误")
    with world.reading() as s:
        assert s.get_one(SlipSuggestion, sid).status == "suggested"
    assert audit.history(world, "slip_suggestion", sid) == []


def test_a_removal_reason_of_invisible_characters_is_no_reason(world: Journal) -> None:
    """Control, zero-width and bidi characters are dropped when saved: they do not make the
    2 characters a reason needs (a slip was saved with 未发部门 市场部 and an empty reason)."""
    shop = cid(world, "M001")
    for hollow in ("\x00\x00\u202e", "\u200b\u200b\u200b", "\x1b\x1b"):
        with pytest.raises(InvalidValue) as err:
            world.slips.create(
                SlipInput(
                    "other",
                    "店招更换",
                    shop,
                    departments=("phone",),
                    removed_reasons={"market": hollow},
                )
            )
        assert err.value.detail == "department_removal_reason"
    assert world.slips.list() == []


def test_a_slip_to_no_department_is_refused_not_sent_to_the_defaults(world: Journal) -> None:
    """None means the category's defaults; an empty choice is no department (the dialog says
    so too), not silently all four."""
    every = {d: "专卖办现场已处理" for d in ALL}
    with pytest.raises(InvalidValue) as err:
        world.slips.create(
            SlipInput(
                "violation", "疑似假烟", cid(world, "M001"), departments=(), removed_reasons=every
            )
        )
    assert (err.value.detail, err.value.data["field"]) == ("required", "departments")
    assert world.slips.list() == []


def test_a_dismissed_or_anothers_suggestion_makes_no_slip(
    world: Journal, open_answers: dict[str, object]
) -> None:
    """A slip made from a suggestion takes it only while it is open and the manager's own: a
    dismissed one stays dismissed (and counted), another manager's is not theirs to use."""
    answers = {**open_answers, "suspected_fake": True, "violation_note": "两条疑似假中华"}
    _visit_with(world, "M001", answers, "2026-11-30")
    sid = _suggestion(world, "violation")
    world.slips.dismiss_suggestion(sid, "复查无误")
    made = world.slips.suggestion_input(sid)
    with pytest.raises(InvalidValue) as closed:
        world.slips.create(made)
    assert closed.value.detail == "suggestion_closed"
    assert world.slips.list() == []  # nothing half-made
    with world.reading() as s:
        assert s.get_one(SlipSuggestion, sid).status == "dismissed"
    # another manager's open suggestion
    _visit_with(world, "M002", answers, "2026-11-30")
    other_sid = _suggestion(world, "violation")
    _become_another_manager(world)
    with pytest.raises(NotFound):
        world.slips.create(world.slips.suggestion_input(other_sid))
    assert world.slips.list() == []
