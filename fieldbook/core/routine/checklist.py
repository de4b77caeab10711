"""The visit checklist: versioned templates in ``schema/checklists`` (data, not code), which
items are shown for a set of answers, validation, findings/slips/follow-ups from the rules,
"same as last time", and price-line gaps computed from the SKU grid."""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.resources import load_reference, schema_dir
from fieldbook.core.routine.checklist_versions import ItemMap, check_carry_table, parse_carry_from
from fieldbook.core.text import clean_text

ITEM_TYPES = ("bool", "choice", "multi", "number", "text")
OPEN = "open"
Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Condition:
    item: str
    equals: Any = None
    one_of: tuple[Any, ...] = ()
    gt: float | None = None
    not_empty: bool = False

    def holds(self, value: Any) -> bool:
        if value is None or value == "" or value == []:
            return False
        if self.not_empty:
            return bool(str(value).strip()) if not isinstance(value, list) else bool(value)
        if self.one_of:
            return value in self.one_of
        if self.gt is not None:
            return isinstance(value, int | float) and value > self.gt
        return bool(value == self.equals)


@dataclass(frozen=True)
class Scope:
    """Which shops an item is for (``applies_to``): shops of these 业态 codes (none: any),
    while the company switch ``setting`` (reference/visit_checklist.toml) is on."""

    formats: tuple[str, ...] = ()
    setting: str = ""


@dataclass(frozen=True)
class Flag:
    condition: Condition
    finding: str
    slip: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    type: str
    label: str
    options: tuple[str, ...] = ()
    required: bool = False
    min: float | None = None
    max: float | None = None
    integer: bool = False
    max_length: int = 500
    when: tuple[Condition, ...] = ()  # all must hold
    when_any: tuple[Condition, ...] = ()  # one must hold
    flag: Flag | None = None
    scope: Scope | None = None  # applies_to: narrows by the shop, not by another answer


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    scope: Scope | None = None


