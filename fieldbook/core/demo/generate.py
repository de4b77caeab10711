"""Demo data: a realistic 七台河 department (managers, routes, customers, SKUs) from one seed.

Follows the synthetic data recipe of REFERENCE.md §6; names, places, SKUs and rates are data
in ``schema/reference/demo.toml``. The same seed (and ``today``) gives the same database: all
randomness comes from ``random.Random`` streams derived from the seed, ids included.

The world (managers, customers, names) is drawn by ``demo.world``; history is filled week by
week by ``WEEK_GENERATORS``: the day in the field (``demo.visits``), the slips it raises
(``demo.slips``), and the orders with the day's work log (``demo.orders``). Each is handed a
``demo.context.DemoContext``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.demo.context import DemoContext, DemoManager, WeekGenerator, demo_reference
from fieldbook.core.demo.orders import order_week
from fieldbook.core.demo.slips import slip_week
from fieldbook.core.demo.supply import supply_week
from fieldbook.core.demo.targets import demo_targets
from fieldbook.core.demo.visits import visit_week
from fieldbook.core.demo.world import WORKDAYS, World
from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.journal import CURRENT_MANAGER_KEY, Journal
from fieldbook.core.master.catalog import SkuInput, apply_sku, check_sku
from fieldbook.core.master.customers import CustomerInput, customer_search_text
from fieldbook.core.master.form_unit import CENTER_KEY, COMPANY_KEY
from fieldbook.core.reports.saving import save_workbook
from fieldbook.core.store.db import refresh_statistics
from fieldbook.core.store.models import Customer, Manager, Route, Sku

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
DEMO_SEED_KEY = "demo_seed"
MAX_WEEKS = 520
MAX_MANAGERS = 999
MAX_CUSTOMERS_PER_MANAGER = 1000
MAX_PER_AREA = 50_000  # licence serials are 5 digits per area: keep random draws cheap
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


#: The week generators, in the order they run each week (slips follow the visits they come
#: from; orders and logs follow both; the week's 货源信息 then gives the orders their 需求量).
WEEK_GENERATORS: tuple[WeekGenerator, ...] = (visit_week, slip_week, order_week, supply_week)


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


def _sku_rows(world: World, stamp: datetime) -> list[dict[str, Any]]:
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


class _Steps:
    """Progress through the generation, one step at a time; each step checks for cancel."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.total, self.done = total, 0
        self.progress, self.cancelled = progress, cancelled

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise DemoCancelled("cancelled")

    def step(self) -> None:
        self.check()
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def generate_demo(
    journal: Journal,
    *,
    seed: int = 1,
    managers: int = 1,
    weeks: int = 4,
    customers_per_manager: int = 150,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data in ONE transaction (all or nothing).

    Raises ``DemoRefused`` when the database already has customers, managers or SKUs,
    ``DemoCancelled`` when ``cancelled()`` turns true (nothing is written), ``InvalidValue``
    for sizes out of range. The first manager becomes the current manager.
    """
    _check_size(managers, customers_per_manager, weeks)
    today = today or clock.today()
    world = World(seed, today)
    start = datetime.combine(today - timedelta(weeks=weeks), time(8, 0))
    steps = _Steps(1 + managers + (weeks if WEEK_GENERATORS else 0), progress, cancelled)
    steps.check()
    counts: Counter[str] = Counter()
    with journal.writing("profile", "customers", "routes", "skus") as s:
        _refuse_unless_empty(s)
        skus = _sku_rows(world, start)
        ctx = DemoContext(s, world.history_rng, today, world.new_id, [], skus, counts)
        ctx.insert(Sku, skus)
        steps.step()
        _add_managers(ctx, world, managers, customers_per_manager, start, steps)
        journal.set_setting(s, CURRENT_MANAGER_KEY, ctx.managers[0].id)
        journal.set_setting(s, DEMO_SEED_KEY, str(seed))
        journal.set_setting(s, COMPANY_KEY, str(world.ref["company"]))  # the forms' unit
        journal.set_setting(s, CENTER_KEY, str(world.ref["center"]))
        for week in range(weeks, 0, -1):
            monday = today - timedelta(days=today.weekday()) - timedelta(weeks=week - 1)
            for generator in WEEK_GENERATORS:
                generator(ctx, monday)
            if WEEK_GENERATORS:
                steps.step()
        for finish in ctx.finalizers:
            finish()
        demo_targets(ctx)
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


def _refuse_unless_empty(s: Session) -> None:
    existing = {
        model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
        for model in (Customer, Manager, Sku)
    }
    if any(existing.values()):
        raise DemoRefused("database not empty", **existing)


def _add_managers(
    ctx: DemoContext,
    world: World,
    managers: int,
    customers_per_manager: int,
    start: datetime,
    steps: _Steps,
) -> None:
    """The managers, their weekday routes and customers, inserted in batches."""
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
            batch[Customer].append(_customer_row(shop, cid, plan, stamp))
        if len(batch[Customer]) >= 2000 or index == managers - 1:
            for model, rows in batch.items():
                ctx.insert(model, rows)
                rows.clear()
        steps.step()


def _customer_row(
    shop: dict[str, Any], cid: str, manager: DemoManager, stamp: datetime
) -> dict[str, Any]:
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
    return {
        **shop,
        "id": cid,
        "manager_id": manager.id,
        "route_id": manager.route_ids[shop["order_weekday"]],
        "notes": "",
        "search_text": text,
        "created_at": stamp,
        "updated_at": stamp,
    }


def demo_customer_table(
    seed: int, count: int, *, customers_per_manager: int = 150
) -> tuple[list[str], list[list[object]]]:
    """A company-style customer list (Chinese headers) of ``count`` demo customers.

    The rows are the first ``count`` customers ``generate_demo`` writes for the same seed
    (manager after manager, route after route, in visiting order).
    """
    if count < 0:
        raise InvalidValue("out_of_range", field="count", value=str(count), min=0)
    world = World(seed, clock.today())
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
    save_workbook(wb, Path(path))
