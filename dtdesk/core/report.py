"""One report's data seen through its template: values, computed columns,
table rows and the words the template's patterns use.

This is the single place that knows how a template's rows map onto units and
stored keys; the PDF, the rules, the drafts and the GUI's table models all ask
it, so what is printed is what is checked is what is edited.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from dtdesk.core.expr import Missing
from dtdesk.core.formats import date_short, day_month
from dtdesk.core.periods import parse_period, previous_period
from dtdesk.core.template import PREVIOUS, TEXT_FIELD, Section, Template
from dtdesk.core.units import Hierarchy, Unit
from dtdesk.core.values import Cell



@dataclass(frozen=True)
class ReportInfo:
    """Which report: a unit's, for a period, on a template's version, with the period's dates and its revision."""

    unit: str
    period: str
    template_id: str
    template_version: int
    start: dt.date
    cutoff: dt.date
    revision: int = 0
    illustrative: bool = False


@dataclass(frozen=True)
class TableRow:
    """A row of a table section as shown and printed.

    ``unit`` is set for unit rows, ``row`` for fixed rows; group and total rows
    have neither and are not editable.
    """

    number: str
    label: str
    kind: str = "data"  # data | group | total
    unit: str = ""
    row: str = ""
    values: Mapping[str, object] = field(default_factory=dict)


