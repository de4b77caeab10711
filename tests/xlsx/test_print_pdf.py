"""Every export, printed the way the market department prints it: converted to PDF by
LibreOffice (one ``soffice`` call for all of them), its pages counted against what its sheets
can hold, every printed sheet at a scale of at least 70 % (decision 0024), each sheet's title
read back from the PDF text, and the per-SKU data sheet not printed at all."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from demo_databases import Demo
from print_support import character_points, page_estimate, printed_sheets, visible_scales
from sqlalchemy import select

from fieldbook.cli import main as cli
from fieldbook.core.journal import Journal
from fieldbook.core.reports.week_detail import SHEET_ANSWERS, SHEET_GRID_DATA
from fieldbook.core.reports.week_rows import SHEET_GRID, SHEET_VISITS
from fieldbook.core.routine.week import label_for
from fieldbook.core.store.models import Customer, Manager, Slip

pytestmark = [
    pytest.mark.slow,  # a demo database and a LibreOffice child process
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed"),
]

TODAY = date(2026, 11, 30)
DEMO = Demo(seed=5, managers=2, weeks=4, customers_per_manager=40, today=TODAY)
WORKBOOKS = ("week", "month", "period")


def _exports(url: str, folder: Path) -> dict[str, Path]:
    """Every export of ``fieldbook export`` (plus the spot check drawn for it), by name."""
    journal = Journal.open(url)
    try:
        with journal.reading() as s:
            code = s.scalars(select(Manager.code).order_by(Manager.code)).first()
            slips = s.scalars(select(Slip.number).order_by(Slip.number).limit(2)).all()
            shop = s.scalars(select(Slip.customer_id).order_by(Slip.number)).first()
            customer = s.scalars(select(Customer.code).where(Customer.id == shop)).one()
    finally:
        journal.close()
    assert code and slips
    draw = ["spotcheck", "draw", "--manager", code, "--month", "2026-11", "--checker", "李主任"]
    assert cli.main(["--db", url, *draw]) == 0
    month = ["--from", "2026-11-01", "--to", "2026-11-30"]
    commands = {
        "plan": ["plan", "--date", "2026-11-30"],
        "day": ["day", "--date", "2026-11-27"],
        "week": ["week", "--week", label_for(date(2026, 11, 23))],
        "month": ["month", "--month", "2026-11"],
        "period": ["period", "--from", "2026-10-01", "--to", "2026-11-30"],
        "slips": ["slips", *month],
        "slip": ["slip", *slips],
        "department": ["department", *month],
        "spotcheck": ["spotcheck", "--manager", code, "--month", "2026-11"],
        "customer": ["customer", customer],  # 一户一档 of a shop with a slip
    }
    out = {}
    for name, args in commands.items():
        out[name] = folder / f"{name}.xlsx"
        assert cli.main(["--db", url, "export", *args, "-o", str(out[name])]) == 0, name
    return out


def _to_pdf(files: list[Path], folder: Path, home: Path) -> None:
    home.mkdir()
    proc = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(f) for f in files],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def _pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, spaces removed."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def _title(ws: openpyxl.worksheet.worksheet.Worksheet) -> str:
    """What names a printed sheet: its page header (tables), else its first cell (forms)."""
    header = ws.oddHeader.center.text if ws.oddHeader is not None else None
    return re.sub(r"\s+", "", header or str(ws["A1"].value or ""))


def test_every_export_prints_readably(make_demo: Callable[[Demo], str], tmp_path: Path) -> None:
    printed = _exports(make_demo(DEMO), tmp_path)
    _to_pdf(list(printed.values()), tmp_path / "pdf", tmp_path / "home")  # one soffice call
    _pages_and_scales(printed, tmp_path / "pdf")
    _detail_sheets(printed, tmp_path / "pdf")


def _pages_and_scales(printed: dict[str, Path], pdfs: Path) -> None:
    """Every printed sheet at 70 % or more, its title in the PDF, the pages within what the
    sheets can hold at their scale."""
    width = character_points()
    for name, path in printed.items():
        for sheet, scale in visible_scales(path).items():
            assert scale >= 70, (name, sheet, scale)
        sheets = printed_sheets(path)
        pages = _pages(pdfs / f"{name}.pdf")
        bound = sum(page_estimate(ws, width) for ws in sheets)
        assert len(sheets) <= len(pages) <= bound, (name, len(pages), bound)
        text = "".join(pages)
        for ws in sheets:
            assert _title(ws) and _title(ws) in text, (name, ws.title, _title(ws))


def _detail_sheets(printed: dict[str, Path], pdfs: Path) -> None:
    """The week / month / period details: print titles, frozen panes, filters, an explicit
    scale; the answers broken across pages by section; the per-SKU data sheet not printed."""
    for name in WORKBOOKS:
        wb = openpyxl.load_workbook(printed[name])
        data = wb[SHEET_GRID_DATA]
        assert data.sheet_state == "hidden" and data.max_row > 100  # the per-SKU rows
        text = "".join(_pages(pdfs / f"{name}.pdf"))
        assert _title(data) not in text  # 规格观察明细 is not printed
        for sheet in (SHEET_VISITS, SHEET_ANSWERS, SHEET_GRID):
            ws = wb[sheet]
            assert ws.print_title_rows == "$1:$1" and ws.freeze_panes and ws.auto_filter.ref
            assert ws.sheet_properties.pageSetUpPr.fitToPage is False
            assert ws.page_setup.scale >= 70
        # the visits, shops and SKU counts print at a readable size, one page wide
        assert wb[SHEET_VISITS].page_setup.scale >= 95 and wb[SHEET_GRID].page_setup.scale >= 80
        # the answers print section by section: a page across starts at a section's first item
        answers = wb[SHEET_ANSWERS]
        starts = {b.id + 1 for b in answers.col_breaks.brk}
        assert starts and all(str(answers.cell(1, c).value).startswith("【") for c in starts)
        assert answers.print_title_cols == "$A:$B"
