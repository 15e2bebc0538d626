"""Import speed: 1000 ward submission files with full validation, against a raw read floor.

Run: python benchmarks/bench_import.py [--files 1000] [--runs 5] [--instructions [N]]

Setup (not timed): a demo workspace exports one ward; from its content we
write ``--files`` distinct, valid ward files (units HA-W0001…, all under the
district HA, 67 values each) and a district-only workspace (the district's
own report, no ward yet).

Each run (median of ``--runs``):

- ``import``: a fresh copy of the district workspace, then
  ``import_files(ws, [folder])`` — every file read once, size/header checks,
  its bytes loaded in memory with the untrusted pragmas, quick_check, exact schema
  comparison, bounds, manifest and content hash, place in the hierarchy,
  duplicate/revision checks, the plan (diff against the workspace), and the
  commit in one transaction with the original bytes kept (no savepoint per
  file; audit rows only for values a file replaces, so none here: every value
  is new and its kept file is its record). The wards are new to the district
  and accepted (``add_units``), as the window's tick does. Timed as its two
  phases, ``plan_import`` then ``commit``, whose sum is the import.
- ``floor``: for every file, open it read-only (``file:…?mode=ro``) and read
  every row of its four tables; nothing else.
- ``write floor``: the rows an import wrote per file when every value had its
  audit row — the unit, 67 values, 67 audit rows and the original bytes —
  inserted with plain ``executemany`` in one transaction into a fresh copy of
  the workspace, from memory (no reading, no checks). Kept as it was defined
  when the goal (import ≥ 0.6 × its speed) was set.

Prints files/s for each, the ratio import/floor and the import's speed as a
share of the write floor's; also the CPU time the import and the write floor
used (a busy machine stretches the wall time of the import, mostly
computation, far more than the write floor's, mostly waiting for the disk).

``--instructions N`` also counts, with valgrind (cachegrind), the instructions
the import and the write floor run for the first N files (default 200), each
in a child process started twice, with and without the work, the difference
divided by N; the child imports one file first, so that what loads on first use
is loaded in both. Other jobs on the machine do not move that count, so it
compares two versions of the code where the wall time cannot. Valgrind's CPU
has no SHA instructions: the two SHA-256 of each imported file weigh more in
that count than on the machine itself.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dtdesk.exchange import manifest as mf  # noqa: E402
from dtdesk.exchange.export import export_report  # noqa: E402
from dtdesk.exchange.importer import IMPORTED, commit, plan_import  # noqa: E402
from dtdesk.exchange.validate import read_submission  # noqa: E402
from dtdesk.store.demo import create_demo  # noqa: E402
from dtdesk.store.jsonio import dump_document, load_document  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402

PERIOD = "2022-Q1"


def generate(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` ward files in ``folder/files`` and a district-only workspace; returns both paths."""
    demo = create_demo(folder / "demo.sqlite")
    base = export_report(demo, "HA-CATBI", PERIOD, folder).path
    doc = dump_document(demo, "HA", PERIOD)
    demo.close()
    district = folder / "district.sqlite"
    with Workspace.create(district) as ws:
        load_document(ws, doc)
    sub = read_submission(base)
    files = folder / "files"
    files.mkdir()
    for i in range(1, count + 1):
        code = f"HA-W{i:04d}"
        unit = dict(sub.units[0], code=code, name=f"Phường Thử {i}", short=f"Thử {i}", position=1000 + i)
        manifest = {k: v for k, v in sub.manifest.items() if k != "sha256"}
        manifest["unit"] = code
        report = dict(sub.report, unit=code)
        values = [(code, p, k, r, v) for _u, p, k, r, v in sub.values]
        mf.write_submission(files / mf.file_name(code, PERIOD, sub.revision), manifest, [unit], [report], values, fsync=False)
    return files, district


