"""An upgrade interrupted at any statement leaves the workspace at the old version, intact, or at the new one.

The upgrade runs once to count its statements, then again for each of them:
just before that statement the files on disk are copied, as a crash (a
killed process) would leave them, and the statement itself is made to fail.
Both the crash copy and the file the failed upgrade left are then read: each
is either exactly the old workspace or a complete new one, which the app
opens. (Since the whole upgrade is one transaction, every interruption leaves
the old file; only the uninterrupted run gives the new one.)
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from dtdesk.store import schema
from dtdesk.store.demo import create_demo
from dtdesk.store.reports import define_unit, merge_units
from dtdesk.store.workspace import Workspace


def _content(path: Path) -> tuple[int, list[str]]:
    """The schema version and every row of every table, read without changing the file (nor its WAL)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0], list(conn.iterdump())
    finally:
        conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    """A connection as the workspace makes one (WAL, synchronous FULL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _copy(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-journal"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")


class Interrupt:
    """Fails the ``at``-th statement on a connection, after copying the files as they are just before it."""

    def __init__(self, conn: sqlite3.Connection, path: Path, at: int, crash: Path | None = None):
        self.conn, self.path, self.at, self.crash = conn, path, at, crash
        self.count, self.armed = 0, False
        conn.set_trace_callback(self._statement)
        conn.set_progress_handler(self._abort, 1)

    def _statement(self, sql: str) -> None:
        self.count += 1
        if self.count == self.at:
            if self.crash is not None:
                _copy(self.path, self.crash)
            self.armed = True

    def _abort(self) -> int:
        if self.armed:
            self.armed = False
            return 1  # SQLite stops the statement: "interrupted"
        return 0


def _legacy_workspace(path: Path, version: int = 1) -> Path:
    """A workspace as dtdesk wrote it at schema 1 (no exchange tables) or 2 (no retired units, nor mergers, no
    report status), before migrations were recorded."""
    create_demo(path).close()
    conn = sqlite3.connect(path)
    for table in (("imports", "submissions") if version == 1 else ()) + ("retired", "formed", "report_status",
                                                                          schema.RECORD):
        conn.execute(f"DROP TABLE {table}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def _statements(path: Path, scratch: Path) -> int:
    work = scratch / "count.sqlite"
    _copy(path, work)
    conn = _connect(work)
    counter = Interrupt(conn, work, at=0)
    schema.migrate(conn)
    conn.close()
    return counter.count


@pytest.mark.parametrize("start", ["v1", "new"])
def test_an_upgrade_interrupted_at_every_statement_leaves_the_old_file_or_the_new_one(tmp_path, start):
    if start == "v1":
        old = _legacy_workspace(tmp_path / "old.sqlite")
    else:  # a brand-new file: the first upgrade creates every table
        old = tmp_path / "old.sqlite"
        sqlite3.connect(old).close()
    before = _content(old)
    total = _statements(old, tmp_path)
    assert total > 2 * (schema.SCHEMA_VERSION - before[0])  # every CREATE was counted, with BEGIN and COMMIT
    outcomes = set()
    for at in range(1, total + 2):  # the last time, nothing is interrupted
        work, crash = tmp_path / f"work{at}.sqlite", tmp_path / f"crash{at}.sqlite"
        _copy(old, work)
        conn = _connect(work)
        Interrupt(conn, work, at, crash)
        try:
            schema.migrate(conn)
        except sqlite3.OperationalError:  # "interrupted", or "database schema has changed" when it hits a re-prepare
            pass
        conn.close()
        for path in (p for p in (work, crash) if p.exists()):
            version, rows = _content(path)
            if version == before[0]:
                assert rows == before[1], f"statement {at}: the old version, changed"
                outcomes.add("old")
            else:
                assert version == schema.SCHEMA_VERSION, f"statement {at}: version {version}"
                outcomes.add("new")
                if start == "v1":
                    with Workspace.open(path, backup=False) as ws:  # the upgraded file opens and keeps its data
                        assert ws.value("HA", "2022-Q1", "dvc.received") == 1671
    assert outcomes == {"old", "new"}


def test_a_workspace_of_schema_1_opens_upgraded_with_its_steps_recorded(tmp_path):
    path = _legacy_workspace(tmp_path / "ws.sqlite", 1)
    with Workspace.open(path, backup=False) as ws:
        assert ws.value("HA", "2022-Q1", "dvc.received") == 1671
        assert ws.latest_imports("2022-Q1") == {}  # the exchange tables exist now
    assert _recorded(path) == [step.__name__ for step in schema.MIGRATIONS]
    assert _content(path)[0] == schema.SCHEMA_VERSION


def test_a_workspace_of_schema_2_opens_upgraded_and_its_earlier_steps_are_recorded_not_run(tmp_path, monkeypatch):
    path = _legacy_workspace(tmp_path / "ws.sqlite", 2)
    with Workspace.open(path, backup=False) as ws:
        assert ws.value("HA", "2022-Q1", "dvc.received") == 1671
        assert ws.retired() == {}  # the table of retired units exists now
    assert _recorded(path) == [step.__name__ for step in schema.MIGRATIONS]
    ran = []

    def later(db):
        ran.append(db.execute("SELECT count(*) FROM imports").fetchone()[0])

    steps = [*schema.MIGRATIONS, later]
    monkeypatch.setattr(schema, "MIGRATIONS", steps)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(steps))
    conn = _connect(path)
    assert schema.migrate(conn) == len(steps) - 1
    conn.close()
    assert ran == [0]  # only the new step ran (the earlier ones would have failed: their tables exist)
    assert _recorded(path) == [step.__name__ for step in steps]
    assert _content(path)[0] == len(steps)


def _recorded(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [name for (name,) in conn.execute(f"SELECT name FROM {schema.RECORD} ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("old", [1, 2])
def test_an_older_workspace_read_only_is_read_upgraded_and_left_untouched(tmp_path, old):
    """A command that only reads (render, check, units…) must not write the file, nor refuse it for being old."""
    path = _legacy_workspace(tmp_path / "ws.sqlite", old)
    before = _content(path)
    with Workspace.open(path, read_only=True) as ws:
        assert ws.read_only
        assert ws.value("HA", "2022-Q1", "dvc.received") == 1671
        assert ws.retired() == {}  # read through the current schema
    assert _content(path) == before and before[0] == old
    with Workspace.open(path, backup=False) as ws:  # the next writer upgrades the file itself
        assert ws.value("HA", "2022-Q1", "dvc.received") == 1671
    assert _content(path)[0] == schema.SCHEMA_VERSION


def test_a_workspace_of_schema_3_keeps_its_retired_units_and_learns_mergers(tmp_path):
    path = tmp_path / "ws.sqlite"
    create_demo(path).close()
    conn = sqlite3.connect(path)  # as dtdesk wrote it at schema 3: retired units without what they merged into
    with conn:
        conn.execute("DROP TABLE retired")
        conn.execute("DROP TABLE formed")
        conn.execute("CREATE TABLE retired (code TEXT PRIMARY KEY REFERENCES units(code), since TEXT NOT NULL)")
        conn.execute("INSERT INTO retired VALUES ('HA-TRANGCAT', '2022-04-01')")
        conn.execute(f"DELETE FROM {schema.RECORD} WHERE name = 'v4_merged_units'")
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    with Workspace.open(path, backup=False) as ws:
        assert list(ws.retired()) == ["HA-TRANGCAT"] and ws.merged() == {}
        define_unit(ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
        merge_units(ws, "HA-MOI", ["HA-CATBI"], "2022-Q2")
        assert ws.merged() == {"HA-CATBI": "HA-MOI"}
        assert ws.formed() == {"HA-MOI": dt.date(2022, 4, 1)}  # it had no report before the merger
