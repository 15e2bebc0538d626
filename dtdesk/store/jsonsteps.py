"""A document's status steps placed in the workspace that loads it (``dtdesk load``): each for the report it belongs
to, as this workspace would have recorded it, or left out with one sentence saying why.

A step's ``side`` is the point of view of the office that recorded it, the document's own unit
(:mod:`dtdesk.store.status`): ``out`` for a report that office sent upward, ``in`` for a subunit's report it
received and answered. Where the loading workspace's own unit is the document's (or a new workspace takes it from
the document), every step keeps its side. Where it is another office's document:

- the level above's receipt and answer of this workspace's own report are the own report's steps seen from the
  other side: they are loaded as ``out`` (sent, accepted, returned with the reason), as importing the level
  above's reply would have recorded them. A step already here under the same file (its hash) is not added again,
  and a step of a revision older than one reopened or sent here since is left out, and said (it would put the
  report back to a revision it has left);
- a step of the own report sent from there (``out``), or of a subunit's report received there (``in``, the unit's
  parent being this workspace's own unit), is what this workspace would record: it keeps its side;
- any other step is another office's sending or receiving (the district's own report sent to the city, a ward's
  own sending seen at the level above, which records a subunit's report only by importing its file): it is not
  this workspace's to hold, because its side would claim a sending or a receipt that did not happen here, so it is
  left out and the load says so, naming the reports.
"""

from __future__ import annotations

from typing import NamedTuple

from dtdesk.core.i18n import Phrase
from dtdesk.core.units import Hierarchy
from dtdesk.store.status import DRAFT, IN, OUT, SENT, STEP_COLUMNS

_SIDE = STEP_COLUMNS.index("side")
_LISTED = 3  # reports named in a sentence before "…"


class PlacedSteps(NamedTuple):
    """The steps to add (rows in STEP_COLUMNS order, the document's order) and what was left out, in words."""

    rows: list[tuple]
    notes: list[Phrase]


def place_steps(steps: list[tuple], document_own: str, own: str, units: Hierarchy,
                held: dict[tuple[str, str], list[tuple]]) -> PlacedSteps:
    """The document's ``steps`` as this workspace (own unit ``own``, units ``units``) records them; ``held`` gives
    the steps it already has of each report, in the same row form (STEP_COLUMNS)."""
    if document_own == own:
        return PlacedSteps([s for s in steps if s not in held.get((s[0], s[1]), [])], [])
    rows, foreign, stale = [], {}, {}
    for step in steps:
        unit, period, revision = step[0], step[1], step[3]
        side = step[_SIDE]
        if unit == own and side == IN:
            step = (*step[:_SIDE], OUT)
            if _same_file_held(step, held.get((unit, period), []) + rows):
                continue
            if revision < _latest_revision(held.get((unit, period), []) + rows):
                stale[(unit, period)] = stale.get((unit, period), 0) + 1
                continue
        elif not (unit == own and side == OUT or side == IN and unit in units and units[unit].parent == own):
            foreign[(unit, period)] = foreign.get((unit, period), 0) + 1
            continue
        if step not in held.get((unit, period), []) and step not in rows:
            rows.append(step)
    return PlacedSteps(rows, _notes(foreign, stale, _name(units, document_own), _name(units, own)))


def _same_file_held(step: tuple, held: list[tuple]) -> bool:
    """The step of the same file (a submission or a reply, by its hash) is already recorded on this side."""
    status, revision, sha256 = step[2], step[3], step[8]
    return any(h[2] == status and h[3] == revision and (h[8] == sha256 or not sha256) and h[_SIDE] == OUT
               for h in held)


def _latest_revision(held: list[tuple]) -> int:
    return max((h[3] for h in held if h[_SIDE] == OUT and h[2] in (SENT, DRAFT)), default=0)


def _name(units: Hierarchy, code: str) -> str:
    return units[code].name if code in units else code


def _named(reports: dict[tuple[str, str], int]) -> str:
    names = [f"{unit} {period}" for unit, period in sorted(reports)]
    return ", ".join(names[:_LISTED]) + (", …" if len(names) > _LISTED else "")


def _notes(foreign: dict, stale: dict, document_own: str, own: str) -> list[Phrase]:
    notes = []
    if foreign:
        notes.append(Phrase("Không nạp {count} bước trạng thái của báo cáo {reports}: đó là những lần gửi, nhận do "
                            "{office} ghi lại, còn tệp dữ liệu của {own} chỉ ghi những lần gửi, nhận của chính mình "
                            "(báo cáo của cấp dưới được ghi nhận khi nhập tệp nộp của đơn vị đó).",
                            count=sum(foreign.values()), reports=_named(foreign), office=document_own, own=own))
    if stale:
        notes.append(Phrase("Không nạp {count} bước trạng thái của báo cáo {reports}: chúng thuộc một lần nộp cũ hơn "
                            "lần nộp mà tệp dữ liệu này đã mở lại hoặc gửi đi sau đó.", count=sum(stale.values()), reports=_named(stale)))
    return notes
