"""货源信息: a SKU's supply state (正常 / 紧俏 / 限量 / 停供, schema/reference/supply.toml), held
from a date until it is changed, and for 限量 the cartons a shop may order per 档位 band
(``1-7:1;8-12:2;13-30:5``). Set in the app or imported (``master.supply_import``); every change
is audited. What a shop is told is read per day in one query (:func:`supply_on`) and worded
for its 档位 (:func:`for_grade`); decision 0021."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.display_names import display_name
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.resources import load_reference
from fieldbook.core.store import audit
from fieldbook.core.store.models import Sku, SkuSupply
from fieldbook.core.store.sessions import NoProfile, Sessions
from fieldbook.core.text import clean_text

TOPIC = "skus"
RECORD_TYPE = "sku_supply"
MANUAL = "手工设置"


@dataclass(frozen=True)
class SupplyState:
    code: str
    name: str
    to_shop: bool  # the visit screen tells the shop
    needs_limits: bool  # 限量: cartons per 档位 band
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class SupplyRules:
    states: tuple[SupplyState, ...]
    default: str
    max_grade: int
    max_limit: int

    def state(self, code: str) -> SupplyState:
        for st in self.states:
            if st.code == code:
                return st
        raise InvalidValue("unknown_supply_state", field="state", value=code)


@cache
def supply_rules() -> SupplyRules:
    ref = load_reference("supply")
    states = tuple(
        SupplyState(
            str(s["code"]),
            str(s["name"]),
            bool(s.get("to_shop", False)),
            bool(s.get("limits", False)),
            tuple(str(a) for a in s.get("aliases", ())),
        )
        for s in ref["states"]
    )
    return SupplyRules(states, str(ref["default"]), int(ref["max_grade"]), int(ref["max_limit"]))


def state_name(code: str, lang: str = "zh_CN") -> str:
    chinese = next((s.name for s in supply_rules().states if s.code == code), code)
    return display_name("supply.states", code, lang, chinese)


def parse_state(value: object) -> str:
    """The state code of a cell: its name (紧俏), an alias (紧张) or its code (tight)."""
    text = clean_text(value).replace(" ", "")
    if not text:
        raise InvalidValue("required")
    for st in supply_rules().states:
        if text in (st.code, st.name, *st.aliases):
            return st.code
    raise InvalidValue("unknown_supply_state", value=text)


@dataclass(frozen=True, order=True)
class Band:
    """``first``–``last`` 档 may order at most ``cartons`` 条 of the SKU."""

    first: int
    last: int
    cartons: int

    def covers(self, grade: int) -> bool:
        return self.first <= grade <= self.last

    @property
    def grades(self) -> str:
        return f"{self.first}–{self.last}" if self.first != self.last else str(self.first)


_BAND_RE = re.compile(r"^(\d+)(?:[-–—~～至到](\d+))?档?[:：=限]?(\d+)?条?$")
_SEPARATORS = re.compile(r"[;；,，、\n]+")


def parse_bands(text: str) -> tuple[Band, ...]:
    """``1-7:1；8–12档限2条`` → bands, checked: each 档位 within 1..max_grade, each limit
    within 1..max_limit, no 档位 in two bands. The error names the band."""
    rules = supply_rules()
    bands: list[Band] = []
    for part in _SEPARATORS.split(clean_text(text).replace(" ", "")):
        if not part:
            continue
        m = _BAND_RE.match(part)
        if m is None or m.group(3) is None:
            raise InvalidValue("supply_band_format", field="limits", value=part)
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        cartons = int(m.group(3))
        if not 1 <= first <= last <= rules.max_grade:
            raise InvalidValue(
                "supply_band_grades", field="limits", value=part, max=rules.max_grade
            )
        if not 1 <= cartons <= rules.max_limit:
            raise InvalidValue(
                "supply_band_cartons", field="limits", value=part, max=rules.max_limit
            )
        bands.append(Band(first, last, cartons))
    bands.sort()
    for before, after in itertools.pairwise(bands):
        if after.first <= before.last:
            raise InvalidValue(
                "supply_band_overlap", field="limits", value=f"{before.grades}、{after.grades}"
            )
    return tuple(bands)


def bands_text(bands: tuple[Band, ...]) -> str:
    """The canonical stored form: ``1-7:1;8-12:2``."""
    return ";".join(f"{b.first}-{b.last}:{b.cartons}" for b in bands)


def bands_words(bands: tuple[Band, ...]) -> str:
    """``1–7 档限 1 条，8–12 档限 2 条``: how a shop and the log read them."""
    return "，".join(f"{b.grades} 档限 {b.cartons} 条" for b in bands)


@dataclass(frozen=True)
class SupplyInput:
    state: str
    limits: str = ""  # 限量: the bands as typed
    valid_from: date | None = None  # None: from today


@dataclass(frozen=True)
class SupplyRow:
    """A SKU's supply on a day: the state that holds since ``valid_from``."""

    sku_id: str
    code: str
    name: str
    state: str
    bands: tuple[Band, ...]
    valid_from: date | None  # None: never set (the default state)

    def band_for(self, grade: int | None) -> Band | None:
        if grade is None:
            return None
        return next((b for b in self.bands if b.covers(grade)), None)


