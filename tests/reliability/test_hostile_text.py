"""Hostile text typed or pasted into a customer and a visit: 1 MB of text, control characters,
emoji, right-to-left marks. The core stores exactly what its normalisation makes of it, reads
it back unchanged, refuses what is over a limit with ``too_long`` (never truncating silently)
and never crashes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from faults import integrity

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import TEXT_LIMITS, CustomerInput
from fieldbook.core.routine.checklist import load_checklist
from fieldbook.core.text import clean_free_text, clean_text

MEGABYTE = "烟" * (1 << 20)
HOSTILE = "张\x00小\x07便利\x1b[31m店\u202e😀\u200f\u200bشمس\u2066🚬\r\n第二行\ufeff"


def test_a_megabyte_is_refused_with_too_long_and_nothing_is_stored(
    world: Journal, db_path: Path
) -> None:
    before = world.customers.count(everyone=True)
    for field in ("shop_name", "address", "notes"):
        data = CustomerInput(code="H001", shop_name="正常店")
        with pytest.raises(InvalidValue) as info:
            world.customers.create(replace(data, **{field: MEGABYTE}))
        assert info.value.detail == "too_long" and info.value.data["field"] == field
        assert info.value.data["max"] == TEXT_LIMITS[field]
    assert world.customers.count(everyone=True) == before

    cid = world.customers.by_code("M001").id
    visit = world.visits.start(cid, at=datetime(2026, 11, 30, 8, 0))
    limit = load_checklist("visit").item("notes").max_length
    with pytest.raises(InvalidValue) as info:
        world.visits.save_answer(visit.id, "notes", MEGABYTE)
    assert info.value.detail == "too_long" and info.value.data["max"] == limit
    assert "notes" not in world.visits.get(visit.id).answers
    world.close()
    assert integrity(db_path) == "ok"


def test_control_characters_emoji_and_bidi_marks_round_trip_as_normalised(
    world: Journal,
) -> None:
    row = world.customers.create(
        CustomerInput(code="H002", shop_name=HOSTILE, owner_name=HOSTILE, notes=HOSTILE)
    )
    back = world.customers.get(row.id)
    assert back.shop_name == clean_text(HOSTILE) == "张小便利[31m店😀شمس🚬 第二行"
    assert back.owner_name == clean_text(HOSTILE)
    # free notes keep their lines and printable characters; control characters (NUL, BEL,
    # ESC), bidi overrides/isolates and the BOM are dropped at the database's door, CR LF is LF
    assert (
        back.notes
        == clean_free_text(HOSTILE).strip()
        == "张小便利[31m店😀\u200f\u200bشمس🚬\n第二行"
    )
    assert "😀" in back.shop_name and "\u202e" not in back.shop_name
    for query in (HOSTILE, "\x00", "😀", "\u202e", "%", "_", "'", '"'):
        world.customers.list(query)  # never crashes
    assert row.id in {c.id for c in world.customers.list("😀")}

    cid = world.customers.by_code("M001").id
    visit = world.visits.start(cid, at=datetime(2026, 11, 30, 8, 0))
    world.visits.save_answer(visit.id, "requests", HOSTILE)
    expected = "\n".join(clean_text(line) for line in HOSTILE.splitlines()).strip()
    assert world.visits.get(visit.id).answers["requests"] == expected


def test_text_exactly_at_the_limit_is_kept_whole(world: Journal) -> None:
    name = "😀" * TEXT_LIMITS["shop_name"]
    notes = "\u05d0" * TEXT_LIMITS["notes"]  # right-to-left letters
    row = world.customers.create(CustomerInput(code="H003", shop_name=name, notes=notes))
    back = world.customers.get(row.id)
    assert back.shop_name == name and back.notes == notes

    cid = world.customers.by_code("M002").id
    day = date(2026, 11, 30) + timedelta(days=1)
    visit = world.visits.start(cid, at=datetime.combine(day, time(8, 0)))
    text = "🚬" * load_checklist("visit").item("notes").max_length
    world.visits.save_answer(visit.id, "notes", text)
    assert world.visits.get(visit.id).answers["notes"] == text
