"""Commit latency of one edit under each journal_mode/synchronous pair, on this disk.

Run: python scripts/measure_pragmas.py [--edits N] [--dir FOLDER]

The evidence behind the pragmas in Workspace._connect (docs/data-safety.md):
for each setting, a fresh demo workspace receives N single-value edits through
Workspace.set_value (one committed transaction + audit row each, as the GUI
does); the median and 95th percentile wall time per edit are printed, and the
last line shows ReportSession.edit (parse, commit, recompute) under the
shipped setting. Use --dir to measure on the disk the clerks use (not tmpfs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dtdesk.store.demo import create_demo  # noqa: E402
from dtdesk.store.reports import resolve  # noqa: E402
from dtdesk.core.values import Cell  # noqa: E402
from dtdesk.store.session import ReportSession  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402

SETTINGS = [("wal", "full"), ("wal", "normal"), ("delete", "full"), ("delete", "normal")]


def measure(folder: Path, journal: str, sync: str, edits: int) -> list[float]:
    path = folder / f"{journal}-{sync}.sqlite"
    create_demo(path).close()
    ws = Workspace.open(path, backup=False)
    ws.conn.execute(f"PRAGMA journal_mode = {journal}")
    ws.conn.execute(f"PRAGMA synchronous = {sync}")
    times = []
    for i in range(edits):
        t0 = time.perf_counter()
        ws.set_value("HA", "2022-Q1", "dvc.received", 10_000 + i)
        times.append((time.perf_counter() - t0) * 1000)
    ws.close()
    return times


def session_edit(folder: Path, edits: int) -> list[float]:
    path = folder / "session.sqlite"
    create_demo(path).close()
    ws = Workspace.open(path, backup=False)
    session = ReportSession(ws, resolve(ws, None, None))
    times = []
    for i in range(edits):
        t0 = time.perf_counter()
        session.edit(Cell("HA", "dvc.received"), str(10_000 + i))
        times.append((time.perf_counter() - t0) * 1000)
    ws.close()
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--dir", type=Path, help="folder to measure in (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        print(f"{'journal_mode':<12} {'synchronous':<11} {'median ms':>9} {'p95 ms':>7}")
        for journal, sync in SETTINGS:
            times = measure(folder, journal, sync, args.edits)
            print(f"{journal:<12} {sync:<11} {statistics.median(times):>9.2f} {p95(times):>7.2f}")
        times = session_edit(folder, args.edits)
        print(f"ReportSession.edit (wal/full, with recompute): median {statistics.median(times):.2f} ms, "
              f"p95 {p95(times):.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
