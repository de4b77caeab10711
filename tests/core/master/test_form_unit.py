"""The unit the forms are made out in: stored in settings, checked, nothing half-saved."""

from __future__ import annotations

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.form_unit import MAX_LENGTH, FormUnit


def test_a_new_database_has_no_unit_and_marks_forms_confidential(journal: Journal) -> None:
    assert journal.form_unit.get() == FormUnit("", "", confidential=True)


def test_the_unit_is_kept_as_typed_on_one_line(journal: Journal) -> None:
    saved = journal.form_unit.save(
        FormUnit("  七台河市烟草公司\n", "营销中心（市场部）\x07\t", confidential=False)
    )
    assert saved == FormUnit("七台河市烟草公司", "营销中心（市场部）", confidential=False)
    assert journal.form_unit.get() == saved  # full-width brackets kept, not made ASCII


def test_a_too_long_name_says_which_field_and_changes_nothing(journal: Journal) -> None:
    journal.form_unit.save(FormUnit("七台河市烟草公司", "营销中心（市场部）"))
    with pytest.raises(InvalidValue) as failure:
        journal.form_unit.save(FormUnit("长" * (MAX_LENGTH + 1), "别的中心", confidential=False))
    assert failure.value.detail == "too_long" and failure.value.data["field"] == "form_company"
    assert journal.form_unit.get() == FormUnit("七台河市烟草公司", "营销中心（市场部）")


def test_invisible_characters_are_not_kept_nor_counted(journal: Journal) -> None:
    """A name pasted with zero-width spaces/joiners prints the same but would differ from the
    one typed (and count towards the 40 characters): they are removed."""
    pasted = "七台河\u200b市烟草\u200d公司\u2060" + "\u200b" * MAX_LENGTH
    saved = journal.form_unit.save(FormUnit(pasted, "营销中心\u200c（市场部）"))
    assert saved == FormUnit("七台河市烟草公司", "营销中心（市场部）")
