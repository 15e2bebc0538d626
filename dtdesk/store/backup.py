"""Rolling backups of a workspace, through SQLite's online backup API.

Backups live in a ``backups/`` folder beside the workspace and are named
``<workspace name>-<YYYYMMDD-HHMMSS-mmm>-<kind><suffix>``, e.g.
``ws-20260105-081502-120-auto.sqlite``. Kinds:

- ``auto``     taken when the workspace is opened for writing, at most once a
               calendar day (:func:`auto_backup`; the app may also call it on a
               timer while it stays open for days);
- ``manual``   ``dtdesk backup WS`` or the app's "Sao lưu ngay";
- ``migrate``  taken just before an older workspace is upgraded;
- ``restore``  the current state, taken just before a backup is restored.

The newest ``keep`` (default 10) backups of a workspace are kept, whatever
their kind; older ones are deleted. A backup is written to a hidden temporary
name, checked (``PRAGMA quick_check``) and only then renamed into place, so a
file with a backup name is always a complete, standalone database (journal
mode DELETE: no ``-wal`` beside it).
"""

import datetime as dt
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import NamedTuple

DEFAULT_KEEP = 10
FOLDER = "backups"
_STAMP = "%Y%m%d-%H%M%S"


class Backup(NamedTuple):
    path: Path
    taken_at: dt.datetime  # local time
    kind: str

    @property
    def label(self) -> str:
        kinds = {"auto": "tự động", "manual": "thủ công", "migrate": "trước khi nâng cấp",
                 "restore": "trước khi khôi phục"}
        return f"{self.taken_at:%d/%m/%Y %H:%M:%S} ({kinds.get(self.kind, self.kind)})"


def backup_dir(workspace: str | Path) -> Path:
    return Path(workspace).parent / FOLDER


def _pattern(workspace: Path) -> re.Pattern:
    return re.compile(
        re.escape(workspace.stem) + r"-(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)-(\d{3})-([a-z]+)"
        + re.escape(workspace.suffix) + "$"
    )


def list_backups(workspace: str | Path) -> list[Backup]:
    """The backups of this workspace, newest first."""
    workspace = Path(workspace)
    folder = backup_dir(workspace)
    if not folder.is_dir():
        return []
    pattern = _pattern(workspace)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if not match:
            continue
        *stamp, milliseconds, kind = match.groups()
        try:  # read by hand: strptime's first call costs more than the whole list, at every start
            taken_at = dt.datetime(*map(int, stamp), int(milliseconds) * 1000)
        except ValueError:  # a stray file whose name looks like a backup's but holds no real date
            continue
        found.append(Backup(path, taken_at, kind))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _target(workspace: Path, kind: str) -> Path:
    folder = backup_dir(workspace)
    while True:
        now = dt.datetime.now()
        name = f"{workspace.stem}-{now:{_STAMP}}-{now.microsecond // 1000:03d}-{kind}{workspace.suffix}"
        if not (folder / name).exists():
            return folder / name
        time.sleep(0.002)


def _open_ro(path: Path) -> sqlite3.Connection:
    from dtdesk.store.workspace import connect_read_only  # workspace imports this module lazily too

    return connect_read_only(path)


