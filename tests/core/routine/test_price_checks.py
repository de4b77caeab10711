"""价格监测 at one shop, by hand: a price seen per pack against the guide price per carton
(a pack is 1/10), the at-guide band (±0.50 元 and ±3 %), the deviation threshold (beyond ±5 %,
exactly 5 % is not a finding), the finding's wording and the 执行指导价 the grid implies."""

from __future__ import annotations

import pytest

from fieldbook.core.routine.checklist import load_checklist
from fieldbook.core.routine.price_checks import (
    ABOVE,
    AT_GUIDE,
    BELOW,
    OFF,
    check_price,
    compliance_item,
    derived_compliance,
    deviation_text,
    price_hits,
    with_derived_compliance,
)

GUIDE = 23000  # 玉溪(硬): 230 元/条 → 23.00 元/包


@pytest.mark.parametrize(
    ("observed", "state"),
    [
        (2300, AT_GUIDE),  # exactly the guide price
        (2350, AT_GUIDE),  # +0.50 元, +2.17 %: both within the band
        (2351, OFF),  # +0.51 元: over 0.50 元, no finding (+2.2 %)
        (2250, AT_GUIDE),  # -0.50 元
        (2415, OFF),  # +1.15 元 = +5.0 % exactly: not beyond the threshold
        (2416, ABOVE),  # +5.04 %: a deviation
        (2185, OFF),  # -5.0 % exactly
        (2184, BELOW),  # -5.04 %
    ],
)
def test_a_price_is_at_guide_off_or_deviating(observed: int, state: str) -> None:
    check = check_price(observed, GUIDE)
    assert check is not None and check.state == state


def test_the_band_is_both_yuan_and_percent() -> None:
    # a 5.00 元 pack (50 元/条): +0.20 元 is +4 %, within 0.50 元 but not within 3 %
    cheap = check_price(520, 5000)
    assert cheap is not None and cheap.state == OFF
    assert check_price(515, 5000).state == AT_GUIDE  # type: ignore[union-attr]  # +3 % exactly
    # a 45.00 元 pack (450 元/条): +1.00 元 is +2.2 %, within 3 % but over 0.50 元
    dear = check_price(4600, 45000)
    assert dear is not None and dear.state == OFF


def test_nothing_to_compare_is_not_a_check() -> None:
    assert check_price(None, GUIDE) is None
    assert check_price(2300, None) is None
    assert check_price(2300, 0) is None


def test_a_deviation_is_worded_with_direction_amount_and_share() -> None:
    above = check_price(2200, 20000)  # 20.00 → 22.00
    below = check_price(2070, 23000)  # 23.00 → 20.70: -2.30 元, -10 %
    odd = check_price(2415 + 30, GUIDE)  # 24.45: +1.45 元, +6.304… %
    assert above is not None and below is not None and odd is not None
    assert deviation_text(above) == "高于指导价 2.00 元（+10.0%）"
    assert deviation_text(below) == "低于指导价 2.30 元（-10.0%）"
    assert deviation_text(odd) == "高于指导价 1.45 元（+6.3%）"


def test_one_finding_per_deviating_sku() -> None:
    hits = price_hits(
        [
            ("中华(硬)", 5000, 45000),  # 45 → 50: +11.1 %
            ("玉溪(硬)", 2300, 23000),  # at guide
            ("利群(硬新版)", 1500, 16000),  # 16 → 15: -6.25 %
            ("红塔山(硬经典100)", None, 11000),  # not seen
        ]
    )
    assert [(h.finding, h.item, h.follow_up) for h in hits] == [
        ("price_deviation", "grid", "复查价格执行"),
        ("price_deviation", "grid", "复查价格执行"),
    ]
    assert [h.detail for h in hits] == [
        "中华(硬) 高于指导价 5.00 元（+11.1%）",
        "利群(硬新版) 低于指导价 1.00 元（-6.2%）",
    ]


def test_the_grid_implies_the_guide_price_answer() -> None:
    at, up, down = check_price(2300, GUIDE), check_price(2600, GUIDE), check_price(2000, GUIDE)
    assert derived_compliance([]) is None
    assert derived_compliance([None, None]) is None  # nothing compared: the manager answers
    assert derived_compliance([at, at, None]) == "按指导价"
    assert derived_compliance([at, at, at, up]) == "个别高于"
    assert derived_compliance([at, at, at, down]) == "个别低于"
    assert derived_compliance([at, up, down, down, at, at, at]) == "个别低于"  # 3 of 7
    assert derived_compliance([at, up, at, down]) == "普遍偏离"  # 2 of 4: half
    assert derived_compliance([up]) == "个别高于"  # one price seen: never 普遍 on one SKU
    # prices just off the guide (4 %: not at guide, no finding) are not 按指导价 either
    off_up, off_down = check_price(2392, GUIDE), check_price(2208, GUIDE)
    assert off_up is not None and off_up.state == "off" and not off_up.deviates
    assert derived_compliance([off_up, off_up, off_up]) == "个别高于"
    assert derived_compliance([at, at, off_down]) == "个别低于"
    assert derived_compliance([at, off_up, off_down, down]) == "个别低于"  # one deviation of 4


def test_keyed_on_the_item_id_not_the_version() -> None:
    v1 = load_checklist("visit", 1)
    assert compliance_item(v1) == "price_compliance"
    answers = {"price_compliance": "按指导价", "price_tags": "齐全规范"}
    assert with_derived_compliance(v1, answers, "个别高于")["price_compliance"] == "个别高于"
    assert with_derived_compliance(v1, answers, None) == answers
