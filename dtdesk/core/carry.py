"""What the next period's report starts with, read from the previous one as the template declares.

A quarter's report is mostly last quarter's: the same office, recipients and
signer, narratives that change a few words, and figures that continue (the
dossiers still in progress at the end of a quarter are the next one's
"tồn trước"). The template marks what carries over (see
:class:`dtdesk.core.template.Field`): header fields (``copy``, the date as
``today``, the document number's ``symbol`` with the number left blank), text
sections and text points (``carry``), and figures (``carry_from`` names the
previous period's field). Nothing here knows one report's content.

The store writes these values as carried over, a mark the window shows on
narratives ("từ kỳ trước, cần xem lại") until the clerk edits them.
"""

import datetime as dt

from dtdesk.core.report import ReportData
from dtdesk.core.template import TEXT_FIELD, Field, Section

BLANK_NUMBER = "…"  # what a new report's number starts as ("…/BC-UBND"), as the template's levels write it


def symbol(number: str) -> str:
    """A document number with its number left blank and its symbol kept: "05/BC-VP" → "…/BC-VP"."""
    _, slash, rest = number.partition("/")
    return f"{BLANK_NUMBER}/{rest}" if slash else ""


def _carried(field: Field, value, today: dt.date):
    if field.carry == "today":
        return today.isoformat()
    if value is None or value == "":
        return None
    return symbol(str(value)) if field.carry == "symbol" else value


def _section_values(previous: ReportData, section: Section, unit: str, today: dt.date) -> dict[tuple[str, str], object]:
    found: dict[tuple[str, str], object] = {}
    texts = [TEXT_FIELD] if section.carry else []
    texts += [p.text for p in section.points if p.text and p.carry]
    for text in texts:
        found[(section.key(text), "")] = previous.raw(unit, section.key(text))
    fields = [f for f in section.fields if f.carry]
    if fields:
        for row in [r.id for r in section.fixed_rows] or [""]:
            values = previous.row_values(section, unit, row)
            for f in fields:
                found[(section.key(f.id), row)] = _carried(f, values.get(f.carry_from or f.id), today)
    return found


def carried_values(previous: ReportData, unit: str, today: dt.date) -> dict[tuple[str, str], object]:
    """``unit``'s values of the next period as the template carries them from ``previous``: {(key, row): value}.

    Only values that are there: a blank stays blank (and is not written).
    """
    template = previous.template
    found: dict[tuple[str, str], object] = {}
    for field in template.header:
        if field.carry:
            value = previous.raw(unit, f"header.{field.carry_from or field.id}")
            found[(f"header.{field.id}", "")] = _carried(field, value, today)
    for section in template.sections:
        found.update(_section_values(previous, section, unit, today))
    return {cell: value for cell, value in found.items() if value is not None and value != ""}
