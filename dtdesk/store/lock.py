"""One writer per workspace: an OS lock on ``<workspace>.lock`` beside the file.

The lock is taken with ``fcntl.flock`` (POSIX) or ``msvcrt.locking``
(Windows) on a small side file, never on the database itself (SQLite uses its
own byte-range locks there). The operating system drops the lock when the
process ends, however it ends (crash, kill, power loss), so there is no stale
lock to clean up. The side file also holds ``pid``, host and time of the
holder (:meth:`WorkspaceLock.holder`), for whoever looks at the file; its
content is only informative, the OS lock is what counts.

The side file is left in place on release: deleting it would let two processes
lock two different files of the same name.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path


def _host() -> str:
    """This computer's name, for the lock's note (``platform.node()`` costs several ms at every start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


# Windows: lock one byte far past the text, so the holder's details stay readable.
_WIN_OFFSET = 1 << 20


def lock_path(workspace: str | Path) -> Path:
    workspace = Path(workspace)
    return workspace.with_name(workspace.name + ".lock")


def _try_lock(handle) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WIN_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WIN_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class WorkspaceLock:
    """Exclusive, non-blocking lock for writing one workspace."""

    def __init__(self, workspace: str | Path):
        self.path = lock_path(workspace)
        self._handle = None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; True on success, False when another process holds it. Never waits.

        A lock file that cannot be opened or made (a folder or disk this user
        may not write) raises its OSError: that is no other window holding the
        file, and the caller says what it is.
        """
        if self._handle is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        handle = os.fdopen(fd, "r+b", buffering=0)  # a file object: closed (and unlocked) even if leaked
        if not _try_lock(handle):
            handle.close()
            return False
        info = f"{os.getpid()}\n{_host()}\n{dt.datetime.now().isoformat(timespec='seconds')}\n"
        try:
            handle.seek(0)
            handle.truncate(0)
            handle.write(info.encode())
        except OSError:
            pass  # the details are informative only
        self._handle = handle
        return True

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            handle.close()

    def holder(self) -> dict[str, str]:
        """What the current holder wrote (pid, host, since); empty if unknown."""
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return {}
        return dict(zip(("pid", "host", "since"), lines[:3]))

    def __enter__(self) -> WorkspaceLock:
        if not self.acquire():
            raise BlockingIOError(f"{self.path} is locked")
        return self

    def __exit__(self, *exc) -> None:
        self.release()
