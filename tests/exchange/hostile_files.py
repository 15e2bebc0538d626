"""The hostile corpus: how each bad submission file is made from a ward's real export.

A case is (workspace state, expected outcome, maker); a maker turns the valid
file (its path and its parts: manifest, units, reports, values) into one bad
file. States: the demo, the demo after importing the valid file, the demo
after importing a newer revision of it. ``tests/exchange/test_hostile.py``
runs them.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

from dtdesk.exchange import manifest as mf
from dtdesk.exchange.importer import DUPLICATE, REJECTED
from tests.exchange.conftest import build

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
        conn.execute("PRAGMA synchronous = OFF")
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




# -- more of the same kinds, and the inputs issue 11 found ------------------------------------

# cut at every 256 bytes
for size in range(256, 13312, 256):
    _bytes(f"cut-{size}", lambda data, n=size: data[:n])


def content_of(data: bytes) -> list[str] | None:
    """What SQLite itself reads from a file (schema and rows), or None when it cannot: the oracle for bit flips."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(data)
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            return None
        return list(conn.iterdump())
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    finally:
        conn.close()


def _live_flips(seed: int):
    """Random bit flips, kept only where SQLite reads different content or none (a flip in free space is no attack)."""
    def transform(data: bytes) -> bytes:
        rng, original = random.Random(seed), content_of(data)
        for _ in range(200):
            out = bytearray(data)
            for _ in range(rng.choice([1, 1, 2, 3])):
                out[rng.randrange(100, len(out))] ^= 1 << rng.randrange(8)
            if content_of(bytes(out)) != original:
                return bytes(out)
        raise AssertionError("no live flip found")
    return transform


for seed in range(150):
    _bytes(f"live-flip-{seed}", _live_flips(seed))


