"""Sample master data and answers shared by the fixtures and the helpers."""

from __future__ import annotations

from fieldbook.core.master.catalog import SkuInput

SKUS = [
    SkuInput("13100101", "中华(硬)", wholesale_fen=38160, retail_fen=45000, is_key_brand=True),
    SkuInput("15300202", "玉溪(硬)", wholesale_fen=19928, retail_fen=23000),
    SkuInput(
        "14400131", "广州双喜(硬经典1906)", wholesale_fen=15052, retail_fen=17000, is_key_brand=True
    ),
    SkuInput("13300103", "利群(硬新版)", wholesale_fen=14310, retail_fen=16000),
    SkuInput("13600111", "红塔山(硬经典100)", wholesale_fen=9700, retail_fen=11000),
    SkuInput("13600112", "白沙(硬精品)", wholesale_fen=8800, retail_fen=10000, is_new=True),
    SkuInput("13900101", "红金龙(硬新版)", wholesale_fen=4450, retail_fen=5000),
]

OPEN_ANSWERS = {
    "display_position": "柜台正面",
    "display_quality": "规范整洁",
    "facings_ok": True,
    "price_tags": "齐全规范",
    "tag_goods_match": True,
    "price_compliance": "按指导价",
    "stock_checked": True,
    "stock_vs_records": "一致",
    "promoters_count": 0,
    "licence_displayed": True,
    "suspected_fake": False,
    "suspected_non_channel": False,
    "business_condition": "好",
}
