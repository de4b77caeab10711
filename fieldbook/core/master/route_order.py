"""A shorter visiting order for the day's shops, from their GPS coordinates.

Heuristic: nearest-neighbour construction followed by 2-opt improvement, on great-circle
(haversine) distances. The route is an *open path*: it begins at the start point (the office, or
the territory's first shop) and does not return to it.

A day holds at most about 60 stops, for which this gives routes close to optimal in a few
milliseconds; a maintained solver such as OR-Tools would be a very heavy dependency (a large native
wheel) for no practical gain at this size, so this module stays dependency-free.

Output is deterministic: the same input always gives the same order (ties are broken by input
position).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)
_EPS_M = 1e-7  # an improvement smaller than this is rounding noise, not an improvement


@dataclass(frozen=True)
class Point:
    key: str
    lat: float
    lon: float


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon) pairs given in degrees."""
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, h)))


def path_length_m(start: tuple[float, float] | None, points: Sequence[Point]) -> float:
    """Length in metres of the open path start → points[0] → … → points[-1].

    With ``start`` None the path begins at ``points[0]``.
    """
    coords = [(p.lat, p.lon) for p in points]
    if start is not None:
        coords.insert(0, start)
    return sum(haversine_m(coords[i], coords[i + 1]) for i in range(len(coords) - 1))


def shorter_order(
    points: Sequence[Point],
    start: tuple[float, float] | None = None,
    *,
    max_iterations: int = 2000,
) -> list[str]:
    """The points' keys in a shorter visiting order from ``start``.

    With ``start`` None the route begins at ``points[0]`` (the territory's first shop), which then
    stays first. ``max_iterations`` caps the number of 2-opt moves applied; 0 gives the plain
    nearest-neighbour order. The result is never longer than the nearest-neighbour order.
    """
    if not points:
        return []
    coords = [(p.lat, p.lon) for p in points]
    if start is None:
        # node 0 is the first point itself; it is the fixed start of the route
        nodes = coords
        offset = 0
    else:
        nodes = [start, *coords]
        offset = 1
    n = len(nodes)
    dist = [[haversine_m(nodes[i], nodes[j]) for j in range(n)] for i in range(n)]

    route = _nearest_neighbour(dist)
    _two_opt(route, dist, max_iterations)
    return [points[node - offset].key for node in route[offset:]]


def _nearest_neighbour(dist: list[list[float]]) -> list[int]:
    """Greedy route from node 0: always go to the closest unvisited node (lowest index on ties)."""
    n = len(dist)
    route = [0]
    unvisited = list(range(1, n))
    while unvisited:
        row = dist[route[-1]]
        best = min(unvisited, key=lambda j: (row[j], j))
        unvisited.remove(best)
        route.append(best)
    return route


def _two_opt(route: list[int], dist: list[list[float]], max_iterations: int) -> None:
    """Improve the open path ``route`` in place by reversing segments (route[0] stays fixed).

    Reversing route[i..j] replaces the edges (a=route[i-1], b=route[i]) and (c=route[j],
    d=route[j+1]) by (a, c) and (b, d); when j is the last position there is no edge after it.
    Moves are applied as soon as found, sweeping until a full sweep finds none.
    """
    last = len(route) - 1
    moves = 0
    improved = True
    while improved and moves < max_iterations:
        improved = False
        for i in range(1, last):
            for j in range(i + 1, last + 1):
                a, b, c = route[i - 1], route[i], route[j]
                delta = dist[a][c] - dist[a][b]
                if j < last:
                    d = route[j + 1]
                    delta += dist[b][d] - dist[c][d]
                if delta < -_EPS_M:
                    route[i : j + 1] = route[i : j + 1][::-1]
                    moves += 1
                    improved = True
                    if moves >= max_iterations:
                        return


def _coordinate(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    if lat is None or lon is None:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return (lat, lon)


def order_with_gaps(
    stops: Sequence[tuple[str, float | None, float | None]],
    start: tuple[float, float] | None,
) -> list[str]:
    """The stops' keys with the located ones re-ordered by :func:`shorter_order`.

    Rule: a stop without usable coordinates (None, NaN or out of range) keeps its position in the
    list; the located stops are re-ordered among themselves and fill, in their new order, the
    positions the located stops held. With ``start`` None the route begins at the first located
    stop. E.g. [A, x, B, C] with x unlocated and shorter order C, A, B gives [C, x, A, B].
    """
    located: list[Point] = []
    slots: list[int] = []
    for index, (key, lat, lon) in enumerate(stops):
        coordinate = _coordinate(lat, lon)
        if coordinate is not None:
            located.append(Point(key, coordinate[0], coordinate[1]))
            slots.append(index)
    result = [key for key, _lat, _lon in stops]
    for slot, key in zip(slots, shorter_order(located, start), strict=True):
        result[slot] = key
    return result
