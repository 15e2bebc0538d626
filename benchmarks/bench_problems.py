"""Edit → problems updated, on a district of 1,000 wards.

    python benchmarks/bench_problems.py [--wards 1000] [--edits 500] [--runs 3] [--baseline-edits 40]

The demo district's eight wards are copied until the district has ``--wards``
of them (with their values), then random cells of the report's tables are
typed over, now and then emptied. After each edit the problems list is
brought up to date two ways, timed separately on the same edits:

- ``incremental``: ``Checker.changed`` then ``problems()``, what the window does;
- ``baseline``: ``rules.check`` of the whole report, what it did before
  (on the first ``--baseline-edits`` of the same edits: it is slow).

Prints p50/p99 in milliseconds of each, medians over ``--runs`` (goal:
incremental p99 ≤ 16 ms, one frame). The store's durable commit that comes
before (``bench_edit.py``) is not included. Each run checks that both give the
same list.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from dtdesk.core.recheck import Checker
from dtdesk.core.report import ReportData
from dtdesk.core.rules import check
from dtdesk.core.units import Hierarchy
from dtdesk.core.values import Cell
from dtdesk.store.demo import create_demo
from dtdesk.store.reports import report_data, resolve


def district(wards: int) -> ReportData:
    """The demo district with ``wards`` wards, each a copy of one of the demo's (values included)."""
    with tempfile.TemporaryDirectory() as tmp:
        ws = create_demo(Path(tmp) / "demo.sqlite")
        demo = report_data(ws, resolve(ws))
        ws.close()
    originals = demo.units.subunits(demo.unit.code)
    units = [u for u in demo.units.units.values() if u not in originals]
    values = {k: v for k, v in demo.values.items() if k[0] not in {u.code for u in originals}}
    for i in range(wards):
        model = originals[i % len(originals)]
        copy = replace(model, code=f"W{i:04d}", name=f"{model.name} {i}", position=100 + i)
        units.append(copy)
        values.update({(copy.code, key, row): v for (unit, key, row), v in demo.values.items() if unit == model.code})
    return ReportData(demo.template, Hierarchy(units), demo.info, values)


def edits(data: ReportData, count: int, seed: int) -> list[tuple[Cell, object]]:
    """Random table cells of the report, each typed over with a number near its own or (one in 20) emptied."""
    cells = [Cell(unit, key, row) for (unit, key, row), value in data.values.items() if isinstance(value, int)
             and data.template.section(key.partition(".")[0]).kind in ("unit_table", "fixed_table")]
    rng = random.Random(seed)
    chosen = rng.sample(cells, count)
    return [(c, None if rng.random() < 0.05 else max(0, data.values[c] + rng.randint(-5, 5))) for c in chosen]


def timed(data: ReportData, changes, update) -> list[float]:
    times = []
    for cell, value in changes:
        if value is None:
            data.values.pop(cell, None)
        else:
            data.values[cell] = value
        start = time.perf_counter()
        update(cell)
        times.append(time.perf_counter() - start)
    return times


def percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times) * 1000, times[int(len(times) * 0.99) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wards", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-edits", type=int, default=40)
    args = parser.parse_args()
    fast, full = [], []
    for run in range(args.runs):
        data = district(args.wards)
        changes = edits(data, args.edits, seed=run)
        checker = Checker(data)
        fast.append(percentiles(timed(data, changes, lambda cell: (checker.changed([cell]), checker.problems()))))
        assert checker.problems() == check(data), "the incremental check differs from the full one"
        data = district(args.wards)
        full.append(percentiles(timed(data, changes[:args.baseline_edits], lambda cell: check(data))))
    for label, found in (("incremental", fast), ("baseline (full check)", full)):
        p50, p99 = (statistics.median(x) for x in zip(*found))
        goal = " (goal p99 ≤ 16 ms)" if label == "incremental" else ""
        print(f"{label}: p50 {p50:.2f} ms, p99 {p99:.2f} ms{goal}")


if __name__ == "__main__":
    main()
