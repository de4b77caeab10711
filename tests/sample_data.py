"""Sample data shared by the tests: SKUs, customers, visit answers, order rows, and the
builders of the workbooks the importers read (an ordering-system export, a customer roster)."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
from sqlalchemy import update

from fieldbook.core.master.catalog import SkuInput
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.store.models import Customer

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

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
    "licence_match": "相符",
    "minors_sign": True,
    "ecig_on_sale": False,
    "suspected_fake": False,
    "suspected_non_channel": False,
    "business_condition": "好",
}

#: Every required item of visit_v2 answered for an open shop with nothing wrong (the optional
#: stock-against-records answer left out).
GOOD_ANSWERS = {k: v for k, v in OPEN_ANSWERS.items() if k != "stock_vs_records"}


def shop(
    code: str,
    shop_name: str,
    owner_name: str,
    route: str,
    order_weekday: int,
    format: str,
    grade: int,
    **more: str,
) -> CustomerInput:
    """A customer on a weekday route (phone, licence, address, status... as keywords)."""
    return CustomerInput(
        code=code,
        shop_name=shop_name,
        owner_name=owner_name,
        route=route,
        order_weekday=order_weekday,
        format=format,
        grade=grade,
        **more,
    )


#: Three shops to search for: codes, names, phones (mobile and landline), licences.
SHOPS = [
    shop("230900000001", "张小便利店", "张小", "周一线路", 1, "B", 8,
         phone="13904641234", licence_no="230902100001"),
    shop("230900000002", "福源食杂店", "李福源", "周一线路", 1, "Z", 3,
         phone="0464-8221234", licence_no="230902100002"),
    shop("230900000003", "鑫源超市", "王鑫", "周二线路", 2, "S", 26,
         phone="15845671111", licence_no="230903100003"),
]  # fmt: skip

#: Four customers on two weekday routes, one of them suspended (the desktop's ``filled``).
CUSTOMERS = [
    shop("230902100001", "张小便利店", "张小", "周一线路", 1, "B", 12, phone="13904561234",
         licence_no="230902100001", address="七台河市新兴区兴安路21号"),
    shop("230902100002", "李记烟酒店", "李明", "周一线路", 1, "Y", 20, phone="13904565678",
         licence_no="230902100002", address="七台河市新兴区学府街8号"),
    shop("230902100003", "王家超市", "王芳", "周二线路", 2, "S", 25,
         address="七台河市桃山区桃南街3号"),
    shop("230902100004", "兴华食杂店", "赵兴华", "周一线路", 1, "Z", 5, status="suspended"),
]  # fmt: skip

# --- workbooks the importers read -----------------------------------------------------------------

ORDER_HEADER = ["订单日期", "客户编码", "客户名称", "卷烟代码", "卷烟名称", "订购量(条)", "金额"]
ORDERS_TITLE = "新商盟订单明细"

#: Monday 2026-11-30 in the ``world`` fixture: 周一店1..5 are due (order weekday 1); 周一店1
#: and 2 order; 周二店1 orders off-day.
WORLD_MONDAY_ORDERS: list[list[object]] = [
    ["2026-11-30", "M001", "周一店1", "13100101", "中华(硬)", 2, 763.20],  # class 1
    ["2026-11-30", "M001", "周一店1", "13600111", "红塔山(硬经典100)", 5, 485.00],  # class 3
    ["2026-11-30", "M002", "周一店2", "14400131", "广州双喜(硬经典1906)", 3, 451.56],  # class 2
    ["2026-11-30", "T001", "周二店1", "13600112", "白沙(硬精品)", 10, 880.00],  # class 3, off-day
]


def write_workbook(
    path: Path,
    header: list[str],
    rows: list[list[object]],
    *,
    title: str | None = None,
    sheet: str | None = None,
    text_formulas: bool = False,
) -> Path:
    """A one-sheet workbook: an optional title row, the header, the rows. ``text_formulas``
    keeps a cell starting with ``=`` as text (as an exported list holds it)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    if sheet is not None:
        ws.title = sheet
    if title is not None:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    if text_formulas:
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
    wb.save(path)
    return path


def orders_workbook(
    path: Path,
    rows: list[list[object]],
    *,
    header: list[str] = ORDER_HEADER,
    title: str | None = ORDERS_TITLE,
    text_formulas: bool = False,
) -> Path:
    """An ordering-system export (a title row, the header, the order lines)."""
    return write_workbook(path, header, rows, title=title, text_formulas=text_formulas)


# Spot-check findings (keyword arguments of spotcheck.record, less the item).
NOT_CONFIRMED = {"confirmed": False, "time_ok": False, "content_ok": False, "service_quality": "差"}
"""The shopkeeper does not confirm the visit: every check failed."""
LEFT_LATE = {
    "confirmed": True,
    "time_ok": False,
    "content_ok": True,
    "service_quality": "一般",
    "correction": "按实际时间记录",
}
"""A real visit whose leaving time was written late."""


