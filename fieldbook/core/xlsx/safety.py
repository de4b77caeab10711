"""Cheap checks that run before any parser sees a user-supplied workbook.

:func:`read_workbook_bytes` reads the file once and checks those very bytes, which the caller
then hands to the parser (no check/use race). It looks at the file size, the first bytes, the
zip central directory (declared sizes, before decompressing anything), the XML prolog of every
XML member and the cell references of every member. It rejects damaged, oversized and hostile
files with :class:`FileRejected` and a stable ``reason`` code:

``not_found``, ``empty``, ``too_large``, ``not_a_workbook``, ``legacy_xls``, ``encrypted``,
``truncated``, ``too_many_entries``, ``bomb``, ``dtd``, ``too_many_rows``,
``too_many_columns``, ``unreadable``.

Why the cell references and counts: calamine (Rust) aborts the whole process when an
allocation fails. It holds a worksheet's used area densely (~32 bytes a cell), so cells at A1
and XFD1048576 in a 1 KiB file ask for 512 GiB; it also reserves the shared-string table's
declared ``uniqueCount`` up front. We bound both before calamine sees the file, and refuse
packages it could read as .xlsb or .ods (whose cells we do not scan).
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from fieldbook.core.errors import FileRejected

__all__ = [
    "DEFAULT_LIMITS",
    "EXCEL_MAX_COLUMN",
    "EXCEL_MAX_ROW",
    "Limits",
    "as_file_rejected",
    "check_file_size",
    "check_workbook_file",
    "open_workbook_zip",
    "read_workbook_bytes",
]

MiB = 1024 * 1024
EXCEL_MAX_ROW = 1_048_576
EXCEL_MAX_COLUMN = 16_384  # XFD

OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), b"EncryptedPackage")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_OTHER_FORMAT_MARKERS = frozenset({"xl/workbook.bin", "mimetype"})
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_HEAD_BYTES = 4096
# How far we follow an XML prolog (declaration, comments, whitespace) looking for the root
# element; a DOCTYPE can only appear in the prolog, so padding cannot hide one from us.
_MAX_PROLOG_BYTES = 64 * 1024

# The cell references of a sheet in which every <c> start tag is written <c r="..." (as Excel,
# WPS, LibreOffice and openpyxl write them): then these are exactly the cells' positions.
_PLAIN_COLUMN_RE = re.compile(rb"""<c r=["']([A-Za-z]*)""")
_PLAIN_ROW_RE = re.compile(rb"""<c r=["'][A-Za-z]*([0-9]*)""")
# A <c> start tag not written that way, or one with a namespace prefix.
_OTHER_CELL_TAG_RE = re.compile(rb"""<c(?:[\t\r\n/>]| (?!r=["']))""")
_PREFIXED_CELL_TAG_RE = re.compile(rb":c[ \t\r\n/>]")
# Otherwise: every r="..." value calamine could read as a position (attribute exactly "r",
# value letters then digits) plus some it would not (inside other values), and the row ends.
_ANY_REF_RE = re.compile(rb"""[\s"'/:]r\s*=\s*["']([A-Za-z]*)([0-9]*)["']""")
_ROW_END_RE = re.compile(rb"</(?:[^\s<>/:!?]+:)?row[ \t\r\n]*>")
# Declared counts of 8 digits or more (calamine reserves <sst uniqueCount> strings up front).
_BIG_COUNT_RE = re.compile(rb"""ount\s*=\s*["']\+?0*([1-9][0-9]{7,})""")


@dataclass(frozen=True)
class Limits:
    """Upper bounds for an imported file. The defaults are far above any real roster."""

    max_file_bytes: int = 50 * MiB
    max_entries: int = 10_000
    max_uncompressed_bytes: int = 300 * MiB
    max_ratio: float = 100.0
    ratio_min_member_bytes: int = 1 * MiB
    max_rows: int = 200_000
    max_columns: int = 500
    max_cells: int = 10_000_000  # rows x columns of a sheet's used area (~320 MiB in calamine)


DEFAULT_LIMITS = Limits()


