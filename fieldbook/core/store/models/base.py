"""The declarative base every model shares, the column types and defaults they use."""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from fieldbook.core import clock
from fieldbook.core.text import clean_data


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return clock.utcnow()


def local_now() -> datetime:
    """Record timestamps are local wall-clock time, like the visits they sit beside (the
    users are all in one time zone, Asia/Shanghai); see fieldbook.core.clock."""
    return clock.now_precise()


# A JSON text that needs looking at: an escaped control character (json.dumps writes C0 as
# \u00XX, CR as \r, BS and FF as \b and \f), an escaped or raw DEL / C1 / surrogate / XML
# non-character, a raw bidi control or BOM. A false alarm (a user's literal backslash) only
# costs a parse.
_JSON_SUSPECT = re.compile(
    r"\\(?:[rbf]|u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F]|u[dD][89a-fA-F]"
    r"|u202[a-eA-E]|u206[6-9]|u[fF][eE][fF][fF]|u[fF]{3}[eEfF]|u202[89])"
    "|[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]"
)


class JsonText(TypeDecorator[str]):
    """Text holding JSON of what a user wrote (a log's sections, a week's narrative, a
    visit's answers). The engine's door (fieldbook.core.store.db) cannot see a control character
    that json.dumps escaped, so this type parses a suspect value, cleans every string in it
    (normalize.clean_data) and writes it back in the same key order; clean JSON passes as it
    is. Stored as plain TEXT: the schema does not change."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or _JSON_SUSPECT.search(value) is None:
            return value
        try:
            data = json.loads(value)
        except ValueError:
            return value  # not JSON after all: the engine's door still cleans it as text
        cleaned = clean_data(data)
        return value if cleaned == data else json.dumps(cleaned, ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return value


class Base(DeclarativeBase):
    pass
