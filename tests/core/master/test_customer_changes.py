"""「禁止擅自变更客户信息」: changes of a customer's licence number, status, grade, route and
order day are audited (who, when, before → after, why); the licence number and the status
change only with a reason or a completed slip; the department sees those made outside a
slip."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sample_data import write_workbook

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_changes import ChangeBasis, change_history, change_slips
from fieldbook.core.master.customer_import import import_customers
from fieldbook.core.master.customers import CustomerInput, input_from_row
from fieldbook.core.server.department_changes import changes_outside_slips
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store import audit
from fieldbook.core.store.models import CustomerChange, Manager

NOW = datetime(2026, 12, 3, 9, 30)  # the tests' pinned clock (tests/conftest.py)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def still_clock() -> Iterator[None]:
    """The clock stands still at the tests' time: the times recorded are exact."""
    with clock.pinned(NOW, running=False):
        yield


def shop(journal: Journal) -> str:
    row = journal.customers.create(
        CustomerInput(
            code="C001",
            shop_name="张小便利店",
            licence_no="230902100001",
            grade=8,
            route="周一线路",
            order_weekday=1,
        )
    )
    return row.id


def manager_id(journal: Journal) -> str:
    with journal.reading() as s:
        return str(s.scalar(Manager.__table__.select().with_only_columns(Manager.id)))


def edit(journal: Journal, cid: str, basis: ChangeBasis | None = None, **changes: object) -> None:
    data = replace(input_from_row(journal.customers.get(cid)), **changes)  # type: ignore[arg-type]
    journal.customers.update(cid, data, basis)


@pytest.mark.parametrize(
    ("field", "value", "before", "reason", "recorded"),
    [
        ("licence_no", "230902100009", "230902100001", "换发新证", "换发新证"),
        ("status", "suspended", "active", "店主口头告知装修", "店主口头告知装修"),
        ("grade", 10, 8, "", "客户资料修改"),  # needs no reason: the configured default
        ("route", "周二线路", "周一线路", "线路调整", "线路调整"),
        ("order_weekday", 2, 1, "", "客户资料修改"),
    ],
)
def test_each_audited_field_is_recorded_with_who_when_before_after_and_why(
    journal: Journal, field: str, value: object, before: object, reason: str, recorded: str
) -> None:
    cid = shop(journal)
    edit(journal, cid, ChangeBasis(reason), **{"route" if field == "route" else field: value})
    (entry,) = change_history(journal, cid)
    assert (entry.field, entry.old_value, entry.new_value) == (field, before, value)
    assert (entry.manager_id, entry.at, entry.reason) == (manager_id(journal), NOW, recorded)
    with journal.reading() as s:
        (row,) = s.scalars(CustomerChange.__table__.select().with_only_columns(CustomerChange.id))
        change = s.get_one(CustomerChange, row)
        assert (change.field, change.old_value, change.new_value) == (
            field,
            str(before),
            str(value),
        )
        assert (change.reason, change.slip_number, change.source) == (recorded, "", "edit")
    assert audit.verify(journal).ok


def test_other_fields_are_not_audited(journal: Journal) -> None:
    cid = shop(journal)
    edit(journal, cid, phone="13904641234", shop_name="张小便利店(新)")
    assert change_history(journal, cid) == []


@pytest.mark.parametrize(("field", "value"), [("status", "closed"), ("licence_no", "230902100009")])
def test_a_status_or_licence_change_without_reason_is_refused_and_nothing_saved(
    journal: Journal, field: str, value: str
) -> None:
    cid = shop(journal)
    with pytest.raises(InvalidValue) as refused:
        edit(journal, cid, ChangeBasis("  "), grade=9, **{field: value})
    assert refused.value.detail == "customer_change_reason"
    for invisible in ("\u200b\u200b", "\x00\u202e", "\u2060\ufeff"):  # nothing to read
        with pytest.raises(InvalidValue) as refused:
            edit(journal, cid, ChangeBasis(invisible), **{field: value})
    assert refused.value.detail == "customer_change_reason"
    assert refused.value.data["field"] == "reason"
    row = journal.customers.get(cid)
    assert (row.status, row.licence_no, row.grade) == ("active", "230902100001", 8)
    assert change_history(journal, cid) == []


