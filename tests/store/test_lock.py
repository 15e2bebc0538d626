"""One writer per workspace: a second window (or process) opens read-only and cannot write."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys

import pytest

from dtdesk.cli import main
from dtdesk.store.lock import WorkspaceLock, lock_path
from dtdesk.store.workspace import IN_USE, Workspace, WorkspaceError

KEY = ("HA", "2022-Q1", "dvc.received")


@pytest.fixture
def path(demo_path):
    return demo_path


def test_the_lock_is_exclusive_and_released(tmp_path):
    a, b = WorkspaceLock(tmp_path / "w.sqlite"), WorkspaceLock(tmp_path / "w.sqlite")
    assert a.acquire()
    assert not b.acquire()
    a.release()
    assert b.acquire()
    b.release()


def test_the_lock_file_says_who_holds_it(tmp_path):
    import os
    import socket

    lock = WorkspaceLock(tmp_path / "w.sqlite")
    assert lock.acquire()
    assert lock.path == lock_path(tmp_path / "w.sqlite") == tmp_path / "w.sqlite.lock"
    assert lock.holder()["pid"] == str(os.getpid())
    assert lock.holder()["host"] == socket.gethostname()
    lock.release()


def test_a_second_open_is_read_only_with_the_message(path):
    with Workspace.open(path) as first:
        assert not first.read_only
        with Workspace.open(path) as second:
            assert second.read_only
            assert second.notice == IN_USE == "Tệp đang được mở ở máy/cửa sổ khác; mở ở chế độ chỉ đọc."
            assert second.value(*KEY) == 1671


def test_a_read_only_workspace_refuses_writes_with_a_sentence(path):
    with Workspace.open(path) as first, Workspace.open(path) as second:
        with pytest.raises(WorkspaceError, match="đang được mở ở cửa sổ hoặc máy khác"):
            second.set_value(*KEY, 5)  # says why: the file is open elsewhere, not merely "read-only"
        with pytest.raises(WorkspaceError, match="đang được mở ở cửa sổ hoặc máy khác"):
            second.set_own_unit("HA-CATBI")
        first.set_value(*KEY, 7)  # the writer is not disturbed
    with Workspace.open(path, read_only=True) as reader, pytest.raises(WorkspaceError, match="chế độ chỉ đọc"):
        reader.set_value(*KEY, 5)  # opened to read: that is what it says
        assert second.value(*KEY) == 7  # and the reader sees its committed edits


def test_the_session_edit_path_refuses_writes_when_read_only(path):
    from dtdesk.store.reports import resolve
    from dtdesk.core.values import Cell
    from dtdesk.store.session import ReportSession

    with Workspace.open(path), Workspace.open(path) as second:
        session = ReportSession(second, resolve(second, None, None))
        with pytest.raises(WorkspaceError):
            session.edit(Cell("HA", "dvc.received"), "12")
        assert second.value(*KEY) == 1671


def test_explicit_read_only_open_without_a_writer(path):
    with Workspace.open(path, read_only=True) as ws:
        assert ws.read_only and not ws.notice
        assert ws.value(*KEY) == 1671
    with Workspace.open(path) as ws:  # and it left no lock behind
        assert not ws.read_only


def test_closing_the_writer_frees_the_file(path):
    Workspace.open(path).close()
    with Workspace.open(path) as ws:
        assert not ws.read_only


def test_the_lock_dies_with_a_killed_process(path):
    code = ("import sys, time; from dtdesk.store.workspace import Workspace; "
            "ws = Workspace.open(sys.argv[1]); print('rw' if not ws.read_only else 'ro', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"rw"
        with Workspace.open(path) as ws:
            assert ws.read_only
    finally:
        proc.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        proc.wait()
        proc.stdout.close()
    with Workspace.open(path) as ws:  # no stale lock to clean up
        assert not ws.read_only


def test_two_processes_no_lost_write_no_corruption(path):
    """A writer process edits 150 times while this process opens, reads and tries to write.

    Each open follows one more acknowledged edit, so the opens fall among the edits; the writer holds the
    workspace until its stdin closes, so however the machine's load paces the two processes, every open meets
    a writer."""
    proc = subprocess.Popen([sys.executable, "-m", "dtdesk", "_edit-loop", str(path), "--start", "5000000",
                             "--count", "150", "--hold"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = []
    try:
        assert proc.stdout.readline().startswith(b"ready")
        refused = 0
        for _ in range(20):
            lines.append(proc.stdout.readline())  # the writer is at work: one more edit acknowledged
            with Workspace.open(path) as other:
                assert other.read_only and other.notice == IN_USE
                other.values("2022-Q1")
                try:
                    other.set_value(*KEY, 424242)
                except WorkspaceError:
                    refused += 1
        proc.stdin.close()  # the writer lets go and ends
        out, err = proc.stdout.read(), proc.stderr.read()  # after the lines already read through the same buffer
        proc.wait(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err.decode()
    assert refused == 20
    acked = [int(line.split()[2]) for line in b"".join(lines + [out]).decode().splitlines()]
    assert acked == list(range(5000000, 5000150))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    audited = {v for (v,) in conn.execute("SELECT new FROM audit WHERE typeof(new) = 'integer' AND new >= 5000000")}
    assert audited == set(acked)
    assert conn.execute("SELECT count(*) FROM audit WHERE new = 424242").fetchone()[0] == 0
    conn.close()


def test_cli_reads_a_workspace_that_is_open_elsewhere(path, tmp_path, capsys):
    with Workspace.open(path):
        assert main(["render", str(path), "-o", str(tmp_path / "r.pdf")]) == 0
        assert main(["check", str(path)]) in (0, 1)
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
