"""The ``report_status`` table: where each report stands in the reporting cycle, and how it got there.

A report is a draft (Nháp) until it is sent (Đã gửi, on export, with its
revision); the level above then accepts it (Đã tiếp nhận) or returns it with a
reason (Trả lại). Every step is a row, never an update, so the history is the
table itself: status, revision, reason, when, who, and the file that carried
it (the submission sent or received, the reply written or imported).

``side`` says whose report it is from this workspace's point of view: ``out``
for a report this workspace sends upward (its own), ``in`` for a subunit's
report received here. Only the own unit's ``out`` report is locked: once sent
or accepted nothing may change it until it is reopened (:meth:`ReportStatuses.reopen`),
which starts the next revision and is recorded in the audit. A returned
report is not locked: the reply reopens it by itself.
"""

from __future__ import annotations

from typing import NamedTuple

from dtdesk.core.i18n import Phrase
from dtdesk.store.base import Tables, WorkspaceError, now

DRAFT, SENT, ACCEPTED, RETURNED = "draft", "sent", "accepted", "returned"
LABELS = {DRAFT: Phrase("Nháp"), SENT: Phrase("Đã gửi"), ACCEPTED: Phrase("Đã tiếp nhận"), RETURNED: Phrase("Trả lại")}
LOCKING = (SENT, ACCEPTED)
OUT, IN = "out", "in"
STATUS_KEY = "report.status"  # the audit's key for a change of status (reopening, a returned report reopened)

STEP_COLUMNS = ("unit", "period", "status", "revision", "reason", "at", "who", "file", "sha256", "side")


class StatusEntry(NamedTuple):
    status: str
    revision: int
    reason: str
    at: str
    who: str
    file: str
    sha256: str
    side: str

    @property
    def workbook(self) -> bool:
        """A subunit's filled Excel workbook received here: sent, with no revision (its files are numbered)."""
        return self.status == SENT and not self.revision and self.side == IN

    @property
    def label(self) -> Phrase:
        """"Đã gửi (r2)", "Trả lại (r1)": the status as the clerk reads it, in any language; a report received as a
        filled workbook "Đã gửi (biểu Excel)"."""
        if self.revision:
            return Phrase("{status} (r{revision})", status=LABELS[self.status], revision=self.revision)
        if self.workbook:
            return Phrase("{status} (biểu Excel)", status=LABELS[self.status])
        return LABELS[self.status]


def shown_status(entry: StatusEntry | None) -> Phrase:
    """The current status in words; a report without history is a draft."""
    return entry.label if entry else LABELS[DRAFT]


class ReportStatuses(Tables):
    def status_history(self, unit: str, period: str, side: str | None = None) -> list[StatusEntry]:
        """A report's steps, oldest first (of one side when given)."""
        sql = f"SELECT {', '.join(STEP_COLUMNS[2:])} FROM report_status WHERE unit = ? AND period = ?"
        args = [unit, period]
        if side:
            sql += " AND side = ?"
            args.append(side)
        return [StatusEntry(*row) for row in self.conn.execute(sql + " ORDER BY id", args)]

    def current_status(self, unit: str, period: str, side: str | None = None) -> StatusEntry | None:
        """The report's latest step, or None for a draft never sent nor received.

        A workbook received after a submission file does not change where that file stands (received,
        accepted or returned, and answered only once): it is the current step only of a report that has no other.
        """
        history = self.status_history(unit, period, side)
        steps = [step for step in history if not step.workbook] or history
        return steps[-1] if steps else None

    def record_status(self, unit: str, period: str, status: str, revision: int, *, side: str, reason: str = "",
                      file: str = "", sha256: str = "", at: str | None = None) -> None:
        """One step of a report's history, inside the caller's transaction."""
        self.conn.execute(f"INSERT INTO report_status ({', '.join(STEP_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                          (unit, period, status, revision, reason, at or now(), self.user, file, sha256, side))

    def is_locked(self, unit: str, period: str) -> StatusEntry | None:
        """The step that locks this workspace's own report (sent or accepted), or None when it may be edited.

        Only the own unit's report is locked: a subunit's report held here (imported, keyed from paper, or a
        demo's ward exported for testing) stays the level above's to correct."""
        if unit != self.own_unit:
            return None
        current = self.current_status(unit, period, OUT)
        return current if current and current.status in LOCKING else None

    def refuse_if_locked(self, unit: str, period: str) -> None:
        """One sentence when the report was sent or accepted and not reopened since."""
        locked = self.is_locked(unit, period)
        if locked is not None:
            raise WorkspaceError.of(locked_sentence(unit, period, locked))

    def reopen(self, unit: str, period: str) -> int:
        """Start the next revision of a sent or accepted report; returns its number. Audited."""
        self._writable()
        locked = self.is_locked(unit, period)
        if locked is None:
            raise WorkspaceError("Báo cáo của {unit} kỳ {period} chưa gửi đi (hoặc đã mở lại); vẫn sửa được.",
                                 unit=unit, period=period)
        revision = locked.revision + 1
        with self.transaction():
            at = now()
            self.record_status(unit, period, DRAFT, revision, side=OUT, at=at)
            self._audit([(at, self.user, unit, period, STATUS_KEY, "", str(locked.label),
                          str(StatusEntry(DRAFT, revision, "", at, "", "", "", OUT).label), "local")])
        return revision


def locked_sentence(unit: str, period: str, entry: StatusEntry) -> Phrase:
    """Why a sent or accepted report takes no change, and what to do: said in the language it is shown in."""
    if entry.status == SENT:
        return Phrase("Báo cáo của {unit} kỳ {period} đã gửi (lần nộp r{revision}) nên không sửa được; hãy mở lại "
                      "để sửa rồi gửi lần nộp r{next}.", unit=unit, period=period, revision=entry.revision,
                      next=entry.revision + 1)
    return Phrase("Báo cáo của {unit} kỳ {period} đã được cấp trên tiếp nhận (lần nộp r{revision}) nên không sửa "
                  "được; hãy mở lại để sửa rồi gửi lần nộp r{next}.", unit=unit, period=period,
                  revision=entry.revision, next=entry.revision + 1)
