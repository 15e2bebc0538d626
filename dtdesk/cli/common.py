"""What several commands share: opening the workspace, writing an output file, quoting a name in a sentence."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from dtdesk.cli.registry import CommandError, said, tr
from dtdesk.core.formats import printable as safe_text


@contextmanager
def writing(path):
    """Writing an output file: a full disk or a missing folder is one sentence, not a traceback."""
    from dtdesk.core.formats import os_reason

    try:
        yield
    except OSError as exc:
        raise CommandError(tr("Không ghi được tệp «{path}»: {reason}.", path=path, reason=os_reason(exc))) from None


def output_arg(args) -> Path:
    """The ``-o`` file, refused when it is the workspace, its -wal/-shm, its lock or one of its backups."""
    from dtdesk.store.backup import refuse_own_file

    refuse_own_file(args.workspace, args.output)
    return Path(args.output)


def printable(text: str, limit: int = 60) -> str:
    """``text`` as it may be quoted in one sentence: the same rule as for text read from an imported file."""
    return safe_text(text, limit)


def quoted(path) -> str:
    """A path as it may be quoted in one sentence: its name, short and printable."""
    return printable(Path(os.fsdecode(path)).name if path else "")


def open_workspace(path: str, *, read_only: bool = False):
    """Commands that only read open read-only: no lock, no daily backup, and they work beside an open app."""
    from dtdesk.store.workspace import Workspace

    return Workspace.open(Path(path), read_only=read_only)


def writable(ws, path: str, again: str):
    """``ws`` when it takes writes; else the sentence that it is open elsewhere (``again``: what to do after), or
    why else it opened read-only (its folder cannot be written)."""
    from dtdesk.store.workspace import IN_USE

    if ws.read_only and ws.notice and ws.notice != IN_USE:
        raise CommandError(said(ws.notice))
    if ws.read_only:
        raise CommandError(tr("Tệp «{name}» đang được mở ở nơi khác; đóng nó rồi {again}.",
                              name=Path(path).name, again=again))
    return ws


def read_report(args):
    """The report named by --unit/--period (defaults: own unit, latest period), read whole."""
    from dtdesk.store.reports import report_data, resolve

    with open_workspace(args.workspace, read_only=True) as ws:
        info = resolve(ws, args.unit, args.period)
        return info, report_data(ws, info)


def official_code_or(code: str) -> str:
    """The official code written in full ("1" → "01"), or the code as typed when it is no official code."""
    from dtdesk.core.official import official_code

    return official_code(code) or code


def print_lines(lines) -> None:
    """Lines made elsewhere (an import's summary, the submissions' status), each in the user's language."""
    for line in lines:
        print(said(line))
