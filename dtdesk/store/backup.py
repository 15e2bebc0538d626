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

The newest ``keep`` (default 10, never fewer than 1) backups of a workspace
are kept, whatever their kind; older ones are deleted. A damaged workspace set
aside by :func:`restore` (kind ``damaged``) is the clerk's data, not a backup:
it is never deleted and never offered for restoring. A backup is written under
a temporary name (:mod:`dtdesk.core.files`), checked (``PRAGMA quick_check``),
fsynced and only then renamed into place, so a file with a backup name is
always a complete, standalone database (journal mode DELETE: no ``-wal``
beside it); what a killed backup left behind goes at the next one.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from dtdesk.core.files import clean_leftovers, is_one_of, output_path
from dtdesk.core.formats import os_reason
from dtdesk.core.i18n import Phrase
from dtdesk.store import schema
from dtdesk.store.base import OwnFileError, WorkspaceError
from dtdesk.store.lock import WorkspaceLock, lock_path
from dtdesk.store.status import STEP_COLUMNS
from dtdesk.store.submissions import LEDGER_COLUMNS

DEFAULT_KEEP = 10
FOLDER = "backups"
DAMAGED = "damaged"
SQLITE_FULL = 13  # sqlite3's error code for "database or disk is full"
# What a killed backup of earlier versions left: ".<backup name>.tmp" (and its journal), removed once a day old.
_OLD_TEMPORARY = re.compile(r"\..+-\d{8}-\d{6}-\d{3}-[a-z]+\.[^.]+\.tmp(?:-journal)?$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    """One backup file of a workspace: where it is, when it was taken and of which kind."""

    path: Path
    taken_at: dt.datetime  # local time
    kind: str

    @property
    def label(self) -> Phrase:
        """"31/03/2022 09:15:02 (tự động)": when, and why it was taken, said in the language it is shown in."""
        taken = self.taken_at.strftime("%d/%m/%Y %H:%M:%S")
        return Phrase("{time} ({kind})", time=taken, kind=_KINDS.get(self.kind, self.kind))


_KINDS = {"auto": Phrase("tự động"), "manual": Phrase("thủ công"), "migrate": Phrase("trước khi nâng cấp"),
          "restore": Phrase("trước khi khôi phục")}


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
    from dtdesk.store.workspace import connect_read_only  # not at the top: dtdesk.store.workspace imports this module

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
    clean_leftovers(target.parent, _OLD_TEMPORARY)
    own = not isinstance(source, sqlite3.Connection)
    src = _open_ro(Path(source)) if own else source
    try:
        _checked_copy(src, target, overwrite=False)
    finally:
        if own:
            src.close()
    prune(workspace, keep)
    return target


def _checked_copy(src: sqlite3.Connection, target: Path, overwrite: bool) -> None:
    """A consistent copy of ``src`` at ``target``: temporary name beside it, checked, fsynced, renamed."""
    with output_path(target, overwrite=overwrite) as temp:
        dst = sqlite3.connect(temp, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
        if result != "ok":
            raise sqlite3.DatabaseError(f"backup check failed: {result}")


def save_copy(conn: sqlite3.Connection, workspace: str | Path, target: str | Path) -> Path:
    """File › "Lưu bản sao…": a consistent copy of the open workspace at a file the clerk named.

    Never over the workspace itself, its side files or its backups
    (:class:`OwnFileError`); a file the clerk chose to replace is replaced
    whole or not at all. Raises OSError or sqlite3.Error when the copy fails.
    """
    target = Path(target)
    refuse_own_file(workspace, target)
    _checked_copy(conn, target, overwrite=True)
    return target


def failure_reason(exc: OSError | sqlite3.Error) -> str:
    """Why a copy failed, in the clerk's words when we know the case."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    if getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL:
        return os_reason(OSError(errno.ENOSPC, "disk full"))
    return str(exc)


def prune(workspace: str | Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups (at least the newest one stays); returns the deleted files."""
    removed = []
    backups = [b for b in list_backups(workspace) if b.kind != DAMAGED]
    for old in backups[max(1, keep):]:
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
    from dtdesk.store.workspace import require_sqlite  # not at the top: dtdesk.store.workspace imports this module

    path = Path(path)
    require_sqlite(path, Phrase("bản sao lưu"))
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
        raise WorkspaceError("Tệp «{name}» không phải là bản sao lưu của dtdesk hoặc đã bị hỏng.",
                             name=path.name) from None
    if not app or app[0] != schema.APP_ID:
        raise WorkspaceError("Tệp «{name}» không phải là bản sao lưu của dtdesk.", name=path.name)
    if version > schema.SCHEMA_VERSION:
        raise WorkspaceError("Bản sao lưu «{name}» được tạo bởi phiên bản dtdesk mới hơn; hãy cập nhật dtdesk.",
                             name=path.name)
    if ok != "ok":
        raise WorkspaceError("Bản sao lưu «{name}» đã bị hỏng; hãy chọn bản khác.", name=path.name)
    return version


def newest_good_backup(workspace: str | Path) -> Backup | None:
    """The newest backup that passes :func:`check_backup` (what to offer when the workspace is damaged)."""
    for candidate in list_backups(workspace):
        if candidate.kind == DAMAGED:
            continue
        try:
            check_backup(candidate.path)
        except WorkspaceError:
            continue
        return candidate
    return None


def own_files(workspace: str | Path) -> list[Path]:
    """The files that make up a workspace and its safety copies: never to be written over as an output."""
    workspace = Path(workspace)
    sides = [workspace.with_name(workspace.name + side) for side in ("-wal", "-shm", "-journal")]
    return [workspace, *sides, lock_path(workspace), *(b.path for b in list_backups(workspace))]


def refuse_own_file(workspace: str | Path, output: str | Path) -> None:
    """Raise :class:`OwnFileError` if ``output`` is the workspace, one of its side files or backups."""
    if is_one_of(output, own_files(workspace)):
        raise OwnFileError(Path(workspace), Path(output))


def is_sound(conn: sqlite3.Connection) -> bool:
    """Whether an open database passes ``PRAGMA quick_check`` (a damaged one may still open and read)."""
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def restore(target, backup: str | Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Put a backup's content into the workspace; returns where the state it replaced was kept.

    ``target`` is the workspace path (it must not be open for writing elsewhere:
    the one-writer lock is taken) or an open, writable :class:`Workspace` (the
    app's own: its connection is reused and stays valid). A sound current state
    is backed up first (kind ``restore``); a damaged one (it fails
    ``quick_check``, or does not open at all) is kept aside in ``backups/`` as
    ``…-damaged`` (moved, or copied when the app has it open) and replaced.
    Then the backup is copied in through the backup API, in one step that
    readers see atomically. The list of submissions sent (and revisions
    claimed) and the reports' steps (sent, accepted, returned) are kept from
    the replaced state: a restore rolls the data back, never what was sent or
    answered, so no revision is issued twice and a sent report stays locked.
    """
    from dtdesk.store.workspace import Workspace  # not at the top: dtdesk.store.workspace imports this module

    backup = Path(backup)
    check_backup(backup)
    if isinstance(target, Workspace):
        target._writable()
        ws_path, lock, conn = target.path, None, target.conn
    else:
        ws_path, conn = Path(target), None
        lock = WorkspaceLock(ws_path)
        try:
            held = lock.acquire()
        except OSError as exc:
            raise WorkspaceError("Không ghi được vào thư mục «{folder}» ({reason}) nên không khôi phục được tệp "
                                 "«{name}».", folder=str(ws_path.parent), reason=os_reason(exc),
                                 name=ws_path.name) from None
        if not held:
            raise WorkspaceError("Tệp «{name}» đang được mở ở máy/cửa sổ khác; hãy đóng nó rồi khôi phục.",
                                 name=ws_path.name)
    own = conn is None
    try:
        if own:
            conn, saved, sent = _keep_current(ws_path, keep)
        else:
            sent = _ledger(conn)
            saved = make_backup(conn, ws_path, kind="restore", keep=keep) if is_sound(conn) else _copy_aside(ws_path)
        try:
            src = _open_ro(backup)
            try:
                src.backup(conn)
            finally:
                src.close()
            conn.execute("PRAGMA journal_mode = WAL")
            schema.migrate(conn)
            _keep_ledger(conn, sent)
        finally:
            if own:
                conn.close()
        return saved
    finally:
        if lock is not None:
            lock.release()


def _ledger(source: sqlite3.Connection | Path) -> tuple[list[tuple], list[tuple]]:
    """The submissions a state lists (files sent, revisions claimed) and its reports' steps (sent, accepted,
    returned, reopened); empty when it cannot be read (damaged)."""
    try:
        conn = source if isinstance(source, sqlite3.Connection) else _open_ro(source)
        try:
            sent = conn.execute(f"SELECT {', '.join(LEDGER_COLUMNS)} FROM submissions").fetchall()
            try:
                steps = conn.execute(f"SELECT {', '.join(STEP_COLUMNS)} FROM report_status ORDER BY id").fetchall()
            except sqlite3.OperationalError:  # a state from before the reporting cycle
                steps = []
            return sent, steps
        finally:
            if conn is not source:
                conn.close()
    except sqlite3.Error:
        return [], []


def _keep_ledger(conn: sqlite3.Connection, kept: tuple[list[tuple], list[tuple]]) -> None:
    """A restore rolls the data back, not what was sent or answered: submission rows the backup lacks are added
    again, so no revision is ever issued twice, and the reports' steps are those of the state replaced, so a
    sent report stays sent (and locked)."""
    sent, steps = kept
    if not sent and not steps:
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        for row in sent:
            known = conn.execute("SELECT 1 FROM submissions WHERE unit = ? AND period = ? AND revision = ?",
                                 row[:3]).fetchone()
            if not known:
                conn.execute(f"INSERT INTO submissions ({', '.join(LEDGER_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?)", row)
        if steps:
            conn.execute("DELETE FROM report_status")
            conn.executemany(f"INSERT INTO report_status ({', '.join(STEP_COLUMNS)}) VALUES "
                             f"({','.join('?' * len(STEP_COLUMNS))})", steps)


def _keep_current(ws_path: Path, keep: int) -> tuple[sqlite3.Connection, Path | None, tuple]:
    """Back up the workspace's state, or set it aside if damaged.

    Returns a connection to restore into, where the state was kept, and the submissions it lists.
    """
    from dtdesk.store.workspace import Workspace  # not at the top: dtdesk.store.workspace imports this module

    if not ws_path.exists():
        return Workspace._connect(ws_path), None, ([], [])
    conn = _open_if_sound(ws_path)
    if conn is None:
        saved = _set_aside(ws_path)
        return Workspace._connect(ws_path), saved, _ledger(saved)
    try:
        return conn, make_backup(conn, ws_path, kind="restore", keep=keep), _ledger(conn)
    except BaseException:
        conn.close()
        raise


def _open_if_sound(ws_path: Path) -> sqlite3.Connection | None:
    """A writing connection to the workspace, or None when it does not open or fails ``quick_check``."""
    from dtdesk.store.workspace import Workspace  # not at the top: dtdesk.store.workspace imports this module

    try:
        conn = Workspace._connect(ws_path)
    except sqlite3.Error:
        return None
    if is_sound(conn):
        return conn
    conn.close()
    return None


def _damaged_names(ws_path: Path) -> list[tuple[Path, Path]]:
    """(workspace file, its place in backups/) for the database and its -wal, as a damaged copy."""
    target = _target(ws_path, DAMAGED)
    target.parent.mkdir(parents=True, exist_ok=True)
    pairs = [(ws_path, target)]
    for side in ("-wal", "-shm"):
        source = ws_path.with_name(ws_path.name + side)
        if source.exists():
            pairs.append((source, target.with_name(target.name + side)))
    return pairs


def _set_aside(ws_path: Path) -> Path:
    """Move a damaged workspace (and its -wal/-shm) into backups/ as ``…-damaged``."""
    pairs = _damaged_names(ws_path)
    for source, target in reversed(pairs):  # the database last: until then the workspace stays whole
        os.replace(source, target)
    return pairs[0][1]


def _copy_aside(ws_path: Path) -> Path:
    """Copy a damaged workspace the app holds open (and its -wal) into backups/ as ``…-damaged``."""
    pairs = _damaged_names(ws_path)
    for source, target in pairs:
        if source.name.endswith("-shm"):
            continue  # SQLite rebuilds it from the -wal
        with output_path(target, overwrite=False) as temp:
            shutil.copyfile(source, temp)
    return pairs[0][1]