def check_supply(data: SupplyInput) -> tuple[str, tuple[Band, ...]]:
    """The state code and its bands, checked: 限量 needs at least one band; no other state has
    any."""
    rules = supply_rules()
    state = rules.state(data.state)
    bands = parse_bands(data.limits)
    if state.needs_limits and not bands:
        raise InvalidValue("supply_limits_required", field="limits", value=state.name)
    if bands and not state.needs_limits:
        raise InvalidValue("supply_limits_unwanted", field="limits", value=state.name)
    return state.code, bands


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def supply_on(s: Session, day: date, *, shown_only: bool = True) -> list[SupplyRow]:
    """Every SKU's supply on ``day`` in one query (the latest row from on or before it);
    ``shown_only``: only states the shop is told about, in state order then SKU name."""
    rules = supply_rules()
    latest = (
        select(SkuSupply.sku_id, func.max(SkuSupply.valid_from).label("since"))
        .where(SkuSupply.valid_from <= day)
        .group_by(SkuSupply.sku_id)
        .subquery()
    )
    rows = s.execute(
        select(Sku.id, Sku.code, Sku.name, SkuSupply.state, SkuSupply.limits, SkuSupply.valid_from)
        .join(SkuSupply, SkuSupply.sku_id == Sku.id)
        .join(
            latest,
            (latest.c.sku_id == SkuSupply.sku_id) & (latest.c.since == SkuSupply.valid_from),
        )
    ).all()
    shown = {st.code for st in rules.states if st.to_shop}
    order = {st.code: n for n, st in enumerate(rules.states)}
    out = [
        SupplyRow(sid, code, name, state, _stored_bands(limits), since)
        for sid, code, name, state, limits, since in rows
        if not shown_only or state in shown
    ]
    return sorted(out, key=lambda r: (order.get(r.state, 99), r.name, r.code))


def _stored_bands(text: str) -> tuple[Band, ...]:
    try:
        return parse_bands(text or "")
    except InvalidValue:  # written by an older configuration: shown as far as it reads
        return ()


@dataclass(frozen=True)
class ShopSupply:
    """What a shop of ``grade`` is told about one SKU: its limit for that 档位 (``band``), or
    every band when the grade is not known or not in any band."""

    name: str
    state: str
    band: Band | None
    bands: tuple[Band, ...]


def for_grade(rows: list[SupplyRow], grade: int | None) -> list[ShopSupply]:
    return [ShopSupply(r.name, r.state, r.band_for(grade), r.bands) for r in rows]


