"""Where an export lands: a user-named file that is private (0600) and appears complete or not
at all (temporary name beside it, fsync, rename), never over a database (``core.outputs``)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook

from fieldbook.core.outputs import check_output, private_temp_beside
from fieldbook.core.xlsx.stream import TableBook
from fieldbook.core.xlsx.writer import write_workbook


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it is fsynced, made 0600 and renamed
    to ``path``. On any failure (disk full, an exception) the temporary file is removed and an
    existing ``path`` is left as it was."""
    path = check_output(path)
    tmp = private_temp_beside(path)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        check_output(path)  # again: nothing may have become a database there meanwhile
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def save_workbook(wb: Workbook, path: Path) -> Path:
    """Save ``wb`` to ``path`` atomically (0600)."""
    with atomic_output(path) as tmp:
        write_workbook(wb, tmp)
    return Path(path)


def save_book(book: TableBook, path: Path) -> Path:
    """Save a workbook with streamed tables to ``path`` atomically (0600)."""
    with atomic_output(path) as tmp:
        book.write(tmp)
    return Path(path)
