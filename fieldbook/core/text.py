"""Normalisation of text and of values read from user files (Excel cells, CSV fields, typed
text).

:func:`clean_free_text` is the one rule for what text may be stored at all: it is applied to
every text parameter the database receives (``fieldbook.core.store.db``) and to every string
inside the JSON columns (``fieldbook.core.store.models.JsonText``), so whatever path a text
takes (a dialog, the CLI, an import, a sync, the demo) it arrives clean; exports and the CLI
apply it again on the way out, for data stored before the rule existed. :func:`clean_data`
applies it to the strings of a JSON-like structure.

The cell functions take the raw value a reader produced (``str``, ``int``, ``float``, ``bool``,
``datetime``/``date`` or ``None``) and return a clean Python value, or raise ``ValueError``
with a short English message when the value cannot be understood. None of them knows about
fields or rows: the importers turn a ``ValueError`` into a ``Problem`` for that cell.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = [
    "clean_code",
    "clean_data",
    "clean_free_text",
    "clean_prose",
    "clean_text",
    "parse_bool",
    "parse_decimal_fen",
    "parse_int",
]

# Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space → space, whitespace-like control
# characters → space (so "a\nb" stays two words), other control / invisible / bidi characters
# removed.
_TRANSLATION: dict[int, str | None] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_TRANSLATION[0x3000] = " "
for _cp in (*range(0x00, 0x20), *range(0x7F, 0xA0)):
    _TRANSLATION[_cp] = None
for _cp in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x85):
    _TRANSLATION[_cp] = " "
for _cp in (
    *range(0x200B, 0x2010),  # zero-width space/joiners, LRM, RLM
    *range(0x202A, 0x202F),  # bidi embeddings and overrides
    *range(0x2066, 0x206A),  # bidi isolates
    0x2060,  # word joiner
    0xFEFF,  # BOM / zero-width no-break space
):
    _TRANSLATION[_cp] = None
del _cp

# What stored text may not contain (clean_free_text): control characters but tab and line
# feed, DEL, the C1 controls, surrogate code points (never valid alone in UTF-8; PostgreSQL and
# SQLite's UTF-8 refuse them), the two non-characters XML forbids (an .xlsx could not hold
# them), the bidi embedding/override/isolate controls (they reorder what a reader sees:
# "Trojan Source") and the byte-order mark. Line-breaking controls (CR, VT, FF, FS, GS, RS,
# NEL, LINE/PARAGRAPH SEPARATOR) become a line feed, CR LF one line feed.
_BREAKS = (0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)
_FREE_TRANSLATION: dict[int, str | None] = {
    cp: None
    for cp in (
        *range(0x00, 0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0xFEFF,
        0xFFFE,
        0xFFFF,
    )
}
_FREE_TRANSLATION.update({cp: "\n" for cp in _BREAKS})
_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufffe\uffff\ud800-\udfff]"
)
_SURROGATE_RE = re.compile("[\ud800-\udfff\ufffe\uffff]")
# Zero-width characters: removed from prose read from cells (clean_prose), as clean_text does.
_INVISIBLE: dict[int, str | None] = {cp: None for cp in (*range(0x200B, 0x2010), 0x2060)}

# A plain number as people and Excel write it: sign, digits (optionally grouped by commas),
# fraction, exponent. Bounded lengths keep hostile input ("1E+999999999") from building huge ints.
_NUMBER_RE = re.compile(
    r"[+-]?(?=\.?\d)(?:\d{1,3}(?:,\d{3})+|\d{1,40})?(?:\.\d{1,40})?(?:[eE][+-]?\d{1,3})?"
)
_SCIENTIFIC_RE = re.compile(r"\d{1,40}(?:\.\d{1,40})?[eE]\+?\d{1,3}")
_WHOLE_DECIMAL_TEXT_RE = re.compile(r"(\d{1,40})\.0+")
_MAX_DIGITS = 40

_TRUE_WORDS = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "✔"})
_FALSE_WORDS = frozenset({"否", "n", "no", "false", "0", "×", "✗", "✘"})


def _number_text(value: int | float | Decimal) -> str:
    """Text of a number: whole numbers without a fraction, others as Python writes them."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if value.is_finite() and value == value.to_integral_value():
        return str(int(value))
    return str(value)


def _temporal_text(value: date | time) -> str:
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    return value.isoformat()


def clean_free_text(text: str) -> str:
    """``text`` with nothing a cell, a terminal or a database could choke on, lines kept.

    Tab and line feed stay; CR LF and the other line-breaking controls become one line feed;
    every other control character (C0, DEL, C1), surrogate code point, XML non-character, bidi
    embedding/override/isolate and byte-order mark is removed. All printable text (Chinese,
    emoji, right-to-left letters, spaces) is kept as it is; nothing is stripped. Idempotent.
    """
    if _UNSAFE_RE.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").translate(_FREE_TRANSLATION)
    return _SURROGATE_RE.sub("", text)


