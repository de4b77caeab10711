"""Normalisation of values read from user files (Excel cells, CSV fields, typed text).

Every function takes the raw value a reader produced (``str``, ``int``, ``float``, ``bool``,
``datetime``/``date`` or ``None``) and returns a clean Python value, or raises ``ValueError``
with a short English message when the value cannot be understood. None of them knows about
fields or rows: the importers turn a ``ValueError`` into a ``Problem`` for that cell.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

__all__ = [
    "clean_code",
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
    return " ".join(text.translate(_TRANSLATION).split())


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
