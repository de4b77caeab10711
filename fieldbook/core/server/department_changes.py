"""客户信息变更: the changes of customers' licence numbers and statuses that the managers made
outside a completed slip (「禁止擅自变更客户信息」), for the department: per manager, before →
after and why. Read across managers (the server's roles decide who may); on a laptop, the one
manager's own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import select

from fieldbook.core.master.customer_changes import change_rules
from fieldbook.core.store.models import Customer, CustomerChange, Manager

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal


@dataclass(frozen=True)
class CustomerChangeRow:
    """One change outside a slip. Values as stored (a status code, a weekday number)."""

    manager_code: str
    manager_name: str
    customer_code: str
    shop_name: str
    at: datetime
    field: str
    old_value: str
    new_value: str
    reason: str
    source: str  # edit | import


def changes_outside_slips(journal: Journal, start: date, end: date) -> list[CustomerChangeRow]:
    """The changes of the fields that need a reason (licence number, status) made outside a
    slip between ``start`` and ``end`` (whole days), by manager code, then oldest first."""
    stmt = (
        select(
            Manager.code,
            Manager.name,
            Customer.code,
            Customer.shop_name,
            CustomerChange.at,
            CustomerChange.field,
            CustomerChange.old_value,
            CustomerChange.new_value,
            CustomerChange.reason,
            CustomerChange.source,
        )
        .join(Manager, Manager.id == CustomerChange.manager_id)
        .join(Customer, Customer.id == CustomerChange.customer_id)
        .where(
            CustomerChange.slip_number == "",
            CustomerChange.field.in_(change_rules().need_reason),
            CustomerChange.at >= datetime.combine(start, time.min),
            CustomerChange.at <= datetime.combine(end, time.max),
        )
        .order_by(Manager.code, CustomerChange.at, Customer.code, CustomerChange.field)
    )
    with journal.reading() as s:
        return [
            CustomerChangeRow(mcode, mname, code, shop, at, field, old, new, why, source)
            for mcode, mname, code, shop, at, field, old, new, why, source in s.execute(stmt)
        ]
