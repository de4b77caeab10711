"""A form as PDF (decision 0026): LibreOffice converts the workbook the export writes. The real
conversion of the week report (pages and title read back with poppler), and the error paths
with a stand-in ``soffice``: not installed, a failed conversion, too slow, the target is the
database; and where LibreOffice is looked for (PATH, Windows Program Files)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from fieldbook.core.journal import Journal
from fieldbook.core.outputs import OutputRefused
from fieldbook.core.reports import pdf
from fieldbook.core.reports.pdf import PdfNotMade, convert_to_pdf, export_pdf, find_soffice
from fieldbook.core.reports.week import export_week
from fieldbook.core.routine.week import label_for
from fieldbook.messages import describe_error

LABEL = label_for(date(2026, 11, 30))
HAS_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdfinfo") is not None
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fake_soffice(tmp_path: Path, body: str) -> Path:
    """An executable stand-in for LibreOffice: ``body`` is Python run with sys.argv."""
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir(exist_ok=True)
    program.write_text(f"#!{sys.executable}\nimport sys, pathlib, time\nargv = sys.argv\n{body}\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


#: Writes a PDF where LibreOffice would (``--outdir``, the workbook's stem) and logs its argv.
WRITES_PDF = f"""
out = pathlib.Path(argv[argv.index("--outdir") + 1])
book = pathlib.Path(argv[-1])
(pathlib.Path(__file__).parent / "argv.txt").write_text("\\n".join(argv))
(out / (book.stem + ".pdf")).write_bytes({MINIMAL_PDF!r})
"""


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = tmp_path / "form.xlsx"
    book.write_bytes(b"PK stand-in")
    return book


def test_writes_the_pdf_privately_with_a_private_profile(tmp_path: Path, workbook: Path) -> None:
    program = fake_soffice(tmp_path, WRITES_PDF)
    target = tmp_path / "周报.pdf"
    assert convert_to_pdf(workbook, target, program=program) == target
    assert target.read_bytes() == MINIMAL_PDF
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    argv = (program.parent / "argv.txt").read_text().splitlines()
    assert "--headless" in argv and argv[-1] == str(workbook)
    profile = next(a for a in argv if a.startswith("-env:UserInstallation=file://"))
    assert "fieldbook-pdf-" in profile  # a throw-away profile, not the user's
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_export_pdf_writes_the_workbook_then_removes_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(fake_soffice(tmp_path, WRITES_PDF)))
    written: list[Path] = []

    def write(path: Path) -> Path:
        path.write_bytes(b"PK")
        written.append(path)
        return path

    target = export_pdf(write, tmp_path / "week.pdf")
    assert target.read_bytes() == MINIMAL_PDF
    assert written and written[0].suffix == ".xlsx" and not written[0].exists()


def test_no_libreoffice_says_so_and_writes_nothing(tmp_path: Path, workbook, monkeypatch) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice"))
    assert find_soffice() is None
    target = tmp_path / "week.pdf"
    with pytest.raises(PdfNotMade) as caught:
        convert_to_pdf(workbook, target)
    assert caught.value.reason == "pdf_no_libreoffice"
    text = describe_error(caught.value, "zh_CN")
    assert text.startswith(f"{target}：没有找到 LibreOffice")
    assert "LibreOffice was not found" in describe_error(caught.value, "en")
    assert not target.exists()


def test_a_failed_conversion_says_what_and_where(tmp_path: Path, workbook: Path) -> None:
    program = fake_soffice(
        tmp_path, 'sys.stderr.write("Error: source file could not be loaded\\n"); sys.exit(1)'
    )
    target = tmp_path / "week.pdf"
    target.write_bytes(b"the PDF of last week")
    with pytest.raises(PdfNotMade) as caught:
        convert_to_pdf(workbook, target, program=program)
    assert caught.value.reason == "pdf_conversion_failed"
    text = describe_error(caught.value, "zh_CN")
    assert str(workbook) in text and "source file could not be loaded" in text
    assert str(target) in text and "没有写出 PDF" in text
    assert target.read_bytes() == b"the PDF of last week"  # left as it was


def test_not_a_pdf_is_a_failed_conversion(tmp_path: Path, workbook: Path) -> None:
    body = WRITES_PDF.replace(repr(MINIMAL_PDF), repr(b"<html>not a pdf</html>"))
    with pytest.raises(PdfNotMade) as caught:
        convert_to_pdf(workbook, tmp_path / "week.pdf", program=fake_soffice(tmp_path, body))
    assert caught.value.reason == "pdf_conversion_failed"
    assert not (tmp_path / "week.pdf").exists()


def test_too_slow_is_stopped(tmp_path: Path, workbook: Path) -> None:
    program = fake_soffice(tmp_path, "time.sleep(60)")
    with pytest.raises(PdfNotMade) as caught:
        convert_to_pdf(workbook, tmp_path / "week.pdf", program=program, timeout=0.5)
    assert caught.value.reason == "pdf_timeout"
    assert "LibreOffice 在 0 秒内没有转换完，已停止" in describe_error(caught.value, "zh_CN")


def test_never_onto_the_database(journal: Journal, tmp_path: Path, workbook: Path) -> None:
    db = journal.db_path
    if db is None:
        pytest.skip("not a database file (PostgreSQL)")
    program = fake_soffice(tmp_path, WRITES_PDF)
    before = db.read_bytes()[:16]
    with pytest.raises(OutputRefused) as caught:
        convert_to_pdf(workbook, db, program=program)
    assert caught.value.reason == "output_is_database"
    assert not (program.parent / "argv.txt").exists()  # refused before LibreOffice ran
    assert db.read_bytes()[:16] == before


def test_found_in_program_files_when_not_on_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path / "Program Files"))
    installed = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    installed.parent.mkdir(parents=True)
    installed.write_text("")
    installed.chmod(0o755)
    assert find_soffice() == installed


@pytest.mark.skipif(
    shutil.which("soffice") is None or not HAS_POPPLER, reason="LibreOffice or poppler missing"
)
@pytest.mark.slow  # a LibreOffice child process
def test_the_week_report_as_pdf(world: Journal, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    book = export_week(world, LABEL, tmp_path / "week.xlsx")
    title = str(CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python()[0][0])
    target = export_pdf(lambda path: export_week(world, LABEL, path), tmp_path / "周报.pdf")
    assert target.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
    sheets = len(CalamineWorkbook.from_path(str(book)).sheet_names)
    assert pages >= sheets  # every sheet starts a page of its own
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(target), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert title.split()[0] in first.replace(" ", "")  # the workbook's own title on page 1
    assert world.profile.get().name in first.replace(" ", "")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert os.stat(target).st_mode & 0o077 == 0
