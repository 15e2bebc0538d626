"""Writing a submission file (``dtdesk export``).

The file is created fresh from one consistent read of the workspace (a
``BEGIN IMMEDIATE`` transaction), so it is consistent even while the workspace
is open elsewhere: WAL readers never see half an edit, and no live database
file is ever copied. The same transaction claims the next revision in the
workspace's ledger (:mod:`dtdesk.store.submissions`) and commits before the
file is written: the next revision is above every one issued here (also
before a restore or a load) and above every file of this report already in
the target folder. The file is written under a temporary name in the target
folder (:mod:`dtdesk.core.files`), fsynced, re-opened and checked with the
same validator the importer uses (quick_check + manifest hash), and only then
given its final name, never over an existing file; then the ledger records it.
A kill at any moment leaves a whole file or none, and at worst a gap in the
revisions, never a number used twice.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from dtdesk import __version__
from dtdesk.core.files import output_path
from dtdesk.core.formats import os_reason
from dtdesk.exchange import manifest as mf
from dtdesk.exchange.eml import write_eml
from dtdesk.exchange.validate import Rejected, read_submission
from dtdesk.store.backup import failure_reason, refuse_own_file
from dtdesk.store.status import ACCEPTED, OUT, SENT
from dtdesk.store.workspace import Workspace, WorkspaceError


class ExportError(WorkspaceError):
    """The file could not be written; the message is one sentence."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    unit: str
    period: str
    revision: int
    sha256: str  # of the file bytes
    content_sha256: str
    values: int
    eml: Path | None = None


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def collect(ws: Workspace, unit: str, period: str) -> tuple[list[dict], list[dict], list[tuple]]:
    """Units, report row and values of a report (call inside a transaction, for one consistent read)."""
    units = ws.unit_with_bodies(unit)
    if not units:
        raise ExportError("Không có đơn vị mã «{unit}» trong tệp.", unit=unit)
    report = ws.report_row(unit, period)
    if report is None:
        raise ExportError("Đơn vị «{unit}» chưa có báo cáo kỳ {period}.", unit=unit, period=period)
    return units, [report], ws.value_rows(period, [u["code"] for u in units])


def target_path(out: str | Path, unit: str, period: str, revision: int) -> Path:
    """``-o`` names a file, or a folder (existing, or written with a trailing "/") for the usual name."""
    as_folder = str(out).endswith(("/", os.sep))  # before Path() drops the trailing separator
    out = Path(out)
    if as_folder or out.is_dir():
        out.mkdir(parents=True, exist_ok=True)
        return out / mf.file_name(unit, period, revision)
    return out


def highest_revision_in(folder: Path, unit: str, period: str) -> int:
    """The highest revision of this report among the submission files already in ``folder`` (0 if none)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    return max((r for r in (mf.file_revision(n, unit, period) for n in names) if r is not None), default=0)


def _manifest(units: list[dict], report: dict, unit: str, period: str, revision: int) -> dict:
    return {
        "format": mf.FORMAT,
        "template_id": report["template_id"],
        "template_version": report["template_version"],
        "unit": unit,
        "parent": units[0]["parent"] or "",
        "period": period,
        "revision": revision,
        "app_version": __version__,
        "exported_at": utc_now(),
        "status": mf.SENT_STATUS,
    }


def _write(final: Path, manifest: dict, units: list[dict], reports: list[dict], values: list[tuple]):
    """Write and check the file under a temporary name, then give it its final name; returns (checked, digest)."""
    with output_path(final, overwrite=False) as tmp:
        digest = mf.write_submission(tmp, manifest, units, reports, values)
        try:
            checked = read_submission(tmp)
        except Rejected as exc:
            raise ExportError("Tệp vừa xuất không qua được bước kiểm tra lại: {reason}", reason=exc) from None
        if checked.content_sha256 != digest:
            raise ExportError("Tệp vừa xuất không khớp mã kiểm tra; chưa ghi tệp nộp.")
    return checked, digest


def _release(ws: Workspace, unit: str, period: str, revision: int) -> None:
    """The file was not written: give its revision back (if even that fails, the claim stays: a gap, no reuse)."""
    try:
        with ws.transaction():
            ws.release_revision(unit, period, revision)
    except sqlite3.Error:
        pass


def refuse_accepted(ws: Workspace, unit: str, period: str) -> None:
    """An accepted report is not sent again unless reopened: the level above holds it as final."""
    current = ws.current_status(unit, period, OUT)
    if current is not None and current.status == ACCEPTED:
        raise ExportError("Báo cáo của {unit} kỳ {period} đã được cấp trên tiếp nhận (lần nộp r{revision}); hãy mở "
                          "lại để sửa trước khi gửi lần nộp mới.", unit=unit, period=period, revision=current.revision)


def export_report(ws: Workspace, unit: str, period: str, out: str | Path, *, eml: bool = False) -> ExportResult:
    """Export one report as a submission file under the next revision never issued for it."""
    try:
        with ws.transaction():
            refuse_accepted(ws, unit, period)
            units, reports, values = collect(ws, unit, period)
            folder = target_path(out, unit, period, 0).parent
            revision = max(ws.issued_revision(unit, period), highest_revision_in(folder, unit, period)) + 1
            reports[0]["revision"] = revision
            final = target_path(out, unit, period, revision)
            refuse_own_file(ws.path, final)
            if not final.parent.is_dir():
                raise ExportError("Không có thư mục «{parent}» để ghi tệp nộp.", parent=final.parent)
            manifest = _manifest(units, reports[0], unit, period, revision)
            ws.reserve_revision(unit, period, revision, final.name, manifest["exported_at"])
        try:
            checked, digest = _write(final, manifest, units, reports, values)
        except BaseException:
            _release(ws, unit, period, revision)
            raise
        with ws.transaction():
            ws.record_submission(unit, period, revision, checked.sha256, digest, final.name, manifest["exported_at"])
            ws.record_status(unit, period, SENT, revision, side=OUT, file=final.name, sha256=checked.sha256,
                             at=manifest["exported_at"])
    except FileExistsError:
        raise ExportError("Đã có tệp «{name}»; tệp nộp đã gửi không bị ghi đè.", name=final.name) from None
    except (OSError, sqlite3.Error) as exc:  # a full disk shows as either, depending on who wrote last
        raise ExportError("Không ghi được tệp nộp: {reason}.", reason=failure_reason(exc)) from None
    eml_path = None
    if eml:
        try:
            eml_path = write_eml(ws, final)
        except OSError as exc:
            raise ExportError("Đã xuất tệp nộp {name} nhưng không ghi được thư nháp .eml: {reason}.", name=final.name,
                              reason=os_reason(exc)) from None
    return ExportResult(final, unit, period, revision, checked.sha256, digest, len(values), eml_path)
