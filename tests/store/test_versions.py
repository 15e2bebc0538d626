"""Workspaces of other app versions: a newer one is refused untouched, an older one is backed up then migrated."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from dtdesk.cli import main
from dtdesk.store import backup as bk
from dtdesk.store import schema
from dtdesk.store import workspace as wsmod
from dtdesk.store.demo import create_demo
from dtdesk.store.workspace import IN_USE, Workspace, WorkspaceError


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _set_version(path, version):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL in: the whole workspace is this one file
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


@pytest.fixture
def newer(tmp_path):
    path = tmp_path / "ws.sqlite"
    create_demo(path).close()
    _set_version(path, schema.SCHEMA_VERSION + 1)
    return path


def test_a_newer_workspace_is_refused_and_left_byte_identical(newer):
    before = _digest(newer)
    with pytest.raises(WorkspaceError, match="phiên bản dtdesk mới hơn"):
        Workspace.open(newer)
    with pytest.raises(WorkspaceError, match="phiên bản dtdesk mới hơn"):
        Workspace.open(newer, read_only=True)
    assert _digest(newer) == before
    assert not newer.with_name(newer.name + "-wal").exists()  # not even switched to WAL
    assert bk.list_backups(newer) == []


def test_the_cli_says_so_in_one_sentence(newer, tmp_path, capsys):
    before = _digest(newer)
    assert main(["render", str(newer), "-o", str(tmp_path / "r.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mới hơn" in err and "Traceback" not in err
    assert _digest(newer) == before
    assert not (tmp_path / "r.pdf").exists()


def _one_step_more(monkeypatch, step) -> None:
    """Pretend this app has one more migration step: the workspaces made so far are 'older'."""
    migrations = [*schema.MIGRATIONS, step]
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(migrations))
    monkeypatch.setattr(wsmod, "SCHEMA_VERSION", len(migrations))


@pytest.fixture
def next_version(monkeypatch):
    """A function that makes this app one schema version ahead; returns the calls of the new step."""
    ran = []

    def v3_note(db):
        ran.append(True)
        db.execute("ALTER TABLE meta ADD COLUMN note TEXT")

    return lambda: _one_step_more(monkeypatch, v3_note) or ran


def test_an_older_workspace_is_backed_up_then_migrated(tmp_path, next_version):
    path = tmp_path / "ws.sqlite"
    old = schema.SCHEMA_VERSION
    create_demo(path).close()
    ran = next_version()

    with Workspace.open(path) as ws:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == old + 1
        assert ws.value("HA", "2022-Q1", "dvc.received") == 1671
    assert ran == [True]
    kinds = {b.kind: b.path for b in bk.list_backups(path)}
    assert "migrate" in kinds
    saved = sqlite3.connect(kinds["migrate"])
    assert saved.execute("PRAGMA user_version").fetchone()[0] == old  # the backup is the file as it was
    assert "note" not in {r[1] for r in saved.execute("PRAGMA table_info(meta)")}
    saved.close()


def test_a_failed_migration_leaves_the_old_file_and_its_backup(tmp_path, monkeypatch):
    path = tmp_path / "ws.sqlite"
    create_demo(path).close()
    version = schema.SCHEMA_VERSION

    def broken(db):
        db.execute("CREATE TABLE half_done (a)")
        raise sqlite3.OperationalError("disk I/O error")

    _one_step_more(monkeypatch, broken)
    with pytest.raises(WorkspaceError, match="Không nâng cấp được"):
        Workspace.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()
    assert [b.kind for b in bk.list_backups(path)] == ["migrate"]
    monkeypatch.undo()
    with Workspace.open(path) as ws:  # the lock was released; this version still opens it
        assert not ws.read_only


def test_an_older_workspace_open_elsewhere_is_read_upgraded_in_memory_not_migrated(tmp_path, next_version):
    path = tmp_path / "ws.sqlite"
    create_demo(path).close()
    old = schema.SCHEMA_VERSION
    next_version()
    from dtdesk.store.lock import WorkspaceLock

    with WorkspaceLock(path):
        with Workspace.open(path) as ws:  # the second window reads it as this version would, and writes nothing
            assert ws.read_only and ws.notice == IN_USE
            assert ws.value("HA", "2022-Q1", "dvc.received") == 1671
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old
    conn.close()
    assert bk.list_backups(path) == []
