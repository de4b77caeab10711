"""What a demo manager records at an open shop, as ``VisitService.finish`` stores it: the
checklist's answers, drawn by rules keyed to the template (only visible items, required ones
always answered, every answer passing ``check_answer``), and the SKU grid the visit screen
offers (on shelf, facings, stock, the prices seen — at the rates of demo.toml
[visits.prices], with 执行指导价 the answer the grid implies, as the visit screen derives it;
decision 0020)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from random import Random
from typing import Any

from fieldbook.core.routine.checklist import OPEN, Checklist, Item, check_answer, load_checklist
from fieldbook.core.routine.price_checks import check_price, derived_compliance, price_rules

Weighted = tuple[list[Any], list[float]]


def weighted(table: dict[str, float]) -> Weighted:
    keys = [k or None for k in table]
    return keys, list(accumulate(float(v) for v in table.values()))


def pick(rng: Random, table: Weighted) -> Any:
    keys, cum = table
    return rng.choices(keys, cum_weights=cum)[0]


@dataclass(frozen=True)
class OfferedSku:
    id: str
    name: str
    price_class: int | None
    wholesale_fen: int
    code: str
    is_key: bool
    is_new: bool
    pack_fen: int | None  # retail price per pack, as a shop should show it
    retail_fen: int | None = None  # the guide retail price per carton (the SKU list's)


@dataclass
class ShopGrid:
    id: str
    grid: tuple[OfferedSku, ...]  # the visit screen's grid, in its order (class, price desc, code)
    cap: int  # most cartons of one SKU in stock
    classes: tuple[int | None, ...]  # classes of the grid, in price_classes order
    by_class: dict[int | None, tuple[int, ...]]  # class → row indexes
    keys: tuple[int, ...]  # rows of key brands
    keyless: tuple[int | None, ...]  # classes without a key brand


@dataclass
class VersionDates:
    """Which checklist version a demo visit is recorded on: the newest from the Monday
    ``weeks`` weeks before ``today`` (demo.toml checklist_v2_weeks), version 1 before; scoped
    to the shop's 业态 (``formats``: customer id → code)."""

    today: date
    weeks: int
    formats: dict[str, str] = field(default_factory=dict)
    _made: dict[tuple[int, str], Checklist] = field(default_factory=dict)

    @property
    def cutover(self) -> date:
        start = self.today - timedelta(weeks=self.weeks)
        return start - timedelta(days=start.weekday())

    def checklist(self, day: date, customer_id: str) -> Checklist:
        version = load_checklist("visit").version if day >= self.cutover else 1
        shop_format = self.formats.get(customer_id, "")
        key = (version, shop_format)
        if key not in self._made:
            self._made[key] = load_checklist("visit", version).for_shop(shop_format)
        return self._made[key]