@dataclass(frozen=True)
class ShopStatus:
    code: str
    label: str
    slip: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class Hit:
    """What one flagged answer (or shop status, or the SKU grid) means."""

    finding: str
    item: str
    slip: str = ""
    follow_up: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Checklist:
    id: str
    version: int
    title: str
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    shop_statuses: tuple[ShopStatus, ...]
    findings: dict[str, str]
    #: Company switches (reference/visit_checklist.toml) the items' ``applies_to`` name.
    settings: Mapping[str, bool] = field(default_factory=dict)
    #: The shop's 业态 this checklist is scoped to (``for_shop``); None: not scoped to a shop
    #: (lists, names and counts: every item), "" : a shop of no 业态.
    shop_format: str | None = None
    #: 同上次 from older versions: version → {old item id → (new item id, option renames)}.
    carry_from: Mapping[int, Mapping[str, ItemMap]] = field(default_factory=dict)
    #: A finished visit's 业态 scopes that were asked (``as_recorded``), whatever the shop's
    #: 业态 is now; None: scoped by ``shop_format``.
    recorded: frozenset[tuple[str, ...]] | None = None

    def for_shop(self, shop_format: str | None) -> Checklist:
        """This checklist as it applies at a shop of ``shop_format`` (业态 code)."""
        return replace(self, shop_format=shop_format or "")

    def as_recorded(self, answered: Iterable[str]) -> Checklist:
        """This checklist as a finished visit with answers to ``answered`` was asked: a
        业态-scoped item applies when an item of its scope was answered (a scope with a
        required item is always answered where it was asked) — a shop's 业态 changing later
        neither drops an old visit's 促销员 nor asks it for them."""
        ids = set(answered)
        asked = frozenset(
            i.scope.formats for i in self.items if i.scope and i.scope.formats and i.id in ids
        )
        return replace(self, recorded=asked)

    def applies(self, item: Item) -> bool:
        """Whether ``item`` is for this shop and this company (its ``applies_to``)."""
        scope = item.scope
        if scope is None:
            return True
        if scope.setting and not self.settings.get(scope.setting, False):
            return False
        if scope.formats and self.recorded is not None:
            return scope.formats in self.recorded
        return not scope.formats or self.shop_format is None or self.shop_format in scope.formats

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise NotFound("checklist_item", id=item_id)

    def status(self, code: str) -> ShopStatus:
        for status in self.shop_statuses:
            if status.code == code:
                return status
        raise InvalidValue("unknown_shop_status", field="shop_status", value=code)

    # --- what is shown ---------------------------------------------------------------------
    def is_visible(self, item: Item, shop_status: str, answers: Answers) -> bool:
        if shop_status != OPEN or not self.applies(item):
            return False
        if not all(c.holds(answers.get(c.item)) for c in item.when):
            return False
        return not item.when_any or any(c.holds(answers.get(c.item)) for c in item.when_any)

    def visible_items(self, shop_status: str, answers: Answers) -> list[Item]:
        return [i for i in self.items if self.is_visible(i, shop_status, answers)]

    def missing(self, shop_status: str, answers: Answers) -> list[str]:
        """Required, visible items without an answer (what blocks finishing a visit)."""
        if not shop_status:
            return ["shop_status"]
        return [
            i.id
            for i in self.visible_items(shop_status, answers)
            if i.required and _empty(answers.get(i.id))
        ]

    def clean_answers(self, shop_status: str, answers: Answers) -> dict[str, Any]:
        """The answers of visible items only (a hidden item's old answer is dropped)."""
        return {
            i.id: answers[i.id]
            for i in self.visible_items(shop_status, answers)
            if i.id in answers and not _empty(answers[i.id])
        }

    # --- what the answers mean -------------------------------------------------------------
    def hits(self, shop_status: str, answers: Answers) -> list[Hit]:
        out: list[Hit] = []
        if shop_status:
            status = self.status(shop_status)
            if status.slip or status.follow_up:
                out.append(
                    Hit("shop_status", "shop_status", status.slip, status.follow_up, status.label)
                )
        for item in self.visible_items(shop_status, answers):
            flag = item.flag
            if flag is not None and flag.condition.holds(answers.get(item.id)):
                detail = answers.get(item.id)
                if isinstance(detail, bool):  # "疑似假烟", not "True"
                    shown = item.label if detail else f"{item.label}：否"
                elif isinstance(detail, list):
                    shown = "、".join(detail)
                else:
                    shown = str(detail)
                out.append(Hit(flag.finding, item.id, flag.slip, flag.follow_up, shown))
        return out

    def answers_from(self, version: int, answers: Answers) -> dict[str, Any]:
        """An older version's answers as this version's (its ``carry_from`` table: renamed
        items and options); an item the table does not map is left out. The same version:
        the answers as they are."""
        if version == self.version:
            return dict(answers)
        out: dict[str, Any] = {}
        for old, target in self.carry_from.get(version, {}).items():
            if old not in answers:
                continue
            value = answers[old]
            if isinstance(value, list):
                value = [target.options.get(v, v) for v in value]
            elif isinstance(value, str):
                value = target.options.get(value, value)
            out[target.item] = value
        return out

    def carry_forward(self, previous: Answers) -> dict[str, Any]:
        """ "Same as last time": the previous answers that are still valid in this template,
        except free text (what was said last time is rarely still true)."""
        out: dict[str, Any] = {}
        for item in self.items:
            if item.type == "text" or item.id not in previous:
                continue
            try:
                out[item.id] = check_answer(item, previous[item.id])
            except InvalidValue:
                continue
        return out


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def check_answer(item: Item, value: Any) -> Any:
    """Normalise one answer for ``item``; raises InvalidValue(code, field=item.id)."""
    if _empty(value):
        return None
    if item.type == "bool":
        if isinstance(value, bool):
            return value
        raise InvalidValue("answer_not_bool", field=item.id, value=str(value))
    if item.type == "choice":
        if value in item.options:
            return value
        raise InvalidValue("answer_not_an_option", field=item.id, value=str(value))
    if item.type == "multi":
        values = list(value) if isinstance(value, list | tuple) else [value]
        bad = [v for v in values if v not in item.options]
        if bad:
            raise InvalidValue("answer_not_an_option", field=item.id, value=str(bad[0]))
        return [o for o in item.options if o in values]  # template order, no duplicates
    if item.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidValue("answer_not_a_number", field=item.id, value=str(value))
        if item.integer and int(value) != value:
            raise InvalidValue("answer_not_whole", field=item.id, value=str(value))
        if (item.min is not None and value < item.min) or (
            item.max is not None and value > item.max
        ):
            raise InvalidValue(
                "answer_out_of_range", field=item.id, value=str(value), min=item.min, max=item.max
            )
        return int(value) if item.integer else float(value)
    text = "\n".join(clean_text(line) for line in str(value).splitlines()).strip()
    if len(text) > item.max_length:
        raise InvalidValue("too_long", field=item.id, max=item.max_length)
    return text or None


