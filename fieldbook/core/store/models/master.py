"""Models of master data: settings, managers (客户经理), routes (线路), customers (零售户)
and SKUs (卷烟规格)."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fieldbook.core.store.models.base import Base, local_now, new_id


class Setting(Base):
    """Small key/value settings stored with the data (e.g. the current manager)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Manager(Base):
    """客户经理: the user. A department database holds many."""

    __tablename__ = "managers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    district_unit: Mapped[str] = mapped_column(String(50), default="")
    territory: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Route(Base):
    """线路: a named, ordered set of customers, usually one per weekday."""

    __tablename__ = "routes"
    __table_args__ = (UniqueConstraint("manager_id", "name", name="uq_routes_manager_name"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(50))
    weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1=Mon .. 7=Sun
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Customer(Base):
    """零售户: a licensed tobacco retailer served by one manager."""

    __tablename__ = "customers"
    __table_args__ = (
        Index("ix_customers_manager", "manager_id"),
        Index("ix_customers_route", "route_id", "route_position"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    licence_no: Mapped[str] = mapped_column(String(32), default="")
    shop_name: Mapped[str] = mapped_column(String(100))
    owner_name: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(50), default="")
    format: Mapped[str] = mapped_column(String(8), default="")  # 业态 code, schema/reference
    market_type: Mapped[str] = mapped_column(String(8), default="")  # C 城镇 / X 乡村
    grade: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 档位
    route_id: Mapped[str | None] = mapped_column(
        ForeignKey("routes.id", ondelete="SET NULL"), nullable=True
    )
    route_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    order_weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1=Mon .. 7=Sun
    status: Mapped[str] = mapped_column(String(16), default="active")
    is_key_customer: Mapped[bool] = mapped_column(Boolean, default=False)
    licence_expiry: Mapped[date | None] = mapped_column(Date, nullable=True)
    suspended_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    # a customer created from a confirmed 新增 slip, still to be completed by the manager
    pending_completion: Mapped[bool] = mapped_column(Boolean, default=False)
    gps_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    gps_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Sku(Base):
    """卷烟规格: one cigarette SKU with its prices per carton."""

    __tablename__ = "skus"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    brand: Mapped[str] = mapped_column(String(50), default="")
    price_class: Mapped[int | None] = mapped_column(Integer, nullable=True)
    price_class_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    # Money is kept as integer fen (分) per carton: exact on SQLite and PostgreSQL alike.
    wholesale_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    retail_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_key_brand: Mapped[bool] = mapped_column(Boolean, default=False)
    is_new: Mapped[bool] = mapped_column(Boolean, default=False)
    on_market: Mapped[bool] = mapped_column(Boolean, default=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class SkuSupply(Base):
    """货源信息: a SKU's supply state (正常 / 紧俏 / 限量 / 停供, schema/reference/supply.toml)
    from ``valid_from`` until the next row of the same SKU. ``limits``: for 限量, the cartons
    per 档位 band as canonical text (``1-7:1;8-12:2``, fieldbook.core.master.supply)."""

    __tablename__ = "sku_supplies"
    __table_args__ = (
        UniqueConstraint("sku_id", "valid_from", name="uq_sku_supplies_sku_from"),
        Index("ix_sku_supplies_valid_from", "valid_from"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    sku_id: Mapped[str] = mapped_column(ForeignKey("skus.id", ondelete="CASCADE"))
    valid_from: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16))
    limits: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(200), default="")  # 手工 or the file's name
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
