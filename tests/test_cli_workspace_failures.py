"""The workspace itself fails under a command: a full disk during load, import or key, a read-only workspace.

One sentence on stderr, exit 2, and the workspace's content as it was (SQLite's
own "database or disk is full" or "attempt to write a readonly database", or a
"cannot rollback" that would hide them, never reach the user).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

import pytest

from dtdesk.cli import main
from dtdesk.exchange.export import export_report
from dtdesk.store.jsonio import dump_document
from dtdesk.store.workspace import Workspace
from tests.exchange.conftest import WARDS, ws_hash


@pytest.fixture
def inputs(demo_path, tmp_path):
    """Every ward's file and a JSON document whose texts are ten times as long: {"files": [...], "json": path}."""
    with Workspace.open(demo_path, backup=False) as ws:
        files = [str(export_report(ws, code, "2022-Q1", tmp_path).path) for code in WARDS]
        doc = dump_document(ws, "HA", "2022-Q1", subunits=True)
    for value in doc["values"]:
        if isinstance(value["value"], str):
            value["value"] = value["value"] * 10
    (tmp_path / "big.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return {"files": files, "json": str(tmp_path / "big.json")}


def _filled(disk, demo_path, free_kb: int):
    """The demo workspace on a small disk with only about ``free_kb`` left."""
    ws = shutil.copyfile(demo_path, disk / "ws.sqlite")
    filler = disk / "filler"
    with open(filler, "wb") as handle:
        try:
            handle.write(b"\0" * (4 << 20))
        except OSError:
            pass
    os.truncate(filler, max(0, filler.stat().st_size - (free_kb << 10)))
    return ws


@pytest.mark.parametrize("free_kb", [60, 100, 160])
@pytest.mark.parametrize("command", ["load", "import", "key"])
def test_a_full_disk_is_one_sentence_and_the_workspace_is_as_it_was(demo_path, inputs, small_disk, capsys, command,
                                                                     free_kb):
    ws = _filled(small_disk(700), demo_path, free_kb)
    before = ws_hash(ws)
    argv = {"load": ["load", str(ws), inputs["json"]], "import": ["import", str(ws), *inputs["files"]],
            "key": ["key", str(ws), "--unit", "HA-CATBI", "chi_dao.text=" + "chữ " * 5000]}[command]
    status = main(argv)
    err = capsys.readouterr().err.strip()
    if status == 0:  # it fitted after all: then nothing to judge at this size
        pytest.skip("the change fitted on the disk")
    assert status == 2 and err == "dtdesk: Ổ đĩa đã đầy nên không ghi được vào tệp «ws.sqlite»; tệp vẫn như trước " \
                                  "khi chạy lệnh.", err
    assert ws_hash(ws) == before


@pytest.fixture
def read_only_sqlite(monkeypatch):
    """Every workspace opens as SQLite opens a file it may not write (as root, permissions would not stop it)."""
    if os.name == "posix" and os.geteuid() != 0:
        yield lambda path: (os.chmod(path, 0o444), os.chmod(path.parent, 0o555))
        return

    def connect(path, read_only=False):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=5.0)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    monkeypatch.setattr(Workspace, "_connect", staticmethod(connect))
    yield lambda path: None


@pytest.mark.parametrize("command", ["load", "import", "key"])
def test_a_read_only_workspace_is_one_sentence(demo_path, inputs, read_only_sqlite, capsys, command):
    before = ws_hash(demo_path)
    argv = {"load": ["load", str(demo_path), inputs["json"]], "import": ["import", str(demo_path), inputs["files"][0]],
            "key": ["key", str(demo_path), "--unit", "HA-CATBI", "chu_ky_so.total=41"]}[command]
    read_only_sqlite(demo_path)
    try:
        status = main(argv)
    finally:
        os.chmod(demo_path.parent, 0o755)
    captured = capsys.readouterr()
    lines = (captured.err or captured.out).strip().splitlines()
    assert status in (1, 2) and "Traceback" not in captured.err
    assert any("chỉ cho phép đọc" in line or "chỉ đọc" in line for line in lines), lines
    assert ws_hash(demo_path) == before
