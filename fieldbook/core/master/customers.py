"""Customers (零售户): list, search (codes, names, phone, licence, pinyin initials), edit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.master.customer_changes import (
    ChangeBasis,
    audited_values,
    changed,
    reason_for,
    record_changes,
)
from fieldbook.core.master.customer_vocabulary import parse_licence, parse_phone, vocabulary
from fieldbook.core.master.routes import next_position, route_for_name
from fieldbook.core.search import build_search_text, like_pattern, query_tokens
from fieldbook.core.store.models import Customer, Route
from fieldbook.core.store.sessions import NoProfile, Sessions
from fieldbook.core.text import clean_code, clean_text

TOPIC = "customers"


@dataclass(frozen=True)
class CustomerRow:
    """A customer as screens, exports and the CLI see it (plain, frozen data)."""

    id: str
    code: str
    licence_no: str
    shop_name: str
    owner_name: str
    phone: str
    address: str
    district: str
    format: str
    market_type: str
    grade: int | None
    route_id: str | None
    route_name: str
    route_position: int | None
    order_weekday: int | None
    status: str
    is_key_customer: bool
    licence_expiry: date | None
    gps_lat: float | None
    gps_lon: float | None
    notes: str


#: CustomerRow's fields, in the order of its columns (``_COLUMNS``).
ROW_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(CustomerRow))


def customer_rows(result: Iterable[Sequence[object]]) -> list[CustomerRow]:
    """Rows read with ``_COLUMNS`` as CustomerRow. Each is filled straight from its columns: the
    frozen dataclass's ``__init__`` (one checked ``setattr`` per field) was a third of listing
    10,000 customers on the desktop app's customers page; the rows stay frozen after."""
    make = object.__new__
    rows: list[CustomerRow] = []
    for values in result:
        row = make(CustomerRow)
        row.__dict__.update(zip(ROW_FIELDS, values, strict=True))
        rows.append(row)
    return rows


@dataclass(frozen=True)
class CustomerInput:
    """Editable customer fields, already parsed (parsers: core.master.customer_vocabulary).

    ``route`` is the route's name: an unknown name creates the route.
    """

    code: str
    shop_name: str
    licence_no: str = ""
    owner_name: str = ""
    phone: str = ""
    address: str = ""
    district: str = ""
    format: str = ""
    market_type: str = ""
    grade: int | None = None
    route: str = ""
    route_position: int | None = None
    order_weekday: int | None = None
    status: str = "active"
    is_key_customer: bool = False
    licence_expiry: date | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None
    notes: str = ""


#: Input fields that map one-to-one onto Customer columns.
DIRECT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(CustomerInput) if f.name not in ("route",)
)
TEXT_LIMITS = {
    "code": 32,
    "licence_no": 32,
    "shop_name": 100,
    "owner_name": 50,
    "phone": 32,
    "address": 200,
    "district": 50,
    "route": 50,
    "notes": 2000,
}

_COLUMNS = (
    Customer.id,
    Customer.code,
    Customer.licence_no,
    Customer.shop_name,
    Customer.owner_name,
    Customer.phone,
    Customer.address,
    Customer.district,
    Customer.format,
    Customer.market_type,
    Customer.grade,
    Customer.route_id,
    func.coalesce(Route.name, ""),
    Customer.route_position,
    Customer.order_weekday,
    Customer.status,
    Customer.is_key_customer,
    Customer.licence_expiry,
    Customer.gps_lat,
    Customer.gps_lon,
    Customer.notes,
)


def check_input(data: CustomerInput) -> CustomerInput:
    """Normalise and check one customer; raises InvalidValue(code, field=...)."""
    voc = vocabulary()
    cleaned = replace(
        data,
        code=clean_code(data.code),
        licence_no=clean_code(data.licence_no),
        phone=clean_code(data.phone),
        shop_name=clean_text(data.shop_name),
        owner_name=clean_text(data.owner_name),
        address=clean_text(data.address),
        district=clean_text(data.district),
        route=clean_text(data.route),
        notes=str(data.notes or "").strip(),
    )
    try:
        cleaned = replace(
            cleaned, licence_no=parse_licence(cleaned.licence_no), phone=parse_phone(cleaned.phone)
        )
    except InvalidValue as exc:
        field = "licence_no" if exc.detail.startswith("licence") else "phone"
        raise InvalidValue(exc.detail, field=field, **exc.data) from None
    if not cleaned.code:
        raise InvalidValue("required", field="code")
    if not cleaned.shop_name:
        raise InvalidValue("required", field="shop_name")
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(cleaned, name)) > limit:
            raise InvalidValue("too_long", field=name, max=limit)
    if cleaned.format and cleaned.format not in {t.code for t in voc.formats}:
        raise InvalidValue("unknown_format", field="format", value=cleaned.format)
    if cleaned.market_type and cleaned.market_type not in {t.code for t in voc.market_types}:
        raise InvalidValue("unknown_market_type", field="market_type", value=cleaned.market_type)
    if cleaned.status not in {t.code for t in voc.statuses}:
        raise InvalidValue("unknown_status", field="status", value=cleaned.status)
    if cleaned.grade is not None and not voc.grade_min <= cleaned.grade <= voc.grade_max:
        raise InvalidValue("grade_out_of_range", field="grade", value=str(cleaned.grade))
    if cleaned.order_weekday is not None and not 1 <= cleaned.order_weekday <= 7:
        raise InvalidValue("unknown_weekday", field="order_weekday")
    return cleaned


