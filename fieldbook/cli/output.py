"""What the command line prints: tables for people (tab-separated), CSV that is safe to open in
Excel or WPS, and a terminal that never receives an escape sequence from user data.

- :func:`write_table` is the one writer of every ``list --csv`` / ``plan --csv`` output. CSV
  cells that a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a CR,
  or their full-width forms that Chinese input methods type) get a leading ``'`` as OWASP
  recommends for CSV injection, also behind leading white space or invisible characters and
  in small forms (﹦ ﹢ ﹣ ﹫); a plain number such as ``-12.5`` is a number, not a formula, and
  stays as it is. ``--raw`` writes the cells as stored, for scripts. Every cell is cleaned
  (``clean_free_text``) before the check and before csv quoting: a stored ``x\x0b=1+1``
  becomes one quoted two-line cell, never a row split before ``=1+1``.
- :func:`clean_output` puts stdout and stderr behind ``normalize.clean_free_text`` while a
  command runs: text stored before the database's door existed, a hostile file's header or
  sheet name echoed in a problem line — nothing reaches the terminal with ESC, CSI or another
  control character (tab and line feed pass).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from fieldbook.core.text import clean_free_text

__all__ = ["add_csv_options", "clean_output", "formula_safe", "raw_stream", "write_table"]

#: First characters that make Excel, WPS or LibreOffice read a CSV cell as a formula; their
#: full-width and small forms (＝ ﹦ ＋ ﹢ － ﹣ ＠ ﹫, which Chinese input methods type) count too:
#: :func:`formula_safe` compares the NFKC form of the first visible character.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER_RE = re.compile(r"[+-]?\d+(?:\.\d+)?")
# What a spreadsheet may trim before it reads a cell (LibreOffice's "trim spaces", Excel with
# some import settings): white space of any kind and the invisible format characters.
_TRIMMED_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def _first_visible(cell: str) -> str:
    """The first character of ``cell`` that is not white space or invisible, in NFKC form
    ("" if there is none)."""
    for char in cell:
        if not (char.isspace() or unicodedata.category(char) in _TRIMMED_CATEGORIES):
            return unicodedata.normalize("NFKC", char)
    return ""


def formula_safe(cell: str) -> str:
    """``cell`` as a spreadsheet shows it without running it.

    The cell is first cleaned by the core's normaliser (``clean_free_text``: a line-breaking
    control becomes a line feed, so that csv quoting sees it and the row is never split by the
    output stream's own cleaning). Then a leading ``'`` goes before a cell that starts with a
    formula trigger (OWASP), also when white space or invisible characters (" ", U+3000,
    U+00A0, U+200B …) come first or the trigger is a full-width or small form; plain numbers
    (``-3``, ``+12.50``) are left as they are."""
    cell = clean_free_text(cell)
    if _NUMBER_RE.fullmatch(cell):
        return cell
    if cell.startswith(FORMULA_TRIGGERS) or _first_visible(cell) in ("=", "+", "-", "@"):
        return "'" + cell
    return cell


def add_csv_options(parser: argparse.ArgumentParser) -> None:
    """``--csv`` and ``--raw``, the same on every command that prints a table."""
    parser.add_argument(
        "--csv",
        action="store_true",
        help="CSV with a header row; a cell starting with = + - @ gets a leading ' so that "
        "Excel/WPS shows it instead of running it",
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="CSV with every cell exactly as stored (no leading '), for scripts; implies --csv",
    )


def write_table(
    rows: Sequence[Sequence[Any]],
    *,
    as_csv: bool = False,
    raw: bool = False,
    out: TextIO | None = None,
) -> None:
    """Print ``rows`` (the header first): CSV when ``as_csv`` or ``raw`` (formula-safe unless
    ``raw``), else tab-separated with tabs and line breaks inside a cell shown as spaces."""
    out = out or sys.stdout
    texts = [["" if cell is None else str(cell) for cell in row] for row in rows]
    if as_csv or raw:
        if raw:  # exactly as stored, but cleaned: csv quoting must see every line break
            writer = csv.writer(out, lineterminator="\n")
            writer.writerows([[clean_free_text(cell) for cell in row] for row in texts])
            return
        # every cell quoted (OWASP): a reader that splits on tab or ';' (Excel's import wizard,
        # a ';' list separator) keeps "店\t=cmd…" one cell instead of starting one with '='
        writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerows([[formula_safe(cell) for cell in row] for row in texts])
        return
    for row in texts:
        line = "\t".join(" ".join(cell.replace("\t", " ").splitlines()) for cell in row)
        out.write(line + "\n")


class _CleanStream(io.TextIOBase):
    """A text stream that passes everything written through ``clean_free_text``."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.raw_stream = stream

    def write(self, text: str) -> int:
        self.raw_stream.write(clean_free_text(text))
        return len(text)

    def flush(self) -> None:
        self.raw_stream.flush()

    def fileno(self) -> int:
        return self.raw_stream.fileno()

    def isatty(self) -> bool:
        return self.raw_stream.isatty()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw_stream, "encoding", "utf-8")


@contextmanager
def clean_output() -> Iterator[None]:
    """stdout and stderr cleaned (see the module) for the duration of a command."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _CleanStream(sys.stdout), _CleanStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def raw_stream(stream: TextIO) -> TextIO:
    """The stream behind :func:`clean_output`'s wrapper (for a progress bar's own CR)."""
    return getattr(stream, "raw_stream", stream)
