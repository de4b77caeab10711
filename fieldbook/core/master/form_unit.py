"""The unit the forms are made out in (填报单位): the company and its 营销中心（市场部）, kept in
the ``settings`` table, and whether forms carry the 内部资料 · 注意保密 mark. The manager's
营销部 is the profile's ``district_unit`` (``master.profile``); decision 0023."""

from __future__ import annotations

from dataclasses import dataclass

from fieldbook.core.errors import InvalidValue
from fieldbook.core.store.sessions import Sessions, get_setting, set_setting
from fieldbook.core.text import clean_prose

TOPIC = "settings"
COMPANY_KEY = "form.company"
CENTER_KEY = "form.center"
CONFIDENTIAL_KEY = "form.confidential"
MAX_LENGTH = 40


@dataclass(frozen=True)
class FormUnit:
    """Company (e.g. 七台河市烟草公司), centre (e.g. 营销中心（市场部）), the confidentiality mark
    (on unless turned off)."""

    company: str = ""
    center: str = ""
    confidential: bool = True


def _clean(value: str, field: str) -> str:
    """One line, as typed: controls and zero-width characters removed, whitespace collapsed;
    full-width brackets kept (「营销中心（市场部）」 is printed as the unit writes it, unlike
    ``text.clean_text``)."""
    text = " ".join(clean_prose(value).split())
    if len(text) > MAX_LENGTH:
        raise InvalidValue("too_long", field=field, max=MAX_LENGTH)
    return text


def clean_form_unit(data: FormUnit) -> FormUnit:
    return FormUnit(
        company=_clean(data.company, "form_company"),
        center=_clean(data.center, "form_center"),
        confidential=bool(data.confidential),
    )


class FormUnitService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    def get(self) -> FormUnit:
        with self.db.reading() as s:
            mark = get_setting(s, CONFIDENTIAL_KEY)
            return FormUnit(
                company=get_setting(s, COMPANY_KEY) or "",
                center=get_setting(s, CENTER_KEY) or "",
                confidential=mark != "0",
            )

    def save(self, data: FormUnit) -> FormUnit:
        """Check and store the unit; nothing is stored when a field is bad."""
        data = clean_form_unit(data)
        with self.db.writing(TOPIC) as s:
            set_setting(s, COMPANY_KEY, data.company)
            set_setting(s, CENTER_KEY, data.center)
            set_setting(s, CONFIDENTIAL_KEY, "1" if data.confidential else "0")
        return data
