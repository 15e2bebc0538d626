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

from dtdesk.core.expr import Missing
from dtdesk.core.formats import count
from dtdesk.core.report import ReportData, fill
from dtdesk.core.template import Draft

TOKEN = re.compile(r"\{\{(\w+)\}\}")


def _matches(draft: Draft, values: dict) -> bool:
    try:
        return bool(draft.where.evaluate(values))
    except Missing:
        return False


def draft_text(data: ReportData, draft: Draft) -> str:
    """The sentence as the data says today."""
    section = data.template.section(draft.section)
    subunits = data.units.subunits(data.unit.code)
    matched = [u for u in subunits if _matches(draft, data.row_values(section, u.code))]
    numbers = {"matched": len(matched), "total": len(subunits)}
    words = dict(
        data.words,
        matched=str(len(matched)),
        total=str(len(subunits)),
        rest=count(len(subunits) - len(matched)),
        named=", ".join(u.named for u in matched),
        names=", ".join(u.short_name for u in matched),
    )
    for variant in draft.variants:
        if variant.when is None or variant.when.evaluate(numbers):
            return fill(variant.text, words)
    return ""


def drafts_for(data: ReportData) -> dict[str, str]:
    """Every draft of the template with its current text (empty without subunits)."""
    if not data.units.subunits(data.unit.code):
        return {draft_id: "" for draft_id in data.template.drafts}
    return {draft_id: draft_text(data, draft) for draft_id, draft in data.template.drafts.items()}


def expand(text: str, data: ReportData) -> str:
    """Replace ``{{draft_id}}`` tokens by their drafts; unknown tokens print as typed."""
    if "{{" not in text:
        return text
    drafts = data.template.drafts

    def replace(match: re.Match) -> str:
        draft = drafts.get(match.group(1))
        return draft_text(data, draft) if draft else match.group(0)

    return TOKEN.sub(replace, text)
