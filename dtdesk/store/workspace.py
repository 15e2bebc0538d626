"""The workspace: one SQLite file holding units, reports, values, the audit and the files exchanged.

This module opens, creates, upgrades and closes it and keeps its ``meta``
entries; each table's reads and writes are in the module named after it
(:mod:`~dtdesk.store.units`, :mod:`~dtdesk.store.reports`,
:mod:`~dtdesk.store.values`, :mod:`~dtdesk.store.imports`), and a
:class:`Workspace` is all of them over one connection.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from dtdesk.core.formats import os_reason
from dtdesk.core.i18n import Phrase
from dtdesk.core.inputs import NotRegularFile, read_regular
from dtdesk.core.units import Hierarchy, Unit, UnitError, check_tree, shown_code
from dtdesk.store import backup as bk
from dtdesk.store.base import IN_USE, DamagedWorkspace, OwnFileError, WorkspaceError, now
from dtdesk.store.imports import Imports
from dtdesk.store.lock import WorkspaceLock
from dtdesk.store.reports import Reports
from dtdesk.store.schema import APP_ID, SCHEMA_VERSION, migrate
from dtdesk.store.status import ReportStatuses
from dtdesk.store.submissions import Submissions
from dtdesk.store.units import Units, unit_row
from dtdesk.store.values import Values

__all__ = ["IN_USE", "DamagedWorkspace", "OwnFileError", "Workspace", "WorkspaceError", "connect_read_only", "now", "require_sqlite"]

def require_sqlite(path: Path, what: Phrase) -> None:
    """Refuse, in one sentence, what is not a regular SQLite file (before SQLite sees it, and without blocking)."""
    try:
        magic = read_regular(path, 16)
    except NotRegularFile:
        raise WorkspaceError("Đường dẫn «{name}» không phải là một tệp thông thường nên không phải là {what} của "
                             "dtdesk.", name=path.name, what=what) from None
    except OSError as exc:
        raise WorkspaceError("Không đọc được tệp «{name}»: {reason}.", name=path.name, reason=os_reason(exc)) from None
    if magic != b"SQLite format 3\x00":
        raise WorkspaceError("Tệp «{name}» không phải là {what} của dtdesk.", name=path.name, what=what)


def _disk_full(exc: sqlite3.Error, folder: Path) -> bool:
    """SQLite's I/O error, or "full", where the folder's disk has no room left (under 64 KB)."""
    if not getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_IOERR", "SQLITE_FULL")):
        return False
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, for a file this process must not change (or may not lock)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None, timeout=5.0)


class Workspace(Units, Reports, Values, Imports, Submissions, ReportStatuses):
    """An open workspace file. Use :meth:`create` or :meth:`open`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: WorkspaceLock | None = None, *,
                 in_memory: bool = False):
        self.path = path
        self.conn = conn
        self.lock = lock  # held while open for writing; None when read-only (or in memory)
        self.read_only = lock is None and not in_memory
        self.notice = ""  # a sentence for the user, e.g. IN_USE when another window has the file
        self.backup_error = ""  # why today's automatic backup failed, if it did

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
            raise WorkspaceError("Tệp «{name}» đã tồn tại; chọn tên khác.", name=path.name)
        if not path.parent.is_dir():  # else the lock file cannot be made, which reads as another window holding it
            raise WorkspaceError("Không có thư mục «{folder}» để tạo tệp «{name}»; chọn thư mục khác.",
                                 folder=str(path.parent), name=path.name)
        lock = WorkspaceLock(path)
        try:
            held = lock.acquire()
        except OSError as exc:  # a folder this user may not write: say so, not "another window"
            raise WorkspaceError("Không ghi được vào thư mục «{folder}» ({reason}) để tạo tệp «{name}»; chọn thư mục "
                                 "khác.", folder=str(path.parent), reason=os_reason(exc), name=path.name) from None
        if not held:
            raise WorkspaceError("Tệp «{name}» đang được tạo ở cửa sổ khác.", name=path.name)
        try:
            conn = cls._connect(path)
        except sqlite3.Error as exc:
            lock.release()
            raise WorkspaceError("Không tạo được tệp «{name}»: {reason}.", name=path.name, reason=exc) from None
        migrate(conn)
        return cls(path, conn, lock)._started(unit)

    @classmethod
    def in_memory(cls, unit: str = "") -> Workspace:
        """A new, writable workspace that lives in memory only, gone when closed (for tests and trials)."""
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        return cls(Path(":memory:"), conn, in_memory=True)._started(unit)

    def _started(self, unit: str) -> Workspace:
        self._set_meta("app", APP_ID)
        self._set_meta("created_at", now())
        if unit:
            self._set_meta("unit", unit)
        return self

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, backup: bool = True) -> Workspace:
        """Open for writing, or read-only when another process holds the lock (``ws.notice`` = IN_USE) or no lock
        file can be made beside it (a folder this user may not write; the notice says so).

        Opening for writing takes the daily automatic backup (``backup=False`` skips it); a workspace
        of an older schema is backed up before it is migrated.
        """
        path = Path(path)
        if not path.is_file():
            raise WorkspaceError("Không tìm thấy tệp «{path}».", path=path)
        require_sqlite(path, Phrase("tệp dữ liệu"))
        lock, notice = None, ""
        if not read_only:
            lock = WorkspaceLock(path)
            try:
                if not lock.acquire():
                    lock, notice = None, IN_USE
            except OSError as exc:
                lock, notice = None, Phrase("Không ghi được vào thư mục «{folder}» ({reason}) nên tệp chỉ mở để "
                                            "đọc, không lưu được thay đổi.", folder=str(path.parent),
                                            reason=os_reason(exc))
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
        except sqlite3.Error as exc:
            if not os.access(path.parent, os.W_OK):  # SQLite makes its -shm beside a WAL file even to read it
                raise WorkspaceError("Không mở được tệp «{name}» ngay trong thư mục «{folder}» vì không ghi được vào "
                                     "thư mục đó; hãy chép tệp sang thư mục khác rồi mở.", name=path.name,
                                     folder=str(path.parent)) from None
            if _disk_full(exc, path.parent):  # the same -shm on a full disk fails as an I/O error, not as damage
                raise WorkspaceError("Ổ đĩa chứa tệp «{name}» đã đầy nên không mở được tệp; tệp vẫn như cũ. Hãy giải "
                                     "phóng chỗ trống trên ổ đĩa rồi mở lại.", name=path.name) from None
            raise WorkspaceError("Tệp «{name}» không phải là tệp dữ liệu của dtdesk hoặc đã bị hỏng.",
                                 name=path.name) from None
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                "Tệp «{name}» được tạo bởi phiên bản dtdesk mới hơn; hãy cập nhật dtdesk để mở tệp này.",
                name=path.name
            )
        try:
            conn = cls._connect(path, read_only=lock is None)
        except sqlite3.Error:
            raise WorkspaceError("Tệp «{name}» không phải là tệp dữ liệu của dtdesk hoặc đã bị hỏng.",
                                 name=path.name) from None
        cls._require_sound(path, conn)
        try:
            app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() if version else None
        except sqlite3.Error:
            conn.close()
            raise WorkspaceError("Tệp «{name}» không phải là tệp dữ liệu của dtdesk hoặc đã bị hỏng.",
                                 name=path.name) from None
        if not app or app[0] != APP_ID:
            conn.close()
            raise WorkspaceError("Tệp «{name}» không phải là tệp dữ liệu của dtdesk.", name=path.name)
        if version < SCHEMA_VERSION and lock is None:
            conn = cls._upgraded_copy(path, conn)
        elif version < SCHEMA_VERSION:
            try:
                bk.make_backup(conn, path, kind="migrate")
            except (OSError, sqlite3.Error):
                conn.close()
                raise WorkspaceError("Không sao lưu được tệp «{name}» trước khi nâng cấp; tệp chưa bị thay đổi.",
                                     name=path.name) from None
            try:
                migrate(conn)
            except sqlite3.Error:
                conn.close()
                raise WorkspaceError("Không nâng cấp được tệp «{name}»; tệp chưa bị thay đổi.",
                                     name=path.name) from None
        ws = cls(path, conn, lock)
        ws.notice = notice
        if lock is not None and backup:
            bk.auto_backup(ws)
        return ws

    @staticmethod
    def _upgraded_copy(path: Path, conn: sqlite3.Connection) -> sqlite3.Connection:
        """An older file opened by someone who must not write it (a command that only reads, a second window).

        They read its upgraded copy in memory: an older workspace still renders and checks as it
        did, and the file itself is upgraded only by the next writer, after its backup.
        """
        copy = sqlite3.connect(":memory:", isolation_level=None)
        try:
            conn.backup(copy)
            migrate(copy)
        except sqlite3.Error:
            copy.close()
            raise WorkspaceError("Không đọc được tệp «{name}» theo phiên bản này của dtdesk.", name=path.name) from None
        finally:
            conn.close()
        copy.execute("PRAGMA query_only = ON")
        return copy

    @staticmethod
    def _require_sound(path: Path, conn: sqlite3.Connection) -> None:
        """A file that fails ``quick_check`` is refused before anything reads it (reads would fail at random).

        One of ours (its backups exist, or its meta still says so) raises :class:`DamagedWorkspace`
        with the newest good backup to restore; a damaged stranger is refused as foreign.
        """
        if bk.is_sound(conn):
            return
        try:
            ours = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() == (APP_ID,)
        except sqlite3.Error:
            ours = False
        conn.close()
        if ours or bk.list_backups(path):
            raise DamagedWorkspace(path, bk.newest_good_backup(path))
        raise WorkspaceError("Tệp «{name}» không phải là tệp dữ liệu của dtdesk hoặc đã bị hỏng.", name=path.name)

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

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

    def settings(self) -> dict[str, str]:
        """The workspace's settings: words the template leaves to each office (see core.template.with_settings)."""
        rows = self.conn.execute("SELECT key, value FROM meta WHERE key LIKE 'setting.%'")
        return {key.removeprefix("setting."): value for key, value in rows}

    def set_setting(self, setting: str, value: str) -> None:
        """Set one setting; an empty value goes back to the template's default."""
        self._writable()
        with self.conn:
            if value:
                self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (f"setting.{setting}", value))
            else:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (f"setting.{setting}",))

    def set_up_office(self, units: list[Unit], own: str) -> None:
        """Store a new office's units and record which one is the workspace's own, in one transaction.

        The own unit is said, never guessed from which unit came first: a ward
        clerk who also enters her province must still find her ward's report.
        """
        try:
            check_tree(units)
        except UnitError as exc:
            raise WorkspaceError.of(exc) from None
        if own not in {u.code for u in units}:
            raise WorkspaceError("Đơn vị «{own}» không có trong các đơn vị được tạo.", own=shown_code(own))
        with self.transaction():
            self._insert_units([unit_row(u) for u in Hierarchy(units).walk()])
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('unit', ?)", (own,))
