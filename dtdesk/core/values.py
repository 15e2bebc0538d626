"""A report's value between the clerk and the store: where it lives, how typed text becomes it, how it shows.

:class:`Cell` names a value of a period: (unit, ``section.field`` key, fixed
row). :func:`parse` turns what a clerk typed ("1.671", "x", "30/3/2022") into
the value stored, by the field's type, or raises :class:`ParseError` with one
sentence; :func:`show` writes a stored value back by the field's format, as
the printed report writes it, and :func:`typed` as a clerk types it (the
forms and the messages: 9, not the printed 09). They sit together so that
what is shown can be typed back and mean the same.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dtdesk.core import formats
from dtdesk.core.formats import ParseError
from dtdesk.core.template import Field

__all__ = ["Cell", "ParseError", "parse", "show", "typed"]


class Cell(NamedTuple):
    """Where a value lives in a period: unit, key and fixed row ("" if none).

    Equal to the plain (unit, key, row) tuple, so a report's values may be keyed either way.
    """

    unit: str
    key: str
    row: str = ""


_MARKS = {"": None, "x": 1, "có": 1, "1": 1, "0": 0, "không": 0}  # what a clerk types in a checklist cell


def parse(field: Field, text) -> object:
    """A typed value from what the clerk entered; raises ParseError with a sentence."""
    if field.type == "int":
        return formats.parse_int(text)
    if field.type == "bool":
        if not isinstance(text, str):
            return None if text is None else int(bool(text))
        typed = formats.nfc(text).strip().lower()
        if typed not in _MARKS:
            raise ParseError("«{text}» không phải là dấu đánh; gõ x (đã làm) hoặc để trống (chưa làm).",
                             text=formats.shown(text))
        return _MARKS[typed]
    if field.type == "date":
        if text in (None, ""):
            return None
        return text.isoformat() if isinstance(text, dt.date) else formats.parse_date(str(text)).isoformat()
    return formats.parse_text(text)


def show(field: Field, value, missing: str = "", padded: bool = True) -> str:
    """A stored value as a printed cell or sentence writes it (1.671, 59,2, 09, x); ``missing`` when there is none.

    ``padded=False``: a count 1–9 without the print's leading zero, as the forms show it.
    """
    if value is None or value == "":
        return missing
    if field.format == "mark":
        return "x" if value else ""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    if field.format == "ratio":
        text = formats.ratio(value)
    elif field.format == "plain" or not padded:
        text = formats.number(value)
    else:
        text = formats.count(int(value))
    return text + field.suffix


def typed(field: Field, value) -> str:
    """A stored value as a clerk types it and a message quotes it: "1.671", "9", "59,2"; no unit, no padding."""
    text = show(field, value, padded=False)
    return text[: -len(field.suffix)] if field.suffix and text.endswith(field.suffix) else text
