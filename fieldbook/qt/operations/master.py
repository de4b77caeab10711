"""What the master-data screens hand to the DB worker: the customer and SKU lists for a search
(the core's search: codes, names, pinyin initials), whole or as (code, name) pairs for a
picker."""

from __future__ import annotations

from fieldbook.core.journal import Journal
from fieldbook.core.master.catalog import SkuRow
from fieldbook.core.master.customers import CustomerRow

#: (code, name) of what a picker found.
Pairs = list[tuple[str, str]]


def list_customers(j: Journal, query: str) -> list[CustomerRow]:
    return j.customers.list(query)


def list_skus(j: Journal, query: str) -> list[SkuRow]:
    return j.catalog.list(query)


def customer_pairs(j: Journal, text: str, limit: int) -> Pairs:
    return [(r.code, r.shop_name) for r in j.customers.list(text, limit=limit)]


def sku_pairs(j: Journal, text: str, limit: int) -> Pairs:
    return [(r.code, r.name) for r in j.catalog.list(text)[:limit]]
