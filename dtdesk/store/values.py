"""The ``vals`` and ``audit`` tables: every value of every report, and who changed it, when and from what.

A value belongs to (unit, period, key, row): a ward's row in the district's
table *is* the ward's own value, whoever keyed or imported it. Every edit is
its own committed transaction (the clerk never presses Save).

A value written when a report is rolled forward from the previous period has
the source ``carried`` until someone writes it again: that is the mark "from
the previous period, to review", and a unit whose only values are carried has
not reported. A clerk who reads a carried value and finds it still right keeps
it (:meth:`Values.keep_carried`): the value becomes hers for this period, as
if typed again, and the audit says so.
"""

from __future__ import annotations

from collections.abc import Iterable

from dtdesk.core.values import Cell
from dtdesk.store.base import Tables, clean, in_parts, marks, now


CARRIED = "carried"  # the source of a value rolled forward from the previous period and not written since
# the other sources a value's row records (worded for people in dtdesk.exchange.sources)
LOCAL, KEYED, LOADED = "local", "keyed", "load"  # typed in the forms, keyed from a paper report, loaded from JSON
FILE, WORKBOOK = "import:", "xlsx:"  # imported, followed by the first 16 hex digits of the file's SHA-256


# An upsert, not INSERT OR REPLACE: the row written is the same, but REPLACE costs more even where no row is
# replaced (about a seventh more instructions a row where every value is new, as in a unit's first import).
_WRITE_VALUE = ("INSERT INTO vals (unit, period, key, row, value, source, updated_at) VALUES (?,?,?,?,?,?,?)"
                " ON CONFLICT (unit, period, key, row) DO UPDATE SET value = excluded.value, source = excluded.source,"
                " updated_at = excluded.updated_at")


