"""``dtdesk _edit-loop``: the crash-safety tests' worker, runnable but never listed in ``--help``."""

from __future__ import annotations

import sys
from pathlib import Path

from dtdesk.cli.registry import WORKSPACE, Arg, CommandError, command, said


@command("_edit-loop", "", WORKSPACE, Arg("--start", type=int, default=1),
         Arg("--count", type=int, default=0, help="0: until killed"),
         Arg("--hold", action="store_true", help="after the edits, keep the workspace open until stdin closes"))
def _edit_loop(args) -> int:
    """Edit through ReportSession.edit (the window's path) and acknowledge each edit on stdout.

    With ``--hold`` the writer keeps its lock after the last edit until told (its stdin closes), so a test
    that opens the workspace meanwhile always meets a writer, however slowly it runs next to it."""
    from dtdesk.core.values import Cell
    from dtdesk.store.reports import resolve
    from dtdesk.store.session import ReportSession
    from dtdesk.store.workspace import Workspace

    ws = Workspace.open(Path(args.workspace), backup=False)
    if ws.read_only:
        raise CommandError(said(ws.notice))
    session = ReportSession(ws, resolve(ws, None, None))
    fields = [f for f in session.template.section("dvc").fields if f.type == "int" and not f.computed]
    cells = [Cell(session.info.unit, f"dvc.{f.id}") for f in fields]
    print(f"ready {len(cells)}", flush=True)
    value = args.start
    while args.count <= 0 or value < args.start + args.count:
        cell = cells[value % len(cells)]
        session.edit(cell, f"{value:,}".replace(",", "."))  # typed the Vietnamese way: "1.671"
        print(f"ack {cell.key} {value}", flush=True)
        value += 1
    if args.hold:
        sys.stdin.read()
    ws.close()
    return 0
