"""Slip attachments (a photo of a licence, a signed form): a copy kept in the attachments
folder under a content-derived name, with its SHA-256; the source file is never modified."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from fieldbook.core.errors import InvalidValue
from fieldbook.core.paths import ensure_private_dir

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    stored_name: str
    path: Path
    sha256: str
    size: int


def store_file(source: Path, folder: Path) -> StoredFile:
    """Copy ``source`` into ``folder`` (0700) as ``<sha256 prefix><suffix>``, written to a
    temporary name (0600) and renamed; an identical file already kept is reused."""
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise InvalidValue("attachment_too_large", field="attachment", max=MAX_ATTACHMENT_BYTES)
    digest = hashlib.sha256()
    with open(source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    ensure_private_dir(folder)
    stored = f"{sha[:32]}{source.suffix.lower()[:10]}"
    target = folder / stored
    if not target.exists():
        tmp = folder / f".{stored}.tmp"
        shutil.copyfile(source, tmp)
        tmp.chmod(0o600)
        tmp.replace(target)
    return StoredFile(stored, target, sha, size)
