"""A report worded for its unit's level: what a new report's header says before the clerk types anything.

A ward's report is issued by "ỦY BAN NHÂN DÂN / PHƯỜNG HẢI AN", numbered
"…/BC-UBND" and signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; a district office's
by its office under the district's People's Committee. The template says so
per level (``levels`` in the template JSON, patterns over the words below);
this module picks the level of a unit and fills the patterns. The result is
stored as the new report's header values, so the clerk sees and may change or
clear every one of them.
"""

import re

from dtdesk.core.report import fill
from dtdesk.core.template import Template
from dtdesk.core.units import COMMUNE, DISTRICT, PROVINCE, Hierarchy, Unit

_WORD = re.compile(r"\{(\w+)\}")
_LEVEL_NAMES = {PROVINCE: "province", DISTRICT: "district", COMMUNE: "commune", 0: "body"}


def level_of(unit: Unit) -> str:
    """"province", "district", "commune" or "body": the template's name for the unit's level."""
    return _LEVEL_NAMES[unit.level]


def level_words(units: Hierarchy, unit: Unit) -> dict[str, str]:
    """The words a level pattern may use (dtdesk.core.template.LEVEL_WORDS), for this unit."""
    parent = units.units.get(unit.parent) if unit.parent else None
    return {
        "name": unit.name,
        "NAME": unit.name.upper(),
        "short": unit.short_name,
        "named": unit.named,
        "kind": unit.word,
        "KIND": unit.word.upper(),
        "subkind": units.subkind_word(unit.code),
        "parent_name": parent.name if parent else "",
        "PARENT_NAME": parent.name.upper() if parent else "",
        "parent_named": parent.named if parent else "",
    }


def header_defaults(template: Template, units: Hierarchy, code: str) -> dict[str, str]:
    """Header field id → text a new report of this unit starts with (none for a level the template does not word).

    A line whose words are all missing (a recipient "- UBND ;" of a unit with
    no parent) is left out rather than printed half empty.
    """
    unit = units[code]
    words = level_words(units, unit)
    out = {}
    for field_id, pattern in template.levels.get(level_of(unit), {}).items():
        lines = [fill(line, words) for line in pattern.split("\n") if _has_words(line, words)]
        if text := "\n".join(lines).strip():
            out[field_id] = text
    return out


def _has_words(line: str, words: dict[str, str]) -> bool:
    """False when the line uses a word that is empty for this unit (its parent's name, when it has none)."""
    return all(words.get(name, "x") for name in _WORD.findall(line))