# --- loading ---------------------------------------------------------------------------------
def _condition(raw: Mapping[str, Any], item: str | None = None) -> Condition:
    return Condition(
        item=str(raw.get("item", item or "")),
        equals=raw.get("equals"),
        one_of=tuple(raw.get("in", ())),
        gt=raw.get("gt"),
        not_empty=bool(raw.get("not_empty", False)),
    )


def _scope(raw: Mapping[str, Any] | None, where: str) -> Scope | None:
    if raw is None:
        return None
    unknown = set(raw) - {"format", "setting"}
    if unknown:
        raise ValueError(f"checklist {where}: applies_to has unknown keys {sorted(unknown)}")
    formats = tuple(str(f) for f in raw.get("format", ()))
    known = {str(f["code"]) for f in load_reference("customer")["formats"]}
    bad = [f for f in formats if f not in known]
    if bad:
        raise ValueError(f"checklist {where}: applies_to names unknown 业态 {bad}")
    return Scope(formats, str(raw.get("setting", "")))


def _item(raw: Mapping[str, Any], section: Scope | None = None) -> Item:
    if raw["type"] not in ITEM_TYPES:
        raise ValueError(f"checklist item {raw['id']}: unknown type {raw['type']!r}")
    flag = raw.get("flag")
    return Item(
        id=raw["id"],
        section=raw["section"],
        type=raw["type"],
        label=raw["label"],
        options=tuple(raw.get("options", ())),
        required=bool(raw.get("required", False)),
        min=raw.get("min"),
        max=raw.get("max"),
        integer=bool(raw.get("integer", False)),
        max_length=int(raw.get("max_length", 500)),
        when=(_condition(raw["when"]),) if "when" in raw else (),
        when_any=tuple(_condition(c) for c in raw.get("when_any", ())),
        flag=Flag(
            _condition(flag, raw["id"]),
            flag["finding"],
            flag.get("slip", ""),
            flag.get("follow_up", ""),
        )
        if flag
        else None,
        scope=_scope(raw.get("applies_to"), f"item {raw['id']}") or section,
    )


def parse_checklist(
    data: Mapping[str, Any], settings: Mapping[str, bool] | None = None
) -> Checklist:
    """A checklist from its file's data; ``settings``: the company switches (default:
    reference/visit_checklist.toml)."""
    settings = checklist_settings() if settings is None else settings
    sections = tuple(
        Section(s["id"], s["title"], _scope(s.get("applies_to"), f"section {s['id']}"))
        for s in data["sections"]
    )
    scopes = {s.id: s.scope for s in sections}
    items = tuple(_item(i, scopes.get(i["section"])) for i in data["items"])
    known = {i.id for i in items}
    section_ids = {s.id for s in sections}
    for item in items:
        if item.section not in section_ids:
            raise ValueError(f"checklist item {item.id}: unknown section {item.section}")
        if item.scope and item.scope.setting and item.scope.setting not in settings:
            raise ValueError(
                f"checklist item {item.id}: setting {item.scope.setting!r} is not in "
                "reference/visit_checklist.toml [settings]"
            )
        for cond in (*item.when, *item.when_any):
            if cond.item not in known:
                raise ValueError(f"checklist item {item.id}: condition on unknown {cond.item}")
        if item.flag and item.flag.finding not in data["findings"]:
            raise ValueError(f"checklist item {item.id}: unknown finding {item.flag.finding}")
    return Checklist(
        id=data["id"],
        version=int(data["version"]),
        title=data["title"],
        sections=sections,
        items=items,
        shop_statuses=tuple(
            ShopStatus(s["code"], s["label"], s.get("slip", ""), s.get("follow_up", ""))
            for s in data["shop_statuses"]
        ),
        findings=dict(data["findings"]),
        settings=dict(settings),
        carry_from=parse_carry_from(data.get("carry_from", {}), known),
    )


