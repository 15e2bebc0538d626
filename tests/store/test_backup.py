"""Rolling backups through the SQLite backup API, and restoring from them."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from dtdesk.cli import main
from dtdesk.store import backup as bk
from dtdesk.store.demo import create_demo
from dtdesk.store.schema import SCHEMA_VERSION
from dtdesk.store.workspace import DamagedWorkspace, Workspace, WorkspaceError

KEY = ("HA", "2022-Q1", "dvc.received")


@pytest.fixture
def path(demo_path):
    return demo_path


def _damage(file, table="units"):
    """Zero the root page of one table: the file still opens, but reading that table fails."""
    conn = sqlite3.connect(file)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    finally:
        conn.close()
    with open(file, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\0" * page_size)


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def _value(file):
    conn = sqlite3.connect(file)
    try:
        return conn.execute("SELECT value FROM vals WHERE unit='HA' AND key='dvc.received'").fetchone()[0]
    finally:
        conn.close()


def test_opening_for_writing_takes_one_backup_a_day(path):
    Workspace.open(path).close()
    Workspace.open(path).close()
    backups = bk.list_backups(path)
    assert [b.kind for b in backups] == ["auto"]
    assert backups[0].path.parent == path.parent / "backups"
    assert backups[0].path.name.startswith("ws-") and backups[0].path.suffix == ".sqlite"


def test_a_new_day_takes_a_new_backup(path):
    with Workspace.open(path) as ws:
        assert bk.auto_backup(ws) is None  # already one today
        assert bk.auto_backup(ws, today=dt.date.today() + dt.timedelta(days=1)) is not None
    assert len(bk.list_backups(path)) == 2


def test_backup_times_are_read_from_the_names_and_stray_files_are_passed_over(path):
    folder = bk.backup_dir(path)
    folder.mkdir()
    (folder / "ws-20220330-081502-250-manual.sqlite").write_bytes(b"")
    (folder / "ws-20221340-081502-250-auto.sqlite").write_bytes(b"")  # month 13: not a date
    (folder / "notes-20220330-081502-250-auto.sqlite").write_bytes(b"")  # another workspace's
    (found,) = bk.list_backups(path)
    assert (found.taken_at, found.kind) == (dt.datetime(2022, 3, 30, 8, 15, 2, 250000), "manual")


def test_a_read_only_open_takes_no_backup(path):
    with Workspace.open(path, backup=False), Workspace.open(path) as second:
        assert second.read_only
    assert bk.list_backups(path) == []


def test_only_the_last_n_are_kept(path):
    with Workspace.open(path, backup=False) as ws:
        made = [bk.make_backup(ws.conn, path, keep=10) for _ in range(13)]
    kept = bk.list_backups(path)
    assert [b.path for b in kept] == made[::-1][:10]  # newest first, the three oldest gone


def test_keep_0_still_keeps_the_newest(path):
    with Workspace.open(path, backup=False) as ws:
        bk.make_backup(ws.conn, path)
        newest = bk.make_backup(ws.conn, path, keep=0)
    assert [b.path for b in bk.list_backups(path)] == [newest]
    assert main(["backup", str(path), "--keep", "0"]) == 0
    (kept,) = bk.list_backups(path)
    assert kept.path != newest and kept.kind == "manual"


def test_a_failed_backup_leaves_no_file_and_the_next_one_clears_a_killed_ones_leftovers(path, tmp_path):
    folder = bk.backup_dir(path)
    folder.mkdir()
    killed = folder / ".dtdesk-999999999@0000-0123abcd.ws-20220330-081502-250-manual.sqlite.part"
    killed.write_bytes(b"half a copy")
    old = dt.datetime.now().timestamp() - 2 * 86400
    import os

    os.utime(killed, (old, old))
    damaged = tmp_path / "damaged.sqlite"
    create_demo(damaged).close()
    _damage(damaged, "vals")
    with pytest.raises(sqlite3.DatabaseError):
        bk.make_backup(damaged, path)  # the copy fails its check
    assert bk.list_backups(path) == [] and _leftovers(folder) == []


def test_a_backup_clears_what_killed_backups_of_earlier_versions_left(path):
    import os

    folder = bk.backup_dir(path)
    folder.mkdir()
    old = [folder / ".ws-20220330-081502-250-manual.sqlite.tmp", folder / ".ws-20220330-081502-250-auto.sqlite.tmp-journal"]
    fresh = folder / ".ws-20220331-081502-250-manual.sqlite.tmp"  # perhaps still being written
    day_ago = dt.datetime.now().timestamp() - 25 * 3600
    for leftover in (*old, fresh):
        leftover.write_bytes(b"half a copy")
    for leftover in old:
        os.utime(leftover, (day_ago, day_ago))
    bk.make_backup(path, path)
    assert _leftovers(folder) == [fresh.name]


def test_a_full_disk_keeps_the_old_backups_and_leaves_no_half_copy(small_disk):
    disk = small_disk(1100)
    path = disk / "ws.sqlite"
    create_demo(path).close()
    made = []
    with Workspace.open(path, backup=False) as ws:
        with pytest.raises((OSError, sqlite3.Error)) as caught:
            for _ in range(5):  # the disk holds the workspace and two copies (330 KB each), not five
                made.append(bk.make_backup(ws.conn, path))
    assert made and "đầy" in bk.failure_reason(caught.value)
    assert [b.path for b in bk.list_backups(path)] == made[::-1]
    for b in made:
        bk.check_backup(b)
    assert _leftovers(bk.backup_dir(path)) == []


def test_a_backup_is_a_complete_standalone_copy_of_committed_edits(path):
    with Workspace.open(path, backup=False) as ws:
        ws.set_value(*KEY, 2024)  # still in the WAL, not checkpointed
        made = bk.make_backup(ws.conn, path)
    assert _value(made) == 2024
    assert not made.with_name(made.name + "-wal").exists()
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert _leftovers(made.parent) == []


def test_restore_brings_back_the_backup_and_saves_the_current_state_first(path):
    with Workspace.open(path) as ws:
        ws.set_value(*KEY, 99)
    good = bk.list_backups(path)[0].path  # the auto backup taken at open: 1671
    saved = bk.restore(path, good)
    assert saved is not None and bk.list_backups(path)[0].kind == "restore"
    assert _value(saved) == 99
    with Workspace.open(path) as ws:
        assert ws.value(*KEY) == 1671
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_into_the_apps_open_workspace(path):
    with Workspace.open(path) as ws:
        good = bk.list_backups(path)[0].path
        ws.set_value(*KEY, 99)
        bk.restore(ws, good)
        assert ws.value(*KEY) == 1671  # the same connection sees the restored data
        ws.set_value(*KEY, 100)  # and keeps working
    assert _value(path) == 100


def test_restore_is_refused_while_another_window_writes(path):
    with Workspace.open(path) as ws:
        good = bk.list_backups(path)[0].path
        ws.set_value(*KEY, 99)
        with pytest.raises(WorkspaceError, match="đang được mở"):
            bk.restore(path, good)
        assert ws.value(*KEY) == 99


def test_restore_refuses_a_foreign_or_newer_file_and_changes_nothing(path, tmp_path):
    before = path.read_bytes()
    foreign = tmp_path / "x.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(WorkspaceError, match="không phải là bản sao lưu"):
        bk.restore(path, foreign)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(WorkspaceError):
        bk.restore(path, text)
    newer = tmp_path / "newer.sqlite"
    create_demo(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(WorkspaceError, match="mới hơn"):
        bk.restore(path, newer)
    assert path.read_bytes() == before
    assert bk.list_backups(path) == []


def test_a_damaged_workspace_is_set_aside_and_restored(path):
    with Workspace.open(path) as ws:
        good = bk.list_backups(path)[0].path
    with open(path, "r+b") as f:  # wreck the file past its header
        f.seek(100)
        f.write(b"\xff" * 8000)
    bk.restore(path, good)
    with Workspace.open(path) as ws:
        assert ws.value(*KEY) == 1671
    assert any(b.kind == "damaged" for b in bk.list_backups(path))


def test_cli_backup_and_restore(path, capsys):
    assert main(["backup", str(path)]) == 0
    out = capsys.readouterr().out
    made = bk.list_backups(path)[0]
    assert made.kind == "manual" and made.path.name in out
    with Workspace.open(path, backup=False) as ws:
        ws.set_value(*KEY, 5)
    assert main(["restore", str(path), str(made.path)]) == 0
    assert _value(path) == 1671
    assert main(["restore", str(path), str(path.parent / "missing.sqlite")]) == 2
    assert "dtdesk:" in capsys.readouterr().err



def test_a_workspace_that_opens_but_is_damaged_names_its_newest_good_backup(path):
    Workspace.open(path).close()  # today's automatic backup
    good = bk.list_backups(path)[0]
    _damage(path)
    for read_only in (False, True):
        with pytest.raises(DamagedWorkspace) as caught:
            Workspace.open(path, read_only=read_only)
        assert caught.value.kind == "damaged" and caught.value.backup == good
        assert good.path.name in str(caught.value)
    _damage(good.path)  # a damaged backup is passed over
    with pytest.raises(DamagedWorkspace) as caught:
        Workspace.open(path)
    assert caught.value.backup is None and "không có bản sao lưu" in str(caught.value)


@pytest.mark.parametrize("table", ["units", "vals"])
def test_restore_keeps_a_damaged_but_opening_workspace_aside_and_restores(path, table):
    with Workspace.open(path) as ws:
        good = bk.list_backups(path)[0].path
        ws.set_value(*KEY, 99)
    _damage(path, table)
    damaged_bytes = path.read_bytes()
    saved = bk.restore(path, good)
    assert saved.read_bytes() == damaged_bytes  # the clerk's damaged file, kept as it was
    assert [b.kind for b in bk.list_backups(path)] == ["damaged", "auto"]
    with Workspace.open(path) as ws:
        assert ws.value(*KEY) == 1671
    for _ in range(12):  # a damaged file is not a backup: never pruned
        bk.make_backup(path, path, keep=2)
    assert saved.exists()


def test_restore_into_the_apps_open_workspace_copies_a_damaged_state_aside(path):
    from dtdesk.store.lock import WorkspaceLock

    Workspace.open(path).close()
    good = bk.list_backups(path)[0].path
    _damage(path, "vals")
    lock = WorkspaceLock(path)
    assert lock.acquire()
    ws = Workspace(path, Workspace._connect(path), lock)  # damaged while the app had it open
    try:
        saved = bk.restore(ws, good)
        assert bk.list_backups(path)[0].kind == "damaged" and saved.exists()
        assert ws.value(*KEY) == 1671
    finally:
        ws.close()
    with Workspace.open(path) as again:
        assert again.value(*KEY) == 1671


def test_cli_says_a_damaged_workspace_in_one_sentence_and_restores_it(path, capsys):
    Workspace.open(path).close()
    good = bk.list_backups(path)[0].path
    _damage(path)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "bị hỏng" in err and "dtdesk restore" in err and good.name in err
    assert main(["restore", str(path), str(good)]) == 0
    assert "-damaged" in capsys.readouterr().out
    assert main(["check", str(path)]) == 0


def test_a_saved_copy_holds_the_open_workspace_and_never_replaces_it(path, tmp_path):
    from dtdesk.store.base import OwnFileError

    with Workspace.open(path) as ws:
        ws.set_values("HA", "2022-Q1", {("dvc.received", ""): 4242})  # committed, still in the WAL
        copy = bk.save_copy(ws.conn, path, tmp_path / "copy.sqlite")
        with pytest.raises(OwnFileError):
            bk.save_copy(ws.conn, path, path)
        backup = bk.list_backups(path)[0].path
        with pytest.raises(OwnFileError):
            bk.save_copy(ws.conn, path, backup)
        ws.set_values("HA", "2022-Q1", {("dvc.received", ""): 5})
        again = bk.save_copy(ws.conn, path, copy)  # the clerk named it again: replaced whole
    with Workspace.open(again, read_only=True) as copied:
        assert copied.value(*KEY) == 5 and copied.own_unit == "HA"
    assert _leftovers(tmp_path) == []
