"""The customer vocabulary from ``schema/reference/customer.toml``, and parsers that turn what
people type or import into stored codes. Parsers raise ``InvalidValue`` with a problem code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fieldbook.core.display_names import display_name
from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference
from fieldbook.core.text import clean_code, clean_text


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    formats: tuple[Term, ...]
    market_types: tuple[Term, ...]
    statuses: tuple[Term, ...]
    grade_min: int
    grade_max: int
    grade_top_high: bool
    licence_digits: int
    licence_holder_types: tuple[str, ...]
    licence_area_prefixes: tuple[str, ...]
    mobile_re: re.Pattern[str]
    landline_re: re.Pattern[str]
    weekdays: dict[str, int]

    def name_of(self, terms: tuple[Term, ...], code: str) -> str:
        for term in terms:
            if term.code == code:
                return term.name
        return code

    def format_name(self, code: str, lang: str = "zh_CN") -> str:
        return display_name("customer.formats", code, lang, self.name_of(self.formats, code))

    def market_type_name(self, code: str, lang: str = "zh_CN") -> str:
        chinese = self.name_of(self.market_types, code)
        return display_name("customer.market_types", code, lang, chinese)

    def status_name(self, code: str, lang: str = "zh_CN") -> str:
        return display_name("customer.statuses", code, lang, self.name_of(self.statuses, code))

    def choices(self, kind: str, lang: str = "zh_CN") -> list[tuple[str, str]]:
        """(code, shown name) of ``formats``, ``market_types`` or ``statuses``, in order."""
        terms: tuple[Term, ...] = getattr(self, kind)
        return [(t.code, display_name(f"customer.{kind}", t.code, lang, t.name)) for t in terms]


def _terms(items: list[dict[str, object]]) -> tuple[Term, ...]:
    return tuple(
        Term(str(i["code"]), str(i["name"]), tuple(str(a) for a in i.get("aliases", [])))  # type: ignore[attr-defined]
        for i in items
    )


@cache
def vocabulary() -> Vocabulary:
    ref = load_reference("customer")
    weekdays: dict[str, int] = {}
    for number, spellings in ref["weekdays"].items():
        for s in spellings:
            weekdays[s.lower()] = int(number)
    return Vocabulary(
        formats=_terms(ref["formats"]),
        market_types=_terms(ref["market_types"]),
        statuses=_terms(ref["statuses"]),
        grade_min=int(ref["grades"]["min"]),
        grade_max=int(ref["grades"]["max"]),
        grade_top_high=ref["grades"].get("top", "high") == "high",
        licence_digits=int(ref["licence"]["digits"]),
        licence_holder_types=tuple(ref["licence"]["holder_types"]),
        licence_area_prefixes=tuple(ref["licence"]["area_prefixes"]),
        mobile_re=re.compile(ref["phone"]["mobile"]),
        landline_re=re.compile(ref["phone"]["landline"]),
        weekdays=weekdays,
    )


def _match_term(terms: tuple[Term, ...], value: object, code: str) -> str:
    text = clean_text(value)
    if not text:
        return ""
    low = text.lower()
    for term in terms:
        if low in (term.code.lower(), term.name.lower()) or low in (
            a.lower() for a in term.aliases
        ):
            return term.code
    raise InvalidValue(code, value=text, allowed=[t.name for t in terms])


def parse_format(value: object) -> str:
    return _match_term(vocabulary().formats, value, "unknown_format")


def parse_market_type(value: object) -> str:
    return _match_term(vocabulary().market_types, value, "unknown_market_type")


def parse_status(value: object) -> str:
    return _match_term(vocabulary().statuses, value, "unknown_status") or "active"


def parse_grade(value: object) -> int | None:
    voc = vocabulary()
    text = clean_text(value)
    if not text:
        return None
    digits = text.removesuffix("档").removeprefix("第")
    try:
        grade = int(float(digits)) if re.fullmatch(r"\d+(\.0+)?", digits) else int(digits)
    except ValueError:
        raise InvalidValue("grade_not_a_number", value=text) from None
    if not voc.grade_min <= grade <= voc.grade_max:
        raise InvalidValue("grade_out_of_range", value=text, min=voc.grade_min, max=voc.grade_max)
    return grade


def parse_weekday(value: object) -> int | None:
    text = clean_text(value)
    if not text:
        return None
    low = text.lower()
    if low.isdigit() and 1 <= int(low) <= 7:
        return int(low)
    found = vocabulary().weekdays.get(low)
    if found is None:
        raise InvalidValue("unknown_weekday", value=text)
    return found


def parse_licence(value: object) -> str:
    """A 12-digit licence number; the area prefix is only checked by ``licence_warnings``."""
    text = clean_code(value)
    if not text:
        return ""
    voc = vocabulary()
    if not text.isdigit() or len(text) != voc.licence_digits:
        raise InvalidValue("licence_format", value=text, digits=voc.licence_digits)
    if text[6] not in voc.licence_holder_types:
        raise InvalidValue("licence_holder_type", value=text)
    return text


def licence_warnings(licence: str) -> list[str]:
    voc = vocabulary()
    if licence and not licence.startswith(voc.licence_area_prefixes):
        return ["licence_outside_area"]
    return []


def parse_phone(value: object) -> str:
    text = clean_code(value).replace("－", "-")
    if not text:
        return ""
    voc = vocabulary()
    if voc.mobile_re.match(text) or voc.landline_re.match(text):
        return text
    raise InvalidValue("phone_format", value=text)


def parse_coordinate(value: object, low: float, high: float, code: str) -> float | None:
    text = clean_text(value)
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise InvalidValue(code, value=text) from None
    if not low <= number <= high:
        raise InvalidValue(code, value=text)
    return number