def check_file_size(path: Path, limits: Limits = DEFAULT_LIMITS) -> int:
    """Check that ``path`` is an existing, non-empty regular file within the size limit.

    Returns the size in bytes. FIFOs and devices count as not found: opening them could block.
    """
    try:
        st = path.stat()
    except OSError as exc:
        raise FileRejected("not_found", str(exc), file=str(path)) from exc
    if not stat.S_ISREG(st.st_mode):
        raise FileRejected("not_found", "not a regular file", file=str(path))
    if st.st_size == 0:
        raise FileRejected("empty", file=str(path))
    if st.st_size > limits.max_file_bytes:
        raise FileRejected(
            "too_large", file=str(path), size=st.st_size, limit=limits.max_file_bytes
        )
    return st.st_size


def _check_members(zf: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise FileRejected(
            "too_many_entries", file=str(path), entries=len(infos), limit=limits.max_entries
        )
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise FileRejected(
                "bomb",
                "uncompressed size exceeds the limit",
                file=str(path),
                member=info.filename,
                limit=limits.max_uncompressed_bytes,
            )
        if info.file_size > limits.ratio_min_member_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise FileRejected(
                    "bomb",
                    f"compression ratio {ratio:.0f}:1",
                    file=str(path),
                    member=info.filename,
                    limit=limits.max_ratio,
                )
        if info.flag_bits & 0x1:
            raise FileRejected("encrypted", file=str(path), member=info.filename)
    names = {info.filename.lower() for info in infos}
    if "xl/workbook.xml" not in names:
        raise FileRejected("not_a_workbook", "no xl/workbook.xml", file=str(path))
    if names & _OTHER_FORMAT_MARKERS:  # calamine would fall back to its .xlsb or .ods reader
        raise FileRejected("not_a_workbook", "not an .xlsx package", file=str(path))


def _prolog_has_dtd(head: bytes) -> bool | None:
    """True if the XML prolog in ``head`` declares a DTD or entity, False if the root element
    starts first, None if ``head`` ends inside the prolog (read more and ask again)."""
    # NUL bytes removed: UTF-16/UTF-32 encoded XML then reads like ASCII for our markers.
    text = head.replace(b"\x00", b"")
    if any(marker in text for marker in _DTD_MARKERS):
        return True
    pos = 0
    while (pos := text.find(b"<", pos)) != -1:
        if text.startswith(b"<?", pos):  # XML declaration or processing instruction
            end = text.find(b"?>", pos + 2)
            pos = end + 2
        elif text.startswith(b"<!--", pos):
            end = text.find(b"-->", pos + 4)
            pos = end + 3
        elif len(text) - pos < 4:  # too short to tell "<!--" from "<!D…" or a root tag
            return None
        else:
            # "<!" outside a comment can only be a DOCTYPE-like declaration in a prolog.
            return text.startswith(b"<!", pos)
        if end == -1:
            return None
    return None


def _check_prolog(content: bytes, path: Path, member: str) -> None:
    """Reject an XML member whose prolog declares a DTD (so no entity can ever be declared)."""
    size = _HEAD_BYTES
    verdict = _prolog_has_dtd(content[:size])
    while verdict is None and size < min(len(content), _MAX_PROLOG_BYTES):
        size += _HEAD_BYTES
        verdict = _prolog_has_dtd(content[:size])
    if verdict is None and len(content) > _MAX_PROLOG_BYTES:
        raise FileRejected("dtd", "XML prolog too long", file=str(path), member=member)
    if verdict:
        raise FileRejected("dtd", "XML with a DTD", file=str(path), member=member)


def column_number(letters: str | bytes) -> int:
    """1-based column of "A".."XFD" (any case); EXCEL_MAX_COLUMN + 1 beyond."""
    if len(letters) > 3:
        return EXCEL_MAX_COLUMN + 1
    text = letters.decode("ascii") if isinstance(letters, bytes) else letters
    number = 0
    for char in text.upper():
        number = number * 26 + ord(char) - 64
    return number


def column_letters(number: int) -> str:
    """Excel's letters of the 1-based column ``number`` (1 → A, 27 → AA)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _check_extent(content: bytes, path: Path, member: str, limits: Limits) -> None:
    """Bound what calamine would allocate if ``member`` were a worksheet or string table."""
    if b"\x00" in content:  # UTF-16/UTF-32 XML reads like ASCII without them
        content = content.replace(b"\x00", b"")

    def bomb(detail: str) -> FileRejected:
        return FileRejected("bomb", detail, file=str(path), member=member, limit=limits.max_cells)

    counts = [int(count) for count in _BIG_COUNT_RE.findall(content)]
    if counts and max(counts) > limits.max_cells:
        raise bomb(f"declared count {max(counts)}")
    if b"sheetData" not in content:  # calamine reads cells only inside <sheetData>
        return
    plain = not (_OTHER_CELL_TAG_RE.search(content) or _PREFIXED_CELL_TAG_RE.search(content))
    if plain:
        letters = set(_PLAIN_COLUMN_RE.findall(content))
        digits = set(_PLAIN_ROW_RE.findall(content))
    else:
        refs = _ANY_REF_RE.findall(content)
        letters = {letters for letters, _ in refs}
        digits = {digits for _, digits in refs}
    rows = max((int(d) for d in digits if d), default=0)
    columns = max(map(column_number, letters), default=0)
    if rows > EXCEL_MAX_ROW:
        raise FileRejected("too_many_rows", file=str(path), member=member, limit=EXCEL_MAX_ROW)
    if columns > EXCEL_MAX_COLUMN:
        raise FileRejected(
            "too_many_columns",
            file=str(path),
            member=member,
            columns=columns,
            limit=EXCEL_MAX_COLUMN,
        )
    if not plain:
        # A cell without r sits in the current row (the last row r seen, plus one per </row>)
        # and the column after the previous cell of its row: bound both generously.
        segments = _ROW_END_RE.split(content)
        rows += len(segments)
        columns += max(s.count(b"<c") + s.count(b":c") for s in segments)
    if rows * columns > limits.max_cells:
        raise bomb(f"sheet area up to {rows} x {columns} cells")


def _check_package(zf: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    _check_members(zf, path, limits)
    # Every member: calamine follows the package's relationships, so a worksheet can hide
    # under any name. zipfile stops at the declared size and verifies the CRC.
    for info in zf.infolist():
        if info.is_dir():
            continue
        content = zf.read(info)
        if info.filename.lower().endswith(_XML_SUFFIXES):
            _check_prolog(content, path, info.filename)
        _check_extent(content, path, info.filename, limits)


def _check_workbook_bytes(data: bytes, path: Path, limits: Limits) -> None:
    magic = data[:8]
    if magic == OLE2_SIGNATURE:  # an encrypted OOXML package or a legacy .xls
        if any(marker in data for marker in _ENCRYPTED_MARKERS):
            raise FileRejected("encrypted", "password-protected workbook", file=str(path))
        raise FileRejected("legacy_xls", "Excel 97-2003 (.xls) file", file=str(path))
    if not magic.startswith(ZIP_SIGNATURES):
        raise FileRejected("not_a_workbook", "not a zip package", file=str(path))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_package(zf, path, limits)
    except Exception as exc:
        raise as_file_rejected(exc, path) from exc


def read_workbook_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``path`` once they pass every check; parse these, not the file again."""
    path = Path(path)
    check_file_size(path, limits)
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise FileRejected("unreadable", str(exc), file=str(path)) from exc
    if not data:
        raise FileRejected("empty", file=str(path))
    if len(data) > limits.max_file_bytes:  # grew since the stat
        raise FileRejected("too_large", file=str(path), limit=limits.max_file_bytes)
    _check_workbook_bytes(data, path, limits)
    return data


def open_workbook_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Run all the checks of :func:`check_workbook_file` and return the checked package, open
    in memory. The caller closes it."""
    return zipfile.ZipFile(io.BytesIO(read_workbook_bytes(path, limits)))


def as_file_rejected(exc: Exception, path: Path) -> FileRejected:
    """The FileRejected for any failure while reading a zip package or its XML."""
    if isinstance(exc, FileRejected):
        return exc
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return FileRejected("truncated", str(exc), file=str(path))
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return FileRejected("encrypted", str(exc), file=str(path))
    return FileRejected("unreadable", f"{type(exc).__name__}: {exc}", file=str(path))


def check_workbook_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Reject ``path`` unless it looks like a safe, sane .xlsx/.xlsm package.

    Fast even on a decompression bomb: sizes come from the zip directory before any member
    is decompressed, and each member is decompressed at most to its declared size.
    """
    read_workbook_bytes(path, limits)