class ShopRecorder:
    """Draws a visit's answers and grid from the visit history's random stream."""

    def __init__(
        self,
        rng: Random,
        new_id: Callable[[], str],
        checklist: Checklist,
        choices: dict[str, Weighted],
        texts: dict[str, Any],
        prices: dict[str, float],
    ) -> None:
        self.rng, self.new_id, self.checklist = rng, new_id, checklist
        self.choices, self.texts, self.prices = choices, texts, prices
        self.v2_rng = Random("fieldbook-demo-checklist2")
        self.v2: dict[str, Any] = {}
        self.rules = {**self._rules(), **self._v2_rules()}

    def use_v2(self, ref: dict[str, Any], today: date, seed: str) -> VersionDates:
        """Checklist v2 from demo.toml [visits] (checklist_v2_weeks, [visits.checklist_v2]):
        which visits are recorded on it; its new items draw from a stream of their own
        (seeded by ``seed``), so they leave the rest of a visit's draws as they were."""
        self.v2_rng.seed(f"fieldbook-demo-checklist2:{seed}")
        self.v2.update(ref["checklist_v2"])  # the rules hold this dict
        return VersionDates(today, int(ref["checklist_v2_weeks"]))

    def _rules(self) -> dict[str, Any]:
        """Item id → f(flags) giving the answer (None: left blank)."""
        rng, texts = self.rng, self.texts

        def choice(item_id: str) -> Any:
            return lambda _f: pick(self.rng, self.choices[item_id])

        def maybe(rate: float, draw: Any) -> Any:
            return lambda _f: draw() if rng.random() < rate else None

        def flagged(flag: str, yes: Any, no: Any) -> Any:
            return lambda f: (yes(f) if callable(yes) else yes) if f[flag] else no(f)

        options = self.checklist.item("policy_explained").options
        return {
            "display_quality": flagged("display_messy", "杂乱", choice("display_quality")),
            "display_fixed": lambda _f: rng.random() < 0.6,
            "facings_ok": lambda f: not f["facings_bad"],
            "price_tags": flagged("price_tags", choice("price_tags"), lambda _f: "齐全规范"),
            "tags_replaced": maybe(0.7, lambda: rng.randint(1, 8)),
            "tag_goods_match": lambda f: not f["tag_mismatch"],
            "price_compliance": flagged("price_deviation", "普遍偏离", choice("price_compliance")),
            "stock_checked": lambda f: f["stock_checked"],
            "stock_vs_records": lambda f: "不一致" if f["stock_mismatch"] else "一致",
            "promoters_count": lambda f: rng.randint(1, 2) if f["promoters"] else 0,
            "licence_displayed": lambda f: not f["no_licence"],
            "carton_code": lambda f: (
                "不一致" if f["non_channel"] and rng.random() < 0.5 else choice("carton_code")(f)
            ),
            "suspected_fake": lambda f: f["fake"],
            "suspected_non_channel": lambda f: f["non_channel"],
            "policy_explained": maybe(
                texts["policy_explained"], lambda: rng.sample(options, rng.randint(1, 2))
            ),
            "competitor_info": maybe(
                texts["competitor_info"], lambda: rng.choice(texts["competitor"])
            ),
            "requests": lambda f: rng.choice(texts["requests"]) if f["request"] else None,
            "notes": maybe(texts["notes"], lambda: rng.choice(texts["note"])),
        }

    def _v2_rules(self) -> dict[str, Any]:
        """Item id → f(flags) for the items version 2 added (their rates: decision 0022)."""
        rng, ref = self.v2_rng, self.v2

        def draw(item_id: str) -> Any:
            return lambda _f: pick(rng, self.choices[item_id])

        def site(key: str) -> Any:
            return lambda f: ref[key][f["site_text"] % len(ref[key])]

        return {
            "licence_match": lambda f: (
                draw("licence_match")(f) if f["licence_mismatch"] else "相符"
            ),
            "minors_sign": lambda f: not f["minors_sign_missing"],
            "ecig_on_sale": lambda f: f["ecig"],
            "terminal_type": draw("terminal_type"),
            "terminal_level": draw("terminal_level"),
            "site_upkeep": lambda _f: pick(self.rng, self.choices["site_upkeep"]),
            "site_work": lambda f: f["site_work"],
            "site_before": site("site_before"),
            "site_after": site("site_after"),
        }

    def _v2_flags(self) -> dict[str, Any]:
        rng = self.v2_rng
        names = ("ecig", "minors_sign_missing", "licence_mismatch", "site_work")
        flags: dict[str, Any] = {k: rng.random() < float(self.v2[k]) for k in names}
        flags["site_text"] = rng.randrange(1000)
        return flags

    def answers(self, flags: dict[str, bool], checklist: Checklist | None = None) -> dict[str, Any]:
        """The answers of an open shop on ``checklist`` (a version, scoped to the shop)."""
        checklist = checklist or self.checklist
        if checklist.version >= 2:
            flags = {**flags, **self._v2_flags()}
        answers: dict[str, Any] = {}
        visible = checklist.is_visible
        for item in checklist.items:
            if not visible(item, OPEN, answers):
                continue
            rule = self.rules.get(item.id)
            if item.id == "violation_note":
                value = self._violation_note(checklist, answers)
            elif rule is not None:
                value = rule(flags)
            elif item.id in self.choices:
                value = pick(self.rng, self.choices[item.id])
            else:
                value = _required_default(item)
            value = check_answer(item, value)  # a template the rules do not fit fails loudly
            if value is not None:
                answers[item.id] = value
        return checklist.clean_answers(OPEN, answers)

    def _violation_note(self, checklist: Checklist, answers: dict[str, Any]) -> str:
        """违规情况说明 from what the compliance answers flagged (demo.toml
        [visits.texts.violation_by]), so a note never contradicts them. One draw from the
        stream, as before, so the rest of the history stays what it was."""
        self.rng.choice(self.texts["violation"])
        said = [
            text
            for item, text in self.texts["violation_by"].items()
            if _flagged(checklist, item, answers.get(item))
        ]
        return "；".join(said) or self.texts["violation"][0]

    def grid(
        self, shop: ShopGrid, visit_id: str, flags: dict[str, bool], answers: dict[str, Any]
    ) -> list[dict[str, Any]]:
        rng, new_id = self.rng, self.new_id
        stocked = [True] * len(shop.grid)
        if flags["class_gap"]:
            # Without an out-of-stock key brand the gap is in a class without key brands.
            pool = shop.classes if flags["out_of_stock"] else shop.keyless
            if pool:
                gap = rng.choices(pool, weights=[(c or 5) for c in pool])[0]
                for i in shop.by_class[gap]:
                    stocked[i] = False
        if flags["out_of_stock"] and all(stocked[i] for i in shop.keys):
            for _ in range(2 if rng.random() < 0.15 else 1):
                # a key brand whose class keeps another row in stock: no accidental gap
                keys = [
                    i
                    for i in shop.keys
                    if stocked[i]
                    and any(stocked[j] for j in shop.by_class[shop.grid[i].price_class] if j != i)
                ]
                if keys:
                    stocked[rng.choice(keys)] = False
        counted = answers.get("stock_checked") is True
        rows: list[dict[str, Any]] = []
        for k, ok in zip(shop.grid, stocked, strict=True):
            cartons: int | None = None
            packs: int | None = None
            if counted:
                cartons, packs = (rng.randint(0, shop.cap), rng.randint(0, 9)) if ok else (0, 0)
                if ok and cartons + packs == 0:
                    packs = rng.randint(1, 9)
            rows.append(
                {
                    "id": new_id(),
                    "visit_id": visit_id,
                    "sku_id": k.id,
                    "on_shelf": ok,
                    "facings": rng.randint(1, 4) if ok else 0,
                    "stock_cartons": cartons,
                    "stock_packs": packs,
                    "price_fen": k.pack_fen if ok else None,
                }
            )
        # the prices seen draw from a stream of their own (per visit), so that how many
        # deviate does not move the rest of the history
        seen_prices(Random(f"fieldbook-demo-prices:{visit_id}"), rows, flags, self.prices)
        answer = derived_compliance(
            check_price(r["price_fen"], k.retail_fen) for k, r in zip(shop.grid, rows, strict=True)
        )
        item = price_rules().compliance_item
        if answer is not None and item in answers:  # the grid wins (decision 0020)
            answers[item] = answer
        return rows