def run_import(files: Path, district: Path, scratch: Path) -> tuple[float, float, float]:
    """Seconds to plan and to commit the import of every file in ``files``, and the CPU seconds of both."""
    ws_path = scratch / "run.sqlite"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(ws_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(district, ws_path)
    ws = Workspace.open(ws_path, backup=False)
    try:
        cpu, start = time.process_time(), time.perf_counter()
        plans = plan_import(ws, [files])
        planned = time.perf_counter()
        commit(ws, plans, add_units=True)  # the wards are new to the district: accepted, as the window asks
        done, cpu = time.perf_counter(), time.process_time() - cpu
    finally:
        ws.close()
    bad = [p.message for p in plans if p.status != IMPORTED]
    assert not bad, bad[:3]
    return planned - start, done - planned, cpu


def run_floor(files: Path) -> float:
    paths = sorted(files.iterdir())
    start = time.perf_counter()
    for path in paths:
        conn = sqlite3.connect("file:" + urllib.parse.quote(str(path)) + "?mode=ro", uri=True)
        for table in mf.SCHEMA:
            conn.execute(f"SELECT * FROM {table}").fetchall()
        conn.close()
    return time.perf_counter() - start


def run_write_floor(files: Path, district: Path, scratch: Path) -> tuple[float, float]:
    """Seconds to write every file's rows, and the CPU seconds of it."""
    rows = []
    for path in sorted(files.iterdir()):
        sub = read_submission(path)
        rows.append((sub.units[0], sub.values, sub.original, sub.sha256))
    ws_path = scratch / "write.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(ws_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(district, ws_path)
    conn = sqlite3.connect(ws_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    cpu, start = time.process_time(), time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for unit, values, original, sha in rows:
        conn.execute(f"INSERT INTO units VALUES ({','.join('?' * len(mf.UNIT_COLUMNS))})",
                     tuple(unit[c] for c in mf.UNIT_COLUMNS))
        conn.executemany("INSERT INTO vals (unit, period, key, row, value, source, updated_at) VALUES (?,?,?,?,?,?,?)",
                         [(*v, "import:x", "t") for v in values])
        conn.executemany("INSERT INTO audit (at, who, unit, period, key, row, old, new, source)"
                         " VALUES (?,?,?,?,?,?,?,?,?)", [("t", "u", *v[:4], None, v[4], "import:x") for v in values])
        conn.execute("INSERT INTO imports (sha256, content_sha256, filename, unit, period, revision, template_id,"
                     " template_version, app_version, exported_at, imported_at, who, original)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (sha, sha, "f", unit["code"], PERIOD, 2, "t", 1, "v",
                                                             "t", "t", "u", original))
    conn.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


def child(kind: str, work: bool, files: Path, district: Path, scratch: Path) -> None:
    """What ``--instructions`` counts: the import or the write floor of ``files`` (``work``), or only what both
    runs share (``not work``): the modules, one file imported first, and the write floor's reading of its rows."""
    warm = scratch / "warm"
    warm.mkdir()
    first = min(files.iterdir())
    shutil.copyfile(first, warm / first.name)
    run_import(warm, district, scratch)
    if kind == "import" and work:
        run_import(files, district, scratch)
    elif kind == "floor":
        if work:
            run_write_floor(files, district, scratch)
        else:
            [read_submission(path) for path in sorted(files.iterdir())]


def instructions(kind: str, files: Path, district: Path, scratch: Path) -> int:
    """Instructions the import or the write floor of ``files`` runs, as valgrind's cachegrind counts them."""
    tool = [shutil.which("valgrind"), "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    counts = []
    for work in (0, 1):
        folder = scratch / f"{kind}-{work}"
        folder.mkdir()
        run = subprocess.run([*tool, sys.executable, __file__, "--child", kind, str(work), str(files), str(district),
                              str(folder)], capture_output=True, text=True)
        counted = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
        if run.returncode or counted is None:
            raise SystemExit(f"{kind}: valgrind counted nothing\n{run.stderr[-2000:]}")
        counts.append(int(counted.group(1).replace(",", "")))
    return counts[1] - counts[0]


def count_instructions(files: Path, district: Path, folder: Path, count: int) -> None:
    subset = folder / "counted"
    subset.mkdir()
    for path in sorted(files.iterdir())[:count]:
        shutil.copyfile(path, subset / path.name)
    imported = instructions("import", subset, district, folder) / count
    written = instructions("floor", subset, district, folder) / count
    print(f"instructions a file (valgrind, {count} files): import {imported / 1e6:.2f} M, write floor "
          f"{written / 1e6:.2f} M; import speed / write floor = {written / imported:.2f}")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        kind, work, files, district, scratch = sys.argv[2:]
        return child(kind, work == "1", Path(files), Path(district), Path(scratch))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--instructions", type=int, nargs="?", const=200, default=0, metavar="N",
                        help="also count the instructions a file of the import and the write floor (valgrind)")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        files, district = generate(folder, args.files)
        size = sum(p.stat().st_size for p in files.iterdir()) / args.files
        print(f"generated {args.files} ward files ({size / 1024:.1f} KB each) in {time.perf_counter() - t0:.1f} s")
        run_floor(files)  # warm the page cache
        imports, plans, commits, floors, writes, import_cpu, write_cpu = [], [], [], [], [], [], []
        n = args.files
        for i in range(args.runs):
            floors.append(run_floor(files))
            plan, done, cpu = run_import(files, district, folder)
            plans.append(plan)
            commits.append(done)
            imports.append(plan + done)
            import_cpu.append(cpu)
            written, cpu = run_write_floor(files, district, folder)
            writes.append(written)
            write_cpu.append(cpu)
            print(f"run {i + 1}: import {n / imports[-1]:7.0f} files/s (plan {plans[-1] * 1000 / n:.2f} + commit "
                  f"{commits[-1] * 1000 / n:.2f} ms/file)   read floor {n / floors[-1]:7.0f} files/s"
                  f"   write floor {n / writes[-1]:7.0f} files/s   import/write floor {writes[-1] / imports[-1]:.2f}"
                  f"   CPU ms/file: import {import_cpu[-1] * 1000 / n:.2f}, write floor {write_cpu[-1] * 1000 / n:.2f}")
        imp, flo, wri = statistics.median(imports), statistics.median(floors), statistics.median(writes)
        print(f"median of {args.runs}: import {n / imp:.0f} files/s ({imp * 1000 / n:.2f} ms/file); "
              f"raw read-only floor {n / flo:.0f} files/s ({flo * 1000 / n:.2f} ms/file), import/floor = {imp / flo:.1f}; "
              f"write floor {n / wri:.0f} files/s ({wri * 1000 / n:.2f} ms/file), import speed / write floor = "
              f"{wri / imp:.2f} (median of the runs' {statistics.median(w / i for w, i in zip(writes, imports)):.2f}); plan "
              f"{statistics.median(plans) * 1000 / n:.2f} ms/file, commit {statistics.median(commits) * 1000 / n:.2f} "
              f"ms/file; read + write floor {(flo + wri) * 1000 / n:.2f} ms/file; CPU time: import "
              f"{statistics.median(import_cpu) * 1000 / n:.2f} ms/file, write floor "
              f"{statistics.median(write_cpu) * 1000 / n:.2f} ms/file")
        if args.instructions:
            count_instructions(files, district, folder, min(args.instructions, n))


if __name__ == "__main__":
    main()
