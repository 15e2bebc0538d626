"""Editing one report: the single path every edit takes, GUI or not.

The GUI's undo commands, the crash-safety test's worker and the CLI all call
:meth:`ReportSession.edit` / :meth:`ReportSession.put`, so what is tested is
what the clerk runs. :meth:`ReportSession.edit` parses what was typed with
:func:`dtdesk.core.values.parse` (a clerk's "1.671" becomes 1671; letters are
refused with a sentence), then commits it at once; the window, which has
parsed already to compare with the value shown, commits with ``put``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dtdesk.core import formats
from dtdesk.core.formats import ParseError
from dtdesk.core.report import ReportData, ReportInfo
from dtdesk.core.rules import Problem, check, check_part
from dtdesk.core.template import Field
from dtdesk.core.values import Cell, parse
from dtdesk.store.reports import is_keyed_here, key_for_unit, report_data
from dtdesk.store.values import KEYED, LOCAL
from dtdesk.store.workspace import Workspace

if TYPE_CHECKING:
    from dtdesk.core.document import Document


class ReportSession:
    def __init__(self, ws: Workspace, info: ReportInfo):
        self.ws = ws
        self.info = info
        self.data: ReportData = report_data(ws, info)

    @property
    def template(self):
        return self.data.template

    def refresh(self) -> None:
        self.data = report_data(self.ws, self.info)

    def field(self, key: str) -> Field:
        section_id, _, field_id = key.partition(".")
        if section_id == "header":
            return next(f for f in self.template.header if f.id == field_id)
        section = self.template.section(section_id)
        if field_id == "text" or any(p.text == field_id for p in section.points):
            return Field(field_id, section.outline_title, type="text")
        return section.field(field_id)

    def value(self, cell: Cell):
        return self.data.raw(cell.unit, cell.key, cell.row)

    def put(self, cell: Cell, value) -> object:
        """Commit an already-typed value (undo/redo, paste); returns the old one."""
        old = self._store(cell.unit, {(cell.key, cell.row): value})[(cell.key, cell.row)]
        self._reread([cell])
        return old

    def _store(self, unit: str, changes: dict[tuple[str, str], object]) -> dict:
        """Write one unit's values: a subunit's row typed in this unit's report is keyed from its paper report."""
        own = self.info.unit
        if own == self.ws.own_unit and is_keyed_here(self.data.units, own, unit):
            return key_for_unit(self.ws, unit, self.info.period, changes)
        return self.ws.set_values(unit, self.info.period, changes)

    def keep_carried(self, cells: list[Cell]) -> int:
        """Keep values carried from the previous period as this period's, as they are (the clerk read them);
        stored with the source an edit of them would have. Returns how many were still carried."""
        own, kept = self.info.unit, 0
        for cell in cells:
            keyed = own == self.ws.own_unit and is_keyed_here(self.data.units, own, cell.unit)
            kept += self.ws.keep_carried(cell.unit, self.info.period, [(cell.key, cell.row)],
                                         source=KEYED if keyed else LOCAL)
        self._reread(cells)
        return kept

    def carry_again(self, cells: list[Cell]) -> None:
        """Put the mark "from the previous period, to review" back on values (the undo of :meth:`keep_carried`, or
        of an edit of a carried value); the values stay as they are."""
        by_unit: dict[str, list[tuple[str, str]]] = {}
        for cell in cells:
            by_unit.setdefault(cell.unit, []).append((cell.key, cell.row))
        for unit, keys in by_unit.items():
            self.ws.carry_again(unit, self.info.period, keys)
        self.data.carried.update(cell for cell in cells if self.ws.is_carried(cell, self.info.period))
        self._reread(cells)

    def set_cutoff(self, text) -> tuple[str, str]:
        """The cut-off date ("Tính đến ngày"), typed "30/3/2022"; returns (old, new) as ISO dates."""
        cutoff = formats.parse_date(text) if isinstance(text, str) else text
        if cutoff < self.info.start:
            raise ParseError("Ngày chốt số liệu phải từ {start} trở đi.", start=formats.date_short(self.info.start))
        old = self.info.cutoff
        self.ws.set_report_dates(self.info.unit, self.info.period, self.info.start, cutoff)
        self.info = self.ws.report(self.info.unit, self.info.period)
        self.refresh()
        return old.isoformat(), cutoff.isoformat()

    def _reread(self, cells) -> None:
        """Bring the in-memory values up to date with what was just committed.

        Re-reads only the written cells (as stored, so NFC and bool→int match the
        file) instead of every value of the period; :meth:`refresh` still reloads all.
        """
        values, carried = self.data.values, self.data.carried
        for cell in cells:
            stored = self.ws.value(cell.unit, self.info.period, cell.key, cell.row)
            if stored is None:
                values.pop((cell.unit, cell.key, cell.row), None)
            else:
                values[(cell.unit, cell.key, cell.row)] = stored
            if carried and not self.ws.is_carried(Cell(*cell), self.info.period):  # written again: reviewed
                carried.discard(cell)

    def edit(self, cell: Cell, text) -> tuple[object, object]:
        """Parse what was typed and commit it; returns (old, new). ParseError leaves everything as it was."""
        new = parse(self.field(cell.key), text)
        old = self.put(cell, new)
        return old, new

    def put_many(self, cells: dict[Cell, object]) -> dict[Cell, object]:
        """Several values in one transaction per unit (a pasted block); returns old values."""
        old: dict[Cell, object] = {}
        by_unit: dict[str, dict] = {}
        for cell, value in cells.items():
            by_unit.setdefault(cell.unit, {})[(cell.key, cell.row)] = value
        for unit, changes in by_unit.items():
            for (key, row), previous in self._store(unit, changes).items():
                old[Cell(unit, key, row)] = previous
        self._reread(cells)
        return old

    def problems(self) -> list[Problem]:
        return check(self.data)

    def problems_of(self, section_id: str) -> list[Problem]:
        return check_part(self.data, section_id)

    def document(self) -> Document:
        from dtdesk.core.compose import compose  # the document model is for printing, not for the first window

        return compose(self.data)


__all__ = ["ReportSession"]