def _zeroed_live_page(nth: int, header_only: bool):
    """The nth page whose zeroing changes what SQLite reads (free pages and slack are no attack), zeroed."""
    def transform(data: bytes) -> bytes:
        original, live = content_of(data), []
        for page in range(len(data) // 1024):
            start = page * 1024 + (100 if page == 0 else 0)
            end = start + 12 if header_only else (page + 1) * 1024
            out = data[:start] + bytes(end - start) + data[end:]
            if content_of(out) != original:
                live.append(out)
        return live[nth % len(live)]
    return transform


for nth in range(12):
    _bytes(f"zeroed-page-{nth}", _zeroed_live_page(nth, False))
    _bytes(f"zeroed-page-header-{nth}", _zeroed_live_page(nth, True))


def schema_high_bit(nth: int, skip: int):
    """Bit 7 set in the nth CREATE statement's text: ``quick_check`` then reports bytes that are not UTF-8."""
    def transform(data: bytes) -> bytes:
        at = -1
        for _ in range(nth + 1):
            at = data.find(b"CREATE TABLE", at + 1)
        return _flip(data, at + 13 + skip, 7)
    return transform


for nth in range(4):
    for skip in (0, 3, 8, 20, 40):
        _bytes(f"schema-high-bit-{nth}-{skip}", schema_high_bit(nth, skip))

# manifest entries set to what an attacker or a broken tool writes
HOSTILE_TEXTS = ["", " ", "0000-Q1", "9999-Q4", "²", "１", "-1", "1e3", "0x10", "../x", "..\\x", "/etc/passwd",
                 "\\\\host\\share\\x", "A\nB", "\x1b[31mĐỎ\x1b[0m", "\x00", "Z" * 64, "Z" * 257, "HA-CATBI\x00",
                 "NULL"]
for key in mf.MANIFEST_KEYS:
    if key in ("sha256", "app_version", "exported_at"):
        continue
    for i, text in enumerate(HOSTILE_TEXTS):
        _parts(f"manifest-{key}-{i}", lambda m, u, r, v, k=key, t=text: m.update({k: t}))
for i, text in enumerate(["", "\x1b]0;pwned\x07", "A\nB", "\x00", "Z" * 257, "\u202etxt.exe"]):
    _parts(f"manifest-app_version-{i}", lambda m, u, r, v, t=text: m.update(app_version=t))
for i, text in enumerate(["", "yesterday", "2022-13-01T00:00:00", "\x1b[2J", "9" * 40, "2022-03-31\n"]):
    _parts(f"manifest-exported_at-{i}", lambda m, u, r, v, t=text: m.update(exported_at=t))

# the same, consistently through manifest, units, report and values (no mismatch to catch it)
for i, bad in enumerate(["0000-Q1", "9999-Q4", "1989-Q4", "2101-Q1", "２０２２-Q1", "2022-Q٣", "Quý I/2022", "2022-Q1\n",
                         "2022-Q1\x00", "\x1b[31m2022-Q1"]):
    def change(m, u, r, v, p=bad):
        m["period"] = p
        r[0]["period"] = p
        v[:] = [(a, p, *rest) for a, _, *rest in v]
    _parts(f"consistent-period-{i}", change)
for i, code in enumerate(["../x", "..", "A\nB", "\x1b[31mX", "A\x00B", "Z" * 64, "", " HA-X", "HA/X", "HA\\X",
                          "Phường-X", "-HA", "HA X", "C:", "NUL"]):
    _parts(f"consistent-unit-code-{i}", _move(code, "HA"))
for i, tid in enumerate(["../../etc/passwd", "/etc/passwd", "\\\\host\\share\\t", "cds-quarterly/../cds-quarterly",
                         "CDS-QUARTERLY", "cds-quarterly ", "cds-quarterly\x00", "", "cds-quarterly-v1",
                         "templates/cds-quarterly"]):
    _parts(f"consistent-template-{i}", lambda m, u, r, v, t=tid: (m.update(template_id=t),
                                                                   r[0].update(template_id=t)))
for i, version in enumerate(["²", "１", "0", "-1", "01", "1.0", "99"]):
    _parts(f"consistent-template-version-{i}", lambda m, u, r, v, t=version: (
        m.update(template_version=t), r[0].update(template_version=t)))
    _parts(f"consistent-revision-{i}", lambda m, u, r, v, t=version: (m.update(revision=t), r[0].update(revision=t)))

# kinds where they may not sit
_parts("district-under-district", _move("HA-SUB", "HA", "district"))
_parts("province-under-district", _move("HA-SUB", "HA", "province"))
_parts("city-under-district", _move("HA-SUB", "HA", "city"))
_parts("ward-under-ward", _move("HA-SUB", "HA-CATBI", "ward"))
_parts("commune-under-ward", _move("HA-SUB", "HA-CATBI", "commune"))
_parts("ward-under-a-department", _move("HA-SUB", "HA-TUPHAP", "ward"))
_parts("body-under-a-body", lambda m, u, r, v: u.extend([
    dict(u[0], code="HA-CATBI-B1", kind="department", parent="HA-CATBI"),
    dict(u[0], code="HA-CATBI-B2", kind="board", parent="HA-CATBI-B1")]))
_parts("unit-is-its-own-parent", lambda m, u, r, v: u.append(dict(u[0], code="HA-LOOP", kind="department",
                                                                 parent="HA-LOOP")))
for i, name in enumerate(["Phường\nGiả", "\x1b[31mPhường", "Phường\x00", "\u202eiB táC gnờưhP"]):
    _parts(f"unit-name-control-{i}", lambda m, u, r, v, t=name: u[0].update(name=t))
_parts("value-key-control", lambda m, u, r, v: v.append(("HA-CATBI", "2022-Q1", "dvc.\x1b[2J", "", 1)))
_parts("value-row-newline", lambda m, u, r, v: v.append(("HA-CATBI", "2022-Q1", "dvc.received", "a\nb", 1)))


# hostile names and things that are not files
def _renamed(name: str | bytes):
    def maker(base: Path, parts, out: Path) -> Path:
        target = out.parent / os.fsdecode(name) if isinstance(name, bytes) else out.with_name(name)
        shutil.copyfile(base, target)
        return target
    return maker


for i, name in enumerate(["a\nb.dtdesk.sqlite", "\x1b[2J.dtdesk.sqlite", b"\xff\xfe.dtdesk.sqlite",
                          "tab\there.dtdesk.sqlite", "\x07bell.dtdesk.sqlite", "\u202eetilqs.ksetd.exe.dtdesk.sqlite",
                          b"caf\xe9.dtdesk.sqlite", "cr\rlf.dtdesk.sqlite"]):
    case(f"hostile-name-{i}")(_renamed(name))


def _special(make):
    def maker(base: Path, parts, out: Path) -> Path:
        make(out)
        return out
    return maker


if hasattr(os, "mkfifo"):
    case("fifo")(_special(os.mkfifo))
    case("symlink-to-dev-zero")(_special(lambda out: out.symlink_to("/dev/zero")))
    case("symlink-to-dev-null")(_special(lambda out: out.symlink_to("/dev/null")))
    case("symlink-dangling")(_special(lambda out: out.symlink_to(out.with_name("nowhere"))))
    case("symlink-loop")(_special(lambda out: out.symlink_to(out)))

# malformed codes in the reporting unit, a body or a parent; kinds where they may not sit
for i, bad in enumerate(["../x", "A\nB", "HA-CATBI\n", "\x1b[2J", "A\x00B", "Z" * 64, "HA CB", "\\\\host\\share"]):
    _parts(f"unit-code-malformed-{i}", _move(bad, "HA"))
    _parts(f"body-code-malformed-{i}", lambda m, u, r, v, c=bad: u.append(dict(u[0], code=c, kind="department",
                                                                             parent="HA-CATBI")))
_parts("parent-code-malformed", _move("HA-NEW", "../HA"))
_parts("ward-under-a-ward", _move("HA-NEW", "HA-CATBI"))
_parts("district-under-a-district", _move("HA-Q2", "HA", "district"))
_parts("city-under-a-district", _move("HP-2", "HA", "city"))
