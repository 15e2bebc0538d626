"""The ``submissions`` table: the ledger of revisions this workspace issued for its reports.

A revision is claimed (:meth:`Submissions.reserve_revision`, its own committed
transaction) before the submission file is written, and the row is filled in
(:meth:`~Submissions.record_submission`) once the file is in place. So a kill at
any moment leaves at worst a gap in the numbers, never a number issued twice;
a failure that is not a kill gives the number back
(:meth:`~Submissions.release_revision`). Restoring a backup keeps this ledger
(:func:`dtdesk.store.backup.restore`) and ``load`` never touches it: what was
sent stays sent, whatever the data is rolled back to.
"""

from __future__ import annotations

from dtdesk.store.base import Tables

RESERVED = ""  # the sha256 of a row whose file is not (yet) known to be written
LEDGER_COLUMNS = ("unit", "period", "revision", "sha256", "content_sha256", "filename", "exported_at", "who")


class Submissions(Tables):
    def issued_revision(self, unit: str, period: str) -> int:
        """The highest revision of a report issued here: its report row's, or any file's sent or claimed."""
        row = self.conn.execute(
            "SELECT max(r) FROM (SELECT revision AS r FROM reports WHERE unit = ? AND period = ?"
            " UNION ALL SELECT revision FROM submissions WHERE unit = ? AND period = ?)",
            (unit, period, unit, period)).fetchone()
        return int(row[0] or 0)

    def reserve_revision(self, unit: str, period: str, revision: int, filename: str, at: str) -> None:
        """Claim a revision before its file is written (inside the caller's transaction, which must commit first)."""
        self.conn.execute("UPDATE reports SET revision = ? WHERE unit = ? AND period = ?", (revision, unit, period))
        self.conn.execute(
            f"INSERT INTO submissions ({', '.join(LEDGER_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?)",
            (unit, period, revision, RESERVED, RESERVED, filename, at, self.user))

    def release_revision(self, unit: str, period: str, revision: int) -> None:
        """Give back a claimed revision whose file was not written (an error, not a kill)."""
        self.conn.execute("DELETE FROM submissions WHERE unit = ? AND period = ? AND revision = ? AND sha256 = ?",
                          (unit, period, revision, RESERVED))
        self.conn.execute("UPDATE reports SET revision = ? WHERE unit = ? AND period = ? AND revision = ?",
                          (revision - 1, unit, period, revision))

    def record_submission(self, unit: str, period: str, revision: int, sha256: str, content_sha256: str,
                          filename: str, exported_at: str) -> None:
        """A file exported: its claimed row is filled in (or added) and the report's revision raised."""
        self.conn.execute("UPDATE reports SET revision = max(revision, ?) WHERE unit = ? AND period = ?",
                          (revision, unit, period))
        filled = self.conn.execute(
            "UPDATE submissions SET sha256 = ?, content_sha256 = ?, filename = ?, exported_at = ?"
            " WHERE unit = ? AND period = ? AND revision = ? AND sha256 = ?",
            (sha256, content_sha256, filename, exported_at, unit, period, revision, RESERVED)).rowcount
        if not filled:
            self.conn.execute(
                f"INSERT INTO submissions ({', '.join(LEDGER_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?)",
                (unit, period, revision, sha256, content_sha256, filename, exported_at, self.user))

    def submissions(self, unit: str, period: str) -> list[dict]:
        """The files exported for a report, oldest first (claims whose file is unknown are left out)."""
        return self._rows("SELECT * FROM submissions WHERE unit = ? AND period = ? AND sha256 != ? ORDER BY id",
                          (unit, period, RESERVED))
