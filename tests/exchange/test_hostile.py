"""A generated suite of bad submission files: each is refused with one sentence
and leaves the workspace's content exactly as it was.

Files are generated once per session (each on first use) from a valid ward
export; the workspace is a copy of a session template, in one of three states:
the demo, the demo after importing the valid file, the demo after importing a
newer revision of it.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from dtdesk.cli import main
from dtdesk.exchange import manifest as mf
from dtdesk.exchange.importer import DUPLICATE, IMPORTED, REJECTED, import_files
from tests.exchange.conftest import build, copy_ws, open_ws, read_parts, ws_hash

CASES: dict[str, tuple[str, str, object]] = {}  # id → (workspace state, expected status, maker)


def case(name: str, state: str = "demo", expect: str = REJECTED):
    def register(maker):
        CASES[name] = (state, expect, maker)
        return maker
    return register


# -- makers: (base file, parts, output path) → output path ----------------------------

def _bytes(name, transform):
    def maker(base: Path, parts, out: Path) -> Path:
        out.write_bytes(transform(base.read_bytes()))
        return out
    case(name)(maker)


def _parts(name, change, state="demo", expect=REJECTED, **build_args):
    def maker(base: Path, parts, out: Path) -> Path:
        manifest, units, reports, values = (dict(parts[0]), [dict(u) for u in parts[1]],
                                            [dict(r) for r in parts[2]], list(parts[3]))
        extra = change(manifest, units, reports, values)
        extra = extra if isinstance(extra, dict) else {}
        return build(out, manifest, units, reports, values, **{**build_args, **extra})
    case(name, state, expect)(maker)


# truncated
for size in [0, 1, 10, 15, 16, 50, 99, 100, 101, 200, 511, 512, 513, 700, 1000, 1023, 1024, 1025, 1500, 2047,
             2048, 2049, 3000, 3072, 4095, 4096, 5000, 6000, 7168, 8000, 9000, 10000, 10240, 11000, 12000, 12287,
             12288, -1024, -512, -100, -1]:
    _bytes(f"truncated-{size}", lambda data, n=size: data[:n] if n >= 0 else data[:len(data) + n])

# random bytes: pure noise, noise after a SQLite header, noise after a valid first page
for seed in range(15):
    _bytes(f"random-{seed}", lambda data, s=seed: random.Random(s).randbytes(random.Random(s).choice(
        [0, 7, 100, 512, 1024, 4096, 13312, 65536])))
for seed in range(12):
    _bytes(f"random-after-header-{seed}",
           lambda data, s=seed: data[:100] + random.Random(s).randbytes(len(data) - 100))
for seed in range(12):
    _bytes(f"random-after-page1-{seed}",
           lambda data, s=seed: data[:1024] + random.Random(s).randbytes(len(data) - 1024))


def _flip(data: bytes, offset: int, bit: int) -> bytes:
    out = bytearray(data)
    out[offset] ^= 1 << bit
    return bytes(out)


# bit flips in the file header fields that matter
for offset, bit in [(16, 0), (17, 1), (18, 0), (19, 1), (20, 3), (21, 2), (28, 0), (31, 1), (60, 0), (68, 0),
                    (70, 5), (71, 7), (52, 0), (56, 1)]:
    _bytes(f"flip-header-{offset}-{bit}", lambda data, o=offset, b=bit: _flip(data, o, b))

# bit flips inside stored content: names, keys, values, the manifest
NEEDLES = [b"HA-CATBI", b"2022-Q1", b"dvc.", b"header.", b"cds-quarterly", "Phường".encode(), b"dtdesk-submission/1",
           b"buu_chinh", b"chu_ky_so", b"CREATE TABLE", b"WITHOUT ROWID", b"template_version", b"2022-03-30",
           "Cát Bi".encode(), b"exported_at", b"sha256"]


def _needle_flip(needle: bytes, nth: int, bit: int):
    def transform(data: bytes) -> bytes:
        at, found = -1, -1
        for _ in range(nth + 1):
            found = data.find(needle, at + 1)
            if found < 0:
                break
            at = found
        return _flip(data, at + len(needle) // 2, bit)
    return transform


for i, needle in enumerate(NEEDLES):
    for nth in range(3):
        _bytes(f"flip-{needle.decode(errors='replace').replace(' ', '_').replace('/', '_')}-{nth}", _needle_flip(needle, nth, (i + nth) % 7))

# bit flips of b-tree page headers (page type, cell counts) of every page
for page in range(1, 13):
    _bytes(f"flip-page-{page}-type", lambda data, p=page: _flip(data, p * 1024, 2))
    _bytes(f"flip-page-{page}-cells", lambda data, p=page: _flip(data, p * 1024 + 4, 3))


# not our file
def _sqlite_file(sql: str, **pragmas):
    def maker(base, parts, out: Path) -> Path:
        conn = sqlite3.connect(out, isolation_level=None)
        for key, value in pragmas.items():
            conn.execute(f"PRAGMA {key} = {value}")
        for statement in filter(str.strip, sql.split(";")):
            conn.execute(statement)
        conn.close()
        return out
    return maker


case("foreign-sqlite")(_sqlite_file("CREATE TABLE foo (a, b); INSERT INTO foo VALUES (1, 'x')"))
case("foreign-sqlite-with-our-app-id")(_sqlite_file("CREATE TABLE foo (a)", application_id=mf.APPLICATION_ID,
                                                    user_version=1))
case("foreign-sqlite-our-table-names")(_sqlite_file(
    "CREATE TABLE manifest (k, v); CREATE TABLE units (a); CREATE TABLE reports (a); CREATE TABLE vals (a)",
    application_id=mf.APPLICATION_ID, user_version=1))
case("empty-sqlite")(_sqlite_file("CREATE TABLE t (x); DROP TABLE t"))
_bytes("json-file", lambda data: b'{"format": "dtdesk/1", "units": []}' * 20)
_bytes("pdf-file", lambda data: b"%PDF-1.4\n" + b"0" * 2000)
_bytes("zip-file", lambda data: b"PK\x03\x04" + b"\x00" * 2000)
_bytes("empty-file", lambda data: b"")


@case("a-dtdesk-workspace")
def _workspace(base, parts, out):
    from dtdesk.store.demo import create_demo

    create_demo(out.with_suffix(".tmp")).close()
    shutil.copyfile(out.with_suffix(".tmp"), out)
    return out


_parts("not-ours-app-id-0", lambda m, u, r, v: {"app_id": 0})
_parts("not-ours-user-version-2", lambda m, u, r, v: {"user_version": 2})
_parts("wal-mode-file", lambda m, u, r, v: {"journal": "WAL"})

# schema: triggers, views, indexes, extra or missing tables and columns
for name, sql in {
    "trigger-on-vals": "CREATE TRIGGER t AFTER INSERT ON vals BEGIN SELECT 1; END",
    "trigger-on-manifest": "CREATE TRIGGER t2 BEFORE DELETE ON manifest BEGIN SELECT 1; END",
    "view": "CREATE VIEW v AS SELECT * FROM vals",
    "view-on-manifest": "CREATE VIEW manifest_v AS SELECT key FROM manifest",
    "index": "CREATE INDEX i ON vals (value)",
    "expression-index": "CREATE INDEX i2 ON units (lower(name))",
    "extra-table": "CREATE TABLE notes (x TEXT)",
    "extra-table-with-rows": "CREATE TABLE extra (a); INSERT INTO extra VALUES (1)",
}.items():
    _parts(name, lambda m, u, r, v, s=sql: {"extra_sql": s})

for table, columns in mf.COLUMNS.items():
    sql = mf.SCHEMA[table]
    _parts(f"extra-column-{table}", lambda m, u, r, v, t=table, s=sql: {
        "schema": {t: s.replace(") WITHOUT ROWID", ", note TEXT) WITHOUT ROWID", 1) if "PRIMARY KEY (" not in s
                   else s.replace(", PRIMARY KEY", ", note TEXT, PRIMARY KEY", 1)}})
    dropped = columns[-1]
    _parts(f"missing-column-{table}-{dropped}", lambda m, u, r, v, t=table, c=dropped: {
        "schema": {t: _drop_column(t, c)}})
    _parts(f"missing-table-{table}", lambda m, u, r, v, t=table: {"schema": {t: ""}})
_parts("vals-as-rowid-table", lambda m, u, r, v: {"schema": {"vals": mf.SCHEMA["vals"].replace(" WITHOUT ROWID", "")}})
_parts("vals-with-check", lambda m, u, r, v: {"schema": {"vals": mf.SCHEMA["vals"].replace("value,", "value CHECK (1),")}})


def _drop_column(table: str, column: str) -> str:
    cols = ", ".join(c for c in mf.COLUMNS[table] if c != column)
    pk = {"manifest": "key", "units": "code", "reports": "unit, period", "vals": "unit, period, key, row"}[table]
    return f"CREATE TABLE {table} ({cols}, PRIMARY KEY ({pk})) WITHOUT ROWID"


# sizes and types
def _set_value(key, value):
    def change(m, u, r, v):
        v[:] = [(a, b, k, row, value if k == key else val) for a, b, k, row, val in v]
    return change


_parts("text-30k", _set_value("mo_dau.text", "chữ " * 7500))
_parts("text-200k", _set_value("mo_dau.text", "x" * 200_000))
_parts("file-9mb", _set_value("mo_dau.text", "y" * 9_000_000))
_parts("blob-value", _set_value("dvc.received", b"\x00\x01binary"))
_parts("infinite-value", _set_value("dvc.received", float("inf")))
_parts("too-many-values", lambda m, u, r, v: v.extend(("HA-CATBI", "2022-Q1", f"x.k{i}", "", i) for i in range(20_001)))
_parts("too-many-units", lambda m, u, r, v: u.extend(
    dict(u[0], code=f"HA-CATBI-B{i}", kind="department", parent="HA-CATBI") for i in range(501)))
_parts("two-reports", lambda m, u, r, v: r.append(dict(r[0], period="2022-Q2")))
_parts("no-report", lambda m, u, r, v: r.clear())
_parts("long-unit-code", lambda m, u, r, v: u.append(dict(u[0], code="B" * 100, kind="department", parent="HA-CATBI")))
_parts("long-manifest-value", lambda m, u, r, v: m.update(app_version="9" * 300))
_parts("number-as-unit-name", lambda m, u, r, v: u[0].update(name=12345))
_parts("text-position", lambda m, u, r, v: u[0].update(position="first"))

# wrong unit
def _move(code, parent, kind=None):
    def change(m, u, r, v):
        m.update(unit=code, parent=parent)
        for x in u:
            if x["code"] == "HA-CATBI":
                x.update(code=code, parent=parent or None, kind=kind or x["kind"])
        for x in r:
            x["unit"] = code
        v[:] = [(code, *rest) for _, *rest in v]
    return change


_parts("unit-under-another-district", _move("NB-XYZ", "HP"))
_parts("unit-is-the-city", _move("HP2", ""))
_parts("unit-is-own-unit", _move("HA", "HP", "district"))
_parts("unit-unknown-parent", _move("HA-NEW", "NOWHERE"))
_parts("unit-known-other-parent", _move("HA-TUPHAP", "HA", "ward"))
_parts("known-ward-claims-other-parent", _move("HA-CATBI", "HA-THANHTO"))
_parts("reporting-unit-is-a-department", _move("HA-NEWDEPT", "HA", "department"))
_parts("unit-kind-alien", _move("HA-ALIEN", "HA", "martian"))
_parts("manifest-unit-missing-from-units", lambda m, u, r, v: m.update(unit="HA-GHOST"))
_parts("report-of-another-unit", lambda m, u, r, v: r[0].update(unit="HA-THANHTO"))
_parts("values-of-foreign-unit", lambda m, u, r, v: v.append(("HA-THANHTO", "2022-Q1", "dvc.received", "", 1)))
_parts("body-is-an-existing-department", lambda m, u, r, v: u.append(
    dict(u[0], code="HA-TUPHAP", kind="department", parent="HA-CATBI")))
_parts("body-is-a-ward", lambda m, u, r, v: u.append(dict(u[0], code="HA-CATBI-W", kind="ward", parent="HA-CATBI")))
_parts("body-of-someone-else", lambda m, u, r, v: u.append(dict(u[0], code="HA-X", kind="department", parent="HA")))
_parts("parent-mismatch-manifest", lambda m, u, r, v: m.update(parent="HP"))
for i, bad in enumerate(["../x", "A\nB", "HA-CATBI\n", "\x1b[2J", "A\x00B", "Z" * 64, "HA CB", "\\\\host\\share"]):
    _parts(f"unit-code-malformed-{i}", _move(bad, "HA"))
    _parts(f"body-code-malformed-{i}", lambda m, u, r, v, c=bad: u.append(dict(u[0], code=c, kind="department",
                                                                             parent="HA-CATBI")))
_parts("parent-code-malformed", _move("HA-NEW", "../HA"))
_parts("ward-under-a-ward", _move("HA-NEW", "HA-CATBI"))
_parts("district-under-a-district", _move("HA-Q2", "HA", "district"))
_parts("city-under-a-district", _move("HP-2", "HA", "city"))

# wrong period
for bad in ["2022-Q5", "2022-13", "22-Q1", "2022-q1", "2022-M13", "2022-H3", "Q1-2022", ""]:
    def change(m, u, r, v, p=bad):
        m["period"] = p
        r[0]["period"] = p
        v[:] = [(a, p, *rest) for a, _, *rest in v]
    _parts(f"period-{bad or 'empty'}", change)
_parts("period-report-differs", lambda m, u, r, v: r[0].update(period="2022-Q2"))
_parts("period-values-differ", lambda m, u, r, v: v.append(("HA-CATBI", "2022-Q2", "dvc.received", "", 5)))
_parts("start-after-cutoff", lambda m, u, r, v: r[0].update(start="2022-04-30"))
_parts("impossible-date", lambda m, u, r, v: r[0].update(cutoff="2022-02-30"))

# wrong template
_parts("template-unknown", lambda m, u, r, v: (m.update(template_id="other"), r[0].update(template_id="other")))
_parts("template-version-99", lambda m, u, r, v: (m.update(template_version="99"), r[0].update(template_version=99)))
_parts("template-version-text", lambda m, u, r, v: m.update(template_version="abc"))
_parts("template-path-traversal", lambda m, u, r, v: (m.update(template_id="../../etc/passwd"),
                                                       r[0].update(template_id="../../etc/passwd")))
_parts("template-report-differs", lambda m, u, r, v: r[0].update(template_version=2))

# manifest entries
for key in mf.MANIFEST_KEYS:
    if key != "sha256":
        _parts(f"manifest-missing-{key}", lambda m, u, r, v, k=key: m.pop(k))
_parts("manifest-extra-key", lambda m, u, r, v: m.update(macro="run()"))
_parts("manifest-format-2", lambda m, u, r, v: m.update(format="dtdesk-submission/2"))
_parts("manifest-revision-0", lambda m, u, r, v: (m.update(revision="0"), r[0].update(revision=0)))
_parts("manifest-revision-negative", lambda m, u, r, v: m.update(revision="-1"))
_parts("manifest-revision-differs", lambda m, u, r, v: m.update(revision="7"))
_parts("manifest-exported-at-garbage", lambda m, u, r, v: m.update(exported_at="yesterday"))

# tampered: content or manifest changed after the hash was computed
def _tamper(change):
    def maker(base: Path, parts, out: Path) -> Path:
        shutil.copyfile(base, out)
        conn = sqlite3.connect(out, isolation_level=None)
        conn.execute(change)
        conn.close()
        return out
    return maker


for name, sql in {
    "tampered-sha256": "UPDATE manifest SET value = substr(value, 2) || '0' WHERE key = 'sha256'",
    "tampered-sha256-zeros": f"UPDATE manifest SET value = '{'0' * 64}' WHERE key = 'sha256'",
    "tampered-value": "UPDATE vals SET value = 999 WHERE key = 'chu_ky_so.total'",
    "tampered-text": "UPDATE vals SET value = value || '!' WHERE key = 'mo_dau.text'",
    "tampered-deleted-value": "DELETE FROM vals WHERE key = 'dvc.late'",
    "tampered-added-value": "INSERT INTO vals VALUES ('HA-CATBI', '2022-Q1', 'dvc.extra', '', 1)",
    "tampered-value-type": "UPDATE vals SET value = '40' WHERE key = 'chu_ky_so.total'",
    "tampered-revision": "UPDATE manifest SET value = '9' WHERE key = 'revision'",
    "tampered-exported-at": "UPDATE manifest SET value = '2022-04-01T00:00:00+00:00' WHERE key = 'exported_at'",
    "tampered-unit-name": "UPDATE units SET name = 'Phường Giả' WHERE code = 'HA-CATBI'",
    "tampered-cutoff": "UPDATE reports SET cutoff = '2022-03-31'",
}.items():
    case(name)(_tamper(sql))

# duplicates and revisions
case("duplicate-same-file", "imported", DUPLICATE)(lambda base, parts, out: shutil.copyfile(base, out) and out)
case("duplicate-renamed", "imported", DUPLICATE)(
    lambda base, parts, out: shutil.copyfile(base, out.with_name("thu-gui-lai.dtdesk.sqlite")))
_parts("same-revision-other-content", lambda m, u, r, v: m.update(exported_at="2022-04-02T01:00:00+00:00"),
       state="imported")
case("older-revision", "newer")(lambda base, parts, out: shutil.copyfile(base, out))
_parts("older-revision-1", lambda m, u, r, v: (m.update(revision="1"), r[0].update(revision=1)), state="newer")


# -- fixtures and the test ------------------------------------------------------------------


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


def one_sentence(message: str) -> bool:
    return (bool(message) and "\n" not in message and message.endswith(".") and len(message) < 400
            and "Traceback" not in message and message[0].isupper())


def test_the_suite_is_large():
    assert len(CASES) >= 200


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_is_refused_and_changes_nothing(name, tmp_path, hostile_dir, base_file, base_parts, states):
    state, expect, maker = CASES[name]
    out = hostile_dir / f"{name}.dtdesk.sqlite"
    if not out.exists():
        out = maker(base_file, base_parts, out) or out
    ws_path = copy_ws(states[state], tmp_path / "ws.sqlite")
    before = ws_hash(ws_path)
    with open_ws(ws_path) as ws:
        plans = import_files(ws, [out])
    assert len(plans) == 1
    plan = plans[0]
    assert plan.status == expect, plan.message
    assert one_sentence(plan.message), plan.message
    assert ws_hash(ws_path) == before


def test_a_missing_file_is_refused(tmp_path, states):
    ws_path = copy_ws(states["demo"], tmp_path / "ws.sqlite")
    with open_ws(ws_path) as ws:
        plan = import_files(ws, [tmp_path / "nothing.dtdesk.sqlite"])[0]
    assert plan.status == REJECTED and one_sentence(plan.message)


def test_cli_exit_1_when_a_file_is_rejected_and_others_still_import(tmp_path, states, ward_files, capsys):
    bad = tmp_path / "bad.dtdesk.sqlite"
    bad.write_bytes(ward_files["HA-CATBI"].read_bytes()[:5000])
    ws_path = copy_ws(states["demo"], tmp_path / "ws.sqlite")
    assert main(["import", str(ws_path), str(bad), str(ward_files["HA-THANHTO"])]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Từ chối: Tệp «bad.dtdesk.sqlite»")
    assert out[1].startswith("Đã nhập «HA-THANHTO_2022-Q1_r2.dtdesk.sqlite»")
    assert out[-1] == "Tổng: 2 tệp: 1 đã nhập, 0 đã nhập trước đó, 1 bị từ chối."


def test_the_bytes_validated_are_the_bytes_hashed_and_kept(tmp_path, base_file):
    from hashlib import sha256

    from dtdesk.exchange.validate import Rejected, read_submission

    data = base_file.read_bytes()
    decoy = tmp_path / "decoy.dtdesk.sqlite"
    decoy.write_bytes(b"\x00" * 4096)  # what is on disk under that name is never opened when the bytes are given
    sub = read_submission(decoy, data)
    assert sub.original == data and sub.sha256 == sha256(data).hexdigest()
    with pytest.raises(Rejected):
        read_submission(base_file, data[:5000])
    assert not list(tmp_path.glob("*-journal")) and not list(base_file.parent.glob("*-journal"))


def test_a_folder_named_like_a_submission_is_refused_with_one_sentence(tmp_path):
    from dtdesk.exchange.validate import Rejected, read_submission

    folder = tmp_path / "x.dtdesk.sqlite"
    folder.mkdir()
    with pytest.raises(Rejected) as exc:
        read_submission(folder)
    assert one_sentence(str(exc.value))


def test_the_untrusted_connection_distrusts_the_schema_and_writes_nothing(ward_files):
    from dtdesk.exchange.validate import open_untrusted

    conn = open_untrusted(next(iter(ward_files.values())).read_bytes())
    try:
        flags = {p: conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("trusted_schema", "cell_size_check", "query_only")}
        assert flags == {"trusted_schema": 0, "cell_size_check": 1, "query_only": 1}
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TABLE extra (x)")
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
    finally:
        conn.close()
