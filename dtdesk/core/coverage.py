"""Which subunits a roll-up rests on.

A district's report sums and counts its wards' figures. Until every ward has
sent its report (or had it keyed from paper), a sum over the wards that did is
not the district's total, and "1/8 phường" counts wards nobody has heard from.
So every sum, count or drafted sentence over subunits uses only the subunits
with data for the period, says how many of how many those are when some are
missing, and never says that a subunit without data did, or did not do,
anything. The wording comes from the template's ``coverage``.
"""

from typing import NamedTuple

from dtdesk.core.report import ReportData, fill
from dtdesk.core.template import Section
from dtdesk.core.units import Unit


class Coverage(NamedTuple):
    reported: tuple[Unit, ...]  # subunits whose data the roll-up uses
    missing: tuple[Unit, ...]  # subunits without data for the period (or for the section)

    @property
    def total(self) -> int:
        return len(self.reported) + len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing

    def counts(self) -> dict[str, int]:
        return {"reported": len(self.reported), "all": self.total}


def units_with_data(data: ReportData) -> set[str]:
    """Units holding at least one value for the period: sent, imported or keyed from paper.

    Values carried over from the previous period (and untouched since) are not data of this one.
    """
    if data.carried:
        return {cell[0] for cell in data.values if cell not in data.carried}
    return {unit for unit, _, _ in data.values}


def _covers(data: ReportData, unit: Unit, section: Section, with_data: set[str]) -> bool:
    """A subunit counts in a section's roll-up when it has data for the period and, if the
    section has numbers, at least one of them (a blank tick box means "not done", a blank
    number means "not reported")."""
    if unit.code not in with_data:
        return False
    numbers = [f for f in section.inputs if f.type != "bool"]
    return not numbers or any(data.raw(unit.code, section.key(f.id)) is not None for f in numbers)


def coverage(data: ReportData, section: Section) -> Coverage:
    """The report's subunits split by whether ``section``'s roll-up can use their data."""
    with_data = units_with_data(data)
    reported, missing = [], []
    for unit in data.units.subunits(data.unit.code):
        (reported if _covers(data, unit, section, with_data) else missing).append(unit)
    return Coverage(tuple(reported), tuple(missing))


def missing_subunits(data: ReportData) -> list[Unit]:
    """Subunits with no data at all for the period."""
    with_data = units_with_data(data)
    return [u for u in data.units.subunits(data.unit.code) if u.code not in with_data]


def note(data: ReportData, covered: Coverage) -> str:
    """"(6/8 phường đã báo cáo)" when some subunits are missing, else ""."""
    if covered.complete:
        return ""
    return fill(data.template.coverage.partial, {**data.words, **{k: str(v) for k, v in covered.counts().items()}})


def scope_note(data: ReportData, covered: Coverage) -> str:
    """What a roll-up's label is followed by where its figures are shown (the form, the workbook): "(6/8 phường
    đã báo cáo)", "(chưa có số liệu của phường nào)" while none has, or "" when all have."""
    if covered.total and not covered.reported:
        return f"({nothing_reported(data)})"
    return note(data, covered)


def nothing_reported(data: ReportData, pattern: str | None = None) -> str:
    """What is said in place of a roll-up while no subunit has data."""
    return fill(data.template.coverage.none if pattern is None else pattern, data.words)


def with_note(text: str, coverage_note: str) -> str:
    """``text`` followed by the coverage note, inside its final full stop: "…chưa thực hiện (6/8 phường đã báo cáo)."."""
    if not coverage_note:
        return text
    body = text.rstrip()
    if not body:
        return coverage_note
    end = len(body.rstrip(".:;"))
    return f"{body[:end]} {coverage_note}{body[end:]}"


def missing_row_label(data: ReportData, name: str) -> str:
    """A table row of a subunit without data, so its blank cells are not read as zeros or "not done"."""
    return fill(data.template.coverage.row, {**data.words, "name": name})
