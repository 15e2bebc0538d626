"""Real dtdesk processes killed with SIGKILL at random moments.

Editing: a process edits through ReportSession.edit (the GUI's path) and is
killed at random points.

After every kill: the file passes ``PRAGMA integrity_check`` and every edit the
process acknowledged (printed, flushed, after ``edit`` returned) is in the
workspace (its audit row exists, and the cell holds that value or a later
one). One workspace is reused across runs, so acknowledged edits accumulate
and each run also proves the previous kill left nothing behind (the next
worker must get the write lock and open the file normally).

``export``, ``import`` and ``backup``: the commands themselves run in forked
processes (``kill_worker.py``) killed at random moments of their run, at least
``KILLS`` times each. After every kill no file under a final name is not whole
(every submission validates, every backup passes its check, the workspace's
integrity check is ok and an import is all in or all out), and no revision
can be issued twice; after every run that finishes, no temporary file is left.

``DTDESK_CRASH_RUNS`` raises the number of kills (default 100) for a long run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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


# -- export, import, backup killed at random moments ---------------------------

KILLS = int(os.environ.get("DTDESK_CRASH_RUNS", "100"))
PACE = 9  # the latest finished runs, whose median length sets the span the kills are drawn over
WARDS = ["HA-CATBI", "HA-DANGHAI", "HA-DANGLAM", "HA-DONGHAI1", "HA-DONGHAI2", "HA-NAMHAI", "HA-THANHTO",
         "HA-TRANGCAT"]


class Killer:
    """Talks to kill_worker.py: runs a dtdesk command in a forked process, killed after ``delay`` seconds."""

    def __init__(self):
        worker = Path(__file__).with_name("kill_worker.py")
        self.proc = subprocess.Popen([sys.executable, str(worker)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)

    def run(self, args, delay: float | None = None) -> dict:
        self.proc.stdin.write(json.dumps({"args": [str(a) for a in args], "delay": delay}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def killer():
    made = Killer()
    yield made
    made.close()


def _series(killer, args, check, seed: int, ok=(0,)) -> int:
    """Kill ``args`` at random moments until KILLS runs were killed; ``check(finished)`` after every run.

    Each kill is drawn over 1.5 × the median length of the latest ``PACE`` runs that finished (kill_worker
    reports a finished run's own length), not over the longest of the first three: under load a run's length
    varies several times over, and a span fixed by a slow start outlasts most later runs, which then end
    unkilled until the bound on runs fails the test.
    """
    rng = random.Random(seed)
    recent: deque[float] = deque(maxlen=PACE)  # how long the latest finished runs took
    for _ in range(3):  # whole runs first: how long one takes
        answer = killer.run(args)
        assert answer["status"] in ok, answer
        check(True)
        recent.append(answer["seconds"])
    longest = max(recent)
    kills = runs = 0
    while kills < KILLS:
        runs += 1
        assert runs < 3 * KILLS, "the runs end before the kills"
        answer = killer.run(args, rng.uniform(0, 1.5 * statistics.median(recent)))
        if answer["status"] == "killed":
            kills += 1
        else:
            assert answer["status"] in ok, answer  # never a traceback (99) or a refusal after a kill
            recent.append(answer["seconds"])
            longest = max(longest, answer["seconds"])
        check(answer["status"] != "killed")
    answer = killer.run(args)
    assert answer["status"] in ok, answer
    check(True)
    print(f"\n{args[0]}: {kills} kills in {runs} runs, a run takes up to {longest * 1000:.0f} ms")
    return kills


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".dtdesk-")]


def _integrity(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_killed_backups_leave_only_whole_backups_and_no_temporaries(killer, demo_path):
    from dtdesk.store import backup as bk

    checked: set[Path] = set()
    folder = bk.backup_dir(demo_path)
    killed_in_a_row = [0]

    def check(finished: bool) -> None:
        backups = bk.list_backups(demo_path)
        for made in backups:
            if made.path not in checked:
                bk.check_backup(made.path)  # whole and sound, or it would not carry a backup's name
                checked.add(made.path)
        killed_in_a_row[0] = 0 if finished else killed_in_a_row[0] + 1
        # --keep 3, and one more for each run killed between its rename and its pruning since the last whole run
        assert len(backups) <= 3 + killed_in_a_row[0]
        if finished:
            assert len(backups) <= 3 and _temporaries(folder) == []

    assert _series(killer, ["backup", demo_path, "--keep", "3"], check, seed=1) >= KILLS
    _integrity(demo_path)


def _state(path: Path) -> tuple:
    """What an import changes in the district's workspace: values, imported files, report revisions."""
    conn = sqlite3.connect(path)
    try:
        return (tuple(conn.execute("SELECT unit, period, key, row, value FROM vals ORDER BY 1, 2, 3, 4")),
                tuple(conn.execute("SELECT sha256 FROM imports ORDER BY 1")),
                tuple(conn.execute("SELECT unit, period, revision FROM reports ORDER BY 1, 2")))
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_killed_imports_are_all_in_or_all_out(killer, tmp_path):
    import shutil

    from dtdesk.exchange.export import export_report
    from dtdesk.store.workspace import Workspace

    wards, files = tmp_path / "wards.sqlite", tmp_path / "files"
    files.mkdir()
    create_demo(wards).close()
    with Workspace.open(wards, backup=False) as ws:  # every ward sends figures the district does not have yet
        for i, ward in enumerate(WARDS):
            ws.set_value(ward, "2022-Q1", "dvc.received", 5000 + i)
            export_report(ws, ward, "2022-Q1", files)
    district, pristine = tmp_path / "district.sqlite", tmp_path / "pristine.sqlite"
    create_demo(pristine).close()
    shutil.copyfile(pristine, district)
    before = _state(district)
    imported: list[tuple] = []

    def check(finished: bool) -> None:
        _integrity(district)
        state = _state(district)
        if not imported and state != before:
            imported.append(state)  # the first import that committed shows what "all in" is
        assert state in (before, *imported), "an import was cut in half"
        if state != before:  # start again from the district without the files
            for side in ("-wal", "-shm"):
                district.with_name(district.name + side).unlink(missing_ok=True)
            shutil.copyfile(pristine, district)

    assert _series(killer, ["import", district, files], check, seed=2) >= KILLS
    assert imported and len(imported[0][1]) == len(before[1]) + len(WARDS)


def _ledger(path: Path) -> dict[int, str]:
    """The revisions the workspace lists for HA-CATBI's report, with the sha256 of each file it knows whole."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT revision, sha256 FROM submissions WHERE unit = 'HA-CATBI'").fetchall()
        (report,) = conn.execute("SELECT revision FROM reports WHERE unit = 'HA-CATBI' AND period = '2022-Q1'").fetchone()
    finally:
        conn.close()
    revisions = [r for r, _ in rows]
    assert len(revisions) == len(set(revisions)), "a revision listed twice"
    return {**{r: sha for r, sha in rows}, report: dict(rows).get(report, "")}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_killed_exports_leave_whole_files_and_never_reuse_a_revision(killer, demo_path, tmp_path):
    import email
    import email.policy

    from dtdesk.exchange import manifest as mf
    from dtdesk.exchange.validate import read_submission

    out = tmp_path / "out"
    out.mkdir()
    files: dict[str, str] = {}  # name -> sha256 when first seen: a file is never replaced
    seen: dict[str, tuple] = {}  # name -> (inode, size, mtime) when last read: read again only if it changed

    def changed(path: Path) -> bool:
        stat = path.stat()
        mark = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        return seen.setdefault(path.name, mark) != mark or path.name not in files

    def check(finished: bool) -> None:
        for path in out.glob("*" + mf.SUFFIX):
            if changed(path):
                sub = read_submission(path)  # whole, or it would not carry a submission's name
                assert path.name == mf.file_name(sub.unit, sub.period, sub.revision)
                assert files.setdefault(path.name, sub.sha256) == sub.sha256, f"{path.name} was written over"
        for draft in out.glob("*.eml"):
            if changed(draft):
                message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
                (attachment,) = message.iter_attachments()
                assert attachment.get_content() == (out / attachment.get_filename()).read_bytes()
                files[draft.name] = ""
        ledger = _ledger(demo_path)
        for name, sha in files.items():  # the workspace would never issue one of these numbers again
            if not name.endswith(mf.SUFFIX):
                continue
            revision = mf.file_revision(name, "HA-CATBI", "2022-Q1")
            assert revision <= max(ledger), f"{name} is above every revision the workspace issued"
            assert ledger.get(revision) in (sha, ""), f"{name} is not the file the workspace lists"
        if finished:
            assert _temporaries(out) == []

    args = ["export", demo_path, "--unit", "HA-CATBI", "--period", "2022-Q1", "-o", out, "--eml"]
    assert _series(killer, args, check, seed=3) >= KILLS
    _integrity(demo_path)
