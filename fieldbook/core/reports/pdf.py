"""A form as PDF (decision 0026): LibreOffice headless converts the very workbook that 导出 Excel
writes, so the PDF keeps the workbook's page setup and no form is laid out twice.

LibreOffice runs with a private, throw-away profile (``-env:UserInstallation``), so a
conversion works while the user's own LibreOffice is open and leaves their settings alone. The
PDF is written like every export (``saving.atomic_output``): complete or not at all, 0600, never
onto a database. Failures are :class:`PdfNotMade` with a reason the front ends word: LibreOffice
not found, too slow (stopped after ``timeout_seconds``), or the conversion failed (what and
where). No Qt here: the desktop app runs :func:`convert_to_pdf` on a thread of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from fieldbook.core.errors import FieldbookError
from fieldbook.core.outputs import check_output
from fieldbook.core.reports.saving import atomic_output
from fieldbook.core.resources import load_reference

#: An explicit LibreOffice program (tests; an unusual install); a path that is not a program
#: there means "not installed".
SOFFICE_ENV = "FIELDBOOK_SOFFICE"
PDF_MAGIC = b"%PDF-"


class PdfNotMade(FieldbookError):
    """No PDF was written: ``reason`` is ``pdf_no_libreoffice``, ``pdf_timeout`` or
    ``pdf_conversion_failed``; ``data["file"]`` is the PDF that was asked for."""

    code = "pdf_not_made"

    def __init__(self, reason: str, target: Path, **data: object) -> None:
        super().__init__(reason, reason=reason, file=str(target), **data)
        self.reason = reason


def _settings() -> dict[str, object]:
    return load_reference("printing")


def timeout_seconds() -> float:
    return float(str(_settings()["timeout_seconds"]))


def _is_program(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _places() -> list[Path]:
    """The install places of ``printing.toml`` whose environment variables are set."""
    found: list[Path] = []
    for place in list(_settings()["places"]):  # type: ignore[call-overload]
        text = str(place)
        if text.startswith("{"):
            name, _, rest = text[1:].partition("}")
            base = os.environ.get(name)
            if not base:
                continue
            text = base + rest
        found.append(Path(text))
    return found


def find_soffice() -> Path | None:
    """The LibreOffice program to run: ``$FIELDBOOK_SOFFICE`` when set, else the first of the
    program names on PATH, else the usual install places (Windows Program Files, macOS, /opt)."""
    explicit = os.environ.get(SOFFICE_ENV)
    if explicit is not None:
        return Path(explicit) if explicit and _is_program(Path(explicit)) else None
    for name in list(_settings()["programs"]):  # type: ignore[call-overload]
        hit = shutil.which(str(name))
        if hit:
            return Path(hit)
    return next((p for p in _places() if _is_program(p)), None)


def _command(program: Path, workbook: Path, profile: Path, out: Path) -> list[str]:
    return [
        str(program),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(workbook),
    ]


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and what it started (its launcher execs a child on Linux)."""
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=10)


def _run(cmd: list[str], target: Path, timeout: float) -> tuple[int, str]:
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=sys.platform != "win32",
        )
    except OSError as exc:
        raise PdfNotMade("pdf_no_libreoffice", target) from exc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _stop(proc)
        raise PdfNotMade("pdf_timeout", target, seconds=round(timeout)) from exc
    text = (err or out).decode("utf-8", "replace").strip()
    return proc.returncode, text.splitlines()[-1] if text else ""


def convert_to_pdf(
    workbook: Path, target: Path, *, program: Path | None = None, timeout: float | None = None
) -> Path:
    """Convert ``workbook`` (an .xlsx) to the PDF ``target``, atomically; return ``target``."""
    target = check_output(target)  # before any work: never onto a database
    program = program or find_soffice()
    if program is None:
        raise PdfNotMade("pdf_no_libreoffice", target)
    seconds = timeout if timeout is not None else timeout_seconds()
    with tempfile.TemporaryDirectory(prefix="fieldbook-pdf-") as work:
        profile, out = Path(work) / "profile", Path(work) / "out"
        out.mkdir()
        code, said = _run(_command(program, Path(workbook), profile, out), target, seconds)
        made = out / (Path(workbook).stem + ".pdf")
        if code != 0 or not made.is_file() or not _is_pdf(made):
            why = said or f"exit {code}"
            raise PdfNotMade("pdf_conversion_failed", target, workbook=str(workbook), why=why)
        with atomic_output(target) as tmp:
            shutil.copyfile(made, tmp)
    return Path(target)


def _is_pdf(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(PDF_MAGIC)) == PDF_MAGIC


def export_pdf(
    write: Callable[[Path], Path], target: Path, *, timeout: float | None = None
) -> Path:
    """``write`` a form's workbook (the one writer of 导出 Excel) into a private temporary
    folder, then convert it to the PDF ``target``; the workbook is removed afterwards."""
    target = check_output(target)
    with tempfile.TemporaryDirectory(prefix="fieldbook-form-") as work:
        workbook = write(Path(work) / f"{Path(target).stem or 'form'}.xlsx")
        return convert_to_pdf(workbook, target, timeout=timeout)


def wants_pdf(path: Path) -> bool:
    """A ``-o`` ending in .pdf asks for the PDF of the form."""
    return Path(path).suffix.lower() == ".pdf"
