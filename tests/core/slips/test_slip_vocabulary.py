"""The slip vocabulary's names come from schema/reference/slips.toml; unknown codes show as
themselves, and a department is found by its code or its name."""

from __future__ import annotations

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.slips.rules import department_code
from fieldbook.core.slips.vocabulary import (
    category_name,
    department_name,
    department_order,
    state_name,
)


def test_names_from_the_configuration():
    assert category_name("closed") == "关业"
    assert department_name("market") == "市场部"
    assert state_name("sent") == "已发送"
    assert (category_name("gone"), department_name("gone"), state_name("gone")) == ("gone",) * 3


def test_departments_in_configuration_order_unknown_last():
    order = ["phone", "market", "gone", "distribution", "monopoly"]
    assert sorted(order, key=department_order) == [
        "market",
        "monopoly",
        "distribution",
        "phone",
        "gone",
    ]


def test_department_code_from_code_or_name():
    assert department_code("市场部") == "market"
    assert department_code(" Market ") == "market"
    with pytest.raises(InvalidValue):
        department_code("财务部")
