"""The configuration's vocabularies in the interface language (decision 0016).

A name is only what people read: what is stored never changes with the language (codes stay
codes; a checklist answer, a skip reason or a sub-reason stays the Chinese text the
configuration gives). The English names of ``schema/<file>.toml`` are in
``schema/<file>.en.toml`` beside it — a table per vocabulary, keyed by the code, or by the
Chinese text where the configuration has no codes. The front end chooses the language and
passes it in; the core reads no setting. A name missing from the English file is shown as the
configuration words it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from fieldbook.core.resources import schema_dir

ENGLISH = "en"


@cache
def english_names(name: str) -> dict[str, Any]:
    """``schema/<name>.en.toml`` (``reference/customer``, ``checklists/visit_v1``), or ``{}``
    when the file is not there."""
    path = schema_dir() / f"{name}.en.toml"
    if not path.is_file():
        return {}
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def english_table(kind: str) -> dict[str, str]:
    """The English names of one vocabulary: ``"customer.formats"`` is the ``formats`` table of
    ``schema/reference/customer.en.toml``."""
    source, _, table = kind.rpartition(".")
    found = english_names(f"reference/{source}").get(table, {})
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def display_name(kind: str, key: str | int, lang: str, chinese: str | None = None) -> str:
    """How ``key`` of the vocabulary ``kind`` reads in ``lang``:
    ``display_name("customer.formats", "Z", "en")`` → ``Grocery``. ``chinese`` is the
    configuration's own name (the key itself when omitted, as for reasons keyed by their
    text); it is the answer in Chinese and for a key the English file does not name."""
    fallback = str(key) if chinese is None else chinese
    if lang != ENGLISH:
        return fallback
    return english_table(kind).get(str(key)) or fallback