#: A market department's customer list (客户名单) as the company exports it: three districts
#: (区县), two weekday routes in each but 茄子河区's one, three shops a route. The manager of the
#: onboarding tests is 新兴区's.
ROSTER_HEADER = ["序号", "客户编码", "客户名称", "负责人", "联系电话", "许可证号", "区县", "线路",
                 "订货日", "档位", "经营业态"]  # fmt: skip
ROSTER_ROUTES = [
    ("新兴区", "新兴周一线", "周一", "2309021"),
    ("新兴区", "新兴周二线", "周二", "2309022"),
    ("桃山区", "桃山周一线", "周一", "2309031"),
    ("桃山区", "桃山周二线", "周二", "2309032"),
    ("茄子河区", "茄子河周一线", "周一", "2309041"),
]
ROSTER_SHOPS = ("便利店", "食杂店", "烟酒商店")
ROSTER_TITLE = "七台河市烟草公司市场部 零售客户名单"


def roster_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for district, route, weekday, prefix in ROSTER_ROUTES:
        for n, kind in enumerate(ROSTER_SHOPS, start=1):
            code = f"{prefix}0000{n}"
            name = f"{district[:2]}{route[2:4]}{kind}{n}"
            phone = f"1390456{code[-4:]}"
            rows.append([len(rows) + 1, code, name, f"店主{len(rows) + 1}", phone, code,
                         district, route, weekday, 5 + n, kind])  # fmt: skip
    return rows


def roster_workbook(path: Path) -> Path:
    return write_workbook(path, ROSTER_HEADER, roster_rows(), title=ROSTER_TITLE, sheet="客户名单")


SKU_LIST_HEADER = ["卷烟代码", "卷烟名称", "批发价(元/条)", "零售价(元/条)", "重点品牌"]


def sku_list_workbook(path: Path) -> Path:
    """The company's SKU list (卷烟规格) holding ``SKUS``."""
    rows: list[list[object]] = [
        [s.code, s.name, s.wholesale_fen / 100, s.retail_fen / 100, "是" if s.is_key_brand else ""]
        for s in SKUS
    ]
    return write_workbook(path, SKU_LIST_HEADER, rows, sheet="卷烟规格")


# --- shelf photos ---------------------------------------------------------------------------
def png_bytes(
    width: int = 40, height: int = 30, rgb: tuple[int, int, int] = (200, 40, 40)
) -> bytes:
    """A real PNG image of one colour (a shelf photo as far as any reader can tell)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def write_photo(path: Path, rgb: tuple[int, int, int] = (200, 40, 40)) -> Path:
    """A PNG photo at ``path`` (the folders made)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_bytes(rgb=rgb))
    return path


# --- 货源信息 (supply) -------------------------------------------------------------------------

SUPPLY_HEADER = ["卷烟代码", "卷烟名称", "货源状态", "档位", "限量(条)"]
#: A week's 货源投放 over the SKUS: 中华(硬) limited in three bands, 玉溪(硬) tight,
#: 红金龙(硬新版) stopped, 利群(硬新版) normal (listed, nothing to tell).
SUPPLY_ROWS: list[list[object]] = [
    ["13100101", "中华(硬)", "限量", "1-7", 1],
    ["13100101", "中华(硬)", "限量", "8–12档", "2条"],
    ["13100101", "中华(硬)", "限量", "13-30", 5],
    ["15300202", "玉溪(硬)", "紧俏", "", ""],
    ["13900101", "红金龙(硬新版)", "停供", None, None],
    ["13300103", "利群(硬新版)", "正常", None, None],
]


def supply_workbook(path: Path, rows: list[list[object]] = SUPPLY_ROWS) -> Path:
    """A 货源投放 list: a title row, the header, the rows."""
    return write_workbook(path, SUPPLY_HEADER, rows, title="本周货源投放")


def priced_visit(
    world: Journal, code: str, prices: dict[str, int], answers: dict[str, object]
) -> None:
    """A finished visit on 2026-11-30 08:00–08:10 to an open shop, with ``answers`` and the
    prices seen (fen a pack) of the grid's SKUs named in ``prices``."""
    cid = world.customers.by_code(code).id
    v = world.visits.start(cid, at=datetime(2026, 11, 30, 8, 0))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, answers)
    for row in v.grid:
        if row.name in prices:
            world.visits.save_grid(v.id, row.sku_id, on_shelf=True, price_fen=prices[row.name])
    world.visits.finish(v.id, at=datetime(2026, 11, 30, 8, 10))


#: When the sample roster entered the register: before every week the tests record, so that a
#: customer created by a fixture at the pinned "now" is 在册 in the (earlier) weeks it is
#: visited in (routine.period_figures.register; decision 0025).
ROSTER_REGISTERED = datetime(2020, 1, 1, 8, 0)


def register_roster(journal: Journal, since: datetime = ROSTER_REGISTERED) -> None:
    """Date every customer's entry into the register (``created_at``) back to ``since``."""
    with journal.writing("customers") as s:
        s.execute(update(Customer).values(created_at=since))
