"""Cigarette SKUs (卷烟规格) and price classes (价类, thresholds in schema/reference)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from fieldbook.core.display_names import display_name
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.resources import load_reference
from fieldbook.core.search import build_search_text, like_pattern, query_tokens
from fieldbook.core.store.models import Sku
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_code, clean_text

TOPIC = "skus"


@dataclass(frozen=True)
class PriceClass:
    code: int
    name: str
    min_wholesale_fen: int


@cache
def price_classes() -> tuple[PriceClass, ...]:
    ref = load_reference("price_classes")
    classes = [
        PriceClass(int(c["code"]), str(c["name"]), round(float(c["min_wholesale"]) * 100))
        for c in ref["classes"]
    ]
    return tuple(sorted(classes, key=lambda c: -c.min_wholesale_fen))


def classify(wholesale_fen: int | None) -> int | None:
    """The price class of a wholesale price per carton (in fen), from the configured bands."""
    if wholesale_fen is None:
        return None
    for pc in price_classes():
        if wholesale_fen >= pc.min_wholesale_fen:
            return pc.code
    return None


def class_name(code: int | None, lang: str = "zh_CN") -> str:
    for pc in price_classes():
        if pc.code == code:
            return display_name("price_classes.classes", pc.code, lang, pc.name)
    return ""


def parse_price_class(value: object) -> int | None:
    text = clean_text(value)
    if not text:
        return None
    for pc in price_classes():
        if text in (pc.name, str(pc.code), pc.name.removesuffix("类"), f"{pc.name}烟"):
            return pc.code
    raise InvalidValue("unknown_price_class", value=text)


@dataclass(frozen=True)
class SkuRow:
    id: str
    code: str
    name: str
    brand: str
    price_class: int | None
    price_class_overridden: bool
    wholesale_fen: int | None
    retail_fen: int | None
    is_key_brand: bool
    is_new: bool
    on_market: bool


@dataclass(frozen=True)
class SkuInput:
    code: str
    name: str
    brand: str = ""
    price_class: int | None = None  # None: derived from the wholesale price
    wholesale_fen: int | None = None
    retail_fen: int | None = None
    is_key_brand: bool = False
    is_new: bool = False
    on_market: bool = True


_COLUMNS = (
    Sku.id,
    Sku.code,
    Sku.name,
    Sku.brand,
    Sku.price_class,
    Sku.price_class_overridden,
    Sku.wholesale_fen,
    Sku.retail_fen,
    Sku.is_key_brand,
    Sku.is_new,
    Sku.on_market,
)
MAX_CARTON_FEN = 1000_00  # price law: at most 100 元 a pack, 1000 元 a carton


def brand_of(name: str) -> str:
    """``中华(硬)`` → ``中华``: the naming convention is 品牌(规格)."""
    for bracket in ("(", "（"):
        if bracket in name:
            return name.split(bracket, 1)[0].strip()
    return name


def check_sku(data: SkuInput) -> SkuInput:
    data = replace(
        data,
        code=clean_code(data.code),
        name=clean_text(data.name).replace("（", "(").replace("）", ")"),
        brand=clean_text(data.brand),
    )
    if not data.code:
        raise InvalidValue("required", field="code")
    if not data.name:
        raise InvalidValue("required", field="name")
    if len(data.code) > 32 or len(data.name) > 100 or len(data.brand) > 50:
        raise InvalidValue("too_long", field="name")
    for name in ("wholesale_fen", "retail_fen"):
        value = getattr(data, name)
        if value is not None and not 0 < value <= MAX_CARTON_FEN:
            raise InvalidValue("price_out_of_range", field=name, value=str(value / 100))
    if (
        data.wholesale_fen is not None
        and data.retail_fen is not None
        and data.retail_fen < data.wholesale_fen
    ):
        raise InvalidValue("retail_below_wholesale", field="retail_fen")
    if not data.brand:
        data = replace(data, brand=brand_of(data.name))
    return data


def apply_sku(sku: Sku, data: SkuInput) -> None:
    sku.code, sku.name, sku.brand = data.code, data.name, data.brand
    sku.wholesale_fen, sku.retail_fen = data.wholesale_fen, data.retail_fen
    sku.price_class_overridden = data.price_class is not None
    sku.price_class = (
        data.price_class if data.price_class is not None else classify(data.wholesale_fen)
    )
    sku.is_key_brand, sku.is_new, sku.on_market = data.is_key_brand, data.is_new, data.on_market
    sku.search_text = build_search_text(data.code, data.name, pinyin_of=(data.name,))


class CatalogService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    def list(self, search: str = "") -> list[SkuRow]:
        stmt = select(*_COLUMNS)
        tokens = query_tokens(search)
        if tokens:
            stmt = stmt.where(
                and_(*(Sku.search_text.like(like_pattern(t), escape="\\") for t in tokens))
            )
        stmt = stmt.order_by(Sku.price_class, Sku.wholesale_fen.desc(), Sku.code)
        with self.db.reading() as s:
            return [SkuRow(*r) for r in s.execute(stmt)]

    def count(self) -> int:
        with self.db.reading() as s:
            return s.scalar(select(func.count()).select_from(Sku)) or 0

    def get(self, sku_id: str) -> SkuRow:
        with self.db.reading() as s:
            row = s.execute(select(*_COLUMNS).where(Sku.id == sku_id)).first()
        if row is None:
            raise NotFound("sku", id=sku_id)
        return SkuRow(*row)

    def save(self, sku_id: str | None, data: SkuInput) -> SkuRow:
        data = check_sku(data)
        with self.db.writing(TOPIC) as s:
            self._check_unique(s, data.code, sku_id)
            if sku_id is None:
                sku = Sku(code=data.code, name=data.name)
                s.add(sku)
            else:
                found = s.get(Sku, sku_id)
                if found is None:
                    raise NotFound("sku", id=sku_id)
                sku = found
            apply_sku(sku, data)
            s.flush()
            sid = sku.id
        return self.get(sid)

    def _check_unique(self, s: Session, code: str, own_id: str | None) -> None:
        clash = s.scalar(select(Sku.id).where(Sku.code == code))
        if clash is not None and clash != own_id:
            raise InvalidValue("duplicate", field="code", value=code)
