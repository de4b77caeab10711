"""Search keys: what a search box matches (codes, names, phone, licence and pinyin initials,
so that typing ``zxbl`` finds 张小便利店)."""

from __future__ import annotations

from itertools import islice, product

from fieldbook.core.normalize import clean_text

SEPARATOR = "|"
_MAX_VARIANTS = 4


def _pinyin_keys(text: str) -> list[str]:
    """Initials (with the first few heteronym variants) and the full pinyin of ``text``."""
    if not text:
        return []
    from pypinyin import Style, lazy_pinyin, pinyin

    letters = pinyin(text, style=Style.FIRST_LETTER, heteronym=True, errors="default")
    variants = ["".join(parts) for parts in islice(product(*letters), _MAX_VARIANTS)]
    full = "".join(lazy_pinyin(text, errors="default"))
    keys = [*dict.fromkeys(v.lower() for v in variants), full.lower()]
    return keys


def build_search_text(*plain: str, pinyin_of: tuple[str, ...] = ()) -> str:
    parts = [clean_text(p).lower() for p in plain if p]
    for text in pinyin_of:
        parts.extend(_pinyin_keys(clean_text(text)))
    return SEPARATOR.join(p for p in parts if p)


def query_tokens(query: str) -> list[str]:
    """Split a search box's text into tokens that must all match."""
    return [t for t in clean_text(query).lower().replace(SEPARATOR, " ").split(" ") if t]


def like_pattern(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
