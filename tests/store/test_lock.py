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


@pytest.fixture
def unwritable_folder(monkeypatch):
    """The workspace's folder may not be written, as a read-only share or a folder of another user (as root,
    permissions would not stop it): no lock file can be made there, and the folder says it is not writable."""
    import errno
    import os

    real_open, real_access = os.open, os.access

    def refused(path, *args, **kwargs):
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    monkeypatch.setattr(os, "access", lambda path, mode, **k: False if mode & os.W_OK else real_access(path, mode))


def test_a_lock_file_that_cannot_be_made_is_no_other_holder(tmp_path, unwritable_folder):
    with pytest.raises(PermissionError):
        WorkspaceLock(tmp_path / "w.sqlite").acquire()


def test_creating_in_a_folder_that_cannot_be_written_says_so(tmp_path, unwritable_folder):
    """Not "being created in another window", which is what the lock file that cannot be made used to read as."""
    with pytest.raises(WorkspaceError, match="Không ghi được vào thư mục") as raised:
        Workspace.create(tmp_path / "ws.sqlite")
    assert "cửa sổ" not in str(raised.value) and "không có quyền truy cập" in str(raised.value)
    assert raised.value.say("en").startswith(f"The folder «{tmp_path}» cannot be written to")
    assert not (tmp_path / "ws.sqlite").exists()


def test_opening_in_a_folder_that_cannot_be_written_says_so_and_not_another_window(path, unwritable_folder, capsys):
    with Workspace.open(path) as ws:
        assert ws.read_only and ws.notice != IN_USE and ws.value(*KEY) == 1671
        assert ws.notice.startswith(f"Không ghi được vào thư mục «{path.parent}»")
        assert ws.notice.say("en").startswith(f"The folder «{path.parent}» cannot be written to")
        with pytest.raises(WorkspaceError, match="Không ghi được vào thư mục chứa tệp") as raised:
            ws.set_value(*KEY, 5)
        assert "cửa sổ" not in str(raised.value)
    assert main(["key", str(path), "--unit", "HA-CATBI", "chu_ky_so.total=41"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("dtdesk: Không ghi được vào thư mục") and "nơi khác" not in said


def test_a_workspace_sqlite_cannot_read_in_its_folder_says_to_copy_it(path, unwritable_folder, monkeypatch):
    """SQLite makes a -shm file beside a WAL workspace even to read it: in a folder that cannot be written it
    fails, and that is what is said, not that the file is damaged."""
    from dtdesk.store import workspace

    def cannot_open(_path):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(workspace, "connect_read_only", cannot_open)
    with pytest.raises(WorkspaceError, match="hãy chép tệp sang thư mục khác") as raised:
        Workspace.open(path, read_only=True)
    assert "hỏng" not in str(raised.value) and "copy the file to another folder" in raised.value.say("en")


def test_restoring_into_a_folder_that_cannot_be_written_says_so(path, unwritable_folder):
    from dtdesk.store import backup as bk

    made = bk.make_backup(path, path)
    with pytest.raises(WorkspaceError, match="nên không khôi phục được") as raised:
        bk.restore(path, made)
    assert "cửa sổ" not in str(raised.value) and "cannot be written to" in raised.value.say("en")
