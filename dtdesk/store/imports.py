"""The ``imports`` table: submission files taken in from below (those sent upward: :mod:`dtdesk.store.submissions`).

``imports`` keeps each imported file's original bytes with who imported it,
when, and what its manifest said. The import's values go through
:meth:`~dtdesk.store.values.Values.write_changes` like any other change, but
only the values it replaces or removes get audit rows: a value it brings where
there was none is recorded by the kept file itself (who and when are in its
``imports`` row, the value in its bytes), which spares a batch of a thousand
wards 67 audit rows a file that would only repeat what the files prove.
:func:`dtdesk.exchange.history.cell_history` joins both into one history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from dtdesk.store.base import Tables, in_parts, marks
from dtdesk.store.status import IN, SENT

_IMPORT_COLUMNS = ("sha256", "content_sha256", "filename", "unit", "period", "revision", "template_id",
                   "template_version", "app_version", "exported_at", "imported_at", "who", "original")


@dataclass(frozen=True)
class ImportedFile:
    """A submission file as the ``imports`` table keeps it (who and when are added on writing)."""

    sha256: str  # of the file's bytes
    content_sha256: str  # the manifest's hash over the content
    filename: str
    unit: str
    period: str
    revision: int
    template_id: str
    template_version: int
    app_version: str
    exported_at: str  # the sender's clock, from the manifest
    original: bytes


class LatestImport(NamedTuple):
    unit: str
    revision: int
    content_sha256: str
    exported_at: str
    imported_at: str


class Imports(Tables):
    def is_imported(self, sha256: str) -> bool:
        """Whether the file with these bytes was imported before."""
        return self.conn.execute("SELECT 1 FROM imports WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def latest_import(self, unit: str, period: str) -> LatestImport | None:
        """The highest revision of a unit's report imported for a period (a submission file: a filled
        workbook, kept as revision 0, has none)."""
        row = self.conn.execute(
            "SELECT unit, revision, content_sha256, exported_at, imported_at FROM imports"
            " WHERE unit = ? AND period = ? AND revision > 0 ORDER BY revision DESC LIMIT 1", (unit, period)).fetchone()
        return LatestImport(*row) if row else None

    def imported_among(self, sha256s: Iterable[str]) -> set[str]:
        """Which of these file hashes were imported before (one query a few hundred files, for a batch)."""
        found: set[str] = set()
        for part in in_parts(sha256s):
            found.update(r[0] for r in self.conn.execute(
                f"SELECT sha256 FROM imports WHERE sha256 IN ({marks(len(part))})", part))
        return found

    def latest_imports_of(self, period: str, units: Iterable[str]) -> dict[str, LatestImport]:
        """The highest revision imported for a period of each of these units that has one: {unit: LatestImport}
        (submission files only, as :meth:`latest_import`)."""
        latest: dict[str, LatestImport] = {}
        for part in in_parts(units):
            for row in self.conn.execute("SELECT unit, revision, content_sha256, exported_at, imported_at FROM imports"
                                         f" WHERE period = ? AND revision > 0 AND unit IN ({marks(len(part))})"
                                         " ORDER BY revision",
                                         [period, *part]):
                latest[row[0]] = LatestImport(*row)
        return latest

    def latest_imports(self, period: str) -> dict[str, LatestImport]:
        """Each unit's latest imported revision of a period: {unit: LatestImport} (submission files only)."""
        latest = {}
        for row in self.conn.execute("SELECT unit, revision, content_sha256, exported_at, imported_at FROM imports"
                                     " WHERE period = ? AND revision > 0 ORDER BY revision", (period,)):
            latest[row[0]] = LatestImport(*row)
        return latest

    def write_import(self, file: ImportedFile, new_units: list[dict], report: dict | None, changes: list[tuple],
                     source: str, at: str, *, received: bool = True) -> int:
        """Write one imported file inside the caller's transaction; returns how many values changed.

        Its new units (each after its parent), its report row, its (unit, key,
        row, old, new) changes, the file itself with who and when, and, when
        ``received``, the report's new step: sent, with this revision (0 for a
        filled workbook, which has none). Without ``report`` the report's row
        stays as it is; without ``received`` (the own report's workbook, filled
        in by its bodies) its status too: the file only brings values.
        """
        self._insert_units(new_units)
        if report is not None:
            self._put_report_row(report)
        changed = self.write_changes(file.period, changes, source, at, audit_new=False)
        self.conn.execute(
            f"INSERT INTO imports ({', '.join(_IMPORT_COLUMNS)}) VALUES ({marks(len(_IMPORT_COLUMNS))})",
            (file.sha256, file.content_sha256, file.filename, file.unit, file.period, file.revision,
             file.template_id, file.template_version, file.app_version, file.exported_at, at, self.user,
             file.original))
        if received:
            self.record_status(file.unit, file.period, SENT, file.revision, side=IN, file=file.filename,
                               sha256=file.sha256, at=at)
        return changed

    def imported_files(self, unit: str | None = None, period: str | None = None) -> list[dict]:
        """Imported files with their original bytes (of one unit and/or period if given), oldest first."""
        where = [f"{column} = ?" for column, value in (("unit", unit), ("period", period)) if value]
        args = [value for value in (unit, period) if value]
        return self._rows("SELECT unit, period, revision, sha256, filename, exported_at, imported_at, who, original"
                          " FROM imports"
                          + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY id", args)
