"""价格监测 at one shop: the price a visit's SKU grid sees per pack against the SKU's guide
retail price (``skus.retail_fen`` is per carton; a pack is 1/10 of it), by the rules of
``schema/reference/prices.toml`` (decision 0020) — at guide (价格到位), off but within the
tolerance, or a deviation (价格偏离, above or below, by how much) — the findings the
deviations are, and the 执行指导价 answer the grid implies (the grid wins over the checklist).

Pure functions: the visit screen, finishing a visit, the demo and the period's figures
(``price_figures``) all classify a price here, so they never disagree."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

from fieldbook.core.resources import load_reference
from fieldbook.core.routine.checklist import Checklist, Hit

PACKS_PER_CARTON = 10
PRICE_DEVIATION = "price_deviation"  # the finding code (schema/checklists [findings])
GRID = "grid"  # a finding's item when the grid raised it
AT_GUIDE, OFF, ABOVE, BELOW = "at_guide", "off", "above", "below"


@dataclass(frozen=True)
class PriceRules:
    at_guide_fen: Fraction  # per pack
    at_guide_percent: Fraction
    deviation_percent: Fraction
    strong_percent: Fraction
    general_share: Fraction
    general_min: int
    compliance_item: str
    compliance: dict[str, str]  # at_guide / some_above / some_below / general → option
    tags_item: str
    tags_complete: str
    wording: dict[str, str]


@cache
def price_rules() -> PriceRules:
    ref = load_reference("prices")

    def exact(key: str) -> Fraction:
        return Fraction(str(ref[key]))

    compliance = dict(ref["compliance"])
    return PriceRules(
        at_guide_fen=exact("at_guide_yuan") * 100,
        at_guide_percent=exact("at_guide_percent"),
        deviation_percent=exact("deviation_percent"),
        strong_percent=exact("strong_percent"),
        general_share=exact("general_share"),
        general_min=int(ref["general_min"]),
        compliance_item=compliance.pop("item"),
        compliance=compliance,
        tags_item=ref["tags"]["item"],
        tags_complete=ref["tags"]["complete"],
        wording=dict(ref["wording"]),
    )


@dataclass(frozen=True)
class PriceCheck:
    """One price seen against its guide price (per pack, in fen; exact fractions)."""

    observed_fen: int
    guide_fen: Fraction
    state: str  # at_guide | off | above | below
    strong: bool = False

    @property
    def diff_fen(self) -> Fraction:
        return self.observed_fen - self.guide_fen

    @property
    def percent(self) -> Fraction:
        return self.diff_fen * 100 / self.guide_fen

    @property
    def deviates(self) -> bool:
        return self.state in (ABOVE, BELOW)

    @property
    def at_guide(self) -> bool:
        return self.state == AT_GUIDE


@lru_cache(maxsize=8192)  # a catalogue's prices and their usual neighbours: exact fractions once
def check_price(observed_fen: int | None, retail_carton_fen: int | None) -> PriceCheck | None:
    """The price seen (fen a pack) against the guide (fen a carton); None when either is
    missing (nothing seen, or no guide price in the SKU list)."""
    if not observed_fen or not retail_carton_fen or retail_carton_fen <= 0:
        return None
    rules = price_rules()
    guide = Fraction(retail_carton_fen, PACKS_PER_CARTON)
    diff = observed_fen - guide
    percent = abs(diff) * 100 / guide
    if abs(diff) <= rules.at_guide_fen and percent <= rules.at_guide_percent:
        state = AT_GUIDE
    elif percent > rules.deviation_percent:
        state = ABOVE if diff > 0 else BELOW
    else:
        state = OFF
    strong = state in (ABOVE, BELOW) and percent >= rules.strong_percent
    return PriceCheck(observed_fen, guide, state, strong)


def percent_text(check: PriceCheck) -> str:
    """``+10.0%`` / ``-4.5%`` (one decimal)."""
    return f"{float(check.percent):+.1f}%"


def amount_text(check: PriceCheck) -> str:
    """The difference in 元 a pack, unsigned: ``2.00``."""
    return f"{abs(float(check.diff_fen)) / 100:.2f}"


def deviation_text(check: PriceCheck) -> str:
    """``高于指导价 2.00 元（+10%）`` — how a finding words a deviation (prices.toml)."""
    said = price_rules().wording[ABOVE if check.diff_fen > 0 else BELOW]
    return f"{said} {amount_text(check)} 元（{percent_text(check)}）"


def price_hits(rows: Iterable[tuple[str, int | None, int | None]]) -> list[Hit]:
    """One 价格偏离 finding per SKU whose price deviates, from (SKU name, price seen per
    pack, guide per carton), in grid order; all ask the same follow-up (复查价格执行)."""
    follow_up = price_rules().wording["follow_up"]
    hits = []
    for name, observed, retail in rows:
        check = check_price(observed, retail)
        if check is not None and check.deviates:
            detail = f"{name} {deviation_text(check)}"
            hits.append(Hit(PRICE_DEVIATION, GRID, "", follow_up, detail))
    return hits


def derived_compliance(checks: Iterable[PriceCheck | None]) -> str | None:
    """The 执行指导价 answer the prices seen imply; None when no price was compared (then the
    manager answers it). 按指导价 only when every price seen is at the guide price (a shop
    pricing everything 4 % above is not 按指导价, though no single price is a 价格偏离)."""
    seen = [c for c in checks if c is not None]
    if not seen:
        return None
    rules = price_rules()
    off = [c for c in seen if not c.at_guide]  # deviations, and prices just off (no finding)
    if not off:
        return rules.compliance["at_guide"]
    deviating = sum(1 for c in off if c.deviates)
    if deviating >= rules.general_min and deviating >= rules.general_share * len(seen):
        return rules.compliance["general"]
    above = sum(1 for c in off if c.diff_fen > 0)
    return rules.compliance["some_above" if above >= len(off) - above else "some_below"]


def compliance_item(checklist: Checklist) -> str | None:
    """The checklist's 执行指导价 item id when this version has it with every option the
    grid can imply (v1 and later keep it), else None."""
    rules = price_rules()
    item = next((i for i in checklist.items if i.id == rules.compliance_item), None)
    if item is None or not set(rules.compliance.values()) <= set(item.options):
        return None
    return item.id


def with_derived_compliance(
    checklist: Checklist, answers: Mapping[str, Any], answer: str | None
) -> dict[str, Any]:
    """``answers`` with 执行指导价 set to what the grid implies (``answer``; unchanged when the
    grid compared no price or the checklist has no such item)."""
    out = dict(answers)
    item_id = compliance_item(checklist)
    if item_id is not None and answer is not None:
        out[item_id] = answer
    return out


def tags_complete(answers: Mapping[str, Any]) -> bool | None:
    """明码标价 answered complete (True), answered otherwise (False), not answered (None)."""
    rules = price_rules()
    value = answers.get(rules.tags_item)
    if value is None or value == "":
        return None
    return bool(value == rules.tags_complete)
