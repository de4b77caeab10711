"""Demo data: a realistic 七台河 department (managers, routes, customers, SKUs) from one seed.

Follows the synthetic data recipe of REFERENCE.md §6; names, places, SKUs and rates are data
in ``schema/reference/demo.toml``. The same seed (and ``today``) gives the same database: all
randomness comes from ``random.Random`` streams derived from the seed, ids included.

History is filled week by week by ``WEEK_GENERATORS``: today the day in the field (plans,
visits, findings, follow-ups, suggested slips: ``fieldbook.core.demo.visits``); orders, slips and
logs will follow.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.demo.orders import order_week
from fieldbook.core.demo.slips import slip_week
from fieldbook.core.demo.visits import visit_week
from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.master.catalog import SkuInput, apply_sku, check_sku
from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.master.customers import CustomerInput, customer_search_text
from fieldbook.core.resources import load_reference
from fieldbook.core.store.db import refresh_statistics
from fieldbook.core.store.models import Customer, Manager, Route, Sku

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
DEMO_SEED_KEY = "demo_seed"
MAX_WEEKS = 520
MAX_MANAGERS = 999
MAX_CUSTOMERS_PER_MANAGER = 1000
MAX_PER_AREA = 50_000  # licence serials are 5 digits per area: keep random draws cheap
WORKDAYS = (1, 2, 3, 4, 5)
THURSDAY = 4
TABLE_HEADERS = [
    "客户编码",
    "许可证号",
    "客户名称",
    "负责人",
    "联系电话",
    "经营地址",
    "区县",
    "经营业态",
    "市场类型",
    "档位",
    "线路",
    "订货日",
    "经营状态",
]
_TEXT_COLUMNS = frozenset({0, 1, 4})  # code, licence, phone: text, never numbers


class DemoCancelled(FieldbookError):
    """The user cancelled demo generation; the database is unchanged."""

    code = "cancelled"
    is_input_error = True


class DemoRefused(FieldbookError):
    """The database already holds data: demo data never mixes with real data."""

    code = "demo_refused"
    is_input_error = True


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo`` wrote: rows per table, and the parameters it used."""

    seed: int
    weeks: int
    managers: int
    routes: int
    customers: int
    skus: int
    other: tuple[tuple[str, int], ...] = ()  # rows written by WEEK_GENERATORS, per table

    def counts(self) -> dict[str, int]:
        base = {
            "managers": self.managers,
            "routes": self.routes,
            "customers": self.customers,
            "skus": self.skus,
        }
        return {**base, **dict(self.other)}


@dataclass
class DemoManager:
    id: str
    code: str
    district: str
    route_ids: dict[int, str]  # weekday → route id
    customer_ids: list[str] = field(default_factory=list)