def checklist_settings() -> dict[str, bool]:
    """The company switches the checklists' ``applies_to`` may name."""
    raw = load_reference("visit_checklist").get("settings", {})
    return {str(k): bool(v) for k, v in raw.items()}


_FILE = re.compile(r"(?P<id>[a-z_]+)_v(?P<version>\d+)\.toml")


def available_versions(checklist_id: str = "visit") -> list[int]:
    folder = schema_dir() / "checklists"
    versions = []
    for path in folder.glob(f"{checklist_id}_v*.toml"):
        m = _FILE.fullmatch(path.name)
        if m and m["id"] == checklist_id:
            versions.append(int(m["version"]))
    return sorted(versions)


@cache
def load_checklist(checklist_id: str = "visit", version: int | None = None) -> Checklist:
    """A template by id and version (the newest when ``version`` is None)."""
    versions = available_versions(checklist_id)
    if not versions:
        raise NotFound("checklist", id=checklist_id)
    chosen = versions[-1] if version is None else version
    if chosen not in versions:
        raise NotFound("checklist", id=checklist_id, version=version)
    path = schema_dir() / "checklists" / f"{checklist_id}_v{chosen}.toml"
    with open(path, "rb") as fh:
        checklist = parse_checklist(tomllib.load(fh))
    if checklist.id != checklist_id or checklist.version != chosen:
        raise ValueError(f"{path.name}: id/version inside the file do not match its name")
    for version, maps in checklist.carry_from.items():
        old = load_checklist(checklist_id, version)
        check_carry_table(path.name, version, _options(old), _options(checklist), maps)
    return checklist


def _options(checklist: Checklist) -> dict[str, tuple[str, ...]]:
    return {i.id: i.options for i in checklist.items}


# --- price-line gaps -------------------------------------------------------------------------
@dataclass(frozen=True)
class GridLine:
    """What the gap computation needs from one SKU row of a visit."""

    price_class: int | None
    on_shelf: bool | None
    stock_cartons: int | None
    stock_packs: int | None


def in_stock(line: GridLine) -> bool | None:
    """True/False when something was counted or ticked, None when the row was left blank."""
    counted = [v for v in (line.stock_cartons, line.stock_packs) if v is not None]
    if counted:
        return sum(counted) > 0
    return line.on_shelf


def price_line_gaps(lines: Iterable[GridLine], classes: Sequence[int]) -> list[int]:
    """价格段断档: the price classes (in ``classes`` order) with no SKU in stock or on shelf.

    Computed, never typed: a class is a gap when at least one row of the grid was filled
    (stock counted or on-shelf ticked) and no filled row of that class has stock. An empty
    grid says nothing, so it has no gaps.
    """
    filled = [(line.price_class, in_stock(line)) for line in lines]
    filled = [(cls, ok) for cls, ok in filled if ok is not None]
    if not filled:
        return []
    stocked = {cls for cls, ok in filled if ok}
    return [cls for cls in classes if cls not in stocked]


def finding_labels(checklist_id: str = "visit") -> dict[str, str]:
    """Finding code → label over every version (the newest's label wins): visits of older
    versions are counted with the newer ones; the findings every version shares (the shop
    status) are named in ``schema/reference/visit_checklist.toml``."""
    labels = {
        str(k): str(v) for k, v in load_reference("visit_checklist").get("findings", {}).items()
    }
    for version in available_versions(checklist_id):
        labels.update(load_checklist(checklist_id, version).findings)
    return labels


def count_findings(findings: Iterable[str | None]) -> dict[str, int]:
    """Finding label → how many visits had it, most frequent first, from the visits' stored
    findings (JSON, of any checklist version); the shop status is not a finding."""
    labels = finding_labels("visit")
    counts: Counter[str] = Counter()
    for text in findings:
        for code in {h["finding"] for h in json.loads(text or "[]")}:
            if code != "shop_status":
                counts[labels.get(code, code)] += 1
    return dict(counts.most_common())
