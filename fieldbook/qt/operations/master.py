"""What the master-data screens hand to the DB worker: the customer and SKU lists for a search
(the core's search: codes, names, pinyin initials), whole or as (code, name) pairs for a
picker; a customer's file (一户一档)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from fieldbook.core.journal import Journal
from fieldbook.core.master.catalog import SkuRow
from fieldbook.core.master.customers import CustomerRow

#: (code, name) of what a picker found.
Pairs = list[tuple[str, str]]


def list_customers(j: Journal, query: str) -> list[CustomerRow]:
    return j.customers.list(query)


@dataclass(frozen=True)
class SkuListRow(SkuRow):
    """A SKU of the list with its 货源信息 today: the state's code ("" when 正常) and 限量's
    bands as 档位:条 (``1–7:1，8–12:2``)."""

    supply: str = ""
    supply_limits: str = ""


def list_skus(j: Journal, query: str) -> list[SkuRow]:
    supply = j.supply.today()
    out: list[SkuRow] = []
    for row in j.catalog.list(query):
        held = supply.get(row.id)
        limits = "，".join(f"{b.grades}:{b.cartons}" for b in held.bands) if held else ""
        state = held.state if held else ""
        out.append(SkuListRow(**asdict(row), supply=state, supply_limits=limits))
    return out


def customer_pairs(j: Journal, text: str, limit: int) -> Pairs:
    return [(r.code, r.shop_name) for r in j.customers.list(text, limit=limit)]


def sku_pairs(j: Journal, text: str, limit: int) -> Pairs:
    return [(r.code, r.name) for r in j.catalog.list(text)[:limit]]


def export_customer_file(j: Journal, code: str, path: Path) -> Path:
    """一户一档 of the customer ``code``, all history. The file's module imports openpyxl (a
    heavy leaf): only when exporting."""
    from fieldbook.core.reports.customer_file import export_customer_file as write  # noqa: PLC0415

    return write(j, code, Path(path))