def shop_line_text(items: list[ShopSupply], grade: int | None) -> list[str]:
    """The lines a shop is told, in the core's words (the day log keeps these):
    「本周紧俏：黄鹤楼(软蓝)」, 「限量：中华(硬)，8–12 档限 2 条」, 「停供：…」."""
    lines: list[str] = []
    tight = [i.name for i in items if i.state == "tight"]
    if tight:
        lines.append("本周紧俏：" + "、".join(tight))
    for item in (i for i in items if i.state == "limited"):
        if item.band is not None:
            lines.append(f"限量：{item.name}，{item.band.grades} 档限 {item.band.cartons} 条")
        elif grade is None:
            lines.append(f"限量：{item.name}（档位未填：{bands_words(item.bands)}）")
        else:
            lines.append(f"限量：{item.name}，{grade} 档不在投放档位内")
    stopped = [i.name for i in items if i.state == "stopped"]
    if stopped:
        lines.append("停供：" + "、".join(stopped))
    return lines


def _manager_or_blank(db: Sessions, s: Session) -> str:
    try:
        return db.current_manager_id(s)
    except NoProfile:
        return ""


def write_supply(
    db: Sessions,
    s: Session,
    sku: Sku,
    state: str,
    bands: tuple[Band, ...],
    since: date,
    source: str,
) -> bool:
    """Set ``sku``'s supply from ``since`` in the caller's transaction; audited (field
    ``supply``: what held on ``since`` before → after). False when nothing changes."""
    current = _state_on(s, sku.id, since)
    new_text = _audit_text(state, bands)
    old_text = _audit_text(current.state, _stored_bands(current.limits)) if current else None
    if current is None and state == supply_rules().default and not bands:
        return False
    if old_text == new_text:
        return False
    row = s.scalars(
        select(SkuSupply).where(SkuSupply.sku_id == sku.id, SkuSupply.valid_from == since)
    ).first()
    if row is None:
        row = SkuSupply(sku_id=sku.id, valid_from=since, state=state)
        s.add(row)
    row.state, row.limits, row.source = state, bands_text(bands), source[:200]
    audit.record(
        s,
        manager_id=_manager_or_blank(db, s),
        record_type=RECORD_TYPE,
        record_id=sku.id,
        changes={"supply": (old_text, f"{new_text}（{since.isoformat()} 起）")},
        reason=source,
    )
    return True


def _audit_text(state: str, bands: tuple[Band, ...]) -> str:
    name = state_name(state)
    return f"{name} {bands_words(bands)}" if bands else name


def _state_on(s: Session, sku_id: str, day: date) -> SkuSupply | None:
    return s.scalars(
        select(SkuSupply)
        .where(SkuSupply.sku_id == sku_id, SkuSupply.valid_from <= day)
        .order_by(SkuSupply.valid_from.desc())
        .limit(1)
    ).first()


class SupplyService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    def on(self, day: date, *, shown_only: bool = True) -> list[SupplyRow]:
        with self.db.reading() as s:
            return supply_on(s, day, shown_only=shown_only)

    def today(self) -> dict[str, SupplyRow]:
        """SKU id → its supply today, for the SKUs that are not 正常 (the SKU list's column)."""
        return {r.sku_id: r for r in self.on(clock.today())}

    def of_sku(self, sku_id: str, day: date | None = None) -> SupplyRow:
        """The SKU's supply on ``day`` (default today): the default state if never set."""
        day = day or clock.today()
        with self.db.reading() as s:
            sku = s.get(Sku, sku_id)
            if sku is None:
                raise NotFound("sku", id=sku_id)
            row = _state_on(s, sku_id, day)
            if row is None:
                return SupplyRow(sku.id, sku.code, sku.name, supply_rules().default, (), None)
            return SupplyRow(
                sku.id, sku.code, sku.name, row.state, _stored_bands(row.limits), row.valid_from
            )

    def for_customer(self, grade: int | None, day: date) -> list[ShopSupply]:
        """What a shop of ``grade`` is told on ``day``."""
        return for_grade(self.on(day), grade)

    def set(self, sku_id: str, data: SupplyInput) -> SupplyRow:
        """Set a SKU's supply in the app (from ``data.valid_from``, default today)."""
        state, bands = check_supply(data)
        since = data.valid_from or clock.today()
        with self.db.writing(TOPIC) as s:
            sku = s.get(Sku, sku_id)
            if sku is None:
                raise NotFound("sku", id=sku_id)
            write_supply(self.db, s, sku, state, bands, since, MANUAL)
        return self.of_sku(sku_id, since)
