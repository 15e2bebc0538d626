"""A unit dissolved without a merger, and what becomes of the units under it.

A province officer who retires a district (as the districts were in July
2025) expects its wards to go on, now reporting to the city, and its own
bodies (phòng, văn phòng…) to end with it: a body belongs to its unit and is
a row of that unit's tables only. So from the retirement's period on the
subunits are under the retired unit's parent (``dtdesk.store.units`` reads
them there, as it reads a merged ward's offices under the new ward) and the
bodies are retired too; reports of earlier periods keep everything as it was.
A merger is :func:`dtdesk.core.units.check_merge`'s.
"""

from __future__ import annotations

from typing import NamedTuple

from dtdesk.core.i18n import Phrase
from dtdesk.core.units import Hierarchy, Unit

_NAMED = 5  # units named in a sentence before "…"


class Retirement(NamedTuple):
    """What retiring ``unit`` from ``period`` on does, read from the units as listed on that period's first day."""

    unit: Unit
    period: str
    parent: Unit | None  # where its subunits are from then on (None: the file lists no unit above it)
    subunits: list[Unit]
    bodies: list[Unit]  # retired with it

    @property
    def codes(self) -> list[str]:
        """The units to retire: the unit and its bodies."""
        return [self.unit.code, *(body.code for body in self.bodies)]

    def consequences(self, period_label: Phrase | str) -> list[Phrase]:
        """What the clerk is told besides the retirement itself, a sentence each (none when nothing is under it)."""
        said = []
        if self.subunits and self.parent is not None:
            said.append(Phrase("Từ {period}, {count} đơn vị cấp dưới của {name} ({names}) trực thuộc {parent}.",
                               period=period_label, count=len(self.subunits), name=self.unit.name,
                               names=_names(self.subunits), parent=self.parent.name))
        elif self.subunits:
            said.append(Phrase("Từ {period}, {count} đơn vị cấp dưới của {name} ({names}) không còn đơn vị cấp trên "
                               "trong tệp.", period=period_label, count=len(self.subunits), name=self.unit.name,
                               names=_names(self.subunits)))
        if self.bodies:
            said.append(Phrase("{count} cơ quan của {name} ({names}) cũng thôi dùng từ {period}.",
                               count=len(self.bodies), name=self.unit.name, names=_names(self.bodies),
                               period=period_label))
        return said


def plan_retirement(units: Hierarchy, code: str, period: str) -> Retirement:
    """The retirement of ``code`` from ``period`` on, given the units listed on that period's first day."""
    unit = units[code]
    parent = units[unit.parent] if unit.parent in units else None
    return Retirement(unit, period, parent, units.subunits(code), units.bodies(code))


def _names(units: list[Unit]) -> str:
    return ", ".join(u.name for u in units[:_NAMED]) + (", …" if len(units) > _NAMED else "")

