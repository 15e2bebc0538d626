"""Reading a file named by the user or sent from outside: a regular file only, never waiting, never unbounded.

A FIFO, a device (``/dev/zero``), a socket or a folder given where a file is
expected would block a reader forever or feed it without end, possibly while
the workspace's write lock is held. So the file is opened without waiting
(``O_NONBLOCK``), refused from that open handle when it is not a regular file
(no gap between the check and the read), and read to at most a given size.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a folder, a FIFO, a device or a socket; ``folder`` says which sentence fits."""

    def __init__(self, path: Path, folder: bool):
        super().__init__(f"{path} is not a regular file")
        self.filename = str(path)
        self.folder = folder


def read_regular(path: str | os.PathLike, most: int) -> bytes:
    """At most ``most`` bytes of a regular file; :class:`NotRegularFile` or another ``OSError`` otherwise."""
    fd = os.open(path, _FLAGS)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(Path(path), stat.S_ISDIR(info.st_mode))
        size = info.st_size
        data = handle.read(min(size + 1, most))  # a buffer of the file's size, not of the limit
        if len(data) > size:  # it grew meanwhile: read on, never past the limit
            data += handle.read(most - len(data))
        return data
