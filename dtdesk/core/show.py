"""How one value is written in a cell or a sentence, by its field's format."""

from __future__ import annotations

from dtdesk.core import formats
from dtdesk.core.template import Field


def show(field: Field, value, missing: str = "") -> str:
    if value is None or value == "":
        return missing
    if field.format == "mark":
        return "x" if value else ""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    if field.format == "ratio":
        text = formats.ratio(value)
    elif field.format == "plain":
        text = formats.number(value)
    else:
        text = formats.count(int(value))
    return text + field.suffix
