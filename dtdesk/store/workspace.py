"""The workspace: one SQLite file holding units, reports, values and the audit.

Every edit is its own committed transaction (the clerk never presses Save),
and every change of a value writes an audit row with who, when, old and new.
A value belongs to (unit, period, key, row): a ward's row in the district's
table *is* the ward's own value, whoever keyed or imported it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from dtdesk.core.formats import nfc, os_reason
from dtdesk.core.report import Key, ReportInfo
from dtdesk.core.units import Hierarchy, Unit
from dtdesk.store.lock import WorkspaceLock
from dtdesk.store.schema import APP_ID, SCHEMA_VERSION, migrate


class WorkspaceError(Exception):
    """A workspace cannot be used; the message is one sentence for the user."""


AUDIT_SQL = "INSERT INTO audit (at, who, unit, period, key, row, old, new, source) VALUES (?,?,?,?,?,?,?,?,?)"
IN_USE = "Tệp đang được mở ở máy/cửa sổ khác; mở ở chế độ chỉ đọc."


def require_sqlite(path: Path, what: str) -> None:
    """Refuse, in one sentence, a file that is not SQLite at all (before SQLite sees it)."""
    try:
        with open(path, "rb") as handle:
            magic = handle.read(16)
    except OSError as exc:
        raise WorkspaceError(f"Không đọc được tệp «{path.name}»: {os_reason(exc)}.") from None
    if magic != b"SQLite format 3\x00":
        raise WorkspaceError(f"Tệp «{path.name}» không phải là {what} của dtdesk.")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, for a file this process must not change (or may not lock)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None, timeout=5.0)


def _user() -> str:
    """Who edits, for the audit; never fails (a PC without a login name still saves)."""
    import getpass  # with termios and pwd, off the start-up path: see Workspace.user

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises different errors per platform and version
        return "clerk"


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _clean(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return int(value)
    return value


class Workspace:
    """An open workspace file. Use :meth:`create` or :meth:`open`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: WorkspaceLock | None = None):
        self.path = path
        self.conn = conn
        self.lock = lock  # held while open for writing; None when read-only
        self.read_only = lock is None
        self.notice = ""  # a sentence for the user, e.g. IN_USE when another window has the file
        self.backup_error = ""  # why today's automatic backup failed, if it did

    @cached_property
    def user(self) -> str:
        """Who edits, for the audit; asked at the first edit, not at opening (start-up time)."""
        return _user()

    # -- opening ---------------------------------------------------------
    @staticmethod
    def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
        if read_only:
            return connect_read_only(path)
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    @classmethod
    def create(cls, path: str | Path, unit: str = "") -> Workspace:
        path = Path(path)
        if path.exists():
            raise WorkspaceError(f"Tệp «{path.name}» đã tồn tại; chọn tên khác.")
        lock = WorkspaceLock(path)
        if not lock.acquire():
            raise WorkspaceError(f"Tệp «{path.name}» đang được tạo ở cửa sổ khác.")
        try:
            conn = cls._connect(path)
        except sqlite3.Error as exc:
            lock.release()
            raise WorkspaceError(f"Không tạo được tệp «{path.name}»: {exc}.") from None
        migrate(conn)
        ws = cls(path, conn, lock)
        ws._set_meta("app", APP_ID)
        ws._set_meta("created_at", now())
        if unit:
            ws._set_meta("unit", unit)
        return ws

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, backup: bool = True) -> Workspace:
        """Open for writing, or read-only (``ws.notice`` = IN_USE) when another process holds the lock.

        Opening for writing takes the daily automatic backup (``backup=False`` skips it); a workspace
        of an older schema is backed up before it is migrated.
        """
        path = Path(path)
        if not path.is_file():
            raise WorkspaceError(f"Không tìm thấy tệp «{path}».")
        require_sqlite(path, "tệp dữ liệu")
        lock, notice = None, ""
        if not read_only:
            lock = WorkspaceLock(path)
            if not lock.acquire():
                lock, notice = None, IN_USE
        try:
            return cls._open(path, lock, notice, backup)
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def _open(cls, path: Path, lock: WorkspaceLock | None, notice: str, backup: bool) -> Workspace:
        # A newer file is refused by reading the header only: no WAL switch, nothing written.
        try:
            probe = connect_read_only(path)
            try:
                version = probe.execute("PRAGMA user_version").fetchone()[0]
            finally:
                probe.close()
        except sqlite3.Error:
            raise WorkspaceError(f"Tệp «{path.name}» không phải là tệp dữ liệu của dtdesk hoặc đã bị hỏng.") from None
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"Tệp «{path.name}» được tạo bởi phiên bản dtdesk mới hơn; hãy cập nhật dtdesk để mở tệp này."
            )
        try:
            conn = cls._connect(path, read_only=lock is None)
            app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() if version else None
        except sqlite3.Error:
            raise WorkspaceError(f"Tệp «{path.name}» không phải là tệp dữ liệu của dtdesk hoặc đã bị hỏng.") from None
        if not app or app[0] != APP_ID:
            conn.close()
            raise WorkspaceError(f"Tệp «{path.name}» không phải là tệp dữ liệu của dtdesk.")
        if version < SCHEMA_VERSION:
            if lock is None:
                conn.close()
                where = "đang được mở ở máy/cửa sổ khác" if notice else "đang được mở ở chế độ chỉ đọc"
                raise WorkspaceError(f"Tệp «{path.name}» cần được nâng cấp nhưng {where}; hãy mở tệp trong ứng dụng.")
            from dtdesk.store.backup import make_backup

            try:
                make_backup(conn, path, kind="migrate")
            except (OSError, sqlite3.Error):
                conn.close()
                raise WorkspaceError(f"Không sao lưu được tệp «{path.name}» trước khi nâng cấp; tệp chưa bị thay đổi.") from None
            try:
                migrate(conn)
            except sqlite3.Error:
                conn.close()
                raise WorkspaceError(f"Không nâng cấp được tệp «{path.name}»; tệp chưa bị thay đổi.") from None
        ws = cls(path, conn, lock)
        ws.notice = notice
        if lock is not None and backup:
            from dtdesk.store.backup import auto_backup

            auto_backup(ws)
        return ws

    def _writable(self) -> None:
        if self.read_only:
            raise WorkspaceError(f"Tệp «{self.path.name}» đang mở ở chế độ chỉ đọc; không lưu được thay đổi.")

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @cached_property
    def db(self):
        """sqlite-utils over the same connection, for upserts.

        Imported on first write of units or reports, not at start-up: reading
        is plain SQL, and sqlite-utils' import costs more than the whole first
        screen's queries.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def _rows(self, sql: str, args=()) -> list[dict]:
        cursor = self.conn.execute(sql, args)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    # -- meta ------------------------------------------------------------
    def _set_meta(self, key: str, value: str) -> None:
        self._writable()
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @property
    def own_unit(self) -> str:
        return self.meta("unit")

    def set_own_unit(self, code: str) -> None:
        self._set_meta("unit", code)

    # -- units -------------------------------------------------------------
    def add_units(self, units: Iterable[Unit]) -> None:
        rows = [
            {"code": u.code, "name": nfc(u.name), "kind": u.kind, "parent": u.parent, "short": nfc(u.short),
             "row_label": nfc(u.row_label), "position": u.position, "email": u.email}
            for u in units
        ]
        self._writable()
        with self.conn:
            self.db["units"].upsert_all(rows, pk="code")

    def hierarchy(self) -> Hierarchy:
        return Hierarchy([Unit(**row) for row in self._rows("SELECT * FROM units")])

    # -- reports -------------------------------------------------------------
    def ensure_report(self, info: ReportInfo) -> None:
        row = {"unit": info.unit, "period": info.period, "template_id": info.template_id,
               "template_version": info.template_version, "start": info.start.isoformat(),
               "cutoff": info.cutoff.isoformat(), "revision": info.revision, "illustrative": int(info.illustrative)}
        self._writable()
        with self.conn:
            self.db["reports"].upsert(row, pk=("unit", "period"))

    def set_report_dates(self, unit: str, period: str, start: dt.date, cutoff: dt.date) -> None:
        """Change a report's start and cut-off dates, audited like a value."""
        self._writable()
        old = self.report(unit, period)
        if old is None or start > cutoff:
            raise WorkspaceError("Ngày bắt đầu phải trước ngày chốt số liệu.")
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("UPDATE reports SET start = ?, cutoff = ? WHERE unit = ? AND period = ?",
                              (start.isoformat(), cutoff.isoformat(), unit, period))
            for key, before, after in (("report.start", old.start, start), ("report.cutoff", old.cutoff, cutoff)):
                if before != after:
                    self.conn.execute(
                        AUDIT_SQL,
                        (now(), self.user, unit, period, key, "", before.isoformat(), after.isoformat(), "local"),
                    )

    @staticmethod
    def _report(row: dict) -> ReportInfo:
        return ReportInfo(row["unit"], row["period"], row["template_id"], row["template_version"],
                          dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["cutoff"]),
                          row["revision"], bool(row["illustrative"]))

    def reports(self, unit: str | None = None) -> list[ReportInfo]:
        where, args = ("unit = ?", [unit]) if unit else (None, None)
        sql = "SELECT * FROM reports" + (f" WHERE {where}" if where else "") + " ORDER BY unit, period"
        return [self._report(r) for r in self._rows(sql, args or ())]

    def report(self, unit: str, period: str) -> ReportInfo | None:
        rows = self._rows("SELECT * FROM reports WHERE unit = ? AND period = ?", (unit, period))
        return self._report(rows[0]) if rows else None

    def latest_period(self, unit: str) -> str | None:
        row = self.conn.execute("SELECT max(period) FROM reports WHERE unit = ?", (unit,)).fetchone()
        return row[0]

    # -- values --------------------------------------------------------------
    def values(self, period: str, units: Iterable[str] | None = None) -> dict[Key, object]:
        """All values of a period (optionally of some units) as {(unit, key, row): value}."""
        sql = "SELECT unit, key, row, value FROM vals WHERE period = ?"
        args: list = [period]
        if units is not None:
            units = list(units)
            sql += f" AND unit IN ({','.join('?' * len(units))})"
            args += units
        return {(u, k, r): v for u, k, r, v in self.conn.execute(sql, args)}

    def value(self, unit: str, period: str, key: str, row: str = ""):
        found = self.conn.execute(
            "SELECT value FROM vals WHERE unit = ? AND period = ? AND key = ? AND row = ?", (unit, period, key, row)
        ).fetchone()
        return found[0] if found else None

    def set_value(self, unit: str, period: str, key: str, value, row: str = "", source: str = "local"):
        """Store one value durably, with its audit row; returns the old value."""
        return self.set_values(unit, period, {(key, row): value}, source=source)[(key, row)]

    def set_values(self, unit: str, period: str, changes: dict[tuple[str, str], object], source: str = "local"):
        """Store several values of one unit in one transaction (a paste, an edit); returns the old values."""
        self._writable()
        old: dict[tuple[str, str], object] = {}
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            rows = []
            for (key, row), value in changes.items():
                value = _clean(value)
                old[(key, row)] = self.value(unit, period, key, row)
                rows.append((unit, key, row, old[(key, row)], value))
            self.write_changes(period, rows, source)
        return old

    def write_changes(self, period: str, rows: list[tuple], source: str, at: str | None = None) -> int:
        """Write (unit, key, row, old, new) rows whose old value the caller read, each with its audit row.

        The one place values are written: edits, imports and JSON loads all come
        here, inside a transaction the caller holds. An empty new value deletes;
        rows that change nothing are skipped. Returns how many changed.
        """
        at = at or now()
        changed = [(u, k, r, o, None if n == "" else n) for u, k, r, o, n in rows]
        changed = [c for c in changed if not (c[3] == c[4] and type(c[3]) is type(c[4]))]
        self.conn.executemany("DELETE FROM vals WHERE unit = ? AND period = ? AND key = ? AND row = ?",
                              [(u, period, k, r) for u, k, r, _o, n in changed if n is None])
        self.conn.executemany(
            "INSERT OR REPLACE INTO vals (unit, period, key, row, value, source, updated_at) VALUES (?,?,?,?,?,?,?)",
            [(u, period, k, r, n, source, at) for u, k, r, _o, n in changed if n is not None])
        self.conn.executemany(
            AUDIT_SQL,
            [(at, self.user, u, period, k, r, o, n, source) for u, k, r, o, n in changed])
        return len(changed)

    def audit(self, unit: str, period: str, key: str | None = None, row: str = "") -> list[dict]:
        where, args = "unit = ? AND period = ?", [unit, period]
        if key is not None:
            where += " AND key = ? AND row = ?"
            args += [key, row]
        return self._rows(f"SELECT * FROM audit WHERE {where} ORDER BY id", args)
