"""Search keys: what a search box matches (codes, names, phone, licence and pinyin initials,
so that typing ``zxbl`` finds 张小便利店)."""

from __future__ import annotations

from functools import lru_cache

from fieldbook.core.text import clean_text

SEPARATOR = "|"
_MAX_VARIANTS = 6
_MAX_READINGS = 3


@lru_cache(maxsize=65536)
def _char_readings(ch: str) -> tuple[str, ...]:
    """The readings of one character, most common first (at most ``_MAX_READINGS``).

    Cached per character: shop names share most of their characters, so a 10,000-customer
    import converts only a few thousand distinct ones. Other characters stand for themselves.
    """
    if not ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"):
        return (ch.lower(),)
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
    return tuple(dict.fromkeys(r for r in readings if r))[:_MAX_READINGS] or (ch,)


def _pinyin_keys(text: str) -> list[str]:
    """Initials and full pinyin of ``text``: the most common reading of every character, plus
    variants where ONE polyphonic character takes another reading (茄子河 is read jiazihe by
    default; the variant qiezihe makes ``qzh`` and ``qiezi`` find it)."""
    readings = [_char_readings(ch) for ch in text if not ch.isspace()]
    if not readings:
        return []
    base = [r[0] for r in readings]
    variants = [base]
    for index, options in enumerate(readings):
        for alternative in options[1:]:
            if len(variants) > _MAX_VARIANTS:
                break
            variants.append([*base[:index], alternative, *base[index + 1 :]])
    keys: dict[str, None] = {}
    for variant in variants:
        keys["".join(syllable[0] for syllable in variant)] = None
    for variant in variants:
        keys["".join(variant)] = None
    return list(keys)


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
