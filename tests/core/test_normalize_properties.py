"""Property-based tests (hypothesis) of the text normalisers: ``clean_free_text`` (the database's
door for every text), ``clean_data`` (strings inside JSON), ``clean_prose`` and the import cell
normalisation (``clean_text``, ``clean_code``): idempotent, never a control character, all
printable text kept (Chinese included), the tab/line-feed policy, and always writable to an
.xlsx cell."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from fieldbook.core.text import (
    clean_code,
    clean_data,
    clean_free_text,
    clean_prose,
    clean_text,
)

SETTINGS = settings(max_examples=200, deadline=None, database=None)

# What may never come out of clean_free_text: C0 but tab/LF, DEL, C1, surrogates, XML
# non-characters, bidi embeddings/overrides/isolates, BOM, line/paragraph separators.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufffe\uffff\ud800-\udfff]"
)
# clean_text also drops tab/LF (single line) and the zero-width characters.
FORBIDDEN_ONE_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff\ufffe\uffff\ud800-\udfff]"
)
# XML 1.0 Char: what an .xlsx part can hold at all.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Any code point at all, surrogates included, with extra weight on the troublesome ones.
nasty = st.sampled_from(
    [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))]
    + ["\r\n", "\u2028", "\u2029", "\u202e", "\u2066", "\ufeff", "\ufffe", "\uffff"]
    + ["\ud800", "\udfff", "\x1b[31m", "\x9b2J", "\u200b", "\u200d", "\u3000", "Ａ"]
)
any_char = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)
hostile = st.lists(st.one_of(any_char, nasty), max_size=40).map("".join)
chinese = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
# printable text people write: letters, digits, punctuation, symbols, CJK, emoji, spaces
printable = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"),
    exclude_characters="\u3000\u00a0\u2028\u2029",
).filter(lambda c: not FORBIDDEN.search(c))
people_text = st.lists(st.one_of(printable, chinese, st.sampled_from("\t\n")), max_size=60).map(
    "".join
)


def cleaned_once(clean: Callable[[str], str], text: str, forbidden: re.Pattern[str]) -> str:
    """``clean(text)``, checked: cleaning it again changes nothing, nothing ``forbidden`` and
    nothing an XML file cannot hold is left, and it is storable in SQLite and PostgreSQL
    (UTF-8, no lone surrogate)."""
    once = clean(text)
    assert clean(once) == once
    assert not forbidden.search(once)
    assert not NOT_XML.search(once)
    once.encode("utf-8")
    return once


@SETTINGS
@given(hostile)
def test_free_text_is_idempotent_and_never_yields_a_control_character(text: str) -> None:
    once = cleaned_once(clean_free_text, text, FORBIDDEN)
    assert not ILLEGAL_CHARACTERS_RE.search(once)
    assert len(once) <= len(text)


@SETTINGS
@given(people_text)
def test_free_text_keeps_all_printable_text_tabs_and_line_feeds(text: str) -> None:
    assert clean_free_text(text) == text


@SETTINGS
@given(st.lists(st.one_of(people_text, st.sampled_from(["\r\n", "\r", "\n"])), max_size=8))
def test_free_text_line_breaks_become_one_line_feed_each(parts: list[str]) -> None:
    text = "".join(parts)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert clean_free_text(text) == expected


@SETTINGS
@given(hostile, hostile)
def test_free_text_removes_only_what_is_forbidden(left: str, right: str) -> None:
    """Every character that survives is kept in order: the output is the input less the
    forbidden characters (line breaks counted as one line feed)."""
    text = left + right
    out = clean_free_text(text)
    breaks = re.sub("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", "\n", text)
    assert out == FORBIDDEN.sub("", breaks)


@SETTINGS
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), hostile),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(hostile, inner, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_clean_data_cleans_every_string_of_a_json_structure(value: object) -> None:
    cleaned = clean_data(value)
    assert clean_data(cleaned) == cleaned
    text = json.dumps(cleaned, ensure_ascii=False)
    for string in re.findall(r'"((?:[^"\\]|\\.)*)"', text):
        decoded = json.loads(f'"{string}"')
        assert not FORBIDDEN.search(decoded)


@SETTINGS
@given(hostile)
def test_import_cell_text_is_idempotent_single_line_and_clean(text: str) -> None:
    once = cleaned_once(clean_text, text, FORBIDDEN_ONE_LINE)
    assert once == once.strip() and "  " not in once


@SETTINGS
@given(st.lists(st.one_of(printable, chinese, st.just(" ")), max_size=60).map("".join))
def test_import_cell_text_keeps_printable_text(text: str) -> None:
    """Printable text survives whole: only runs of spaces fold and full-width ASCII turns
    half-width (ＡＢＣ → ABC)."""
    full_width = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    assert clean_text(text) == " ".join(text.translate(full_width).split())


@SETTINGS
@given(st.lists(chinese, min_size=1, max_size=30).map("".join))
def test_chinese_is_never_touched(text: str) -> None:
    assert clean_text(text) == clean_free_text(text) == clean_prose(text) == text


@SETTINGS
@given(hostile)
def test_import_codes_are_compact_idempotent_and_clean(text: str) -> None:
    once = clean_code(text)
    assert clean_code(once) == once
    assert " " not in once and not FORBIDDEN_ONE_LINE.search(once)


@SETTINGS
@given(st.one_of(hostile, people_text))
def test_prose_keeps_lines_and_is_idempotent_and_clean(text: str) -> None:
    once = clean_prose(text)
    assert clean_prose(once) == once
    assert not FORBIDDEN.search(once) and "\t" not in once
    assert all(line == line.strip() for line in once.split("\n"))
    kept = [line.strip() for line in clean_free_text(text).replace("\t", " ").split("\n")]
    assert once.count("\n") <= max(0, len(kept) - 1)
