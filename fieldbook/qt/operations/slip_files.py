"""The feedback slips' files, run on the DB worker: a slip's printable form and the register of
a period (the departments' answers are imported by :mod:`fieldbook.qt.operations.imports`).
The exports are imported only when used: their module imports openpyxl, a heavy leaf (and a
failure to import it is reported like any other failure)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldbook.core.journal import Journal


def export_form(j: Journal, slip_id: str, path: Path) -> Path:
    from fieldbook.core.reports.slip_form import export_slip_form  # noqa: PLC0415

    return export_slip_form(j, slip_id, Path(path))


def export_register(j: Journal, path: Path, start: date, end: date, department: str | None) -> Path:
    from fieldbook.core.reports.slip_register import export_register as write  # noqa: PLC0415

    return write(j, Path(path), start=start, end=end, department=department)
