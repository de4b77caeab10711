"""fieldbook.core.master.route_order: nearest neighbour + 2-opt visiting order on GPS."""

from __future__ import annotations

import itertools
import random
import time

import pytest

from fieldbook.core.master.route_order import (
    Point,
    haversine_m,
    order_with_gaps,
    path_length_m,
    shorter_order,
)

STEP = 0.01  # degrees: about 1.1 km at the equator, where a lat/lon grid is nearly square


def grid(key: str, x: float, y: float) -> Point:
    return Point(key, x * STEP, y * STEP)


def random_points(seed: int, n: int) -> list[Point]:
    rng = random.Random(seed)
    # a county-sized box around 七台河
    return [
        Point(f"S{i:02d}", 45.70 + rng.random() * 0.2, 130.90 + rng.random() * 0.3)
        for i in range(n)
    ]


def length(start: tuple[float, float] | None, points: list[Point], order: list[str]) -> float:
    by_key = {p.key: p for p in points}
    return path_length_m(start, [by_key[k] for k in order])


def test_haversine_known_distances() -> None:
    assert haversine_m((45.0, 131.0), (45.0, 131.0)) == 0.0
    # one degree of latitude is about 111.2 km
    assert haversine_m((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111_195, rel=1e-3)
    # 北京 天安门 → 上海 人民广场 is about 1,067 km
    assert haversine_m((39.9087, 116.3975), (31.2304, 121.4737)) == pytest.approx(
        1_067_000, rel=0.01
    )
    assert haversine_m((10.0, 20.0), (11.0, 22.0)) == pytest.approx(
        haversine_m((11.0, 22.0), (10.0, 20.0))
    )


def test_path_length_with_and_without_start() -> None:
    pts = [grid("A", 1, 0), grid("B", 2, 0)]
    leg = haversine_m((STEP, 0.0), (2 * STEP, 0.0))
    assert path_length_m(None, pts) == pytest.approx(leg)
    assert path_length_m((0.0, 0.0), pts) == pytest.approx(
        haversine_m((0.0, 0.0), (STEP, 0.0)) + leg
    )
    assert path_length_m(None, []) == 0.0
    assert path_length_m((0.0, 0.0), []) == 0.0


def test_points_on_a_line_come_back_in_line_order_from_an_end() -> None:
    line = [Point(f"P{i}", 45.75 + i * 0.003, 130.95 + i * 0.004) for i in range(12)]
    shuffled = line[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != line
    keys = [p.key for p in line]
    below_first = (45.75 - 0.003, 130.95 - 0.004)
    beyond_last = (45.75 + 12 * 0.003, 130.95 + 12 * 0.004)
    assert shorter_order(shuffled, below_first) == keys
    assert shorter_order(shuffled, beyond_last) == keys[::-1]


def test_without_start_the_first_point_stays_first() -> None:
    line = [grid("C", 3, 0), grid("A", 1, 0), grid("E", 5, 0), grid("B", 2, 0), grid("D", 4, 0)]
    assert shorter_order(line) == ["C", "B", "A", "D", "E"]  # shortest path from C: 1 + 1 + 3 + 1
    assert shorter_order([*line[1:], line[0]])[0] == "A"


def test_nearest_neighbour_crossing_is_fixed_by_two_opt() -> None:
    # From the start at (0,0), nearest neighbour goes B(1,0) → C(2,1) → D(3,0) and then has to
    # come all the way back to A(0,2): the last leg D→A crosses the first leg B→C.
    start = (0.0, 0.0)
    pts = [grid("A", 0, 2), grid("B", 1, 0), grid("C", 2, 1), grid("D", 3, 0)]
    nn = shorter_order(pts, start, max_iterations=0)
    assert nn == ["B", "C", "D", "A"]
    improved = shorter_order(pts, start)
    assert improved == ["B", "D", "C", "A"]
    assert length(start, pts, improved) < length(start, pts, nn) - 500
    # and it is the best of all 24 orders
    best = min(itertools.permutations("ABCD"), key=lambda o: length(start, pts, list(o)))
    assert improved == list(best)


@pytest.mark.parametrize("seed", range(8))
def test_two_opt_never_lengthens_the_nearest_neighbour_path(seed: int) -> None:
    pts = random_points(seed, 30)
    start = (45.80, 131.05)
    nn = shorter_order(pts, start, max_iterations=0)
    improved = shorter_order(pts, start)
    assert sorted(improved) == sorted(p.key for p in pts)  # a permutation: none lost or doubled
    assert length(start, pts, improved) <= length(start, pts, nn) + 1e-6
    # also without a start point (the first shop stays first)
    nn0 = shorter_order(pts, max_iterations=0)
    improved0 = shorter_order(pts)
    assert improved0[0] == pts[0].key
    assert length(None, pts, improved0) <= length(None, pts, nn0) + 1e-6


def test_two_opt_improves_random_sets_overall() -> None:
    start = (45.80, 131.05)
    gains = []
    for seed in range(8):
        pts = random_points(seed, 30)
        nn = length(start, pts, shorter_order(pts, start, max_iterations=0))
        gains.append(nn - length(start, pts, shorter_order(pts, start)))
    assert sum(gains) > 1_000  # metres: 2-opt actually does something on realistic input


def test_max_iterations_caps_the_moves() -> None:
    pts = random_points(3, 30)
    start = (45.80, 131.05)
    nn = length(start, pts, shorter_order(pts, start, max_iterations=0))
    one = length(start, pts, shorter_order(pts, start, max_iterations=1))
    full = length(start, pts, shorter_order(pts, start))
    assert full < one < nn


def test_empty_and_single_inputs() -> None:
    assert shorter_order([]) == []
    assert shorter_order([], (45.0, 131.0)) == []
    assert shorter_order([Point("only", 45.0, 131.0)]) == ["only"]
    assert shorter_order([Point("only", 45.0, 131.0)], (45.1, 131.1)) == ["only"]
    assert order_with_gaps([], None) == []
    assert order_with_gaps([], (45.0, 131.0)) == []
    assert order_with_gaps([("x", None, None)], (45.0, 131.0)) == ["x"]
    assert order_with_gaps([("a", 45.0, 131.0)], None) == ["a"]


def test_stops_without_coordinates_keep_their_positions() -> None:
    start = (0.0, 0.0)
    stops = [
        ("far", 5 * STEP, 0.0),
        ("no-gps-1", None, None),
        ("near", 1 * STEP, 0.0),
        ("mid", 3 * STEP, 0.0),
        ("no-gps-2", 2 * STEP, None),  # half a coordinate is no coordinate
        ("nan", float("nan"), 0.0),
    ]
    assert order_with_gaps(stops, start) == ["near", "no-gps-1", "mid", "far", "no-gps-2", "nan"]
    # without a start point the first located stop starts the route
    assert order_with_gaps(stops, None) == ["far", "no-gps-1", "mid", "near", "no-gps-2", "nan"]
    # no located stops at all: unchanged
    assert order_with_gaps([("a", None, 1.0), ("b", None, None)], start) == ["a", "b"]


def test_out_of_range_coordinates_count_as_missing() -> None:
    stops = [("c", 3 * STEP, 0.0), ("bad", 131.0, 45.0), ("a", 1 * STEP, 0.0)]  # lat/lon swapped
    assert order_with_gaps(stops, (0.0, 0.0)) == ["a", "bad", "c"]


def test_output_is_deterministic() -> None:
    pts = random_points(11, 45)
    start = (45.80, 131.05)
    first = shorter_order(pts, start)
    assert all(shorter_order(list(pts), start) == first for _ in range(5))
    # ties (two stops at the same place) are broken by input position
    twins = [grid("A", 1, 0), grid("B", 1, 0), grid("C", 2, 0)]
    assert shorter_order(twins, (0.0, 0.0)) == ["A", "B", "C"]
    stops = [(p.key, p.lat, p.lon) for p in pts]
    stops[5] = ("gap", None, None)
    assert order_with_gaps(stops, start) == order_with_gaps(list(stops), start)


@pytest.mark.parametrize("n", [30, 60])
def test_sixty_points_take_under_50_ms(n: int) -> None:
    pts = random_points(n, n)
    start = (45.80, 131.05)
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        shorter_order(pts, start)
        best = min(best, time.perf_counter() - t0)
    assert best < 0.050
