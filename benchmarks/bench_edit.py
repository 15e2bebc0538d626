"""Edit → durable commit through ReportSession.edit (parse, write with audit, refresh).

    python benchmarks/bench_edit.py [--edits 1000]

Prints p50/p99 in milliseconds (goal: p99 ≤ 5 ms). The workspace uses the
store's own settings (WAL, synchronous=FULL) on a temporary file.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    from dtdesk.store.demo import create_demo
    from dtdesk.store.reports import resolve
    from dtdesk.core.values import Cell
    from dtdesk.store.session import ReportSession

    with tempfile.TemporaryDirectory() as tmp:
        ws = create_demo(Path(tmp) / "demo.sqlite")
        session = ReportSession(ws, resolve(ws))
        section = session.template.section("chu_ky_so")
        units = [r.unit for r in session.data.table_rows(section) if r.kind == "data"]
        cells = [Cell(u, section.key(f)) for u in units for f in ("total", "signed", "leader")]
        times = []
        for i in range(args.edits):
            cell = cells[i % len(cells)]
            text = f"{1000 + i:,}".replace(",", ".")  # typed the Vietnamese way: "1.234"
            start = time.perf_counter()
            session.edit(cell, text)
            times.append(time.perf_counter() - start)
        ws.close()
    times.sort()
    p50 = statistics.median(times) * 1000
    p99 = times[int(len(times) * 0.99) - 1] * 1000
    print(f"{len(times)} edits: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {times[-1] * 1000:.2f} ms (goal p99 ≤ 5 ms)")


if __name__ == "__main__":
    main()
