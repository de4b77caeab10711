"""fieldbook.core.text: cleaning and parsing of imported cell values."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from fieldbook.core.text import (
    clean_code,
    clean_text,
    parse_bool,
    parse_decimal_fen,
    parse_int,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  新兴便利店  ", "新兴便利店"),
        ("ＡＢＣ１２３！", "ABC123!"),  # full-width ASCII
        ("七台河\u3000新兴区", "七台河 新兴区"),  # ideographic space
        ("a \t\n b", "a b"),  # whitespace runs collapse; line breaks become spaces
        ("许可\u200b证\ufeff号\u2060", "许可证号"),  # zero-width characters
        ("\u202e张三\u202c\u2066\u2069\u200e", "张三"),  # bidi controls
        ("bell\x07and\x00nul\x7f", "bellandnul"),  # other control characters
        ("a\u00a0\u00a0b", "a b"),  # no-break spaces are whitespace
        (12, "12"),
        (12.0, "12"),
        (230902100001.0, "230902100001"),
        (381.6, "381.6"),
        (-0.5, "-0.5"),
        (Decimal("12.00"), "12"),
        (True, "TRUE"),
        (date(2026, 11, 3), "2026-11-03"),
        (datetime(2026, 11, 3), "2026-11-03"),
        (datetime(2026, 11, 3, 8, 30), "2026-11-03 08:30:00"),
        (time(14, 5), "14:05:00"),
    ],
)
def test_clean_text(value: object, expected: str) -> None:
    assert clean_text(value) == expected


def test_clean_text_keeps_string_numbers_as_written() -> None:
    assert clean_text("12.0") == "12.0"  # only real floats lose their ".0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (230902100001, "230902100001"),
        (230902100001.0, "230902100001"),
        (2.30902100001e11, "230902100001"),
        ("2.30902100001E+11", "230902100001"),
        ("2.30902100001e11", "230902100001"),
        ("230902100001.0", "230902100001"),
        ("'0464 8123456", "04648123456"),
        ("＇０４６４－８１２３４５６", "0464-8123456"),  # full-width apostrophe and digits
        (" 2309 0210 0001 ", "230902100001"),
        ("２３０９０２１００００１", "230902100001"),
        ("1.5E+2", "150"),
        ("1.23456E+2", "1.23456E+2"),  # not a whole number: left as written
        ("CZ1", "CZ1"),
    ],
)
def test_clean_code(value: object, expected: str) -> None:
    assert clean_code(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        ("12", 12),
        (12, 12),
        (12.0, 12),
        ("１２", 12),
        (" 12 ", 12),
        ("12.00", 12),
        ("-3", -3),
        ("+7", 7),
        ("1,200", 1200),
        ("1.2E+3", 1200),
    ],
)
def test_parse_int(value: object, expected: int | None) -> None:
    assert parse_int(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "12.5",
        12.5,
        "abc",
        "1,23",
        "e5",
        "1e999",
        "9" * 60,
        True,
        float("nan"),
        float("inf"),
        "12元",
    ],
)
def test_parse_int_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_int(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("381.6", 38160),
        (381.6, 38160),
        ("¥381.60", 38160),
        ("￥ 381.60", 38160),
        ("381.60元", 38160),
        ("３８１．６", 38160),
        ("1,234.5", 123450),
        (0.1, 10),
        (0.29, 29),  # 0.29 * 100 is 28.999999999999996 in floats: exact via str()
        (1.15, 115),
        (12, 1200),
        ("0", 0),
        (Decimal("9.99"), 999),
        ("381.600", 38160),  # trailing zeros are not extra precision
    ],
)
def test_parse_decimal_fen(value: object, expected: int | None) -> None:
    assert parse_decimal_fen(value) == expected


@pytest.mark.parametrize("value", ["381.605", 0.001, "-1", -0.01, "abc", "¥", "1e999", True])
def test_parse_decimal_fen_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_decimal_fen(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("是", True),
        ("否", False),
        ("Y", True),
        ("n", False),
        ("YES", True),
        ("No", False),
        ("true", True),
        ("FALSE", False),
        ("1", True),
        ("0", False),
        (1, True),
        (0.0, False),
        (True, True),
        (False, False),
        ("√", True),
        ("×", False),
        (" 是 ", True),
        ("", None),
        (None, None),
    ],
)
def test_parse_bool(value: object, expected: bool | None) -> None:
    assert parse_bool(value) is expected


@pytest.mark.parametrize("value", ["也许", "2", 2, "x", "对的"])
def test_parse_bool_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_bool(value)