def make_backup(source: sqlite3.Connection | str | Path, workspace: str | Path, kind: str = "manual",
                keep: int = DEFAULT_KEEP) -> Path:
    """Copy the database consistently (even while it is being written) into backups/; returns the file.

    ``source`` is an open connection to the workspace, or its path (opened read-only).
    Raises OSError or sqlite3.Error if the copy cannot be made or does not check out.
    """
    workspace = Path(workspace)
    target = _target(workspace, kind)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name("." + target.name + ".tmp")
    own = not isinstance(source, sqlite3.Connection)
    src = _open_ro(Path(source)) if own else source
    try:
        dst = sqlite3.connect(temp, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
        if result != "ok":
            raise sqlite3.DatabaseError(f"backup check failed: {result}")
        os.replace(temp, target)
    finally:
        if own:
            src.close()
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass
    prune(workspace, keep)
    return target


def prune(workspace: str | Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns the deleted files."""
    removed = []
    for old in list_backups(workspace)[keep:]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError:
            pass
    return removed


def auto_backup(ws, keep: int = DEFAULT_KEEP, today: dt.date | None = None) -> Path | None:
    """Back up an open (writable) workspace unless one was already taken today; never raises.

    Returns the new backup, or None (one exists for today, or the copy failed:
    then ``ws.backup_error`` holds why, for the app to show).
    """
    today = today or dt.date.today()
    if any(b.kind == "auto" and b.taken_at.date() == today for b in list_backups(ws.path)):
        return None
    try:
        return make_backup(ws.conn, ws.path, kind="auto", keep=keep)
    except (OSError, sqlite3.Error) as exc:
        ws.backup_error = str(exc)
        return None


def check_backup(path: str | Path) -> int:
    """Refuse a file that is not a sound dtdesk backup this version can read; returns its schema version."""
    from dtdesk.store.schema import APP_ID, SCHEMA_VERSION
    from dtdesk.store.workspace import WorkspaceError, require_sqlite

    path = Path(path)
    require_sqlite(path, "bản sao lưu")
    try:
        conn = _open_ro(path)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() if version else None
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        raise WorkspaceError(f"Tệp «{path.name}» không phải là bản sao lưu của dtdesk hoặc đã bị hỏng.") from None
    if not app or app[0] != APP_ID:
        raise WorkspaceError(f"Tệp «{path.name}» không phải là bản sao lưu của dtdesk.")
    if version > SCHEMA_VERSION:
        raise WorkspaceError(f"Bản sao lưu «{path.name}» được tạo bởi phiên bản dtdesk mới hơn; hãy cập nhật dtdesk.")
    if ok != "ok":
        raise WorkspaceError(f"Bản sao lưu «{path.name}» đã bị hỏng; hãy chọn bản khác.")
    return version


def restore(target, backup: str | Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Put a backup's content into the workspace; returns the backup taken of the state replaced.

    ``target`` is the workspace path (it must not be open for writing elsewhere:
    the one-writer lock is taken) or an open, writable :class:`Workspace` (the
    app's own: its connection is reused and stays valid). The current content is
    backed up first (kind ``restore``), then the backup is copied in through the
    backup API, in one step that readers see atomically. A workspace too damaged
    to be read is moved into ``backups/`` (``…-damaged``) and replaced.
    """
    from dtdesk.store.lock import WorkspaceLock
    from dtdesk.store.schema import migrate
    from dtdesk.store.workspace import Workspace, WorkspaceError

    backup = Path(backup)
    check_backup(backup)
    if isinstance(target, Workspace):
        target._writable()
        ws_path, lock, conn = target.path, None, target.conn
    else:
        ws_path, conn = Path(target), None
        lock = WorkspaceLock(ws_path)
        if not lock.acquire():
            raise WorkspaceError(f"Tệp «{ws_path.name}» đang được mở ở máy/cửa sổ khác; hãy đóng nó rồi khôi phục.")
    try:
        saved = None
        if conn is None and ws_path.exists():
            try:
                conn = Workspace._connect(ws_path)
                conn.execute("PRAGMA quick_check").fetchone()
            except sqlite3.Error:
                if conn is not None:
                    conn.close()
                conn = None
                saved = _set_aside(ws_path)
        if conn is not None:
            saved = make_backup(conn, ws_path, kind="restore", keep=keep)
        else:
            conn = Workspace._connect(ws_path)
        own = not isinstance(target, Workspace)
        try:
            src = _open_ro(backup)
            try:
                src.backup(conn)
            finally:
                src.close()
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn)
        finally:
            if own:
                conn.close()
        return saved
    finally:
        if lock is not None:
            lock.release()


def _set_aside(ws_path: Path) -> Path:
    """Move an unreadable workspace (and its -wal/-shm) into backups/ as ``…-damaged``."""
    target = _target(ws_path, "damaged")
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        side = ws_path.with_name(ws_path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(ws_path, target)
    return target
