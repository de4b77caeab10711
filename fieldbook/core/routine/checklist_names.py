"""What a visit checklist's sections, items, options, shop statuses and findings are called in
the interface language (decision 0016). The checklist (``checklist.py``) stays the one source
of rules and stored values; its English names are in ``schema/checklists/<id>_v<n>.en.toml``,
so a released version is never edited to name it in English."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from fieldbook.core.display_names import ENGLISH, english_names
from fieldbook.core.routine.checklist import Checklist, Item, load_checklist


@dataclass(frozen=True)
class ChecklistNames:
    """Display names of one checklist version in one language; anything the English file
    does not name reads as the checklist words it."""

    checklist: Checklist
    english: dict[str, Any]

    def _english(self, table: str, key: str) -> str:
        found = self.english.get(table, {}).get(key)
        return found if isinstance(found, str) else ""

    @property
    def title(self) -> str:
        found = self.english.get("title")
        return found if isinstance(found, str) else self.checklist.title

    def section(self, section_id: str) -> str:
        own = {s.id: s.title for s in self.checklist.sections}.get(section_id, section_id)
        return self._english("sections", section_id) or own

    def item(self, item: Item | str) -> str:
        """An item's label (by the item or its id; an unknown id reads as itself)."""
        if isinstance(item, str):
            known = {i.id: i for i in self.checklist.items}
            if item not in known:
                return item
            item = known[item]
        found = self.english.get("items", {}).get(item.id, {}).get("label")
        return found if isinstance(found, str) else item.label

    def option(self, item: Item, option: str) -> str:
        """How a stored option of ``item`` reads (the stored Chinese text stays the value)."""
        names = self.english.get("items", {}).get(item.id, {}).get("options", {})
        found = names.get(option)
        return found if isinstance(found, str) else option

    def options(self, item: Item) -> list[tuple[str, str]]:
        """(stored value, shown name) of each option, in the template's order."""
        return [(o, self.option(item, o)) for o in item.options]

    def status(self, code: str) -> str:
        own = {s.code: s.label for s in self.checklist.shop_statuses}.get(code, code)
        return self._english("shop_statuses", code) or own

    def finding(self, code: str) -> str:
        return self._english("findings", code) or self.checklist.findings.get(code, code)

    def follow_up(self, text: str) -> str:
        """A follow-up's text as shown: the English of one the rules open, else the text as
        stored (a follow-up someone wrote)."""
        return self._english("follow_ups", text) or text

    def finding_named(self, label: str) -> str:
        """A finding counted under its Chinese label (``count_findings``, the day's and the
        week's snapshots) as shown; a label the checklist does not have reads as itself."""
        for code, own in self.checklist.findings.items():
            if own == label:
                return self.finding(code)
        return label


def checklist_names(checklist: Checklist, lang: str) -> ChecklistNames:
    """The names of ``checklist`` in ``lang`` (``"en"`` or ``"zh_CN"``)."""
    english = _english_file(checklist.id, checklist.version) if lang == ENGLISH else {}
    return ChecklistNames(checklist, english)


@cache
def _english_file(checklist_id: str, version: int) -> dict[str, Any]:
    return english_names(f"checklists/{checklist_id}_v{version}")


def visit_names(lang: str) -> ChecklistNames:
    """The newest visit checklist's names in ``lang``."""
    return checklist_names(load_checklist("visit"), lang)
