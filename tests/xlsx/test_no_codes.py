"""No code in any output (issue 18, item 3): every export of the five-year demo (plan, slips,
slip, day, week, month, period, department, spotcheck, customer) and every table the CLI
prints as CSV for people (without ``--raw``) is read back cell by cell; a snake_case identifier
or an English vocabulary code (a ``code`` or key that a label of schema/reference/*.toml or
schema/checklists/*.toml translates) anywhere — cells, page headers and footers, validation
lists — fails, naming the export, sheet, cell and value.

The demo is the full five years (``demo --weeks 260``): about 100 s to generate on one core,
then about 30 s of exports (the period workbook is its last year, the department workbook its
whole history)."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from demo_databases import Demo
from python_calamine import CalamineWorkbook
from sample_data import LEFT_LATE, NOT_CONFIRMED

from fieldbook.cli import main as cli
from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.resources import schema_dir
from fieldbook.core.routine.week import label_for
from fieldbook.core.server import spotcheck

TODAY = date(2026, 12, 7)
FIVE_YEARS = Demo(seed=1, weeks=260, today=TODAY)
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
WORD = re.compile(r"\b[a-z][a-z0-9_]*\b")
#: a command line quoted in an instruction (``fieldbook import slip-answers``) is no code
COMMAND = re.compile(r"fieldbook(?: [a-z][a-z-]*)+")


def vocabulary_codes() -> set[str]:
    """Every English ``code`` and every key with a label in the configuration (the demo's
    generator settings and the English name files aside)."""
    found: set[str] = set()

    def walk(node: Any, labelled: bool) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("code"), str):
                found.add(node["code"])
            for key, value in node.items():
                if labelled and isinstance(value, str):
                    found.add(key)
                walk(value, True)
        elif isinstance(node, list):
            for value in node:
                walk(value, labelled)

    files = [
        *(schema_dir() / "reference").glob("*.toml"),
        *(schema_dir() / "checklists").glob("*.toml"),
    ]
    for path in files:
        if not path.name.endswith(".en.toml") and path.name != "demo.toml":
            walk(tomllib.loads(path.read_text(encoding="utf-8")), False)
    return {c for c in found if re.fullmatch(r"[a-z][a-z0-9_]+", c)}


CODES = vocabulary_codes()


def codes_in(value: Any) -> set[str]:
    if not isinstance(value, str):
        return set()
    text = COMMAND.sub("", value)
    return set(SNAKE.findall(text)) | {w for w in WORD.findall(text) if w in CODES}


def scan_workbook(path: Path) -> Iterator[str]:
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if found := codes_in(value):
                    yield f"{path.stem} {name}!R{r}C{c} {value!r}: {sorted(found)}"
    yield from scan_page_parts(path)


def scan_page_parts(path: Path) -> Iterator[str]:
    """What prints outside the cells: every sheet's page header and footer (hidden sheets
    too) and every data-validation list."""
    for ws in openpyxl.load_workbook(path).worksheets:
        for part in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.firstHeader):
            for side in (part.left, part.center, part.right) if part else ():
                if found := codes_in(side.text):
                    yield f"{path.stem} {ws.title} header/footer {side.text!r}: {sorted(found)}"
        for rule in ws.data_validations.dataValidation:
            if found := codes_in(rule.formula1):
                yield f"{path.stem} {ws.title} validation {rule.formula1!r}: {sorted(found)}"


def test_the_scanner_reads_page_headers(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    hidden = wb.create_sheet("数据")
    hidden.sheet_state = "hidden"
    hidden.oddHeader.center.text = "走访明细 shop_status"
    wb.save(tmp_path / "h.xlsx")
    assert [p for p in scan_workbook(tmp_path / "h.xlsx") if "shop_status" in p]


def scan_csv(name: str, text: str) -> Iterator[str]:
    for r, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        for c, value in enumerate(row, start=1):
            if found := codes_in(value):
                yield f"{name} row {r} field {c} {value!r}: {sorted(found)}"


def test_the_scanner_catches_codes_and_spares_real_values() -> None:
    assert {"violation", "market", "closed"} <= CODES
    assert codes_in("shop_status") == {"shop_status"}
    assert codes_in("发现：violation") == {"violation"}
    assert codes_in("market") == {"market"}
    for fine in ("FK-20261130-QTH001-001", "6901028180559", "QTH001", "中华(硬)", 12.5, None):
        assert codes_in(fine) == set()
    assert codes_in("（fieldbook import slip-answers 文件）") == set()


@pytest.fixture(scope="module")
def five_years(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The five-year demo with a recorded spot check of its last full month."""
    path = tmp_path_factory.mktemp("five-years") / "fieldbook.sqlite3"
    url = f"sqlite:///{path}"
    with clock.pinned(datetime(2026, 12, 7, 15, 10), running=False):
        FIVE_YEARS.generate(url)
        journal = Journal.open(url)
        try:
            manager = _manager_code(journal)
            check = spotcheck.draw(journal, manager, "2026-11", checker="市场部 李主任", seed=1)
            spotcheck.record(journal, check.items[0].id, **NOT_CONFIRMED, problems="店主说没来过")
            spotcheck.record(journal, check.items[1].id, **LEFT_LATE)
        finally:
            journal.close()
    return url


def _manager_code(journal: Journal) -> str:
    profile = journal.profile.get()
    assert profile is not None
    return profile.code


@pytest.mark.slow
def test_no_output_of_the_five_year_demo_shows_a_code(
    five_years: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = Journal.open(five_years)
    try:
        manager = _manager_code(journal)
        slips = [s.number for s in journal.slips.list()][:3]
        customer = journal.customers.list()[0].code
    finally:
        journal.close()
    day, month = TODAY.isoformat(), "2026-11"
    exports: dict[str, list[str]] = {
        "plan": ["plan", "--date", day],
        "slips": ["slips", "--from", "2026-11-01", "--to", day],
        "slip": ["slip", *slips],
        "day": ["day", "--date", "2026-12-04"],
        "week": ["week", "--week", label_for(date(2026, 12, 3))],
        "month": ["month", "--month", month],
        "period": ["period", "--from", "2025-12-01", "--to", day],
        "department": ["department", "--from", "2021-12-01", "--to", day],
        "spotcheck": ["spotcheck", "--manager", manager, "--month", month],
        "customer": ["customer", customer],  # 一户一档: five years of one shop
    }
    tables: dict[str, list[str]] = {
        "customers": ["customers", "list"],
        "skus": ["skus", "list"],
        "plan": ["plan", "--date", day],
        "visits": ["visits", "list", "--from", "2026-11-01", "--to", day],
        "slips": ["slips", "list"],
    }
    problems: list[str] = []
    with clock.pinned(datetime(2026, 12, 7, 15, 10), running=False):
        for name, args in exports.items():
            out = tmp_path / f"{name}.xlsx"
            assert cli.main(["--db", five_years, "export", *args, "-o", str(out)]) == 0, name
            problems += scan_workbook(out)
        capsys.readouterr()
        for name, args in tables.items():
            assert cli.main(["--db", five_years, *args, "--csv"]) == 0, name
            problems += scan_csv(name, capsys.readouterr().out)
    assert not problems, "\n".join(problems[:50])
