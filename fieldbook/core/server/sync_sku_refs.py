"""SKU references inside a slip (``slips.sku_ids``, 品牌上柜: a JSON list of SKU ids): each
side keeps them under its own SKU ids, so a sync translates them by SKU code as it does every
other reference to master data (decision 0009) — the laptop's ids to the server's on the way
up, the server's to the laptop's on the way down."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from fieldbook.core.server.sync_writes import T

COLUMN = "sku_ids"


def translated(row: dict[str, Any], ids: Mapping[str, str]) -> dict[str, Any]:
    """``row`` with the SKU ids in its ``sku_ids`` list mapped through ``ids`` (the others,
    and a row without the column, as they are)."""
    if not ids or not isinstance(row.get(COLUMN), str):
        return row
    try:
        listed = json.loads(row[COLUMN])
    except ValueError:
        return row
    if not isinstance(listed, list):
        return row
    return {**row, COLUMN: json.dumps([ids.get(i, i) for i in listed], ensure_ascii=False)}


def listed_ids(rows: list[dict[str, Any]]) -> set[str]:
    """Every SKU id the ``sku_ids`` lists of ``rows`` name."""
    found: set[str] = set()
    for row in rows:
        try:
            listed = json.loads(row.get(COLUMN) or "[]")
        except ValueError:
            continue
        if isinstance(listed, list):
            found.update(str(i) for i in listed)
    return found


def server_to_laptop(remote: Connection, local: Connection, server_ids: set[str]) -> dict[str, str]:
    """The server's SKU ids → this laptop's ids of the same codes (where they differ)."""
    if not server_ids:
        return {}
    skus = T["skus"]
    codes = dict(
        remote.execute(select(skus.c.id, skus.c.code).where(skus.c.id.in_(list(server_ids)))).all()
    )
    here = dict(
        local.execute(
            select(skus.c.code, skus.c.id).where(skus.c.code.in_(list(codes.values())))
        ).all()
    )
    return {sid: here[code] for sid, code in codes.items() if code in here and here[code] != sid}
