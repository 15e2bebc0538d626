"""Counting sentences drafted from the data.

Today a district clerk counts by hand: "Có 1/8 phường (phường Đông Hải 1) đã
xây dựng chuyên mục…". The template defines each such sentence (which
section's values, which condition, wording variants); here we count the
subunits that meet the condition and fill in the words, so the counts and the
names always agree with the tables.

A clerk places a draft in a narrative as ``{{draft_id}}``; it is expanded when
the report is printed, so it follows later edits. To edit the wording instead,
the clerk inserts the drafted text itself (see :func:`draft_text`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dtdesk.core.coverage import coverage, note, nothing_reported, with_note
from dtdesk.core.expr import Missing
from dtdesk.core.formats import count
from dtdesk.core.report import ReportData, fill
from dtdesk.core.template import Draft, Variant

TOKEN = re.compile(r"\{\{(\w+)\}\}")
TOKEN_WITH_SPACE = re.compile(r"( ?)\{\{(\w+)\}\}")


def _matches(draft: Draft, values: dict) -> bool:
    try:
        return bool(draft.where.evaluate(values))
    except Missing:
        return False


class Drafted(NamedTuple):
    """A draft worked out on today's data: the variant that applies and the words it is filled with."""

    variant: Variant | None  # None: no subunit has data, or no variant applies
    words: dict[str, str]
    says_coverage: bool = False


# the words of a draft's own that a variant may place; each count is also a number to compare
COUNT_WORDS = ("matched", "total", "reported", "all", "rest")
NAME_WORDS = ("named", "names")


def drafted(data: ReportData, draft: Draft) -> Drafted:
    """The variant and words for ``draft`` over the subunits that have data.

    ``total`` counts those subunits, ``all`` every subunit.
    """
    section = data.template.section(draft.section)
    covered = coverage(data, section)
    if not covered.reported:
        return Drafted(None, dict(data.words))
    matched = [u for u in covered.reported if _matches(draft, data.row_values(section, u.code))]
    numbers = {"matched": len(matched), "total": len(covered.reported), **covered.counts()}
    words = dict(
        data.words,
        **{name: str(value) for name, value in numbers.items()},
        rest=count(len(covered.reported) - len(matched)),
        named=", ".join(u.named for u in matched),
        names=", ".join(u.short_name for u in matched),
        coverage=note(data, covered),
    )
    variant = next((v for v in draft.variants if v.when is None or v.when.evaluate(numbers)), None)
    says = variant is not None and ("{coverage}" in variant.text or "{reported}" in variant.text)
    return Drafted(variant, words, says)


def draft_text(data: ReportData, draft: Draft) -> str:
    """The sentence as the data says today, over the subunits that have data.

    While some subunits have no data the sentence carries the coverage note
    (unless its variant words the coverage itself with ``{reported}``), and
    while none has, it says only that.
    """
    today = drafted(data, draft)
    if "coverage" not in today.words:
        return nothing_reported(data, draft.none)
    if today.variant is None:
        return today.words["coverage"]
    text = fill(today.variant.text, today.words)
    return text if today.says_coverage else with_note(text, today.words["coverage"])


def drafts_for(data: ReportData) -> dict[str, str]:
    """Every draft of the template with its current text (empty without subunits)."""
    if not data.units.subunits(data.unit.code):
        return {draft_id: "" for draft_id in data.template.drafts}
    return {draft_id: draft_text(data, draft) for draft_id, draft in data.template.drafts.items()}


def expand(text: str, data: ReportData) -> str:
    """Replace ``{{draft_id}}`` tokens by their drafts; unknown tokens print as typed.

    A draft that says nothing today takes the space before its token with it,
    so "trên địa bàn phường {{comm_plan_missing}}." never prints "phường ."
    """
    if "{{" not in text:
        return text
    drafts = data.template.drafts

    def replace(match: re.Match) -> str:
        draft = drafts.get(match.group(2))
        if draft is None:
            return match.group(0)
        drafted = draft_text(data, draft)
        return match.group(1) + drafted if drafted else ""

    return TOKEN_WITH_SPACE.sub(replace, text)
