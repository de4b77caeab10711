"""The areas of a company customer list (客户名单): which districts (区县/片区) and routes (线路)
it holds, and how many customers each.

A list exported for a whole market department covers several managers' territories; the manager
picks theirs (district and route pairs) and ``customer_import.import_customers(territory=...)``
imports only those rows. The rows of the other areas are not imported at all: a customer of
another manager would otherwise be planned, searched, reminded and counted as this manager's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fieldbook.core.resources import load_reference
from fieldbook.core.text import clean_text
from fieldbook.core.xlsx.headers import HeaderMatch
from fieldbook.core.xlsx.importing import is_totals_row, read_and_match
from fieldbook.core.xlsx.table import Table

#: A district and a route, as the list writes them ("" when the column is absent or blank).
Area = tuple[str, str]


@dataclass(frozen=True)
class RosterRoute:
    """One route of the list: its district, its name and how many customers it lists."""

    district: str
    route: str
    customers: int

    @property
    def area(self) -> Area:
        return (self.district, self.route)


@dataclass(frozen=True)
class ListedCustomer:
    """A row of the list: the customer code and area as written."""

    code: str
    area: Area


def listed_customers(table: Table, match: HeaderMatch) -> dict[int, ListedCustomer]:
    """Each listed customer by the sheet row number (rows without a customer code, blank rows
    and totals rows are left out)."""
    columns = match.columns
    code, district, route = (columns.get(f) for f in ("code", "district", "route"))
    listed: dict[int, ListedCustomer] = {}
    if code is None:
        return listed
    for raw in table.rows[match.row_index + 1 :]:
        cells = raw.cells
        if _cell(cells, code) == "" or is_totals_row(cells):
            continue
        area = (_cell(cells, district), _cell(cells, route))
        listed[raw.number] = ListedCustomer(_cell(cells, code), area)
    return listed


def roster_routes(
    path: Path,
    *,
    mapping: Mapping[str, int | None] | None = None,
    sheet: str | None = None,
) -> list[RosterRoute]:
    """The routes of a customer list by district, in the order of the list's districts and
    routes (names sorted within each); an unreadable file raises as an import would."""
    table, match = read_and_match(
        Path(path), "customers", ("code", "shop_name"), sheet=sheet, mapping=mapping
    )
    counts = Counter(c.area for c in listed_customers(table, match).values())
    return [RosterRoute(district, route, n) for (district, route), n in sorted(counts.items())]


def several_areas(routes: list[RosterRoute]) -> bool:
    """Whether the list holds more than one manager's territory: several districts, or more
    routes than one manager serves (``routes_per_manager`` of customer.toml)."""
    districts = {r.district for r in routes}
    limit = int(load_reference("customer")["routes_per_manager"])
    return len(districts) > 1 or len(routes) > limit


def _cell(cells: tuple[object, ...], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return clean_text(cells[index])
