"""Find every UI string the code translates, and keep the .ts files in step with them.

Fieldbook translates by source text alone (``fieldbook.qt.i18n.SourceTranslator``), so a .ts
file here has one context, ``Fieldbook``, and one message per distinct Chinese source — the
same text is translated the same way on every page, and it does not matter which class or
helper function asked. The strings are found with Python's ``ast`` (pyside6-lupdate guesses a
context per class and cannot see helpers such as ``_t("…")`` or a ``tr`` passed as an
argument): the first literal argument of ``tr``/``self.tr``/``_t``/``_tr``/``t`` calls and
the second of ``translate``/``QCoreApplication.translate`` calls, in fieldbook/qt (the
Designer forms compiled by uic included); Chinese strings in fieldbook/qt's module-level
constants (captions and placeholders kept in tables, translated with ``self.tr(variable)``);
and the core's captions the pages show the same way (``CORE_CAPTIONS``).
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "Fieldbook"
ONE_ARG = {"tr", "_t", "_tr", "t"}
CJK = re.compile(r"[\u3400-\u9fff]")
#: Core constants whose values the pages pass to ``self.tr``: (module, name).
CORE_CAPTIONS = (
    ("fieldbook.core.routine.daylog", "TEXT_SECTIONS"),
    ("fieldbook.core.routine.daylog", "LIST_SECTIONS"),
    ("fieldbook.core.routine.week", "NARRATIVE"),
    ("fieldbook.core.routine.week", "PLAN_FIELDS"),
    ("fieldbook.core.routine.followups", "SOURCES"),
    ("fieldbook.core.slips.deliveries", "STATUS_NAMES"),
)
TWO_ARGS = {"translate"}


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _constants(tree: ast.Module) -> list[str]:
    """Chinese string literals in module-level assignments."""
    out = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            for node in ast.walk(statement.value):
                text = _literal(node) if isinstance(node, ast.expr) else None
                if text and CJK.search(text):
                    out.append(text)
    return out


def core_captions() -> list[str]:
    sys.path.insert(0, str(ROOT))
    out: list[str] = []
    for module, name in CORE_CAPTIONS:
        value = getattr(importlib.import_module(module), name)
        out.extend(value.values() if isinstance(value, dict) else value)
    return out


#: Modules whose Chinese constants are not interface text (the languages' native names).
NOT_UI = {"i18n.py"}


def strings_in(source: str, name: str = "") -> list[str]:
    tree = ast.parse(source)
    found: list[str] = [] if name in NOT_UI else _constants(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in ONE_ARG and node.args:
            text = _literal(node.args[0])
        elif name in TWO_ARGS and len(node.args) >= 2:
            text = _literal(node.args[1])
        else:
            continue
        if text and text.strip():
            found.append(text)
    return found


def source_files() -> list[Path]:
    return sorted((ROOT / "fieldbook" / "qt").rglob("*.py"))


def all_strings(files: Iterable[Path] | None = None) -> list[str]:
    """Every translated string, in first-seen order, once."""
    seen: dict[str, None] = {}
    for path in files or source_files():
        for text in strings_in(path.read_text(encoding="utf-8"), path.name):
            seen.setdefault(text, None)
    for text in core_captions():
        seen.setdefault(text, None)
    return list(seen)


def read_ts(path: Path) -> dict[str, str]:
    """source → translation ('' when unfinished), from any .ts (any number of contexts)."""
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        text = "" if node is None or node.get("type") == "unfinished" else (node.text or "")
        if source not in out or (text and not out[source]):
            out[source] = text
    return out


def render_ts(language: str, sources: list[str], translations: dict[str, str]) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="zh_CN">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for source in sources:
        text = translations.get(source, "")
        if language == "zh_CN":
            text = source  # the sources are Chinese
        state = "" if text else ' type="unfinished"'
        lines += [
            "    <message>",
            f"        <source>{escape(source)}</source>",
            f"        <translation{state}>{escape(text)}</translation>",
            "    </message>",
        ]
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def update(path: Path, language: str) -> tuple[int, int]:
    """Rewrite ``path`` for the code's strings, keeping translations; (messages, unfinished)."""
    sources = all_strings()
    known = read_ts(path)
    path.write_text(render_ts(language, sources, known), encoding="utf-8")
    unfinished = sum(1 for s in sources if language != "zh_CN" and not known.get(s))
    return len(sources), unfinished
