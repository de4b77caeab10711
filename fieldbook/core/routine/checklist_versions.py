"""Between two versions of a checklist: the table a newer version's file keeps of where an
older version's answers go (``carry_from``: old item → new item, option renames), which
同上次 goes through when the shop's last visit was recorded on the older version; what the
table does not map is not carried (decision 0022)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ItemMap:
    """Where an older version's answer goes in this one (同上次 across versions)."""

    item: str
    options: Mapping[str, str] = field(default_factory=dict)


def parse_carry_from(raw: Mapping[str, Any], known: set[str]) -> dict[int, dict[str, ItemMap]]:
    out: dict[int, dict[str, ItemMap]] = {}
    for version, table in raw.items():
        maps: dict[str, ItemMap] = {}
        for old, target in table.items():
            entry = (
                ItemMap(target)
                if isinstance(target, str)
                else ItemMap(str(target["item"]), dict(target.get("options", {})))
            )
            if entry.item not in known:
                raise ValueError(f"checklist carry_from.{version}.{old}: unknown {entry.item}")
            maps[str(old)] = entry
        out[int(version)] = maps
    return out


def check_carry_table(
    name: str,
    version: int,
    old: Mapping[str, Sequence[str]],
    new: Mapping[str, Sequence[str]],
    maps: Mapping[str, ItemMap],
) -> None:
    """A ``carry_from`` table of version ``version`` names items of both versions (``old``,
    ``new``: item id → options) and options each one has; raises ValueError saying where."""
    for old_id, target in maps.items():
        where = f"{name} carry_from.{version}.{old_id}"
        if old_id not in old:
            raise ValueError(f"{where}: version {version} has no such item")
        for before, after in target.options.items():
            if before not in old[old_id] or after not in new.get(target.item, ()):
                raise ValueError(f"{where}: option {before!r} → {after!r} is not in both")
