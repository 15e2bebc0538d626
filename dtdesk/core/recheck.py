"""Problems kept up to date edit by edit, without checking the whole report again.

:func:`dtdesk.core.rules.check` reads every row of every section: 84 ms on a
district of 1,040 wards, too slow to follow each keystroke. A :class:`Checker`
keeps the problems part by part (the header, the subunit coverage, one row of a
table, a whole figures or text section) and, told which cells changed, checks
again only the parts that read them, as the template says:

- a table row reads its own unit's values of its section, and those its
  ``ref`` columns show from other sections;
- a figures or text section reads the report's unit, and a text section's
  drafts read their own section's values of every subunit;
- whether a subunit has any data at all (values carried over from the previous
  period do not count) decides the coverage warnings and which rows warn about
  empty cells: when that changes, everything is checked again;
- the previous period's values, which rules across periods read, do not change
  while this period's report is edited.

``problems()`` is always the list ``check`` would return, in the same order.
"""

from collections import Counter
from dataclasses import replace

from dtdesk.core.report import ReportData
from dtdesk.core.rules import (TABLES, Problem, as_named, check_coverage, check_header, rollup_section, row_problems,
                               untabled_problems)
from dtdesk.core.template import Template
from dtdesk.core.values import Cell


def readers(template: Template) -> dict[str, set[str]]:
    """For each section id (and ``header``), the sections whose problems read its values."""
    reads = {s.id: {s.id} | {f.ref.partition(".")[0] for f in s.fields if f.ref} for s in template.sections}
    for section in template.sections:
        for draft_id in section.drafts:
            reads[section.id] |= reads.get(template.drafts[draft_id].section, set())
    found: dict[str, set[str]] = {"header": set()}
    for reader, read in reads.items():
        for section_id in read:
            found.setdefault(section_id, set()).add(reader)
    return found


class Checker:
    """The problems of one report, re-checked in proportion to each change (see the module's docstring)."""

    def __init__(self, data: ReportData):
        self.data = data
        self._readers = readers(data.template)
        self.check_all()

    def check_all(self) -> None:
        """Check every part again, as after a cut-off date change or an import."""
        data = self.data
        # which values are data of the period, to tell when a unit's first one comes or last one goes
        self._stored = set(data.values) - data.carried if data.carried else set(data.values)
        self._held = Counter(unit for unit, _, _ in self._stored)
        self._absent = {u.code for u in data.units.subunits(data.unit.code) if not self._held[u.code]}
        rollup = rollup_section(data)
        self._parts: dict[tuple, list[Problem]] = {("header",): check_header(data)}  # in check's order
        self._rows: dict[tuple, object] = {}  # a table part's key → its TableRow
        self._unit_parts: dict[tuple[str, str], list[tuple]] = {}  # (section, unit) → keys of its table parts
        for section in data.template.sections:
            if section.id == rollup:
                self._parts[("coverage",)] = check_coverage(data)
            named = as_named(data, section)
            if section.kind not in TABLES:
                self._parts[(section.id,)] = untabled_problems(data, named)
                continue
            for position, row in enumerate(data.table_rows(section)):
                if row.kind == "data":
                    key = (section.id, position)
                    self._parts[key] = row_problems(data, named, row, self._absent)
                    self._rows[key] = row
                    self._unit_parts.setdefault((section.id, row.unit), []).append(key)
        self._problems: list[Problem] | None = None

    def problems(self) -> list[Problem]:
        if self._problems is None:
            self._problems = [p for part in self._parts.values() for p in part]
        return self._problems

    def changed(self, cells) -> None:
        """Bring the problems up to date after ``cells`` (Cells already written into ``data``) changed."""
        cells = list(cells)
        if self._coverage_changed(cells):
            self.check_all()
            return
        data, template = self.data, self.data.template
        for cell in cells:
            section_id = cell.key.partition(".")[0]
            if section_id == "header":
                self._parts[("header",)] = check_header(data)
            for reader in self._readers.get(section_id, ()):
                section = template.section(reader)
                named = as_named(data, section)
                if section.kind not in TABLES:
                    self._parts[(reader,)] = untabled_problems(data, named)
                for key in self._unit_parts.get((reader, cell.unit), ()):
                    row = self._rows[key]
                    row = replace(row, values=data.row_values(section, row.unit, row.row))
                    self._parts[key] = row_problems(data, named, row, self._absent)
        self._problems = None

    def _coverage_changed(self, cells: list[Cell]) -> bool:
        """Whether a changed unit went from no data to some, or back (rare: a first value, a cleared report).

        Counts each unit's stored values as cells come and go, rather than scanning them all.
        """
        changed = False
        for cell in set(cells):
            key = (cell.unit, cell.key, cell.row)
            was, now = key in self._stored, key in self.data.values and key not in self.data.carried
            if was != now:
                self._stored.symmetric_difference_update({key})
                self._held[cell.unit] += 1 if now else -1
                changed |= self._held[cell.unit] == (1 if now else 0)
        return changed
