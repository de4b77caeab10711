"""The manager's profile: a name printed on every form's head is checked before it is stored."""

from __future__ import annotations

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.profile import ProfileInput
from fieldbook.messages.describe import describe_error


@pytest.mark.parametrize("field", ["district_unit", "territory"])
def test_a_too_long_district_unit_or_territory_is_refused_by_name(
    world: Journal, field: str
) -> None:
    """The column holds 50 characters: on PostgreSQL a longer one failed as a database error."""
    before = world.profile.get()
    assert before is not None
    values = {"district_unit": before.district_unit, "territory": before.territory}
    values[field] = "新" * 51
    data = ProfileInput(before.code, before.name, phone=before.phone, **values)
    with pytest.raises(InvalidValue) as failure:
        world.profile.save(data)
    assert failure.value.detail == "too_long" and failure.value.data["field"] == field
    text = describe_error(failure.value, "zh_CN")
    assert "50" in text and ("所属营销部" in text or "片区" in text), text
    assert world.profile.get() == before