def seen_prices(
    rng: Random, rows: list[dict[str, Any]], flags: dict[str, bool], rates: dict[str, float]
) -> None:
    """Prices seen on the shelf (demo.toml [visits.prices]): a few just off the guide price
    (3–5 %: not at guide, no finding), at some visits one or two SKUs 6–15 % off (价格偏离,
    mostly above), and everything 10–20 % above at a shop flagged 普遍偏离."""
    priced = [r for r in rows if r["price_fen"]]
    if not priced:
        return
    if flags["price_deviation"]:
        for r in priced:
            r["price_fen"] = _capped(r["price_fen"] * rng.uniform(1.1, 1.2))
        return
    for r in priced:
        if rng.random() < rates["off"]:
            up = rng.random() < rates["above"]
            r["price_fen"] = _capped(
                r["price_fen"] * (1 + (1 if up else -1) * rng.uniform(0.032, 0.048))
            )
    if rng.random() < rates["some"]:
        for r in rng.sample(priced, min(len(priced), 1 if rng.random() < 0.7 else 2)):
            up = rng.random() < rates["above"]
            r["price_fen"] = _capped(
                r["price_fen"] * (1 + (1 if up else -1) * rng.uniform(0.06, 0.15))
            )


def _capped(fen: float) -> int:
    """A price a pack may be sold at: 0.01–100 元 (the legal cap)."""
    return min(100_00, max(1, round(fen)))


def _flagged(checklist: Checklist, item_id: str, value: Any) -> bool:
    """Whether the answer ``value`` of ``item_id`` raises its finding on ``checklist``."""
    item = next((i for i in checklist.items if i.id == item_id), None)
    return item is not None and item.flag is not None and item.flag.condition.holds(value)


def blank_row(row_id: str, visit_id: str, sku_id: str) -> dict[str, Any]:
    """A grid row the visit screen offered and nobody filled (the shop was not open)."""
    return {
        "id": row_id,
        "visit_id": visit_id,
        "sku_id": sku_id,
        "on_shelf": None,
        "facings": None,
        "stock_cartons": None,
        "stock_packs": None,
        "price_fen": None,
    }


def _required_default(item: Item) -> Any:
    """An item the demo has no rule for: blank if optional, else a neutral valid answer."""
    if not item.required:
        return None
    if item.type == "bool":
        return True
    if item.type in ("choice", "multi"):
        return item.options[0] if item.type == "choice" else [item.options[0]]
    if item.type == "number":
        return item.min if item.min is not None else 0
    return "无"
