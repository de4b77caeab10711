"""What the import dialogs hand to the DB worker: the dry runs and the imports of the company's
customer and SKU lists, the ordering system's orders and the departments' slip answers.

Each is a plain function of the journal with the ``progress`` and ``cancelled`` callbacks of a
long job; a dry run returns what its dialog shows, an import the core's report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from fieldbook.core.master import customer_import, sku_import
from fieldbook.core.master.roster_areas import RosterRoute, roster_routes
from fieldbook.core.routine import target_import
from fieldbook.core.routine.orders import OrdersReport, import_orders
from fieldbook.core.slips.answers import AnswersReport, import_slip_answers
from fieldbook.core.text import clean_text
from fieldbook.core.xlsx.headers import find_header
from fieldbook.core.xlsx.importing import ImportReport, header_aliases
from fieldbook.core.xlsx.tabular import read_table

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
#: field -> column index of the file (None: not imported)
FieldMapping = dict[str, int | None]
#: The header row's texts by column index, and the mapping the core detected.
Headers = tuple[tuple[str, ...], FieldMapping]
#: The (district, route) pairs of a customer list that are the manager's.
Territory = frozenset[tuple[str, str]]

#: The lists of the company, by kind: the importer and the fields a file must have.
IMPORTERS: dict[str, Callable[..., ImportReport]] = {
    "customers": customer_import.import_customers,
    "skus": sku_import.import_skus,
    "targets": target_import.import_targets,
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "customers": tuple(customer_import.REQUIRED),
    "skus": tuple(sku_import.REQUIRED),
    "targets": tuple(target_import.REQUIRED),
}


# --- customer and SKU lists ---------------------------------------------------------------------
@dataclass(frozen=True)
class Preview:
    """A dry run's report plus what the mapping editor needs from the file."""

    report: ImportReport
    headers: tuple[str, ...]  # the header row's texts, by column index
    detected: FieldMapping  # field -> column index the core detected


def import_fields(kind: str) -> list[str]:
    """The fields an import of ``kind`` knows, in the order of import_headers.toml."""
    return list(header_aliases(kind))


def read_headers(path: Path, kind: str) -> Headers:
    """The header row's texts and the detected mapping (read_table + find_header)."""
    table = read_table(path)
    match = find_header(table, header_aliases(kind), required=REQUIRED[kind])
    headers = tuple(match.headers) or tuple(
        clean_text(c) for c in table.rows[match.row_index].cells
    )
    detected: FieldMapping = {f: None for f in header_aliases(kind)}
    detected.update({f: i for f, i in match.columns.items() if f in detected})
    return headers, detected


def preview(
    journal: Journal,
    path: Path,
    kind: str,
    mapping: Mapping[str, int | None] | None,
    headers: Headers | None,
    progress: Progress,
    cancelled: Cancelled,
    territory: Territory | None = None,
) -> Preview:
    """The dry run of a list import (the file's headers are read once, then kept)."""
    if headers is None:
        headers = read_headers(path, kind)
    report = IMPORTERS[kind](
        journal,
        path,
        mapping=_given(mapping),
        dry_run=True,
        progress=progress,
        cancelled=cancelled,
        **_territory(territory),
    )
    return Preview(report, headers[0], headers[1])


def import_list(
    journal: Journal,
    path: Path,
    kind: str,
    mapping: Mapping[str, int | None] | None,
    *,
    skip_invalid: bool,
    progress: Progress,
    cancelled: Cancelled,
    territory: Territory | None = None,
) -> ImportReport:
    """Import a customer or SKU list with the mapping the user checked (a customer list only
    the rows of ``territory`` when given)."""
    return IMPORTERS[kind](
        journal,
        path,
        mapping=_given(mapping),
        skip_invalid=skip_invalid,
        progress=progress,
        cancelled=cancelled,
        **_territory(territory),
    )


def _territory(territory: Territory | None) -> dict[str, Territory]:
    return {} if territory is None else {"territory": territory}


def list_routes(_journal: Journal, path: Path) -> list[RosterRoute]:
    """The districts and routes of a customer list (the welcome's 我的线路 step)."""
    return roster_routes(path)


def _given(mapping: Mapping[str, int | None] | None) -> FieldMapping | None:
    """The mapping the user checked (None: let the core detect the columns)."""
    return dict(mapping) if mapping else None


# --- orders -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Existing:
    """What a day already holds (it will be replaced)."""

    cartons: int
    amount_fen: int
    lines: int | None  # known only when the core reports it


@dataclass(frozen=True)
class OrdersPreview:
    report: OrdersReport
    existing: dict[date, Existing]


def existing_orders(report: OrdersReport) -> dict[date, Existing]:
    """The orders already imported for the file's days: what the import would replace, as the
    core's dry run found it (``routine.orders.orders_on``)."""
    return {
        day: Existing(held.cartons, held.amount_fen, held.lines)
        for day, held in report.existing.items()
    }


def preview_orders(
    journal: Journal, path: Path, progress: Progress, cancelled: Cancelled
) -> OrdersPreview:
    report = import_orders(journal, path, dry_run=True, progress=progress, cancelled=cancelled)
    return OrdersPreview(report, existing_orders(report))


def apply_orders(
    journal: Journal, path: Path, *, skip_invalid: bool, progress: Progress, cancelled: Cancelled
) -> OrdersReport:
    return import_orders(
        journal, path, skip_invalid=skip_invalid, progress=progress, cancelled=cancelled
    )


# --- the departments' answers -------------------------------------------------------------------
def import_answers(
    journal: Journal,
    path: Path,
    *,
    dry_run: bool,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> AnswersReport:
    """Check (``dry_run``) or apply a slip register the departments filled in."""
    return import_slip_answers(
        journal,
        Path(path),
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        progress=progress,
        cancelled=cancelled,
    )
