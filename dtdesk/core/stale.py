"""Typed text that no longer says what the data says.

A clerk may type over a drafted sentence ("các phường còn để hồ sơ quá hạn
gồm: Cát Bi, Đằng Hải…") to word it their way; then it stops following the
data, and a ward's new file can make it false. Each variant of the draft is
turned into a pattern (its fixed words literally, its counts and names as
gaps); where the typed text matches one, the counts and names it holds are
compared with today's. A sentence reworded beyond recognition is the clerk's
and is left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dtdesk.core.drafts import COUNT_WORDS, NAME_WORDS, TOKEN, draft_text, drafted
from dtdesk.core.formats import nfc
from dtdesk.core.report import ReportData, fill
from dtdesk.core.template import Draft, Section, Variant

_GAP = re.compile(r"\\\{(\w+)\\\}")  # a {word} left in an escaped pattern


class Stale(NamedTuple):
    draft: Draft
    typed: str  # the typed words that match the draft's wording
    today: str  # what the draft says on today's data


def _pattern(variant: Variant, data: ReportData) -> re.Pattern | None:
    """The variant as a regular expression: report words filled in, counts and names as groups."""
    if not variant.text.strip():
        return None
    fixed = re.escape(fill(variant.text, data.words))
    seen: set[str] = set()

    def gap(match: re.Match) -> str:
        name = match.group(1)
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        if name in COUNT_WORDS:
            return rf"(?P<{name}>\d+)"
        if name in NAME_WORDS:
            return rf"(?P<{name}>[^()\n.;]+?)"
        return ".*?"

    source = _GAP.sub(gap, fixed).replace(r"\ ", " ").replace(" ", r"\s+")
    return re.compile(source + r"(?=\s*(?:[().;\n]|$))", re.IGNORECASE)


def _names(text: str) -> set[str]:
    return {" ".join(nfc(part).casefold().split()) for part in re.split(r",|\svà\s", text) if part.strip()}


def _agrees(found: re.Match, words: dict[str, str]) -> bool:
    for name, value in found.groupdict().items():
        if value is None:
            continue
        if name in COUNT_WORDS and int(value) != int(words.get(name, "-1")):
            return False
        if name in NAME_WORDS and _names(value) != _names(words.get(name, "")):
            return False
    return True


def _typed_match(text: str, draft: Draft, data: ReportData) -> tuple[Variant, re.Match] | None:
    """The variant whose wording the typed text uses (the longest match), with the match."""
    best = None
    for variant in draft.variants:
        pattern = _pattern(variant, data)
        found = pattern.search(text) if pattern else None
        if found and (best is None or len(found.group(0)) > len(best[1].group(0))):
            best = (variant, found)
    return best


def stale_sentences(data: ReportData, section: Section) -> list[Stale]:
    """Typed sentences in ``section`` that match one of its drafts' wording but not today's data."""
    text = data.text(section)
    if not text or not section.drafts or not data.units.subunits(data.unit.code):
        return []
    placed = set(TOKEN.findall(text))
    out = []
    for draft_id in section.drafts:
        draft = data.template.drafts[draft_id]
        if draft_id in placed or (typed := _typed_match(text, draft, data)) is None:
            continue
        variant, found = typed
        today = drafted(data, draft)
        uncovered = bool(today.words.get("coverage")) and not today.says_coverage  # typed as if all had reported
        if today.variant is not variant or uncovered or not _agrees(found, today.words):
            out.append(Stale(draft, " ".join(found.group(0).split()), draft_text(data, draft)))
    return out
