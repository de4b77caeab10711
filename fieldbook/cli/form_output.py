"""``-o FILE.xlsx|FILE.pdf`` of the printable forms (decision 0026): a name ending in .pdf
writes the PDF of the same workbook (LibreOffice, ``core.reports.pdf``). The option itself is
``common.add_form_output`` (the parser stays light)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from fieldbook.cli.database import export_file
from fieldbook.core.journal import Journal
from fieldbook.core.reports.pdf import export_pdf, wants_pdf


def export_form(args: argparse.Namespace, write: Callable[[Journal, Path], Path]) -> int:
    """Write the form to ``args.output`` (its PDF when the name ends in .pdf); print the path."""

    def run(journal: Journal) -> Path:
        if wants_pdf(args.output):
            return export_pdf(lambda path: write(journal, path), args.output)
        return write(journal, args.output)

    return export_file(args, run)