def customer_search_text(c: CustomerInput | CustomerRow) -> str:
    return build_search_text(
        c.code,
        c.shop_name,
        c.owner_name,
        c.phone,
        c.licence_no,
        c.address,
        pinyin_of=(c.shop_name, c.owner_name),
    )


def input_from_row(row: CustomerRow) -> CustomerInput:
    values = {f.name: getattr(row, f.name) for f in fields(CustomerInput) if f.name != "route"}
    return CustomerInput(route=row.route_name, **values)


class CustomerService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- reading ---------------------------------------------------------------------------
    def _query(self, search: str = "") -> Any:
        stmt = select(*_COLUMNS).outerjoin(Route, Customer.route_id == Route.id)
        tokens = query_tokens(search)
        if tokens:
            stmt = stmt.where(
                and_(*(Customer.search_text.like(like_pattern(t), escape="\\") for t in tokens))
            )
        return stmt.order_by(
            func.coalesce(Route.weekday, 99), Route.name, Customer.route_position, Customer.code
        )

    def list(
        self,
        search: str = "",
        *,
        route_id: str | None = None,
        everyone: bool = False,
        limit: int | None = None,
    ) -> list[CustomerRow]:
        """The current manager's customers matching every word of ``search`` (all of them
        when empty), in route order. ``everyone`` lists every manager's customers (a department
        database holds many managers); ``route_id`` keeps one route."""
        stmt = self._query(search)
        if route_id is not None:
            stmt = stmt.where(Customer.route_id == route_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.db.reading() as s:
            if not everyone:
                try:
                    stmt = stmt.where(Customer.manager_id == self.db.current_manager_id(s))
                except NoProfile:
                    return []
            return customer_rows(s.connection().execute(stmt))

    def count(self, *, everyone: bool = False) -> int:
        stmt = select(func.count()).select_from(Customer)
        with self.db.reading() as s:
            if not everyone:
                try:
                    stmt = stmt.where(Customer.manager_id == self.db.current_manager_id(s))
                except NoProfile:
                    return 0
            return s.scalar(stmt) or 0

    def get(self, customer_id: str) -> CustomerRow:
        stmt = self._query().where(Customer.id == customer_id)
        with self.db.reading() as s:
            row = s.connection().execute(stmt).first()
        if row is None:
            raise NotFound("customer", id=customer_id)
        return CustomerRow(*row)

    def by_code(self, code: str) -> CustomerRow:
        with self.db.reading() as s:
            cid = s.scalar(select(Customer.id).where(Customer.code == clean_code(code)))
        if cid is None:
            raise NotFound("customer", code=code)
        return self.get(cid)

    # --- writing ---------------------------------------------------------------------------
    def create(self, data: CustomerInput) -> CustomerRow:
        data = check_input(data)
        with self.db.writing(TOPIC) as s:
            manager_id = self.db.current_manager_id(s)
            self._check_unique(s, data, None)
            customer = Customer(manager_id=manager_id, code=data.code, shop_name=data.shop_name)
            s.add(customer)
            self.apply(s, customer, data, manager_id)
            s.flush()
            cid = customer.id
        return self.get(cid)

    def update(
        self, customer_id: str, data: CustomerInput, basis: ChangeBasis | None = None
    ) -> CustomerRow:
        """Save ``data``. A change of an audited field (licence, status, grade, route, order
        day) is recorded with ``basis`` (customer_changes): the licence and the status need a
        reason unless the change follows a completed slip; nothing is saved when refused."""
        data = check_input(data)
        with self.db.writing(TOPIC) as s:
            customer = s.get(Customer, customer_id)
            if customer is None:
                raise NotFound("customer", id=customer_id)
            self._check_unique(s, data, customer_id)
            current = {name: getattr(customer, name) for name in DIRECT_FIELDS}
            before = audited_values(s, current, customer.route_id)
            changes = changed(before, {**asdict(data), "route": data.route})
            basis = basis or ChangeBasis()
            reason = reason_for(s, customer_id, changes, basis) if changes else ""
            self.apply(s, customer, data, customer.manager_id)
            record_changes(
                s,
                manager_id=customer.manager_id,
                customer_id=customer_id,
                changes=changes,
                reason=reason,
                basis=basis,
            )
        return self.get(customer_id)

    def _check_unique(self, s: Session, data: CustomerInput, own_id: str | None) -> None:
        clash = s.scalar(select(Customer.id).where(Customer.code == data.code))
        if clash is not None and clash != own_id:
            raise InvalidValue("duplicate", field="code", value=data.code)
        if data.licence_no:
            clash = s.scalar(select(Customer.id).where(Customer.licence_no == data.licence_no))
            if clash is not None and clash != own_id:
                raise InvalidValue("duplicate", field="licence_no", value=data.licence_no)

    def apply(
        self,
        s: Session,
        customer: Customer,
        data: CustomerInput,
        manager_id: str,
        only: frozenset[str] | None = None,
    ) -> None:
        """Copy ``data`` onto ``customer`` (only the fields in ``only`` when given)."""
        values = asdict(data)
        for name in DIRECT_FIELDS:
            if only is None or name in only:
                setattr(customer, name, values[name])
        if only is None or "route" in only:
            route = route_for_name(s, manager_id, data.route) if data.route else None
            customer.route_id = route.id if route is not None else None
            if route is not None and route.weekday is None and data.order_weekday is not None:
                route.weekday = data.order_weekday  # a new route runs on its customers' day
        if customer.route_id is not None and customer.route_position is None:
            customer.route_position = next_position(s, customer.route_id)
        customer.search_text = customer_search_text(
            CustomerInput(**{k: getattr(customer, k) for k in DIRECT_FIELDS}, route="")
        )
