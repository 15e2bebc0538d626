"""A real dtdesk process, editing through ReportSession.edit, killed with SIGKILL at random points.

After every kill: the file passes ``PRAGMA integrity_check`` and every edit the
process acknowledged (printed, flushed, after ``edit`` returned) is in the
workspace (its audit row exists, and the cell holds that value or a later
one). One workspace is reused across runs, so acknowledged edits accumulate
and each run also proves the previous kill left nothing behind (the next
worker must get the write lock and open the file normally).

``DTDESK_CRASH_RUNS`` raises the number of kills (default 100) for a long run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from dtdesk.store.demo import create_demo

RUNS = int(os.environ.get("DTDESK_CRASH_RUNS", "100"))
START = 1_000_000  # far above any demo value, so every audit row >= START is the worker's


def _worker(path, start: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dtdesk", "_edit-loop", str(path), "--start", str(start)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _acks(output: bytes) -> list[tuple[str, int]]:
    """Complete ``ack KEY VALUE`` lines; a line cut by the kill is not an acknowledgement."""
    acks = []
    for line in output.split(b"\n")[:-1]:  # the last piece has no newline: incomplete or empty
        word, key, value = line.decode().split()
        assert word == "ack"
        acks.append((key, int(value)))
    return acks


def _lane(path, runs: int, seed: int) -> tuple[int, int]:
    """Kill a worker on this workspace ``runs`` times; returns (kills, acknowledged edits)."""
    create_demo(path).close()
    rng = random.Random(seed)
    last: dict[str, int] = {}  # cell key -> last acknowledged value
    acknowledged: set[int] = set()
    start = START
    for run in range(runs):
        proc = _worker(path, start)
        ready = proc.stdout.readline()
        assert ready.startswith(b"ready"), (ready, proc.stderr.read())
        time.sleep(rng.uniform(0.02, 0.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, f"run {run}: the worker ended before the kill"
        acks = _acks(proc.stdout.read())
        proc.stdout.close()
        proc.stderr.close()
        for key, value in acks:
            last[key] = value
            acknowledged.add(value)

        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"run {run}"
            audited = {v for (v,) in conn.execute("SELECT new FROM audit WHERE new >= ?", (START,))}
            missing = acknowledged - audited
            assert not missing, f"run {run}: acknowledged edits lost: {sorted(missing)[:10]}"
            for key, value in last.items():
                (stored,) = conn.execute(
                    "SELECT value FROM vals WHERE unit = 'HA' AND period = '2022-Q1' AND key = ? AND row = ''",
                    (key,),
                ).fetchone()
                assert stored >= value, f"run {run}: {key} holds {stored}, acknowledged {value}"
        finally:
            conn.close()
        # the next run starts past an edit that may have committed without its acknowledgement
        start = max([start, *(v for _, v in acks)]) + 2
    return runs, len(acknowledged)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_edit_loses_no_acknowledged_edit(tmp_path):
    lanes = max(1, min(2, os.cpu_count() or 1))  # independent workspaces, killed side by side
    with ThreadPoolExecutor(lanes) as pool:
        futures = [pool.submit(_lane, tmp_path / f"ws{i}.sqlite", RUNS // lanes + (i < RUNS % lanes), 20220330 + i)
                   for i in range(lanes)]
        results = [f.result() for f in futures]
    kills = sum(k for k, _ in results)
    acked = sum(a for _, a in results)
    assert kills == RUNS
    assert acked >= RUNS  # the kills landed among edits, not before the first one
    print(f"\n{kills} kills, {acked} acknowledged edits, 0 lost")