def clean_data(value: Any) -> Any:
    """``value`` with :func:`clean_free_text` applied to every string in it (dict keys
    included, through lists, tuples and dicts); anything else is returned as it is."""
    if isinstance(value, str):
        return clean_free_text(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_data(v) for v in value)
    return value


def clean_prose(value: object) -> str:
    """Free text from a cell (a note, an answer, a reason) as written: lines kept, each line
    stripped, invisible and control characters removed (:func:`clean_free_text`), a tab read
    as a space. Non-text cells as :func:`clean_text` writes them."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return clean_text(value)
    text = clean_free_text(value).replace("\t", " ").translate(_INVISIBLE)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def clean_text(value: object) -> str:
    """Return ``value`` as clean single-line text ("" for None).

    Full-width ASCII becomes half-width, control/zero-width/bidi characters are removed, runs of
    whitespace collapse to one space, and the result is stripped. Whole floats lose their
    ``.0``; dates become ISO text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return _number_text(value)
    if isinstance(value, date | time):
        return _temporal_text(value)
    text = value if isinstance(value, str) else str(value)
    return " ".join(_SURROGATE_RE.sub("", text.translate(_TRANSLATION)).split())


def clean_code(value: object) -> str:
    """Return a code (licence number, customer code, phone) as compact text.

    Like :func:`clean_text`, but all spaces are removed, a leading apostrophe (Excel's "text"
    marker) is dropped, and numbers that Excel turned into floats or scientific notation
    ("2.30902100001E+11", "230902100001.0") get their digits back when they are whole.
    """
    text = clean_text(value).replace(" ", "")
    text = text.removeprefix("'")
    if _SCIENTIFIC_RE.fullmatch(text):
        number = Decimal(text)
        if number == number.to_integral_value():
            return str(int(number))
        return text
    whole = _WHOLE_DECIMAL_TEXT_RE.fullmatch(text)
    if whole:
        return whole.group(1)
    return text


def _parse_number_text(text: str) -> Decimal:
    """Parse cleaned text as a Decimal, accepting thousands commas and an exponent."""
    compact = text.replace(" ", "")
    if not _NUMBER_RE.fullmatch(compact):
        raise ValueError(f"not a number: {text!r}")
    try:
        number = Decimal(compact.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex rules this out
        raise ValueError(f"not a number: {text!r}") from exc
    if number.adjusted() > _MAX_DIGITS:
        raise ValueError(f"number too large: {text!r}")
    return number


def _to_decimal(value: object) -> Decimal | None:
    """A number from a cell value; None for empty. Floats go through ``str`` to stay exact."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"not a number: {value!r}")
        return _parse_number_text(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a number: {value!r}")
        return value
    text = clean_text(value)
    if not text:
        return None
    return _parse_number_text(text)


def parse_int(value: object) -> int | None:
    """Parse a whole number ("12", 12.0, "１２" → 12); empty → None; "12.5" → ValueError."""
    number = _to_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError(f"not a whole number: {clean_text(value)!r}")
    return int(number)


_CURRENCY_PREFIXES = ("¥", "￥", "RMB", "CNY")
_CURRENCY_SUFFIXES = ("元", "RMB", "CNY")


def parse_decimal_fen(value: object) -> int | None:
    """Parse a money amount in yuan ("381.6", "¥381.60", "381.60元") into integer fen.

    Empty → None. More than two decimals or a negative amount → ValueError.
    """
    if isinstance(value, str):
        written = clean_text(value).replace(" ", "")
        text = written
        for prefix in _CURRENCY_PREFIXES:
            text = text.removeprefix(prefix)
        for suffix in _CURRENCY_SUFFIXES:
            text = text.removesuffix(suffix)
        if written and not text:
            raise ValueError(f"no amount: {written!r}")
        value = text
    number = _to_decimal(value)
    if number is None:
        return None
    if number < 0:
        raise ValueError(f"negative amount: {clean_text(value)!r}")
    fen = number * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"more than 2 decimals: {clean_text(value)!r}")
    return int(fen)


def parse_bool(value: object) -> bool | None:
    """Parse yes/no: 是/否, Y/N, yes/no, true/false, 1/0, √/×; empty → None."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = clean_text(value).lower()
    if not text:
        return None
    if text in _TRUE_WORDS:
        return True
    if text in _FALSE_WORDS:
        return False
    raise ValueError(f"not a yes/no value: {text!r}")
