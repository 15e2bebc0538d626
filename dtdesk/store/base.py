"""What every part of the workspace shares: its connection, who edits, the clock and its one-sentence error.

The workspace's tables are read and written by small classes, one module per
table or group of tables (:mod:`~dtdesk.store.units`, :mod:`~dtdesk.store.reports`,
:mod:`~dtdesk.store.values`, :mod:`~dtdesk.store.imports`);
:class:`~dtdesk.store.workspace.Workspace` is all of them over one connection.
Nothing outside ``dtdesk.store`` speaks the workspace's SQL.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from dtdesk.core.errors import Failure
from dtdesk.core.formats import nfc
from dtdesk.core.i18n import N_, Phrase


# Why a file opened for writing was opened read-only instead (``Workspace.notice``): another window or PC has it
IN_USE = Phrase("Tệp đang được mở ở máy/cửa sổ khác; mở ở chế độ chỉ đọc.")


class WorkspaceError(Failure):
    """A workspace cannot be used; the message is one sentence for the user."""

    kind = "workspace"


class OwnFileError(WorkspaceError):
    """An output was asked to go over the workspace, its -wal/-shm, its lock or one of its backups."""

    kind = "own_file"

    def __init__(self, workspace: Path, output: Path):
        self.workspace, self.output = workspace, output
        super().__init__(N_("Không ghi đè lên «{output}»: đó là tệp dữ liệu «{workspace}», tệp đi kèm hoặc bản sao "
                            "lưu của nó; hãy chọn tên tệp khác."), output=output.name, workspace=workspace.name)


class DamagedWorkspace(WorkspaceError):
    """The file opens but fails ``PRAGMA quick_check``; ``backup`` is the newest good backup, if any."""

    kind = "damaged"

    def __init__(self, path: Path, backup):
        self.path, self.backup = path, backup  # backup: dtdesk.store.backup.Backup | None
        if backup is None:
            super().__init__(N_("Tệp «{name}» đã bị hỏng và không có bản sao lưu nào còn tốt để khôi phục."),
                             name=path.name)
        else:
            super().__init__(N_("Tệp «{name}» đã bị hỏng; khôi phục bản sao lưu còn tốt gần nhất ({label}) bằng "
                                "lệnh: dtdesk restore \"{path}\" \"{backup}\"."), name=path.name, label=backup.label,
                             path=str(path), backup=str(backup.path))


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _user() -> str:
    """Who edits, for the audit; never fails (a PC without a login name still saves)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises different errors per platform and version
        return "clerk"


def clean(value):
    """A value as stored: text in NFC, booleans as 0/1."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return int(value)
    return value


def marks(count: int) -> str:
    """``?,?,…`` for an ``IN (…)`` of ``count`` values."""
    return ",".join("?" * count)


def in_parts(items: Iterable, size: int = 500) -> Iterator[list]:
    """``items`` in lists of at most ``size``: the values of one ``IN (…)`` each, far below SQLite's limit of
    parameters a statement (999 in SQLite older than 3.32)."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


class Tables:
    """The connection every table class works on (a :class:`Workspace` is one of these)."""

    path: Path
    conn: sqlite3.Connection
    read_only: bool

    @cached_property
    def user(self) -> str:
        """Who edits, for the audit; asked at the first edit, not at opening."""
        return _user()

    @cached_property
    def db(self):
        """sqlite-utils over the same connection, for upserts.

        Imported on first write of units or reports, not at start-up: reading
        is plain SQL, and sqlite-utils' import costs more than the whole first
        screen's queries.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)  # no plugin may change our connection

    def _rows(self, sql: str, args=()) -> list[dict]:
        cursor = self.conn.execute(sql, args)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def _writable(self) -> None:
        """Refuse a write, saying what is really the case: another window or PC has the file, or it was opened to read."""
        if self.read_only and self.notice == IN_USE:
            raise WorkspaceError("Tệp «{name}» đang được mở ở cửa sổ hoặc máy khác; hãy đóng nó ở đó rồi thử lại.",
                                 name=self.path.name)
        if self.read_only and self.notice:  # the other reason: no lock file could be made beside it
            raise WorkspaceError("Không ghi được vào thư mục chứa tệp «{name}» nên không lưu được thay đổi.",
                                 name=self.path.name)
        if self.read_only:
            raise WorkspaceError("Tệp «{name}» đang mở ở chế độ chỉ đọc; không lưu được thay đổi.",
                                 name=self.path.name)

    def _audit(self, rows: list[tuple]) -> None:
        """Audit rows (at, who, unit, period, key, row, old, new, source), inside the caller's transaction."""
        self.conn.executemany(
            "INSERT INTO audit (at, who, unit, period, key, row, old, new, source) VALUES (?,?,?,?,?,?,?,?,?)", rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``): committed when the block ends, rolled back if it raises.

        For work that spans more than one call, such as an export, which holds
        the transaction while it writes and checks the file it reads from.
        """
        self._writable()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error:  # a full disk at COMMIT: the connection must not stay inside the transaction
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Part of a transaction that is undone alone if it raises."""
        self.conn.execute("SAVEPOINT part")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO part")
            raise
        finally:
            self.conn.execute("RELEASE part")

    def snapshot(self) -> tuple[int, int]:
        """Changes by this connection and commits by others: equal snapshots mean the data did not change."""
        return self.conn.total_changes, self.conn.execute("PRAGMA data_version").fetchone()[0]
