"""Encryption at rest with SQLCipher (optional: needs the ``sqlcipher3`` package).

An encrypted database is opened with the URL ``sqlite+pysqlcipher://:PASSPHRASE@/path``
(:func:`encrypted_url`); SQLAlchemy's dialect applies ``PRAGMA key`` before our own pragmas,
so WAL, ``synchronous=FULL``, foreign keys and the busy timeout apply as for a plain file.
Backups of an encrypted database are made with the backup API between two connections keyed
with the same passphrase, so they stay encrypted. :func:`encrypt_database` converts a plain
file with ``sqlcipher_export``.

A wrong passphrase and a damaged first page look the same to SQLCipher ("file is not a
database"): with a passphrase we always say ``WrongPassphrase`` and never move the file or
offer a restore.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy.engine import URL, make_url

from fieldbook.core.errors import DatabaseError, InvalidValue
from fieldbook.core.outputs import check_output, private_temp_beside
from fieldbook.core.paths import fsync_dir
from fieldbook.core.sqlite_files import is_plain, looks_encrypted

PASSPHRASE_ENV = "FIELDBOOK_PASSPHRASE"
CIPHER_DRIVER = "sqlite+pysqlcipher"


class WrongPassphrase(DatabaseError):
    """The passphrase does not open this database (or one is needed and none was given).
    Nothing was changed; ``reason``: ``wrong_passphrase``, ``passphrase_required``,
    ``passphrase_env_unset``, ``not_encrypted`` (a passphrase given for a plain file)."""

    code = "wrong_passphrase"
    is_input_error = True

    def __init__(self, reason: str = "wrong_passphrase", **data: object) -> None:
        super().__init__(reason, reason=reason, **data)
        self.reason = reason


class EncryptionUnavailable(DatabaseError):
    code = "encryption_unavailable"
    is_input_error = True


def driver() -> ModuleType:
    """The SQLCipher DB-API module (``sqlcipher3``)."""
    try:
        import sqlcipher3
    except ImportError:
        raise EncryptionUnavailable("encryption_unavailable") from None
    module: ModuleType = sqlcipher3
    return module


def available() -> bool:
    try:
        driver()
    except EncryptionUnavailable:
        return False
    return True


def url_passphrase(url: str) -> str | None:
    """The passphrase in an encrypted-database URL, None for any other URL."""
    parsed = make_url(url)
    if parsed.drivername != CIPHER_DRIVER:
        return None
    return parsed.password or ""


def encrypted_url(url: str, passphrase: str) -> str:
    """``sqlite:///path`` → ``sqlite+pysqlcipher://:PASSPHRASE@/path`` (quoted safely)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise InvalidValue("encryption_needs_file")
    if not passphrase:
        raise WrongPassphrase("passphrase_required")
    driver()
    built = URL.create(CIPHER_DRIVER, username="", password=passphrase, database=parsed.database)
    return built.render_as_string(hide_password=False)


def quote(value: str) -> str:
    """An SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None = None, *, mode: str = "ro") -> Any:
    """A DB-API connection to ``path`` (``mode``: ``ro``, ``rw``, ``rwc`` or ``immutable``),
    plain SQLite when ``passphrase`` is None, else SQLCipher keyed and checked.

    Raises ``WrongPassphrase`` when the key does not open it, and when a plain open meets an
    encrypted-looking file. Every such connection runs with ``trusted_schema`` off: the
    files it opens (backups, candidates for a restore, a database being checked) may come
    from elsewhere, and their schema must not call functions with side effects."""
    uri = Path(path).resolve().as_uri()
    uri += "?immutable=1" if mode == "immutable" else f"?mode={mode}"
    if passphrase is None:
        if looks_encrypted(Path(path)):
            raise WrongPassphrase("passphrase_required")
        con = sqlite3.connect(uri, uri=True)
        con.isolation_level = None
        con.execute("PRAGMA trusted_schema = OFF")
        return con
    if not passphrase:
        raise WrongPassphrase("passphrase_required")
    if is_plain(Path(path)):
        raise WrongPassphrase("not_encrypted")
    module = driver()
    con = module.connect(uri, uri=True)
    con.isolation_level = None
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute(f"PRAGMA key = {quote(passphrase)}")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.execute("PRAGMA trusted_schema = OFF")
    except module.DatabaseError:
        # Whatever the key's failure, it is never reported as damage: nothing gets moved.
        con.close()
        raise WrongPassphrase("wrong_passphrase") from None
    return con


def check_passphrase(path: Path, passphrase: str) -> None:
    """Raise ``WrongPassphrase`` unless ``passphrase`` opens the file at ``path``."""
    connect(path, passphrase).close()


def encrypt_database(source: Path, dest: Path, passphrase: str) -> Path:
    """Write an encrypted copy of the plain database ``source`` to ``dest`` (which must not
    exist): ``sqlcipher_export`` into a temporary name, checked, fsynced, renamed, 0600.
    ``source`` is only read."""
    if not passphrase:
        raise WrongPassphrase("passphrase_required")
    source, dest = Path(source), Path(dest)
    if looks_encrypted(source):
        raise InvalidValue("already_encrypted", file=str(source))
    if dest.exists() or dest.is_symlink():
        raise InvalidValue("target_exists", file=str(dest))
    check_output(dest)
    module = driver()
    # a fresh, exclusive name: never a file that was there (it could be a database)
    tmp = private_temp_beside(dest)
    try:
        con = module.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            con.isolation_level = None
            con.execute("PRAGMA cipher_log_level = NONE")
            target = tmp.resolve().as_uri() + "?mode=rw"
            con.execute(f"ATTACH DATABASE {quote(target)} AS encrypted KEY {quote(passphrase)}")
            con.execute("SELECT sqlcipher_export('encrypted')")
            version = con.execute("PRAGMA main.user_version").fetchone()[0]
            con.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            con.execute("DETACH DATABASE encrypted")
        finally:
            con.close()
        check = connect(tmp, passphrase, mode="ro")
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()
        finally:
            check.close()
        if result is None or result[0] != "ok":
            raise DatabaseError("encrypted copy failed its integrity check", path=str(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        if dest.exists():
            raise InvalidValue("target_exists", file=str(dest))
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return dest
