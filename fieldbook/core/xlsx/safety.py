"""Cheap checks that run before any parser sees a user-supplied file.

:func:`check_workbook_file` looks only at the file size, the first bytes, the zip central
directory (declared sizes, never decompressing whole members) and the first few KiB of each
XML member. It rejects damaged, oversized and hostile files with :class:`FileRejected` and a
stable ``reason`` code:

``not_found``, ``empty``, ``too_large``, ``not_a_workbook``, ``legacy_xls``, ``encrypted``,
``truncated``, ``too_many_entries``, ``bomb``, ``dtd``, ``unreadable``.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, XMLParser

from fieldbook.core.errors import FileRejected

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "as_file_rejected",
    "check_file_size",
    "check_workbook_file",
    "iter_xml_chunks",
    "open_workbook_zip",
    "parse_xml_member",
]

MiB = 1024 * 1024

OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), b"EncryptedPackage")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_HEAD_BYTES = 4096
_FEED_BYTES = 64 * 1024
_MAX_SMALL_PART_BYTES = 32 * MiB
# How far we follow an XML prolog (declaration, comments, whitespace) looking for the root
# element; a DOCTYPE can only appear in the prolog, so padding cannot hide one from us.
_MAX_PROLOG_BYTES = 64 * 1024


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


def _file_contains(path: Path, needles: tuple[bytes, ...], chunk_size: int = 1 * MiB) -> bool:
    """Whether any of ``needles`` occurs in the file, read in overlapping chunks."""
    overlap = max(len(n) for n in needles) - 1
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(chunk_size):
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-overlap:]
    return False


def _check_ole2(path: Path) -> None:
    """An OLE2 compound file: an encrypted OOXML package or a legacy .xls. Always rejects."""
    if _file_contains(path, _ENCRYPTED_MARKERS):
        raise FileRejected("encrypted", "password-protected workbook", file=str(path))
    raise FileRejected("legacy_xls", "Excel 97-2003 (.xls) file", file=str(path))


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


def _read_prolog(fh: io.BufferedIOBase, path: Path, member: str) -> bytes:
    """Read the head of an XML stream up to its root element; reject any DTD in it."""
    head = fh.read(_HEAD_BYTES)
    verdict = _prolog_has_dtd(head)
    while verdict is None and len(head) < _MAX_PROLOG_BYTES:
        chunk = fh.read(_HEAD_BYTES)
        if not chunk:
            verdict = False  # no root element at all: the XML parser will complain
            break
        head += chunk
        verdict = _prolog_has_dtd(head)
    if verdict is None:
        raise FileRejected("dtd", "XML prolog too long", file=str(path), member=member)
    if verdict:
        raise FileRejected("dtd", "XML with a DTD", file=str(path), member=member)
    return head


def iter_xml_chunks(zf: zipfile.ZipFile, member: str, path: Path) -> Iterator[bytes]:
    """The bytes of one XML member, its prolog checked for a DTD before anything is yielded.

    Feed these chunks, and only these, to an XML parser: the bytes checked are the bytes
    parsed, so no entity can ever be declared (expat also limits amplification itself).
    """
    with zf.open(member) as fh:
        yield _read_prolog(fh, path, member)
        while chunk := fh.read(_FEED_BYTES):
            yield chunk


def parse_xml_member(
    zf: zipfile.ZipFile, member: str, path: Path, max_bytes: int = _MAX_SMALL_PART_BYTES
) -> Element:
    """Parse a small XML member (workbook, relationships, styles) into a tree, DTDs refused."""
    size = zf.getinfo(member).file_size
    if size > max_bytes:
        raise FileRejected(
            "unreadable", "XML part too large", file=str(path), member=member, limit=max_bytes
        )
    parser = XMLParser()
    for chunk in iter_xml_chunks(zf, member, path):
        parser.feed(chunk)
    return parser.close()


def _check_package(zf: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    _check_members(zf, path, limits)
    for info in zf.infolist():
        if info.filename.lower().endswith(_XML_SUFFIXES) and not info.is_dir():
            with zf.open(info) as fh:
                _read_prolog(fh, path, info.filename)


def open_workbook_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Run all the checks of :func:`check_workbook_file` and return the open package.

    The checks and the later parsing then share one open file. The caller closes it.
    """
    path = Path(path)
    check_file_size(path, limits)
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise FileRejected("unreadable", str(exc), file=str(path)) from exc
    if magic == OLE2_SIGNATURE:
        _check_ole2(path)
    if not magic.startswith(ZIP_SIGNATURES):
        raise FileRejected("not_a_workbook", "not a zip package", file=str(path))
    try:
        zf = zipfile.ZipFile(path)
    except Exception as exc:
        raise as_file_rejected(exc, path) from exc
    try:
        _check_package(zf, path, limits)
    except FileRejected:
        zf.close()
        raise
    except Exception as exc:
        zf.close()
        raise as_file_rejected(exc, path) from exc
    return zf


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

    Runs in well under a second even on a decompression bomb: sizes come from the zip
    directory and only the first KiB of XML members are decompressed.
    """
    open_workbook_zip(path, limits).close()
