"""A department's customer list holds several managers' territories: its districts and routes
are listed, and an import filtered to the manager's (district, route) pairs leaves the other
rows out entirely."""

from __future__ import annotations

from pathlib import Path

from sample_data import ROSTER_HEADER, roster_rows, roster_workbook, write_workbook

from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_import import import_customers
from fieldbook.core.master.roster_areas import RosterRoute, roster_routes, several_areas

XINXING = {("新兴区", "新兴周一线"), ("新兴区", "新兴周二线")}


def test_the_routes_of_a_list_by_district(tmp_path: Path) -> None:
    routes = roster_routes(roster_workbook(tmp_path / "名单.xlsx"))
    assert [(r.district, r.route, r.customers) for r in routes] == [
        ("新兴区", "新兴周一线", 3),
        ("新兴区", "新兴周二线", 3),
        ("桃山区", "桃山周一线", 3),
        ("桃山区", "桃山周二线", 3),
        ("茄子河区", "茄子河周一线", 3),
    ]
    assert several_areas(routes)
    assert not several_areas([r for r in routes if r.district == "新兴区"])
    many = [RosterRoute("新兴区", f"线路{n}", 30) for n in range(7)]
    assert several_areas(many)  # more routes than one manager serves (customer.toml)


def test_an_import_filtered_to_the_territory_leaves_the_others_out(
    journal: Journal, tmp_path: Path
) -> None:
    rows = roster_rows()
    rows[-1][4] = "不是电话"  # a problem in 茄子河区: not this manager's, not reported
    path = write_workbook(tmp_path / "名单.xlsx", ROSTER_HEADER, rows)
    check = import_customers(journal, path, territory=XINXING, dry_run=True)
    assert (len(check.new), len(check.outside), check.problems) == (6, 9, [])
    report = import_customers(journal, path, territory=XINXING)
    assert report.applied and len(report.new) == 6
    customers = journal.customers.list()
    assert {c.route_name for c in customers} == {"新兴周一线", "新兴周二线"}
    assert {r.name for r in journal.routes.list()} == {"新兴周一线", "新兴周二线"}


def test_without_a_territory_every_row_is_imported(journal: Journal, tmp_path: Path) -> None:
    report = import_customers(journal, roster_workbook(tmp_path / "名单.xlsx"))
    assert (len(report.new), report.outside) == (15, [])
