"""One line for a sync conflict (``fieldbook.core.server.sync_report.SyncConflict``, or the
copy the laptop keeps of one): what happened, which record, what was kept (decision 0029)."""

from __future__ import annotations

from typing import Protocol

from fieldbook.messages.describe import MESSAGES, SYNC_TABLE_NAMES, language, message


class ConflictLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def table(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def kept(self) -> str: ...
    @property
    def detail(self) -> str: ...


def conflict_what(kind: str, lang: str | None = None) -> str:
    """What happened, in words."""
    code = f"conflict_{kind}"
    return message(code if code in MESSAGES else "conflict_other", {"kind": kind}, lang)


def conflict_kept(kept: str, lang: str | None = None) -> str:
    """Which copy stands, in words."""
    code = f"conflict_kept_{kept}"
    return message(code, None, lang) if code in MESSAGES else kept


def table_name(table: str, lang: str | None = None) -> str:
    """A table as the user calls it: its own wording where it has one, else the sync's name
    of it (Chinese) or, in English, the table itself."""
    code = f"conflict_table_{table}"
    if code in MESSAGES:
        return message(code, None, lang)
    return table if (lang or language()) == "en" else SYNC_TABLE_NAMES.get(table, table)


def describe_conflict(c: ConflictLike, lang: str | None = None) -> str:
    """One line: what, which record, what was kept (and what the other copy said)."""
    detail = message("conflict_detail", {"detail": c.detail}, lang) if c.detail else ""
    return message(
        "conflict_line",
        {
            "what": conflict_what(c.kind, lang),
            "table": table_name(c.table, lang),
            "label": c.label,
            "kept": conflict_kept(c.kept, lang),
            "detail": detail,
        },
        lang,
    )
