"""One readable line for each of the core's typed errors and problem codes, in the user's
language (Chinese by default; English is kept complete). The wording itself is data, by topic,
in ``schema/reference/messages/*.toml``; :data:`MESSAGES` is all of it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from fieldbook.core.errors import FieldbookError, Problem
from fieldbook.core.resources import load_reference

if TYPE_CHECKING:
    from fieldbook.core.server.sync_held import SyncProblem

#: The wording by topic, as data: ``schema/reference/messages/<topic>.toml``.
TOPICS = ("values", "files", "storage", "server", "routine")


def _pairs(topic: str, table: str) -> dict[str, tuple[str, str]]:
    """One table of a wording file: code → (Chinese, English)."""
    return {code: (zh, en) for code, (zh, en) in load_reference(f"messages/{topic}")[table].items()}


#: Every message code: (Chinese, English), ``{name}`` filled from the error's data.
MESSAGES: dict[str, tuple[str, str]] = {
    code: pair for topic in TOPICS for code, pair in _pairs(topic, "messages").items()
}
#: The names of the fields the messages name (column headers, form fields).
FIELD_NAMES: dict[str, tuple[str, str]] = _pairs("fields", "fields")
#: What a sync report calls each table it moved.
SYNC_TABLE_NAMES: dict[str, str] = dict(load_reference("messages/server")["tables"])


def language() -> str:
    lang = os.environ.get("FIELDBOOK_LANG", "zh_CN")
    return "en" if lang.lower().startswith("en") else "zh_CN"


def _pick(pair: tuple[str, str], lang: str | None) -> str:
    return pair[1] if (lang or language()) == "en" else pair[0]


def field_name(name: str, lang: str | None = None) -> str:
    pair = FIELD_NAMES.get(name)
    return _pick(pair, lang) if pair else name


def message(code: str, params: dict[str, object] | None = None, lang: str | None = None) -> str:
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    values = {
        k: ("、".join(map(str, v)) if isinstance(v, list | tuple) else v)
        for k, v in (params or {}).items()
    }
    try:
        return _pick(pair, lang).format(**values)
    except (KeyError, IndexError, ValueError):
        return _pick(pair, lang)


def describe_problem(p: Problem, lang: str | None = None) -> str:
    """``第 5 行，许可证号：许可证号应为 12 位数字（“1234”）``"""
    text = message(p.code, p.params, lang)
    value = f"（“{p.value}”）" if p.value else ""
    if (lang or language()) == "en":
        value = f" ({p.value!r})" if p.value else ""
        return f"row {p.row}, column {p.column}: {text}{value}"
    return f"第 {p.row} 行，{p.column}：{text}{value}"


SCHEMA_TYPES = {
    "table": ("表", "table"),
    "index": ("索引", "index"),
    "trigger": ("触发器", "trigger"),
    "view": ("视图", "view"),
}
#: How many schema differences one line names (``fieldbook check`` lists them all).
DIFFERENCES_SHOWN = 3


def _printable(text: str, limit: int = 60) -> str:
    """A name from a file we did not write, safe on one terminal line."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")


def schema_difference(d: object, lang: str | None = None) -> str:
    """``多出触发器 trg_x（表 customers）`` / ``extra trigger trg_x on customers``."""
    change, kind = str(getattr(d, "change", "")), str(getattr(d, "type", ""))
    name, table = _printable(str(getattr(d, "name", ""))), str(getattr(d, "table", ""))
    what = _pick(SCHEMA_TYPES.get(kind, (kind, kind)), lang)
    if (lang or language()) == "en":
        on = f" on {_printable(table)}" if table and table != getattr(d, "name", "") else ""
        verb = {"extra": "extra", "missing": "missing"}.get(change)
        return f"{verb} {what} {name}{on}" if verb else f"{what} {name} differs"
    on = f"（表 {_printable(table)}）" if table and table != getattr(d, "name", "") else ""
    if change == "changed":
        return f"{what} {name} 的定义不同"
    return f"{'多出' if change == 'extra' else '缺少'}{what} {name}{on}"


def schema_differences(diffs: object, lang: str | None = None) -> str:
    """The first few differences on one line, and how many there are in all."""
    items = list(diffs) if isinstance(diffs, list | tuple) else []
    shown = [schema_difference(d, lang) for d in items[:DIFFERENCES_SHOWN]]
    more = len(items) - len(shown)
    if (lang or language()) == "en":
        return "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")
    return "；".join(shown) + (f"（等共 {len(items)} 处）" if more > 0 else "")


def describe_sync_problem(p: SyncProblem, lang: str | None = None) -> str:
    """One line for something a sync could not send (``fieldbook.core.server.sync_held``)."""
    held = message("sync_held_rows", {"n": p.held}, lang) if p.held else ""
    return message(f"sync_{p.kind}", {"code": p.code, "held": held, "n": p.held}, lang)


def describe_error(exc: BaseException, lang: str | None = None) -> str:
    """One readable line for any error the core raises on purpose."""
    if isinstance(exc, FieldbookError):
        data = dict(exc.data)
        if "differences" in data:
            data["what"] = schema_differences(data.pop("differences"), lang)
        code = str(data.pop("reason", "")) or exc.detail or exc.code
        if code not in MESSAGES:
            code = exc.code if exc.code in MESSAGES else code
        text = message(code, data, lang)
        field = data.get("field")
        if isinstance(field, str):
            text = (
                f"{field_name(field, lang)}：{text}"
                if (lang or language()) != "en"
                else (f"{field_name(field, lang)}: {text}")
            )
        value = data.get("value")
        if value:
            text += f"（“{value}”）" if (lang or language()) != "en" else f" ({value!r})"
        file = data.get("file")
        if file:
            text = f"{file}：{text}" if (lang or language()) != "en" else f"{file}: {text}"
        return text
    return str(exc) or type(exc).__name__