@dataclass
class DemoContext:
    """What a week generator can use: the open write session, its own random stream, ids."""

    session: Session
    rng: random.Random
    today: date
    new_id: Callable[[], str]
    managers: list[DemoManager]
    skus: list[dict[str, Any]]
    counts: Counter[str]
    state: dict[str, Any] = field(default_factory=dict)  # a generator's own, across weeks
    finalizers: list[Callable[[], None]] = field(default_factory=list)  # after the last week

    def insert(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        """Bulk insert of plain dicts (all with the same keys) through Core: no ORM objects."""
        if rows:
            self.session.execute(insert(model.__table__), rows)
            self.counts[model.__tablename__] += len(rows)


#: Generators of one week of history, called oldest week first with the Monday of that week
#: (days from ``ctx.today`` on are not history). Orders, slips and logs are future issues.
WeekGenerator = Callable[[DemoContext, date], None]
WEEK_GENERATORS: tuple[WeekGenerator, ...] = (visit_week, slip_week, order_week)


@cache
def demo_reference() -> dict[str, Any]:
    return load_reference("demo")


def _weighted(items: dict[str, float]) -> tuple[list[str], list[float]]:
    keys = list(items)
    return keys, [float(items[k]) for k in keys]


def route_sizes(count: int, thursday_share: float) -> dict[int, int]:
    """Customers per weekday route: Thursday smaller, the rest spread evenly."""
    thursday = min(count, round(count * thursday_share))
    rest = count - thursday
    others = [d for d in WORKDAYS if d != THURSDAY]
    sizes = {
        d: rest // len(others) + (1 if i < rest % len(others) else 0) for i, d in enumerate(others)
    }
    sizes[THURSDAY] = thursday
    return dict(sorted(sizes.items()))


def _territory(short: str, n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        word = digits[n]
    elif n < 100:
        tens, ones = divmod(n, 10)
        word = ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    else:
        word = str(n)
    return f"{short}{word}片区"


class _World:
    """Draws managers and their customers in a fixed order from one seed.

    ``generate_demo`` and ``demo_customer_table`` share it, so a table of N customers lists
    the same shops as a demo database of the same seed.
    """

    def __init__(self, seed: int, today: date) -> None:
        master = random.Random(seed)
        self.rng = random.Random(master.getrandbits(64))
        self.id_rng = random.Random(master.getrandbits(64))
        self.history_rng = random.Random(master.getrandbits(64))
        self.today = today
        ref = demo_reference()
        self.ref = ref
        rates = ref["rates"]
        self.districts: list[dict[str, Any]] = ref["districts"]
        names = ref["names"]
        self.surnames: list[str] = names["surnames"]
        self.surname_weights = [1.0 / (i + 8) for i in range(len(self.surnames))]
        self.patterns, self.pattern_weights = _weighted(names["patterns"])
        self.grade_weights = [float(w) for w in rates["grades"]["weights"]]
        top = int(rates["top_grade"])
        high = sum(self.grade_weights[top - 1 :]) / sum(self.grade_weights)
        overall = {k: v / 100 for k, v in rates["formats"].items()}
        top_total = sum(rates["top_formats"].values())
        top_mix = {k: v / top_total for k, v in rates["top_formats"].items()}
        # Below the top grades, shift the mix so that the overall mix still holds.
        low_mix = {
            k: max(0.0, (p - high * top_mix.get(k, 0.0)) / (1 - high)) for k, p in overall.items()
        }
        self.top_formats = _weighted(top_mix)
        self.low_formats = _weighted(low_mix)
        self.codes: set[str] = set()
        self.serials: dict[str, set[int]] = {d["prefix"]: set() for d in self.districts}
        self.manager_names: set[str] = set()
        self.shop_names: set[str] = set()
        voc = vocabulary()
        self.format_names = {t.code: t.name for t in voc.formats}
        self.market_names = {t.code: t.name for t in voc.market_types}
        self.status_names = {t.code: t.name for t in voc.statuses}

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    def person(self) -> str:
        rng = self.rng
        surname = rng.choices(self.surnames, self.surname_weights)[0]
        return surname + rng.choice(self.ref["names"]["given"])

    def phone(self) -> str:
        return f"1{self.rng.choice('3456789')}{self.rng.randrange(10**9):09d}"

    def manager(self, index: int) -> dict[str, Any]:
        district = self.districts[index % len(self.districts)]
        name = self.person()
        while name in self.manager_names:
            name = self.person()
        self.manager_names.add(name)
        return {
            "code": f"{self.ref['manager_code_prefix']}{index + 1:03d}",
            "name": name,
            "district_unit": district["name"],
            "territory": _territory(district["short"], index // len(self.districts) + 1),
            "phone": self.phone(),
        }

    def customers(self, index: int, count: int) -> Iterator[dict[str, Any]]:
        """Customers of manager ``index``, route by route, each route in visiting order."""
        rng, rates = self.rng, self.ref["rates"]
        district = self.districts[index % len(self.districts)]
        spread = float(district["spread"])
        centre = (rng.gauss(district["lat"], spread), rng.gauss(district["lon"], spread))
        first = index == 0
        for weekday, size in route_sizes(count, float(rates["thursday_share"])).items():
            route = {
                "lat": rng.gauss(centre[0], spread / 3),
                "lon": rng.gauss(centre[1], spread / 3),
                "streets": rng.sample(district["streets"], 3),
                "town": rng.choice(district["towns"]),
                "villages": rng.sample(self.ref["names"]["villages"], 3),
            }
            shops = [self._shop(district, route, weekday) for _ in range(size)]
            if first and shops:
                shops[0] = self._showcase(shops[0])
                first = False
            shops.sort(key=lambda s: (s["gps_lon"], s["gps_lat"]))
            for position, shop in enumerate(shops, start=1):
                shop["route_position"] = position
                yield shop

    def _showcase(self, shop: dict[str, Any]) -> dict[str, Any]:
        show = self.ref["showcase"]
        self.shop_names.add(show["shop_name"])
        return {
            **shop,
            "shop_name": show["shop_name"],
            "owner_name": show["owner_name"],
            "format": show["format"],
            "status": "active",
        }

    def _unique(self, values: set[Any], draw: Callable[[], Any]) -> Any:
        value = draw()
        while value in values:
            value = draw()
        values.add(value)
        return value

    def _shop(
        self, district: dict[str, Any], route: dict[str, Any], weekday: int
    ) -> dict[str, Any]:
        rng, rates = self.rng, self.ref["rates"]
        grade = rng.choices(range(1, len(self.grade_weights) + 1), self.grade_weights)[0]
        keys, weights = self.top_formats if grade >= rates["top_grade"] else self.low_formats
        fmt = rng.choices(keys, weights)[0]
        rural = rng.random() < float(district["rural_share"])
        owner = self.person()
        prefix = self.ref["customer_code_prefix"]
        code = self._unique(self.codes, lambda: f"{prefix}{rng.randrange(10**8):08d}")
        serial = self._unique(self.serials[district["prefix"]], lambda: rng.randrange(1, 10**5))
        holder = "2" if rng.random() < float(rates["holder_type_2"]) else "1"
        place = f"{self.ref['city']}{district['name']}"
        if rural:
            village = rng.choice(route["villages"])
            street = village
            address = f"{place}{route['town']}{village}{rng.randint(1, 9)}组"
            lat, lon = self._point(district, route, 0.03)
        else:
            street = rng.choice(route["streets"])
            address = f"{place}{street}{rng.randint(1, 399)}号"
            lat, lon = self._point(district, route, 0.004)
        name = self._shop_name(fmt, owner, street)
        for _ in range(4):  # a few redraws keep names varied; real lists repeat names too
            if name not in self.shop_names:
                break
            name = self._shop_name(fmt, owner, street)
        self.shop_names.add(name)
        draw = rng.random()
        status = "active"
        if draw < rates["suspended"] + rates["closed"]:
            status = "suspended" if draw < rates["suspended"] else "closed"
        key_rate = rates[
            "key_customer_high" if grade >= rates["key_customer_grade"] else "key_customer_low"
        ]
        low_days, high_days = rates["licence_expiry_days"]
        return {
            "code": code,
            "licence_no": f"{district['prefix']}{holder}{serial:05d}",
            "shop_name": name,
            "owner_name": owner,
            "phone": self.phone(),
            "address": address,
            "district": district["name"],
            "format": fmt,
            "market_type": "X" if rural else "C",
            "grade": grade,
            "order_weekday": weekday,
            "status": status,
            "is_key_customer": rng.random() < key_rate,
            "licence_expiry": self.today + timedelta(days=rng.randint(low_days, high_days)),
            "gps_lat": lat,
            "gps_lon": lon,
        }

    def _point(
        self, district: dict[str, Any], route: dict[str, Any], spread: float
    ) -> tuple[float, float]:
        """A GPS point around the route's centre, inside the district's bounds."""
        lat_min, lat_max, lon_min, lon_max = district["bounds"]
        for _ in range(20):
            lat = self.rng.gauss(route["lat"], spread)
            lon = self.rng.gauss(route["lon"], spread * 1.4)  # a degree of longitude is shorter
            if lat_min <= lat <= lat_max and lon_min <= lon <= lon_max:
                break
        lat, lon = min(max(lat, lat_min), lat_max), min(max(lon, lon_min), lon_max)
        return round(lat, 6), round(lon, 6)

    def _shop_name(self, fmt: str, owner: str, street: str) -> str:
        rng, names = self.rng, self.ref["names"]
        pattern = rng.choices(self.patterns, self.pattern_weights)[0]
        return pattern.format(
            word=rng.choice(names["words"]),
            suffix=rng.choice(names["suffixes"][fmt]),
            owner=owner,
            surname=owner[0],
            street=street,
        )

    def table_row(self, shop: dict[str, Any]) -> list[object]:
        weekday = shop["order_weekday"]
        return [
            shop["code"],
            shop["licence_no"],
            shop["shop_name"],
            shop["owner_name"],
            shop["phone"],
            shop["address"],
            shop["district"],
            self.format_names[shop["format"]],
            self.market_names[shop["market_type"]],
            shop["grade"],
            self.route_name(weekday),
            self.ref["weekday_names"][weekday - 1],
            self.status_names[shop["status"]],
        ]

    def route_name(self, weekday: int) -> str:
        return self.ref["weekday_names"][weekday - 1] + self.ref["route_suffix"]


def _check_size(managers: int, customers_per_manager: int, weeks: int) -> None:
    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidValue("out_of_range", field="weeks", value=str(weeks), min=1, max=MAX_WEEKS)
    if not 1 <= managers <= MAX_MANAGERS:
        raise InvalidValue(
            "out_of_range", field="managers", value=str(managers), min=1, max=MAX_MANAGERS
        )
    if not 1 <= customers_per_manager <= MAX_CUSTOMERS_PER_MANAGER:
        raise InvalidValue(
            "out_of_range",
            field="customers_per_manager",
            value=str(customers_per_manager),
            min=1,
            max=MAX_CUSTOMERS_PER_MANAGER,
        )
    areas = len(demo_reference()["districts"])
    if -(-managers // areas) * customers_per_manager > MAX_PER_AREA:
        raise InvalidValue("too_many", field="customers_per_manager", max=MAX_PER_AREA)


def _sku_rows(world: _World, stamp: datetime) -> list[dict[str, Any]]:
    rows = []
    for item in world.ref["skus"]:
        data = check_sku(
            SkuInput(
                code=item["code"],
                name=item["name"],
                wholesale_fen=int(item["wholesale"]),
                retail_fen=int(item["retail"]),
                is_key_brand=bool(item.get("key", False)),
                is_new=bool(item.get("new", False)),
            )
        )
        sku = Sku()
        apply_sku(sku, data)  # price class via classify(), search text as the catalog does
        columns = (
            "code",
            "name",
            "brand",
            "price_class",
            "price_class_overridden",
            "wholesale_fen",
            "retail_fen",
            "is_key_brand",
            "is_new",
            "on_market",
            "search_text",
        )
        row = {c: getattr(sku, c) for c in columns}
        rows.append({"id": world.new_id(), **row, "created_at": stamp, "updated_at": stamp})
    return rows


def generate_demo(
    journal: Journal,
    *,
    seed: int = 1,
    managers: int = 1,
    weeks: int = 4,
    customers_per_manager: int = 165,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data in ONE transaction (all or nothing).

    Raises ``DemoRefused`` when the database already has customers, managers or SKUs,
    ``DemoCancelled`` when ``cancelled()`` turns true (nothing is written), ``InvalidValue``
    for sizes out of range. The first manager becomes the current manager.
    """
    from fieldbook.core.journal import CURRENT_MANAGER_KEY

    _check_size(managers, customers_per_manager, weeks)
    today = today or clock.today()
    world = _World(seed, today)
    start = datetime.combine(today - timedelta(weeks=weeks), time(8, 0))
    total = 1 + managers + (weeks if WEEK_GENERATORS else 0)
    done = 0

    def step() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise DemoCancelled("cancelled")
        done += 1
        if progress is not None:
            progress(done, total)

    if cancelled is not None and cancelled():
        raise DemoCancelled("cancelled")
    counts: Counter[str] = Counter()
    with journal.writing("profile", "customers", "routes", "skus") as s:
        existing = {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Customer, Manager, Sku)
        }
        if any(existing.values()):
            raise DemoRefused("database not empty", **existing)
        skus = _sku_rows(world, start)
        ctx = DemoContext(s, world.history_rng, today, world.new_id, [], skus, counts)
        ctx.insert(Sku, skus)
        step()
        batch: dict[type[Any], list[dict[str, Any]]] = {Manager: [], Route: [], Customer: []}
        for index in range(managers):
            stamp = start + timedelta(seconds=index)
            mid = world.new_id()
            batch[Manager].append(
                {"id": mid, **world.manager(index), "created_at": stamp, "updated_at": stamp}
            )
            plan = DemoManager(
                mid,
                batch[Manager][-1]["code"],
                batch[Manager][-1]["district_unit"],
                {d: world.new_id() for d in WORKDAYS},
            )
            ctx.managers.append(plan)
            batch[Route].extend(
                {
                    "id": rid,
                    "manager_id": mid,
                    "name": world.route_name(d),
                    "weekday": d,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
                for d, rid in plan.route_ids.items()
            )
            for shop in world.customers(index, customers_per_manager):
                cid = world.new_id()
                plan.customer_ids.append(cid)
                text = customer_search_text(
                    CustomerInput(
                        code=shop["code"],
                        shop_name=shop["shop_name"],
                        owner_name=shop["owner_name"],
                        phone=shop["phone"],
                        licence_no=shop["licence_no"],
                        address=shop["address"],
                    )
                )
                batch[Customer].append(
                    {
                        **shop,
                        "id": cid,
                        "manager_id": mid,
                        "route_id": plan.route_ids[shop["order_weekday"]],
                        "notes": "",
                        "search_text": text,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
            if len(batch[Customer]) >= 2000 or index == managers - 1:
                for model, rows in batch.items():
                    ctx.insert(model, rows)
                    rows.clear()
            step()
        journal.set_setting(s, CURRENT_MANAGER_KEY, ctx.managers[0].id)
        journal.set_setting(s, DEMO_SEED_KEY, str(seed))
        for week in range(weeks, 0, -1):
            monday = today - timedelta(days=today.weekday()) - timedelta(weeks=week - 1)
            for generator in WEEK_GENERATORS:
                generator(ctx, monday)
            if WEEK_GENERATORS:
                step()
        for finish in ctx.finalizers:
            finish()
        refresh_statistics(s)
    main = {"managers", "routes", "customers", "skus"}
    return DemoSummary(
        seed=seed,
        weeks=weeks,
        managers=counts["managers"],
        routes=counts["routes"],
        customers=counts["customers"],
        skus=counts["skus"],
        other=tuple(sorted((k, v) for k, v in counts.items() if k not in main)),
    )


def demo_customer_table(
    seed: int, count: int, *, customers_per_manager: int = 165
) -> tuple[list[str], list[list[object]]]:
    """A company-style customer list (Chinese headers) of ``count`` demo customers.

    The rows are the first ``count`` customers ``generate_demo`` writes for the same seed
    (manager after manager, route after route, in visiting order).
    """
    if count < 0:
        raise InvalidValue("out_of_range", field="count", value=str(count), min=0)
    world = _World(seed, clock.today())
    rows: list[list[object]] = []
    index = 0
    while len(rows) < count:
        world.manager(index)
        rows.extend(world.table_row(shop) for shop in world.customers(index, customers_per_manager))
        index += 1
    return list(TABLE_HEADERS), rows[:count]


def write_customer_workbook(path: Path, seed: int, count: int, title_rows: bool = True) -> None:
    """Write ``demo_customer_table(seed, count)`` as .xlsx (title row, blank row, header)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    headers, rows = demo_customer_table(seed, count)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("客户名单")
    if title_rows:
        ws.append([f"{demo_reference()['company']} 客户名单"])
        ws.append([])
    ws.append(headers)
    for row in rows:
        cells: list[object] = []
        for i, value in enumerate(row):
            if i in _TEXT_COLUMNS:
                cell = WriteOnlyCell(ws, value=str(value))
                cell.number_format = "@"
                cells.append(cell)
            else:
                cells.append(value)
        ws.append(cells)
    from fieldbook.core.xlsx.writer import atomic_output

    with atomic_output(Path(path)) as tmp:
        wb.save(tmp)
