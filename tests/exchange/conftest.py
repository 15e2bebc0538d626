"""Fixtures for the exchange tests: ward files exported once per session,
workspaces copied from session templates (each test writes only its own copy)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from dtdesk.exchange import manifest as mf
from dtdesk.exchange.export import export_report
from dtdesk.exchange.importer import IMPORTED, import_files
from dtdesk.store.demo import create_demo
from dtdesk.store.jsonio import dump_document, load_document
from dtdesk.store.workspace import Workspace

WARDS = ["HA-CATBI", "HA-THANHTO", "HA-DANGLAM", "HA-DANGHAI", "HA-DONGHAI1", "HA-DONGHAI2", "HA-NAMHAI",
         "HA-TRANGCAT"]
PERIOD = "2022-Q1"


def ws_hash(path: Path) -> str:
    """SHA-256 of the schema and every table's rows, through a read-only connection.

    Rows are read in the order SQLite stores them, so equal files give equal
    hashes and any change of content a different one (several times faster than
    ``iterdump``, which the hostile corpus would call hundreds of times).
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"):
            digest.update(repr((kind, name, sql)).encode())
            if kind == "table":
                for row in conn.execute(f'SELECT * FROM "{name}"'):
                    digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def open_ws(path: Path) -> Workspace:
    return Workspace.open(path, backup=False)


def copy_ws(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


def make_district_only(path: Path, demo: Path) -> Path:
    """A fresh workspace holding the district's own report only (a dump of HA loaded)."""
    with open_ws(demo) as ws:
        doc = dump_document(ws, "HA", PERIOD)
    with Workspace.create(path) as fresh:
        load_document(fresh, doc)
    return path


def make_ward(path: Path, demo: Path, ward: str = "HA-CATBI") -> Path:
    """A ward's own workspace: its report from the demo, its unit and those above it, the ward as its own unit."""
    with open_ws(demo) as ws:
        doc = dump_document(ws, ward, PERIOD)
    doc["own_unit"] = ward
    with Workspace.create(path) as fresh:
        load_document(fresh, doc)
    return path


@pytest.fixture(scope="session")
def session_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("exchange")


@pytest.fixture(scope="session")
def demo_template(session_dir) -> Path:
    path = session_dir / "demo.sqlite"
    create_demo(path).close()
    return path


@pytest.fixture(scope="session")
def district_template(session_dir, demo_template) -> Path:
    return make_district_only(session_dir / "district.sqlite", demo_template)


@pytest.fixture(scope="session")
def ward_files(session_dir, demo_template) -> dict[str, Path]:
    """Each ward's report exported from the demo (revision 2): {code: file}."""
    folder = session_dir / "wards"
    folder.mkdir()
    ws_path = copy_ws(demo_template, session_dir / "wards.sqlite")
    with open_ws(ws_path) as ws:
        return {code: export_report(ws, code, PERIOD, folder).path for code in WARDS}


@pytest.fixture(scope="session")
def ward_template(session_dir, demo_template) -> Path:
    return make_ward(session_dir / "ward.sqlite", demo_template)


@pytest.fixture
def district(tmp_path, district_template) -> Path:
    return copy_ws(district_template, tmp_path / "district.sqlite")


@pytest.fixture
def demo(tmp_path, demo_template) -> Path:
    return copy_ws(demo_template, tmp_path / "demo.sqlite")


def read_parts(path: Path) -> tuple[dict, list[dict], list[dict], list[tuple]]:
    """Manifest (without sha256), units, reports and values of a valid submission file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        manifest = dict(conn.execute("SELECT key, value FROM manifest"))
        units = [dict(zip(mf.UNIT_COLUMNS, r)) for r in conn.execute("SELECT * FROM units")]
        reports = [dict(zip(mf.REPORT_COLUMNS, r)) for r in conn.execute("SELECT * FROM reports")]
        values = [tuple(r) for r in conn.execute("SELECT * FROM vals")]
    finally:
        conn.close()
    manifest.pop("sha256")
    return manifest, units, reports, values


def build(path: Path, manifest: dict, units: list[dict], reports: list[dict], values: list[tuple], *,
          schema: dict[str, str] | None = None, sha256: str | None = None, app_id: int = mf.APPLICATION_ID,
          user_version: int = mf.FORMAT_VERSION, extra_sql: str = "", journal: str = "DELETE") -> Path:
    """Write a submission-like file with any defect: the hash is correct unless ``sha256`` is given."""
    schema = {**mf.SCHEMA, **(schema or {})}
    manifest = dict(manifest)
    try:
        digest = mf.content_hash(manifest, units, reports, values)
    except (ValueError, KeyError, TypeError):
        digest = "0" * 64
    manifest["sha256"] = sha256 if sha256 is not None else digest
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # a test's scratch file: hundreds are made, none must survive a crash
    conn.execute("PRAGMA page_size = 1024")
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.execute("BEGIN")
    for sql in schema.values():
        if sql:
            conn.execute(sql)

    def columns(table):
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]

    def insert(table, rows, names):
        have = columns(table)
        if not have:
            return
        keep = [n for n in names if n in have]
        for row in rows:
            conn.execute(f"INSERT INTO {table} ({', '.join(keep)}) VALUES ({','.join('?' * len(keep))})",
                         [row[names.index(n)] for n in keep])

    insert("manifest", [(k, v) for k, v in manifest.items()], ["key", "value"])
    insert("units", [tuple(u[c] for c in mf.UNIT_COLUMNS) for u in units], list(mf.UNIT_COLUMNS))
    insert("reports", [tuple(r[c] for c in mf.REPORT_COLUMNS) for r in reports], list(mf.REPORT_COLUMNS))
    insert("vals", values, list(mf.VALUE_COLUMNS))
    conn.execute("COMMIT")
    if extra_sql:
        conn.executescript(extra_sql)
    conn.close()
    return path


# -- the hostile corpus and the workspace states it is imported into ------------------------


@pytest.fixture(scope="session")
def base_file(ward_files) -> Path:
    return ward_files["HA-CATBI"]


@pytest.fixture(scope="session")
def base_parts(base_file):
    return read_parts(base_file)


@pytest.fixture(scope="session")
def hostile_dir(session_dir) -> Path:
    folder = session_dir / "hostile"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def states(session_dir, demo_template, base_file, base_parts) -> dict[str, Path]:
    imported = copy_ws(demo_template, session_dir / "state-imported.sqlite")
    with open_ws(imported) as ws:
        assert import_files(ws, [base_file])[0].status == IMPORTED
    newer = copy_ws(demo_template, session_dir / "state-newer.sqlite")
    m, u, r, v = base_parts
    r3 = build(session_dir / "HA-CATBI_2022-Q1_r3.dtdesk.sqlite", dict(m, revision="3"), u,
               [dict(r[0], revision=3)], v)
    with open_ws(newer) as ws:
        assert import_files(ws, [r3])[0].status == IMPORTED
    return {"demo": demo_template, "imported": imported, "newer": newer}


@pytest.fixture(scope="session")
def corpus(hostile_dir, base_file, base_parts) -> dict[str, Path]:
    """Every case's file of the hostile corpus (tests/exchange/hostile_files.py), made once: {case: path}."""
    from tests.exchange.hostile_files import CASES  # it builds its files with this module's helpers

    return {name: maker(base_file, base_parts, hostile_dir / f"{name}.dtdesk.sqlite") or
            hostile_dir / f"{name}.dtdesk.sqlite" for name, (_s, _e, maker) in CASES.items()}
