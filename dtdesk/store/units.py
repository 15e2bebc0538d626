"""The ``units`` table: the workspace's wards, districts and their bodies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from dtdesk.core.formats import nfc
from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.units import KINDS, Hierarchy, Unit
from dtdesk.store.base import Tables, marks

UNIT_COLUMNS = ("code", "name", "kind", "parent", "short", "row_label", "position", "email")
_WORDS = ("name", "short", "row_label")  # the columns a person wrote, kept in NFC


def unit_row(unit: Unit) -> dict:
    """A unit as a row of the table, its words in NFC."""
    return {c: nfc(getattr(unit, c)) if c in _WORDS else getattr(unit, c) for c in UNIT_COLUMNS}


def _heir(code: str, heirs: dict[str, str | None]) -> str | None:
    """Where the units under ``code`` are after the changes in ``heirs`` (each retired unit's successor: the unit it
    merged into or its parent), followed through units retired in turn."""
    seen = set()
    while code in heirs and code not in seen:
        seen.add(code)
        code = heirs[code]
    return code


class Units(Tables):
    def add_units(self, units: Iterable[Unit]) -> None:
        """Add units or replace those with the same code, in one transaction."""
        rows = [unit_row(u) for u in units]
        self._writable()
        with self.conn:
            self.db["units"].upsert_all(rows, pk="code")

    def hierarchy(self, as_of: dt.date | None = None) -> Hierarchy:
        """The units; ``as_of`` a report's first day, without those retired by then (older reports keep them).

        A unit under one retired by then is under the unit that took its
        place, never left without a parent: the unit it merged into (a merged
        ward's offices are the new ward's), or, for one dissolved without a
        merger, the dissolved unit's own parent (a dissolved district's wards
        report to the city; its bodies are retired with it, see
        :func:`dtdesk.store.reports.retire_unit`). The table keeps the parent
        it had, for the older reports."""
        units = [Unit(**row) for row in self._rows("SELECT * FROM units")]
        if as_of is not None:
            gone = {code for code, since in self.retired().items() if since <= as_of}
            merged, parents = self.merged(), {u.code: u.parent for u in units}
            successors = {code: merged.get(code, parents.get(code)) for code in gone}
            gone |= {code for code, since in self.formed().items() if as_of < since}  # not yet formed
            units = [replace(u, parent=_heir(u.parent, successors)) if u.parent in successors else u
                     for u in units if u.code not in gone]
        return Hierarchy(units)

    def retired(self) -> dict[str, dt.date]:
        """Retired units and the first day whose reports leave them out."""
        return {code: dt.date.fromisoformat(since) for code, since in self.conn.execute("SELECT code, since FROM retired")}

    def merged(self) -> dict[str, str]:
        """Units retired by a merger and the code of the unit each became part of."""
        return dict(self.conn.execute("SELECT code, merged_into FROM retired WHERE merged_into IS NOT NULL"))

    def retire_units(self, codes: Iterable[str], since: dt.date) -> None:
        """Leave units out of every report from ``since`` on (a dissolution), in one transaction; their old reports
        print as before."""
        self._writable()
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO retired (code, since) VALUES (?, ?)",
                                  [(code, since.isoformat()) for code in codes])

    def formed(self) -> dict[str, dt.date]:
        """Units a merger formed and the first day whose reports list them (earlier reports never did)."""
        return {code: dt.date.fromisoformat(since) for code, since in self.conn.execute("SELECT code, since FROM formed")}

    def first_used(self, code: str) -> dt.date | None:
        """The first day of the earliest period the unit has a report or values for; None when it has none."""
        starts = [dt.date.fromisoformat(start) for (start,) in
                  self.conn.execute("SELECT start FROM reports WHERE unit = ?", (code,))]
        for (period,) in self.conn.execute("SELECT DISTINCT period FROM vals WHERE unit = ?", (code,)):
            try:
                starts.append(parse_period(period).start)
            except PeriodError:  # a period no report names cannot make a unit older
                continue
        return min(starts, default=None)

    def merge_units(self, into: str, codes: Iterable[str], since: dt.date, formed: bool) -> None:
        """Retire ``codes`` from ``since`` on as merged into ``into``, in one transaction (checked by the caller).

        ``formed``: ``into`` is a unit the merger made, listed from ``since`` on only, so that the reports
        of earlier periods print as they did."""
        self._writable()
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO retired (code, since, merged_into) VALUES (?, ?, ?)",
                                  [(code, since.isoformat(), into) for code in codes])
            if formed:
                self.conn.execute("INSERT OR IGNORE INTO formed (code, since) VALUES (?, ?)", (into, since.isoformat()))

    def known_units(self, codes: Iterable[str]) -> set[str]:
        """Which of these codes the workspace has."""
        codes = list(codes)
        return {r[0] for r in self.conn.execute(f"SELECT code FROM units WHERE code IN ({marks(len(codes))})", codes)}

    def unit_with_bodies(self, unit: str) -> list[dict]:
        """The unit's row then its bodies' (non-administrative children), by position; [] if no such unit.

        Empty texts and positions come back as "" and 0 (a file sent upward has no NULL in them).
        """
        cols = ", ".join(UNIT_COLUMNS)
        own = self._rows(f"SELECT {cols} FROM units WHERE code = ?", (unit,))
        if not own:
            return []
        children = self._rows(f"SELECT {cols} FROM units WHERE parent = ? ORDER BY position, code", (unit,))
        rows = own + [c for c in children if not KINDS.get(c["kind"], ("", True))[1]]
        for row in rows:
            for column in ("short", "row_label", "email"):
                row[column] = row[column] or ""
            row["position"] = int(row["position"] or 0)
        return rows

    def _insert_units(self, rows: list[dict]) -> None:
        """Insert new units (inside the caller's transaction), each after its parent."""
        self.conn.executemany(
            f"INSERT INTO units ({', '.join(UNIT_COLUMNS)}) VALUES ({marks(len(UNIT_COLUMNS))})",
            [tuple(nfc(u[c]) if c in _WORDS and isinstance(u[c], str) else u[c] for c in UNIT_COLUMNS)
             for u in rows])
