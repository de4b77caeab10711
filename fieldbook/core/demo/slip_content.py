"""What a demo slip says: its sub-reason, its description in the manager's words, the dates it
sets (effective, return) and the SKUs it names, drawn from the visit it comes from and
``schema/reference/demo.toml`` [slips]."""

from __future__ import annotations

from datetime import date, timedelta
from random import Random
from typing import Any


def month_day(day: date) -> str:
    return f"{day.month}月{day.day}日"


class SlipContent:
    """Draws the content of new slips from the slip history's random stream."""

    def __init__(
        self,
        rng: Random,
        ref: dict[str, Any],
        violation_texts: list[str],
        brand_skus: list[dict[str, Any]],
    ) -> None:
        self.rng, self.ref = rng, ref
        self.violation_texts, self.brand_skus = violation_texts, brand_skus

    def pick(self, table: dict[str, float]) -> str:
        keys = list(table)
        return self.rng.choices(keys, [float(table[k]) for k in keys])[0]

    def draft(
        self, cat: str, day: date, answers: dict[str, Any]
    ) -> tuple[str, str, date | None, date | None, list[str]]:
        """(sub-reason, description, effective date, return date, sku ids) of a new slip."""
        rng, ref = self.rng, self.ref
        sub, eff, ret, skus = "", None, None, []
        words: dict[str, str] = {"date": month_day(day)}
        if cat in ref["sub_reasons"]:
            sub = self.pick(ref["sub_reasons"][cat])
        if cat == "new":
            eff = day
        elif cat == "closed":
            eff = day + timedelta(days=rng.randint(0, 7))
        elif cat == "suspended":
            eff = day + timedelta(days=rng.randint(0, 2))
            low, high = ref["suspension_weeks"]
            ret = eff + timedelta(days=rng.randint(7 * int(low), 7 * int(high)))
            words["ret"] = month_day(ret)
        elif cat == "violation":
            found = [
                name
                for item, name in ref["violation_sub"].items()
                if answers.get(item) in (True, "不一致")
                or (item == "licence_displayed" and answers.get(item) is False)
            ]
            sub = found[0] if found else "其他"
            note = answers.get("violation_note") or rng.choice(self.violation_texts)
            words["note"] = str(note).replace(",", "，")
        elif cat == "no_order":
            reason = answers.get("no_order_reason") or rng.choice(list(ref["no_order_why"]))
            sub, words["why"] = ref["no_order_why"].get(reason, ["其他", "暂不订货"])
        elif cat == "brand":
            sku = rng.choice(self.brand_skus)
            skus = [sku["id"]]
            sub = "未上柜"
            words.update(sku=sku["name"], why=rng.choice(ref["brand_why"]["texts"]))
        if eff is not None:
            words["eff"] = month_day(eff)
        words["sub"] = sub
        description = rng.choice(ref["descriptions"][cat]).format(**words)
        return sub, description, eff, ret, skus