class Values(Tables):
    def values(self, period: str, units: Iterable[str] | None = None) -> dict[Cell, object]:
        """All values of a period (optionally of some units) as {(unit, key, row): value}."""
        sql = "SELECT unit, key, row, value FROM vals WHERE period = ?"
        args: list = [period]
        if units is not None:
            units = list(units)
            sql += f" AND unit IN ({marks(len(units))})"
            args += units
        return {(u, k, r): v for u, k, r, v in self.conn.execute(sql, args)}

    def value_rows(self, period: str, units: Iterable[str]) -> list[tuple]:
        """Some units' values of a period as (unit, period, key, row, value), sorted: what a submission file holds."""
        units = list(units)
        return self.conn.execute(
            f"SELECT unit, period, key, row, value FROM vals WHERE period = ? AND unit IN ({marks(len(units))})"
            " ORDER BY unit, key, row", [period, *units]).fetchall()

    def values_with_source(self, period: str, units: Iterable[str]) -> dict[Cell, tuple[object, str]]:
        """Some units' values of a period with where each came from: {(unit, key, row): (value, source)}."""
        found = {}
        for part in in_parts(units):
            found.update(((u, k, r), (v, s)) for u, k, r, v, s in self.conn.execute(
                f"SELECT unit, key, row, value, source FROM vals WHERE period = ? AND unit IN ({marks(len(part))})",
                [period, *part]))
        return found

    def carried(self, period: str) -> set[Cell]:
        """The cells of a period still holding what the previous period left them."""
        return {Cell(*cell) for cell in self.conn.execute(
            "SELECT unit, key, row FROM vals WHERE period = ? AND source = ?", (period, CARRIED))}

    def is_carried(self, cell: Cell, period: str) -> bool:
        return self.conn.execute("SELECT 1 FROM vals WHERE unit = ? AND period = ? AND key = ? AND row = ? AND source = ?",
                                 (cell.unit, period, cell.key, cell.row, CARRIED)).fetchone() is not None

    def keep_carried(self, unit: str, period: str, cells: Iterable[tuple[str, str]], source: str = LOCAL) -> int:
        """Keep carried values (key, row) as they are, as this period's own: their source becomes ``source`` and
        each gets an audit row (old = new); returns how many were still carried.

        Refused with one sentence while the report is sent or accepted, like any edit."""
        with self.transaction():
            self.refuse_if_locked(unit, period)
            kept = [(key, row, found[0]) for key, row in cells if (found := self.conn.execute(
                "SELECT value FROM vals WHERE unit = ? AND period = ? AND key = ? AND row = ? AND source = ?",
                (unit, period, key, row, CARRIED)).fetchone()) is not None]
            self._set_source(unit, period, kept, source)
        return len(kept)

    def carry_again(self, unit: str, period: str, cells: Iterable[tuple[str, str]]) -> None:
        """Mark values (key, row) as carried from the previous period again, as they are: the undo of
        :meth:`keep_carried` (or of an edit of a carried value), with an audit row each (old = new)."""
        with self.transaction():
            self.refuse_if_locked(unit, period)
            found = [(key, row, value) for key, row in cells
                     if (value := self.value(unit, period, key, row)) is not None]
            self._set_source(unit, period, found, CARRIED)

    def _set_source(self, unit: str, period: str, found: list[tuple[str, str, object]], source: str) -> None:
        """Give values (key, row, value) a new source, as they are, each with an audit row (old = new)."""
        at = now()
        self.conn.executemany("UPDATE vals SET source = ?, updated_at = ? WHERE unit = ? AND period = ? AND key = ?"
                              " AND row = ?", [(source, at, unit, period, k, r) for k, r, _v in found])
        self._audit([(at, self.user, unit, period, k, r, v, v, source) for k, r, v in found])

    def sources(self, period: str) -> dict[str, set[str]]:
        """Where each unit's values of a period came from: {unit: {"local", "keyed", "import:…", …}}.

        Values carried over from the previous period are nobody's answer for this one and are left out.
        """
        found: dict[str, set[str]] = {}
        for unit, source in self.conn.execute("SELECT DISTINCT unit, source FROM vals WHERE period = ? AND source != ?",
                                              (period, CARRIED)):
            found.setdefault(unit, set()).add(source)
        return found

    def value(self, unit: str, period: str, key: str, row: str = ""):
        found = self.conn.execute(
            "SELECT value FROM vals WHERE unit = ? AND period = ? AND key = ? AND row = ?", (unit, period, key, row)
        ).fetchone()
        return found[0] if found else None

    def set_value(self, unit: str, period: str, key: str, value, row: str = "", source: str = "local"):
        """Store one value durably, with its audit row; returns the old value."""
        return self.set_values(unit, period, {(key, row): value}, source=source)[(key, row)]

    def set_values(self, unit: str, period: str, changes: dict[tuple[str, str], object], source: str = "local"):
        """Store several values of one unit in one transaction (a paste, an edit); returns the old values.

        Refused with one sentence while the report is sent or accepted (:mod:`dtdesk.store.status`)."""
        old: dict[tuple[str, str], object] = {}
        with self.transaction():
            self.refuse_if_locked(unit, period)
            rows = []
            for (key, row), value in changes.items():
                value = clean(value)
                old[(key, row)] = self.value(unit, period, key, row)
                rows.append((unit, key, row, old[(key, row)], value))
            self.write_changes(period, rows, source)
        return old

    def write_changes(self, period: str, rows: list[tuple], source: str, at: str | None = None, *,
                      audit_new: bool = True) -> int:
        """Write (unit, key, row, old, new) rows whose old value the caller read, each with its audit row.

        The one place values are written: edits, imports and JSON loads all come
        here, inside a transaction the caller holds. An empty new value deletes;
        rows that change nothing are skipped. Returns how many changed.
        Without ``audit_new`` a value written where there was none gets no audit
        row: an import's kept file is the record of the values it brought.
        """
        at, who = at or now(), self.user
        deleted: list[tuple] = []
        written: list[tuple] = []
        audited: list[tuple] = []
        for unit, key, row, old, new in rows:  # one pass sorts each row into the statements it needs
            if new == "":
                new = None
            if old == new and type(old) is type(new):
                continue
            if new is None:
                deleted.append((unit, period, key, row))
            else:
                written.append((unit, period, key, row, new, source, at))
            if audit_new or old is not None:
                audited.append((at, who, unit, period, key, row, old, new, source))
        if deleted:
            self.conn.executemany("DELETE FROM vals WHERE unit = ? AND period = ? AND key = ? AND row = ?", deleted)
        self.conn.executemany(_WRITE_VALUE, written)
        if audited:
            self._audit(audited)
        return len(deleted) + len(written)

    def audit(self, unit: str, period: str, key: str | None = None, row: str = "") -> list[dict]:
        where, args = "unit = ? AND period = ?", [unit, period]
        if key is not None:
            where += " AND key = ? AND row = ?"
            args += [key, row]
        return self._rows(f"SELECT * FROM audit WHERE {where} ORDER BY id", args)
