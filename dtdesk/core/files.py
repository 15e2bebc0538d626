"""Output files that are whole or absent: the one way dtdesk writes a file.

Every output (the PDF, a JSON dump, a submission, its .eml draft, a backup) is
written under a temporary name in the target folder, flushed and fsynced, then
renamed over its final name, and the folder is fsynced where the system allows
it. A failure at any point (a full disk, a kill, an error in the writer) leaves
the old file as it was and no empty or half file under the final name.

The temporary name is recognisable, ``.dtdesk-<pid>@<host>-<random>.<name>.part``
(plus SQLite's ``-journal`` beside it for a database being written), so that
what a killed or crashed writer left behind is removed the next time dtdesk
writes into that folder (:func:`clean_leftovers`): only when its writer is no
longer running on this computer, or is more than a day old.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PREFIX = ".dtdesk-"
SUFFIX = ".part"
# What SQLite may leave beside a database being written under a temporary name.
_SIDE_FILES = ("-journal", "-wal", "-shm")
_LEFTOVER = re.compile(re.escape(PREFIX) + r"(\d+)@([0-9a-f]{4})-[0-9a-f]{8}\..*" + re.escape(SUFFIX)
                       + r"(?:-journal|-wal|-shm)?$", re.DOTALL)
# Names of earlier versions, which said nothing of their writer: removed once they are a day old.
_LEGACY = re.compile(r"\.dtdesk-[a-z0-9_]{8}\.part(?:-journal)?$")
_STALE_AFTER = 24 * 3600  # seconds: past this, a leftover goes whoever wrote it (its pid may be reused)
_NAME_KEPT = 80  # characters of the final name kept in the temporary one (names stay under 255 bytes)


def _host_tag() -> str:
    """Four hex digits naming this computer: a leftover from another PC on a shared folder is left alone."""
    host = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(host.encode()) & 0xFFFF:04x}"


def part_path(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (random bytes from ``os.urandom``: the ``secrets`` module would
    load OpenSSL at start-up for the same four bytes)."""
    return target.with_name(f"{PREFIX}{os.getpid()}@{_host_tag()}-{os.urandom(4).hex()}."
                            f"{target.name[:_NAME_KEPT]}{SUFFIX}")


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether two names reach the same file: resolved paths (case-folded on Windows), or the same inode."""
    if os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def is_one_of(path: str | os.PathLike, others: Iterable[str | os.PathLike]) -> bool:
    return any(same_file(path, other) for other in others)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be synced (Windows, some shares)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def remove_part(temp: Path) -> None:
    """Remove a temporary file and whatever SQLite left beside it; never raises."""
    for name in (temp.name, *(temp.name + side for side in _SIDE_FILES)):
        try:
            os.unlink(temp.with_name(name))
        except OSError:
            pass


def publish(temp: Path, target: Path, *, overwrite: bool = True) -> None:
    """Give ``temp`` its final name in one step. Without ``overwrite``, an existing file raises FileExistsError.

    The no-overwrite case links the new name (which fails if it exists, atomically) and then drops
    the temporary one; on Windows a rename never replaces; elsewhere, without hard links, it checks first.
    """
    if overwrite:
        os.replace(temp, target)
    elif sys.platform == "win32":
        os.rename(temp, target)
    else:
        try:
            os.link(temp, target)  # fails if the name exists, atomically
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links (FAT, some shares)
            if os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
            os.rename(temp, target)
        else:
            os.unlink(temp)
    fsync_folder(target.parent)


@contextmanager
def output_path(target: str | os.PathLike, *, overwrite: bool = True) -> Iterator[Path]:
    """A temporary path beside ``target`` for a writer that needs a file name (SQLite).

    The file exists, empty, when the block starts. If the block ends normally, the file is fsynced and
    renamed to ``target``; if it raises, the temporary file goes and ``target`` is left as it was.
    """
    target = Path(target)
    clean_leftovers(target.parent)
    temp = part_path(target)
    os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))  # never through someone's symlink
    try:
        yield temp
        _fsync_file(temp)
        publish(temp, target, overwrite=overwrite)
    except BaseException:
        remove_part(temp)
        raise


@contextmanager
def output_file(target: str | os.PathLike, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """A binary file to write ``target``'s bytes into; ``target`` changes only if the block succeeds."""
    with output_path(target, overwrite=overwrite) as temp, open(temp, "wb") as handle:
        yield handle
        handle.flush()


def write_output(target: str | os.PathLike, data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` as the whole new content of ``target``."""
    with output_file(target, overwrite=overwrite) as handle:
        handle.write(data)
    return Path(target)


def _running_here(pid: int) -> bool:
    """Whether a process with this id runs on this computer (True when unsure: then nothing is removed)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it exists
        return True
    return True


def clean_leftovers(folder: str | os.PathLike, legacy: re.Pattern = _LEGACY) -> list[Path]:
    """Remove the temporary files that killed or crashed dtdesk processes left in ``folder``; returns them.

    A file whose writer still runs here (or on another computer, until it is a day old) is kept:
    that writer is still at work. Names matching ``legacy`` (what earlier versions left) go once a day old.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    host, now = _host_tag(), time.time()
    for entry in entries:
        match = _LEFTOVER.match(entry.name) or legacy.match(entry.name)
        if not match:
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if age < _STALE_AFTER and (match.re is not _LEFTOVER or match.group(2) != host
                                   or _running_here(int(match.group(1)))):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed
