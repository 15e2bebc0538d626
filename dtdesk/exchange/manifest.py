"""The submission file format (``dtdesk-submission/1``), its content hash, and writing one.

A submission file is a small SQLite database (rollback journal, never WAL)
with ``PRAGMA application_id`` = :data:`APPLICATION_ID` and
``PRAGMA user_version`` = :data:`FORMAT_VERSION`, holding exactly the four
tables of :data:`SCHEMA` and nothing else (no index, trigger or view):

``manifest(key, value)``
    ``format`` ("dtdesk-submission/1"), ``template_id``, ``template_version``,
    ``unit`` (the reporting unit's code), ``parent`` (its parent's code),
    ``period`` ("2022-Q1"), ``revision`` (1, 2, … one more on every export of
    the report), ``app_version``, ``exported_at`` (UTC ISO 8601), ``status``
    ("sent": the report's step in the reporting cycle, :mod:`dtdesk.store.status`;
    absent in files from before it) and ``sha256``.
``units``
    The reporting unit and its bodies (non-administrative children whose rows
    appear in its tables), with the columns of the workspace's ``units``.
``reports``
    One row: the report (unit, period, template, start, cut-off, revision).
``vals(unit, period, key, row, value)``
    The unit's values and its bodies' values for the period.

``sha256`` is the SHA-256 (hex) of :func:`canonical_bytes`: the UTF-8 JSON,
keys sorted, no whitespace, non-ASCII kept, of
``{"manifest": {every manifest entry but sha256}, "units": [rows sorted by
code], "reports": [the row], "values": [[unit, period, key, row, value] …
sorted]}``; unit and report rows are objects keyed by column name. Integers
stay integers and reals stay reals, so the hash also covers value types.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from operator import itemgetter
from pathlib import Path

FORMAT = "dtdesk-submission/1"
FORMAT_VERSION = 1
APPLICATION_ID = 0x44544453  # "DTDS"
SUFFIX = ".dtdesk.sqlite"

UNIT_COLUMNS = ("code", "name", "kind", "parent", "short", "row_label", "position", "email")
REPORT_COLUMNS = ("unit", "period", "template_id", "template_version", "start", "cutoff", "revision", "illustrative")
VALUE_COLUMNS = ("unit", "period", "key", "row", "value")
MANIFEST_KEYS = ("format", "template_id", "template_version", "unit", "parent", "period", "revision",
                 "app_version", "exported_at", "sha256")
OPTIONAL_KEYS = ("status",)  # files from before the reporting cycle have no status
SENT_STATUS = "sent"  # the only status a submission file may carry: its report as sent, with its revision

# The exact CREATE statements: a file whose sqlite_master differs is refused.
SCHEMA: dict[str, str] = {
    "manifest": "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "units": (
        "CREATE TABLE units (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent TEXT,"
        " short TEXT NOT NULL, row_label TEXT NOT NULL, position INTEGER NOT NULL, email TEXT NOT NULL)"
        " WITHOUT ROWID"
    ),
    "reports": (
        "CREATE TABLE reports (unit TEXT NOT NULL, period TEXT NOT NULL, template_id TEXT NOT NULL,"
        " template_version INTEGER NOT NULL, start TEXT NOT NULL, cutoff TEXT NOT NULL,"
        " revision INTEGER NOT NULL, illustrative INTEGER NOT NULL, PRIMARY KEY (unit, period)) WITHOUT ROWID"
    ),
    "vals": (
        "CREATE TABLE vals (unit TEXT NOT NULL, period TEXT NOT NULL, key TEXT NOT NULL, row TEXT NOT NULL,"
        " value, PRIMARY KEY (unit, period, key, row)) WITHOUT ROWID"
    ),
}
COLUMNS: dict[str, tuple[str, ...]] = {
    "manifest": ("key", "value"),
    "units": UNIT_COLUMNS,
    "reports": REPORT_COLUMNS,
    "vals": VALUE_COLUMNS,
}


def file_name(unit: str, period: str, revision: int) -> str:
    """The name a clerk recognises: ``HA-CATBI_2022-Q1_r2.dtdesk.sqlite``."""
    return f"{unit}_{period}_r{revision}{SUFFIX}"


def file_revision(name: str, unit: str, period: str) -> int | None:
    """The revision in a name :func:`file_name` gives this report, or None for any other name."""
    prefix = f"{unit}_{period}_r"
    number = name[len(prefix):-len(SUFFIX)] if name.startswith(prefix) and name.endswith(SUFFIX) else ""
    return int(number) if number.isascii() and number.isdigit() else None


# allow_nan=False: a non-finite number cannot be hashed, so such a file is refused. One encoder for every
# call (it keeps no state between calls); the same options as json.dumps(doc, sort_keys=True, …), but without
# the check for circular references, which the rows read from a file or a workspace cannot have and which cost
# a tenth of encoding a file's values (it records every list while encoding it).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                              check_circular=False)


_cell = itemgetter(0, 1, 2, 3)  # a value's (unit, period, key, row), which its rows are sorted by


def canonical_bytes(manifest: dict, units: list[dict], reports: list[dict], values: list[tuple]) -> bytes:
    doc = {
        "manifest": {k: str(v) for k, v in manifest.items() if k != "sha256"},
        "units": sorted(({c: u[c] for c in UNIT_COLUMNS} for u in units), key=lambda u: u["code"]),
        "reports": sorted(({c: r[c] for c in REPORT_COLUMNS} for r in reports), key=lambda r: (r["unit"], r["period"])),
        "values": sorted(values, key=_cell),
    }
    return _CANONICAL.encode(doc).encode("utf-8")


def content_hash(manifest: dict, units: list[dict], reports: list[dict], values: list[tuple]) -> str:
    return hashlib.sha256(canonical_bytes(manifest, units, reports, values)).hexdigest()


def write_submission(path: Path, manifest: dict, units: list[dict], reports: list[dict], values: list[tuple], *,
                     fsync: bool = True) -> str:
    """Create the SQLite file at ``path`` (which must be new or empty); returns the content hash.

    ``manifest`` needs every key but ``sha256``, which is computed here.
    """
    digest = content_hash(manifest, units, reports, values)
    entries = {**{k: str(v) for k, v in manifest.items()}, "sha256": digest}
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA page_size = 1024")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        conn.execute("BEGIN")
        for sql in SCHEMA.values():
            conn.execute(sql)
        conn.executemany("INSERT INTO manifest (key, value) VALUES (?, ?)", sorted(entries.items()))
        conn.executemany(f"INSERT INTO units VALUES ({','.join('?' * len(UNIT_COLUMNS))})",
                         [tuple(u[c] for c in UNIT_COLUMNS) for u in units])
        conn.executemany(f"INSERT INTO reports VALUES ({','.join('?' * len(REPORT_COLUMNS))})",
                         [tuple(r[c] for c in REPORT_COLUMNS) for r in reports])
        conn.executemany("INSERT INTO vals VALUES (?, ?, ?, ?, ?)", values)
        conn.execute("COMMIT")
    finally:
        conn.close()
    if fsync:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())
    return digest
