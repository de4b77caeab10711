"""The feedback slips' files, run on the DB worker: a slip's printable form, the register of a
period, and the departments' answers imported from a workbook. The form and register exports
are imported only when used: their module imports openpyxl, a heavy leaf (and a failure to
import it is reported like any other failure)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from fieldbook.core.journal import Journal
from fieldbook.core.slips.answers import AnswersReport, import_slip_answers


def export_form(j: Journal, slip_id: str, path: Path) -> Path:
    from fieldbook.core.reports.slip_form import export_slip_form

    return export_slip_form(j, slip_id, Path(path))


def export_register(j: Journal, path: Path, start: date, end: date, department: str | None) -> Path:
    from fieldbook.core.reports.slip_form import export_register as write

    return write(j, Path(path), start=start, end=end, department=department)


def import_answers(
    j: Journal,
    path: Path,
    *,
    dry_run: bool,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AnswersReport:
    return import_slip_answers(
        j,
        Path(path),
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        progress=progress,
        cancelled=cancelled,
    )