def _number(value) -> bool:
    """Values that can be summed; anything else is missing or wrong and the rules say so."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_PATTERN = re.compile(r"\{(\w+)\}")


def fill(pattern: str, words: Mapping[str, str]) -> str:
    """Replace {name} by words[name]; unknown names are left as typed."""
    return _PATTERN.sub(lambda m: str(words.get(m.group(1), m.group(0))), pattern)


class ReportData:
    """A report (unit, period) with all values it may show.

    ``carried``: the cells still holding what the previous period's report
    left them (see :mod:`dtdesk.core.carry`), not yet looked at by anyone; a
    unit whose only values these are has not reported. ``previous``: the same
    unit's report of the previous period, when the template's rules read it
    (``prev.…``) and it exists.
    """

    def __init__(self, template: Template, units: Hierarchy, info: ReportInfo, values: Mapping[Cell, object],
                 carried: set[Cell] | None = None, previous: "ReportData | None" = None):
        self.template = template
        self.units = units
        self.info = info
        self.values = values
        self.carried: set[Cell] = set() if carried is None else carried
        self.previous = previous
        self.unit: Unit = units[info.unit]

    # -- words for patterns ------------------------------------------------
    @cached_property
    def words(self) -> dict[str, str]:
        kind = self.unit.word
        subkind = self.units.subkind_word(self.unit.code)
        return {
            "kind": kind,
            "KIND": kind.upper(),
            "subkind": subkind,
            "SUBKIND": subkind.upper(),
            "kinds": f"{kind} và {subkind}" if subkind else kind,
            "start": day_month(self.info.start) if self.info.start.year == self.info.cutoff.year else date_short(self.info.start),
            "cutoff": date_short(self.info.cutoff),
        }

    @property
    def days(self) -> int:
        return (self.info.cutoff - self.info.start).days + 1

    @property
    def weeks(self) -> float:
        return self.days / 7

    @cached_property
    def periods(self) -> tuple[str, str]:
        """The names of this report's period and of the previous one, as messages name them ("Quý II/2022")."""
        return parse_period(self.info.period).title, previous_period(self.info.period).title

    def previous_values(self, section: Section, unit: str, row: str = "") -> dict[str, object]:
        """The previous period's values of a row as a rule reads them (``prev.pending``); {} if none is read or kept."""
        if self.previous is None or not section.reads_previous:
            return {}
        if section.kind == "text":
            return {PREVIOUS + TEXT_FIELD: self.previous.raw(unit, section.key(TEXT_FIELD))}
        return {PREVIOUS + name: value for name, value in self.previous.row_values(section, unit, row).items()}

    # -- raw and computed values ---------------------------------------------
    def raw(self, unit: str, key: str, row: str = ""):
        return self.values.get((unit, key, row))

    def header(self, field_id: str) -> str:
        value = self.raw(self.unit.code, f"header.{field_id}")
        return "" if value is None else str(value)

    def text(self, section: Section, field_id: str = "text") -> str:
        value = self.raw(self.unit.code, section.key(field_id))
        return "" if value is None else str(value)

    def _compute(self, section: Section, inputs: dict[str, object], unit: str) -> dict[str, object]:
        names = dict(inputs, weeks=self.weeks, days=self.days)
        result = dict(inputs)
        for f in section.fields:
            if f.ref:
                other, _, name = f.ref.partition(".")
                result[f.id] = self.raw(unit, f"{other}.{name}")
            elif f.formula is not None:
                try:
                    result[f.id] = f.formula.evaluate(names)
                except (Missing, TypeError):  # not entered yet, or a wrong type the rules report
                    result[f.id] = None
                names[f.id] = result[f.id]
        return result

    def row_values(self, section: Section, unit: str, row: str = "") -> dict[str, object]:
        """A unit's (or a fixed row's) values in a section, computed columns included."""
        inputs = {f.id: self.raw(unit, section.key(f.id), row) for f in section.inputs}
        return self._compute(section, inputs, unit)

    def summed(self, section: Section, units: list[Unit]) -> dict[str, object]:
        """Inputs summed over units (missing counts as 0 unless all are missing), then computed."""
        inputs: dict[str, object] = {}
        for f in section.inputs:
            present = [v for u in units if _number(v := self.raw(u.code, section.key(f.id)))]
            inputs[f.id] = sum(present) if present else None
        return self._compute(section, inputs, "")

    def figures(self, section: Section, scope: str) -> dict[str, object] | None:
        """Figures of the report's unit ("self") or the sum of its subunits; None if no such units.

        The sum is over the subunits with data for the period only, as the printed
        sentence's (:mod:`dtdesk.core.coverage`): values carried over from the
        previous period are not a subunit's report."""
        if scope == "self":
            return self.row_values(section, self.unit.code)
        from dtdesk.core.coverage import coverage  # coverage reads a ReportData

        covered = coverage(self, section)
        return self.summed(section, list(covered.reported)) if covered.total else None

    # -- table rows ------------------------------------------------------------
    def table_rows(self, section: Section) -> list[TableRow]:
        if section.kind == "fixed_table":
            return self._fixed_rows(section)
        rows: list[TableRow] = []
        groups = [(spec, [u for s in spec.units for u in self.units.select(self.unit.code, s)]) for spec in section.rows]
        groups = [(spec, units) for spec, units in groups if units]
        top = 0
        for spec, units in groups:
            group_number = ""
            if spec.group:
                if section.numbering == "nested":
                    top += 1
                    group_number = str(top)
                rows.append(TableRow(group_number, fill(spec.group, self.words), "group"))
            for i, unit in enumerate(units, start=1):
                if section.numbering == "nested" and spec.group:
                    number = f"{group_number}.{i}"
                elif section.numbering == "per_group":
                    number = str(i)
                else:
                    top += 1
                    number = str(top)
                label = fill(spec.label, self.words) if spec.label else self._row_label(unit)
                rows.append(TableRow(number, label, "data", unit.code, "", self.row_values(section, unit.code)))
        return rows

    def _row_label(self, unit: Unit) -> str:
        """A unit's row_label ("Ủy ban nhân dân quận (Chủ tịch…) + Văn phòng…") names its row in its own
        report only; in the report of the level above, the row is the unit's name ("Quận Hải An")."""
        return (unit.row_label if unit.code == self.unit.code else "") or unit.name

    def _fixed_rows(self, section: Section) -> list[TableRow]:
        rows = [
            TableRow(str(i), r.label, "data", self.unit.code, r.id, self.row_values(section, self.unit.code, r.id))
            for i, r in enumerate(section.fixed_rows, start=1)
        ]
        if section.total:
            totals = {}
            for f in section.inputs:
                present = [row.values[f.id] for row in rows if _number(row.values[f.id])]
                totals[f.id] = sum(present) if present else None
            rows.append(TableRow("", section.total, "total", values=self._compute(section, totals, "")))
        return rows
