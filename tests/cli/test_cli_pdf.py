"""``fieldbook export … -o FILE.pdf`` (every export) (decision 0026): the PDF of the same
workbook, through LibreOffice (a stand-in here); a missing LibreOffice or the database as
target is a clear error and leaves nothing behind."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from cli_support import run
from python_calamine import CalamineWorkbook

from fieldbook.core.journal import Journal
from fieldbook.core.reports import pdf

#: Keeps a copy of the workbook it was given, writes a PDF where LibreOffice would.
SOFFICE = """#!{python}
import shutil, sys, pathlib
argv = sys.argv
out = pathlib.Path(argv[argv.index("--outdir") + 1])
book = pathlib.Path(argv[-1])
shutil.copyfile(book, pathlib.Path(__file__).parent / "given.xlsx")
(out / (book.stem + ".pdf")).write_bytes(b"%PDF-1.4 week")
"""


@pytest.fixture
def url(world: Journal) -> str:
    url = world.url
    world.close()
    return url


@pytest.mark.parametrize(
    "command",
    [
        ("week", "--week", "2026-W49"),
        ("plan", "--date", "2026-11-30"),
        ("day", "--date", "2026-11-30"),
        # every other export is a form too: a .pdf name gives its PDF, never a workbook
        ("month", "--month", "2026-11"),
        ("period", "--from", "2026-11-01", "--to", "2026-11-30"),
        ("slips", "--from", "2026-11-01", "--to", "2026-11-30"),
        ("department", "--from", "2026-11-01", "--to", "2026-11-30"),
        ("customer", "M001"),
    ],
)
def test_export_a_form_as_pdf(capsys, url: str, tmp_path: Path, monkeypatch, command) -> None:
    program = tmp_path / "soffice"
    program.write_text(SOFFICE.format(python=sys.executable))
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(program))
    target, book = tmp_path / "form.pdf", tmp_path / "form.xlsx"
    code, out, err = run(capsys, "--db", url, "export", *command, "-o", str(target))
    assert (code, err) == (0, "")
    assert out.strip() == str(target)
    assert target.read_bytes() == b"%PDF-1.4 week"
    given = CalamineWorkbook.from_path(str(tmp_path / "given.xlsx")).sheet_names
    # the workbook the same command writes with -o FILE.xlsx
    assert run(capsys, "--db", url, "export", *command, "-o", str(book))[0] == 0
    assert given == CalamineWorkbook.from_path(str(book)).sheet_names
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_without_libreoffice(capsys, url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "none"))
    target = tmp_path / "周报.pdf"
    code, _, err = run(capsys, "--db", url, "export", "week", "-o", str(target))
    assert code == 1
    assert f"{target}：没有找到 LibreOffice" in err
    assert not target.exists()


def test_never_onto_the_database(capsys, url: str, world_path: Path) -> None:
    code, _, err = run(capsys, "--db", url, "export", "week", "-o", str(world_path))
    assert code == 2 and "不能用导出覆盖" in err


@pytest.fixture
def world_path(world: Journal) -> Path:
    if world.db_path is None:
        pytest.skip("not a database file (PostgreSQL)")
    return world.db_path


def test_an_upper_case_pdf_name_gives_a_pdf(capsys, url: str, tmp_path: Path, monkeypatch) -> None:
    """登记表.PDF is a PDF too: never an .xlsx silently written under a name a PDF reader then
    cannot open."""
    program = tmp_path / "soffice"
    program.write_text(SOFFICE.format(python=sys.executable))
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(program))
    target = tmp_path / "登记表.PDF"
    code, _out, err = run(capsys, "--db", url, "export", "slips", "-o", str(target))
    assert (code, err) == (0, "")
    assert target.read_bytes() == b"%PDF-1.4 week"
