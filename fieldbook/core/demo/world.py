"""The demo's world: managers and their customers drawn in a fixed order from one seed —
names, shops, addresses, GPS points, grades and formats at the rates of REFERENCE.md §6
(``schema/reference/demo.toml``), and the ids of everything, from the same seed."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from fieldbook.core.demo.context import demo_reference
from fieldbook.core.master.customer_vocabulary import vocabulary

WORKDAYS = (1, 2, 3, 4, 5)
THURSDAY = 4


def _weighted(items: dict[str, float]) -> tuple[list[str], list[float]]:
    keys = list(items)
    return keys, [float(items[k]) for k in keys]


def route_sizes(count: int, thursday_share: float) -> dict[int, int]:
    """Customers per weekday route: Thursday smaller, the rest spread evenly."""
    thursday = min(count, round(count * thursday_share))
    rest = count - thursday
    others = [d for d in WORKDAYS if d != THURSDAY]
    sizes = {
        d: rest // len(others) + (1 if i < rest % len(others) else 0) for i, d in enumerate(others)
    }
    sizes[THURSDAY] = thursday
    return dict(sorted(sizes.items()))


def _territory(short: str, n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        word = digits[n]
    elif n < 100:
        tens, ones = divmod(n, 10)
        word = ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    else:
        word = str(n)
    return f"{short}{word}片区"


class World:
    """Draws managers and their customers in a fixed order from one seed.

    ``generate_demo`` and ``demo_customer_table`` share it, so a table of N customers lists
    the same shops as a demo database of the same seed.
    """

    def __init__(self, seed: int, today: date) -> None:
        master = random.Random(seed)
        self.rng = random.Random(master.getrandbits(64))
        self.id_rng = random.Random(master.getrandbits(64))
        self.history_rng = random.Random(master.getrandbits(64))
        self.today = today
        ref = demo_reference()
        self.ref = ref
        rates = ref["rates"]
        self.districts: list[dict[str, Any]] = ref["districts"]
        names = ref["names"]
        self.surnames: list[str] = names["surnames"]
        self.surname_weights = [1.0 / (i + 8) for i in range(len(self.surnames))]
        self.patterns, self.pattern_weights = _weighted(names["patterns"])
        self.grade_weights = [float(w) for w in rates["grades"]["weights"]]
        top = int(rates["top_grade"])
        high = sum(self.grade_weights[top - 1 :]) / sum(self.grade_weights)
        overall = {k: v / 100 for k, v in rates["formats"].items()}
        top_total = sum(rates["top_formats"].values())
        top_mix = {k: v / top_total for k, v in rates["top_formats"].items()}
        # Below the top grades, shift the mix so that the overall mix still holds.
        low_mix = {
            k: max(0.0, (p - high * top_mix.get(k, 0.0)) / (1 - high)) for k, p in overall.items()
        }
        self.top_formats = _weighted(top_mix)
        self.low_formats = _weighted(low_mix)
        self.codes: set[str] = set()
        self.serials: dict[str, set[int]] = {d["prefix"]: set() for d in self.districts}
        self.manager_names: set[str] = set()
        self.shop_names: set[str] = set()
        voc = vocabulary()
        self.format_names = {t.code: t.name for t in voc.formats}
        self.market_names = {t.code: t.name for t in voc.market_types}
        self.status_names = {t.code: t.name for t in voc.statuses}

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    def person(self) -> str:
        rng = self.rng
        surname = rng.choices(self.surnames, self.surname_weights)[0]
        given: list[str] = self.ref["names"]["given"]
        return surname + rng.choice(given)

    def phone(self) -> str:
        return f"1{self.rng.choice('3456789')}{self.rng.randrange(10**9):09d}"

    def manager(self, index: int) -> dict[str, Any]:
        district = self.districts[index % len(self.districts)]
        name = self.person()
        while name in self.manager_names:
            name = self.person()
        self.manager_names.add(name)
        return {
            "code": f"{self.ref['manager_code_prefix']}{index + 1:03d}",
            "name": name,
            "district_unit": district["name"] + str(self.ref.get("district_unit_suffix", "")),
            "territory": _territory(district["short"], index // len(self.districts) + 1),
            "phone": self.phone(),
        }

    def customers(self, index: int, count: int) -> Iterator[dict[str, Any]]:
        """Customers of manager ``index``, route by route, each route in visiting order."""
        rng, rates = self.rng, self.ref["rates"]
        district = self.districts[index % len(self.districts)]
        spread = float(district["spread"])
        centre = (rng.gauss(district["lat"], spread), rng.gauss(district["lon"], spread))
        first = index == 0
        for weekday, size in route_sizes(count, float(rates["thursday_share"])).items():
            route = {
                "lat": rng.gauss(centre[0], spread / 3),
                "lon": rng.gauss(centre[1], spread / 3),
                "streets": rng.sample(district["streets"], 3),
                "town": rng.choice(district["towns"]),
                "villages": rng.sample(self.ref["names"]["villages"], 3),
            }
            shops = [self._shop(district, route, weekday) for _ in range(size)]
            if first and shops:
                shops[0] = self._showcase(shops[0])
                first = False
            shops.sort(key=lambda s: (s["gps_lon"], s["gps_lat"]))
            for position, shop in enumerate(shops, start=1):
                shop["route_position"] = position
                yield shop

    def _showcase(self, shop: dict[str, Any]) -> dict[str, Any]:
        show = self.ref["showcase"]
        self.shop_names.add(show["shop_name"])
        return {
            **shop,
            "shop_name": show["shop_name"],
            "owner_name": show["owner_name"],
            "format": show["format"],
            "status": "active",
        }

    def _unique(self, values: set[Any], draw: Callable[[], Any]) -> Any:
        value = draw()
        while value in values:
            value = draw()
        values.add(value)
        return value

    def _shop(
        self, district: dict[str, Any], route: dict[str, Any], weekday: int
    ) -> dict[str, Any]:
        rng, rates = self.rng, self.ref["rates"]
        grade = rng.choices(range(1, len(self.grade_weights) + 1), self.grade_weights)[0]
        keys, weights = self.top_formats if grade >= rates["top_grade"] else self.low_formats
        fmt = rng.choices(keys, weights)[0]
        rural = rng.random() < float(district["rural_share"])
        owner = self.person()
        prefix = self.ref["customer_code_prefix"]
        code = self._unique(self.codes, lambda: f"{prefix}{rng.randrange(10**8):08d}")
        serial = self._unique(self.serials[district["prefix"]], lambda: rng.randrange(1, 10**5))
        holder = "2" if rng.random() < float(rates["holder_type_2"]) else "1"
        place = f"{self.ref['city']}{district['name']}"
        if rural:
            village = rng.choice(route["villages"])
            street = village
            address = f"{place}{route['town']}{village}{rng.randint(1, 9)}组"
            lat, lon = self._point(district, route, 0.03)
        else:
            street = rng.choice(route["streets"])
            address = f"{place}{street}{rng.randint(1, 399)}号"
            lat, lon = self._point(district, route, 0.004)
        name = self._shop_name(fmt, owner, street)
        for _ in range(4):  # a few redraws keep names varied; real lists repeat names too
            if name not in self.shop_names:
                break
            name = self._shop_name(fmt, owner, street)
        self.shop_names.add(name)
        draw = rng.random()
        status = "active"
        if draw < rates["suspended"] + rates["closed"]:
            status = "suspended" if draw < rates["suspended"] else "closed"
        key_rate = rates[
            "key_customer_high" if grade >= rates["key_customer_grade"] else "key_customer_low"
        ]
        low_days, high_days = rates["licence_expiry_days"]
        return {
            "code": code,
            "licence_no": f"{district['prefix']}{holder}{serial:05d}",
            "shop_name": name,
            "owner_name": owner,
            "phone": self.phone(),
            "address": address,
            "district": district["name"],
            "format": fmt,
            "market_type": "X" if rural else "C",
            "grade": grade,
            "order_weekday": weekday,
            "status": status,
            "is_key_customer": rng.random() < key_rate,
            "licence_expiry": self.today + timedelta(days=rng.randint(low_days, high_days)),
            "gps_lat": lat,
            "gps_lon": lon,
        }

    def _point(
        self, district: dict[str, Any], route: dict[str, Any], spread: float
    ) -> tuple[float, float]:
        """A GPS point around the route's centre, inside the district's bounds."""
        lat_min, lat_max, lon_min, lon_max = district["bounds"]
        for _ in range(20):
            lat = self.rng.gauss(route["lat"], spread)
            lon = self.rng.gauss(route["lon"], spread * 1.4)  # a degree of longitude is shorter
            if lat_min <= lat <= lat_max and lon_min <= lon <= lon_max:
                break
        lat, lon = min(max(lat, lat_min), lat_max), min(max(lon, lon_min), lon_max)
        return round(lat, 6), round(lon, 6)

    def _shop_name(self, fmt: str, owner: str, street: str) -> str:
        rng, names = self.rng, self.ref["names"]
        pattern = rng.choices(self.patterns, self.pattern_weights)[0]
        return pattern.format(
            word=rng.choice(names["words"]),
            suffix=rng.choice(names["suffixes"][fmt]),
            owner=owner,
            surname=owner[0],
            street=street,
        )

    def table_row(self, shop: dict[str, Any]) -> list[object]:
        weekday = shop["order_weekday"]
        return [
            shop["code"],
            shop["licence_no"],
            shop["shop_name"],
            shop["owner_name"],
            shop["phone"],
            shop["address"],
            shop["district"],
            self.format_names[shop["format"]],
            self.market_names[shop["market_type"]],
            shop["grade"],
            self.route_name(weekday),
            self.ref["weekday_names"][weekday - 1],
            self.status_names[shop["status"]],
        ]

    def route_name(self, weekday: int) -> str:
        return f"{self.ref['weekday_names'][weekday - 1]}{self.ref['route_suffix']}"
