"""What the master-data screens hand to the DB worker: the customer and SKU lists for a search
(the core's search: codes, names, pinyin initials), whole or as (code, name) pairs for a
picker."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from fieldbook.core.journal import Journal
from fieldbook.core.master.catalog import SkuRow
from fieldbook.core.master.customers import CustomerRow
from fieldbook.core.master.supply import bands_words

#: (code, name) of what a picker found.
Pairs = list[tuple[str, str]]


def list_customers(j: Journal, query: str) -> list[CustomerRow]:
    return j.customers.list(query)


@dataclass(frozen=True)
class SkuListRow(SkuRow):
    """A SKU of the list with its 货源信息 today (state code, "" when 正常; 限量's bands)."""

    supply: str = ""
    supply_limits: str = ""


def list_skus(j: Journal, query: str) -> list[SkuRow]:
    supply = j.supply.today()
    out: list[SkuRow] = []
    for row in j.catalog.list(query):
        held = supply.get(row.id)
        state, limits = (held.state, bands_words(held.bands)) if held else ("", "")
        out.append(SkuListRow(**asdict(row), supply=state, supply_limits=limits))
    return out


def customer_pairs(j: Journal, text: str, limit: int) -> Pairs:
    return [(r.code, r.shop_name) for r in j.customers.list(text, limit=limit)]


def sku_pairs(j: Journal, text: str, limit: int) -> Pairs:
    return [(r.code, r.name) for r in j.catalog.list(text)[:limit]]