def complete(journal: Journal, cid: str, category: str) -> str:
    slip = journal.slips.create(SlipInput(category, "许可证换证，号码变更", cid, sub_reason="其他"))
    slip = journal.slips.send(slip.id)
    for d in slip.deliveries:
        for state in ("received", "handled", "done"):
            journal.slips.advance(d.id, state, actor="部门")
    return slip.number


def test_a_change_following_a_completed_slip_needs_no_reason(journal: Journal) -> None:
    cid = shop(journal)
    number = complete(journal, cid, "info_change")
    assert [c.number for c in change_slips(journal, cid)] == [number]
    edit(journal, cid, ChangeBasis(slip_number=number), licence_no="230902100009")
    (entry,) = change_history(journal, cid)
    assert (entry.old_value, entry.new_value) == ("230902100001", "230902100009")
    assert entry.reason == f"反馈单 {number} 已办结"
    # followed a slip: not in the department's list of changes outside a slip
    assert changes_outside_slips(journal, TODAY, TODAY) == []


def test_a_slip_that_is_not_done_or_not_this_customers_backs_nothing(journal: Journal) -> None:
    cid = shop(journal)
    other = journal.customers.create(CustomerInput(code="C002", shop_name="福源食杂店")).id
    theirs = complete(journal, other, "info_change")
    open_slip = journal.slips.create(
        SlipInput("closed", "店铺转让", cid, sub_reason="转让", effective_date=TODAY)
    )
    for number in (theirs, open_slip.number, "FK-NOPE"):
        with pytest.raises(InvalidValue) as refused:
            edit(journal, cid, ChangeBasis(slip_number=number), status="closed")
        assert refused.value.detail == "slip_not_for_change"
    assert journal.customers.get(cid).status == "active"


def test_a_roster_reimport_is_audited_with_the_file_as_reason(
    journal: Journal, tmp_path: Path
) -> None:
    header = ["客户编码", "客户名称", "许可证号", "档位", "线路", "订货日", "经营状态"]
    first = [["230900000001", "张小便利店", "230902100001", 8, "周一线路", "周一", "正常"]]
    import_customers(journal, write_workbook(tmp_path / "r1.xlsx", header, first))
    cid = journal.customers.by_code("230900000001").id
    assert change_history(journal, cid) == []  # a new customer is not a change
    second = [["230900000001", "张小便利店", "230902100001", 9, "周二线路", "周二", "暂停"]]
    import_customers(journal, write_workbook(tmp_path / "名单12月.xlsx", header, second))
    entries = change_history(journal, cid)
    assert [(e.field, e.old_value, e.new_value) for e in entries] == [
        ("grade", 8, 9),
        ("order_weekday", 1, 2),
        ("route", "周一线路", "周二线路"),
        ("status", "active", "suspended"),
    ]
    assert {e.reason for e in entries} == {"导入客户名单 名单12月.xlsx"}
    (listed,) = changes_outside_slips(journal, date(2026, 12, 1), TODAY)
    assert (listed.field, listed.old_value, listed.new_value) == ("status", "active", "suspended")
    assert (listed.source, listed.reason) == ("import", "导入客户名单 名单12月.xlsx")


def test_the_department_lists_status_and_licence_changes_outside_slips(journal: Journal) -> None:
    cid = shop(journal)
    edit(journal, cid, ChangeBasis("店主说暂停"), status="suspended")
    edit(journal, cid, grade=9)  # no reason needed, not listed
    edit(journal, cid, ChangeBasis("换证"), licence_no="230902100009")
    rows = changes_outside_slips(journal, TODAY, TODAY)
    assert [
        (
            r.manager_code,
            r.manager_name,
            r.customer_code,
            r.field,
            r.old_value,
            r.new_value,
            r.reason,
        )
        for r in rows
    ] == [
        ("QTH001", "王建国", "C001", "licence_no", "230902100001", "230902100009", "换证"),
        ("QTH001", "王建国", "C001", "status", "active", "suspended", "店主说暂停"),
    ]
    assert changes_outside_slips(journal, date(2026, 12, 4), date(2026, 12, 9)) == []
