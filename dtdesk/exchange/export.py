"""Writing a submission file (``dtdesk export``).

The file is created fresh from one consistent read of the workspace (a
``BEGIN IMMEDIATE`` transaction, which also reserves the next revision number),
so it is consistent even while the workspace is open elsewhere: WAL readers
never see half an edit, and no live database file is ever copied. It is
written under a temporary name in the target folder, fsynced, re-opened and
checked with the same validator the importer uses (quick_check + manifest
hash), and only then renamed to its final name. The report's revision is
raised in the same transaction, which commits only when the file is in place.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dtdesk import __version__
from dtdesk.core.formats import os_reason
from dtdesk.exchange import manifest as mf
from dtdesk.exchange.validate import Rejected, read_submission
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


def collect(conn: sqlite3.Connection, unit: str, period: str) -> tuple[list[dict], list[dict], list[tuple]]:
    """Units, report row and values of a report, read on ``conn`` (call inside a transaction)."""
    cols = ", ".join(mf.UNIT_COLUMNS)
    own = conn.execute(f"SELECT {cols} FROM units WHERE code = ?", (unit,)).fetchone()
    if own is None:
        raise ExportError(f"Không có đơn vị mã «{unit}» trong tệp.")
    units = [dict(zip(mf.UNIT_COLUMNS, own))]
    from dtdesk.core.units import KINDS

    for row in conn.execute(f"SELECT {cols} FROM units WHERE parent = ? ORDER BY position, code", (unit,)):
        candidate = dict(zip(mf.UNIT_COLUMNS, row))
        if not KINDS.get(candidate["kind"], ("", True))[1]:
            units.append(candidate)
    report = conn.execute(f"SELECT {', '.join(mf.REPORT_COLUMNS)} FROM reports WHERE unit = ? AND period = ?",
                          (unit, period)).fetchone()
    if report is None:
        raise ExportError(f"Đơn vị «{unit}» chưa có báo cáo kỳ {period}.")
    codes = [u["code"] for u in units]
    values = conn.execute(
        f"SELECT unit, period, key, row, value FROM vals WHERE period = ? AND unit IN ({','.join('?' * len(codes))})"
        " ORDER BY unit, key, row",
        [period, *codes],
    ).fetchall()
    for u in units:
        for column in ("short", "row_label", "email"):
            u[column] = u[column] or ""
        u["position"] = int(u["position"] or 0)
    return units, [dict(zip(mf.REPORT_COLUMNS, report))], [tuple(v) for v in values]


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_submission(path: Path, manifest: dict, units: list[dict], reports: list[dict], values: list[tuple], *,
                     fsync: bool = True) -> str:
    """Create the SQLite file at ``path`` (which must be new or empty); returns the content hash.

    ``manifest`` needs every key but ``sha256``, which is computed here.
    """
    digest = mf.content_hash(manifest, units, reports, values)
    entries = {**{k: str(v) for k, v in manifest.items()}, "sha256": digest}
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA page_size = 1024")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA application_id = {mf.APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {mf.FORMAT_VERSION}")
        conn.execute("BEGIN")
        for sql in mf.SCHEMA.values():
            conn.execute(sql)
        conn.executemany("INSERT INTO manifest (key, value) VALUES (?, ?)", sorted(entries.items()))
        conn.executemany(f"INSERT INTO units VALUES ({','.join('?' * len(mf.UNIT_COLUMNS))})",
                         [tuple(u[c] for c in mf.UNIT_COLUMNS) for u in units])
        conn.executemany(f"INSERT INTO reports VALUES ({','.join('?' * len(mf.REPORT_COLUMNS))})",
                         [tuple(r[c] for c in mf.REPORT_COLUMNS) for r in reports])
        conn.executemany("INSERT INTO vals VALUES (?, ?, ?, ?, ?)", values)
        conn.execute("COMMIT")
    finally:
        conn.close()
    if fsync:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())
    return digest


def target_path(out: str | Path, unit: str, period: str, revision: int) -> Path:
    """``-o`` names a file, or a folder (existing, or written with a trailing "/") for the usual name."""
    as_folder = str(out).endswith(("/", os.sep))  # before Path() drops the trailing separator
    out = Path(out)
    if as_folder or out.is_dir():
        out.mkdir(parents=True, exist_ok=True)
        return out / mf.file_name(unit, period, revision)
    return out


def export_report(ws: Workspace, unit: str, period: str, out: str | Path, *, eml: bool = False) -> ExportResult:
    """Export one report as a submission file; raises the report's revision by one."""
    if getattr(ws, "read_only", False):
        raise WorkspaceError(f"Tệp «{ws.path.name}» đang mở ở chế độ chỉ đọc; không ghi được.")
    conn = ws.conn
    conn.execute("BEGIN IMMEDIATE")
    tmp: Path | None = None
    try:
        units, reports, values = collect(conn, unit, period)
        report = reports[0]
        revision = int(report["revision"] or 0) + 1
        report["revision"] = revision
        final = target_path(out, unit, period, revision)
        if not final.parent.is_dir():
            raise ExportError(f"Không có thư mục «{final.parent}» để ghi tệp nộp.")
        manifest = {
            "format": mf.FORMAT,
            "template_id": report["template_id"],
            "template_version": report["template_version"],
            "unit": unit,
            "parent": units[0]["parent"] or "",
            "period": period,
            "revision": revision,
            "app_version": __version__,
            "exported_at": utc_now(),
        }
        fd, name = tempfile.mkstemp(prefix=".dtdesk-", suffix=".part", dir=final.parent)
        os.close(fd)
        tmp = Path(name)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a submission is meant to be sent
        digest = write_submission(tmp, manifest, units, reports, values)
        try:
            checked = read_submission(tmp)
        except Rejected as exc:
            raise ExportError(f"Tệp vừa xuất không qua được bước kiểm tra lại: {exc}") from None
        if checked.content_sha256 != digest:
            raise ExportError("Tệp vừa xuất không khớp mã kiểm tra; chưa ghi tệp nộp.")
        os.replace(tmp, final)
        tmp = None
        _fsync_dir(final.parent)
        conn.execute("UPDATE reports SET revision = ? WHERE unit = ? AND period = ?", (revision, unit, period))
        conn.execute(
            "INSERT INTO submissions (unit, period, revision, sha256, content_sha256, filename, exported_at, who)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (unit, period, revision, checked.sha256, digest, final.name, manifest["exported_at"], ws.user),
        )
        conn.execute("COMMIT")
    except OSError as exc:
        conn.execute("ROLLBACK")
        raise ExportError(f"Không ghi được tệp nộp: {os_reason(exc)}.") from None
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    eml_path = None
    if eml:
        from dtdesk.exchange.eml import write_eml

        eml_path = write_eml(ws, final)
    return ExportResult(final, unit, period, revision, checked.sha256, digest, len(values), eml_path)
