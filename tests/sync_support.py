"""A manager's laptop after a Monday in the field, for the sync and server tests."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from sample_data import OPEN_ANSWERS, SKUS
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.routine.week import label_for
from fieldbook.core.server.roles import ServerUserInput, add_user, init_server
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store.models import Base

MON = date(2026, 11, 30)


def at(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30 {hm}")


def laptop(folder: Path, template: Path, n: int) -> Journal:
    """Manager n's laptop after a Monday: 3 shops visited, a slip sent, the week drafted."""
    path = folder / f"laptop{n}.sqlite3"
    shutil.copyfile(template, path)
    j = Journal.open(f"sqlite:///{path}")
    j.profile.save(ProfileInput(code=f"QTH00{n}", name=f"经理{n}", district_unit="新兴区"))
    for sku in SKUS:  # the same SKU list, imported on each laptop under its own ids
        j.catalog.save(None, sku)
    for k in range(1, 6):
        j.customers.create(
            CustomerInput(
                code=f"2309{n}{k:03d}",
                shop_name=f"经理{n}的店{k}",
                route="周一线路",
                order_weekday=1,
            )
        )
    plan = j.plans.build(MON)
    for stop, (a, b) in zip(
        plan.stops, [("08:00", "08:10"), ("08:20", "08:31"), ("08:40", "08:50")], strict=False
    ):
        v = j.visits.start(stop.customer_id, at=at(a))
        j.visits.set_shop_status(v.id, "open")
        j.visits.save_answers(v.id, dict(OPEN_ANSWERS))
        for row in j.visits.grid_skus(stop.customer_id)[:3]:
            j.visits.save_grid(v.id, row.sku_id, on_shelf=True, facings=2, price_fen=1100)
        j.visits.finish(v.id, at=at(b))
    slip = j.slips.create(
        SlipInput(
            "suspended",
            f"经理{n}：店主装修",
            plan.stops[0].customer_id,
            sub_reason="装修",
            effective_date=date(2026, 12, 1),
            return_date=date(2027, 1, 15),
            # 专卖办 left off, with the reason the slip keeps (a department that then sees
            # none of these slips: tests/core/server/test_server.py)
            departments=("market", "distribution", "phone"),
            removed_reasons={"monopoly": "专卖办上午已现场登记"},
        ),
        at=at("15:20"),
    )
    j.slips.send(slip.id, actor=f"经理{n}", at=at("15:21"))
    j.weeks.save(label_for(MON), narrative={"work_done": f"经理{n} 走访周一线路"})
    if n == 1:
        j.weeks.submit(label_for(MON))
    return j


SYNCED_TABLES = (
    "managers",
    "routes",
    "customers",
    "skus",
    "plans",
    "plan_stops",
    "visits",
    "visit_skus",
    "followups",
    "slips",
    "slip_deliveries",
    "slip_events",
    "order_lines",
    "day_logs",
    "week_reports",
)


def server_state(url: str, tables: Sequence[str] = SYNCED_TABLES) -> dict[str, set[tuple]]:
    """Every row of ``tables`` on the server at ``url``, as comparable tuples."""
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return {
                t: {tuple(r) for r in con.execute(select(Base.metadata.tables[t]))} for t in tables
            }
    finally:
        engine.dispose()


LOGIN_PASSWORD = "s3cret-pw"


def manager_logins(url: str, codes: Sequence[str]) -> dict[str, str]:
    """Set the server at ``url`` up (roles, policies) with one login per manager code; return
    code → the address that logs in as that manager (row-level security applies)."""
    init_server(url)
    tag = make_url(url).database.rsplit("_", 2)
    logins = {}
    for code in codes:
        role = f"{code.lower()}_{tag[-2]}_{tag[-1]}"
        add_user(url, ServerUserInput(role, "manager", LOGIN_PASSWORD, manager_code=code))
        logins[code] = (
            make_url(url)
            .set(username=role, password=LOGIN_PASSWORD)
            .render_as_string(hide_password=False)
        )
    return logins
