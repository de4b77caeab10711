"""A manager's slips reach their second laptop (decision 0031).

A manager who works on two laptops (the office's and the one taken into the field) sends
slips from both; each laptop pushes its own. The slips of this manager that the server has and
this laptop does not come down, insert only, with their deliveries (as the departments left
them), moves and attachments' metadata; their files follow (``sync_blobs``). References are
translated from the server's ids to this laptop's by code, as decision 0009 does the other way:
the customer, and the SKUs of a 品牌上柜 slip (``sync_sku_refs``). A visit or suggestion the
slip came from stays on the laptop that has it (the copy names none; the server keeps its own
reference: ``sync_units`` never overwrites those two columns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, select

from fieldbook.core.server.sync_report import SyncConflict, SyncReport
from fieldbook.core.server.sync_sku_refs import listed_ids, server_to_laptop, translated
from fieldbook.core.server.sync_writes import BATCH, T, rows_of, upsert
from fieldbook.core.store import db
from fieldbook.core.store.file_store import is_stored_name

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: The slip's references to records only the laptop that made it has.
ORIGIN_COLUMNS = ("source_visit_id", "source_suggestion_id")


class SlipCopies:
    """Brings this manager's slips the laptop lacks down from ``server``."""

    def __init__(self, journal: Journal, server: Engine, report: SyncReport) -> None:
        self.j, self.server, self.report = journal, server, report

    def run(self, manager: str) -> None:
        slips = T["slips"]
        mine = select(slips.c.id).where(slips.c.manager_id == manager)
        with self.server.connect() as remote:
            there = set(remote.execute(mine).scalars())
        with self.j.engine.connect() as local:
            here = set(local.execute(mine).scalars())
        missing = sorted(there - here)
        for start in range(0, len(missing), BATCH):
            self._copy(missing[start : start + BATCH])
        if missing:
            self.j.notify(frozenset({"slips"}))

    def _copy(self, ids: list[str]) -> None:
        slips, atts = T["slips"], T["slip_attachments"]
        deliveries, events = T["slip_deliveries"], T["slip_events"]
        with self.server.connect() as remote:
            got = rows_of(remote, select(slips).where(slips.c.id.in_(ids)))
            got_deliveries = rows_of(
                remote, select(deliveries).where(deliveries.c.slip_id.in_(ids))
            )
            got_events = rows_of(
                remote,
                select(events).where(events.c.delivery_id.in_([r["id"] for r in got_deliveries])),
            )
            got_atts = rows_of(remote, select(atts).where(atts.c.slip_id.in_(ids)))
            with db.write_session(self.j.engine) as s:
                local = s.connection()
                rows = self._localised(remote, local, self._numbers_free(local, got))
                n = upsert(local, slips, rows, insert_only=True)
                self.report.add("down", "slips", n)
                kept = set(local.execute(select(slips.c.id).where(slips.c.id.in_(ids))).scalars())
                for table, got_rows, parent in (
                    (deliveries, got_deliveries, "slip_id"),
                    (atts, self._named_safely(got_atts, got), "slip_id"),
                ):
                    rows = [r for r in got_rows if r[parent] in kept]
                    self.report.add(
                        "down", table.name, upsert(local, table, rows, insert_only=True)
                    )
                copied = {r["id"] for r in got_deliveries if r["slip_id"] in kept}
                rows = [r for r in got_events if r["delivery_id"] in copied]
                self.report.add(
                    "down", "slip_events", upsert(local, events, rows, insert_only=True)
                )

    def _named_safely(
        self, got_atts: list[dict[str, Any]], slips: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The attachment rows whose ``stored_name`` is a kept file's name; any other (a path
        such as ``../../x`` from a hostile or broken server) is a conflict, not copied: its
        file would be written outside the attachments folder."""
        numbers = {r["id"]: r["number"] for r in slips}
        safe = []
        for row in got_atts:
            if is_stored_name(str(row["sha256"]), str(row["stored_name"])):
                safe.append(row)
                continue
            label = f"{numbers.get(row['slip_id'], row['slip_id'])}「{row['filename']}」"
            self.report.conflict(
                SyncConflict(
                    "attachment_name_unsafe",
                    "slip_attachments",
                    row["id"],
                    label,
                    "laptop",
                    str(row["stored_name"])[:80],
                )
            )
        return safe

    def _numbers_free(self, local: Connection, got: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The slips whose number this laptop does not use for another slip; each other one
        is a conflict (reported, not copied: both stay as they are)."""
        slips = T["slips"]
        taken = set(
            local.execute(
                select(slips.c.number).where(slips.c.number.in_([r["number"] for r in got]))
            ).scalars()
        )
        for row in got:
            if row["number"] in taken:
                self.report.conflict(
                    SyncConflict(
                        "slip_number_taken",
                        "slips",
                        row["id"],
                        row["number"],
                        "both",
                    )
                )
        return [r for r in got if r["number"] not in taken]

    def _localised(
        self, remote: Connection, local: Connection, rows: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The server's slip rows with this laptop's customer and SKU ids (by code)."""
        customers = T["customers"]
        named = list({r["customer_id"] for r in rows if r["customer_id"]})
        codes = dict(
            remote.execute(
                select(customers.c.id, customers.c.code).where(customers.c.id.in_(named))
            ).all()
        )
        here = dict(
            local.execute(
                select(customers.c.code, customers.c.id).where(
                    customers.c.code.in_(list(codes.values()))
                )
            ).all()
        )
        skus = server_to_laptop(remote, local, listed_ids(rows))
        out = []
        for row in rows:
            code = codes.get(row["customer_id"])
            row = {
                **translated(row, skus),
                "customer_id": here.get(code) if code else None,
                **dict.fromkeys(ORIGIN_COLUMNS),
            }
            out.append(row)
        return out
