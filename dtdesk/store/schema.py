"""The workspace schema and its migrations.

``PRAGMA user_version`` holds the schema version. Each migration is a function
that brings version N-1 to N inside one transaction; a workspace written by a
newer dtdesk (higher version) is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APP_ID = "dtdesk"


def _v1(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE units (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent TEXT REFERENCES units(code),
            short TEXT NOT NULL DEFAULT '',
            row_label TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            email TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE reports (
            unit TEXT NOT NULL REFERENCES units(code),
            period TEXT NOT NULL,
            template_id TEXT NOT NULL,
            template_version INTEGER NOT NULL,
            start TEXT NOT NULL,
            cutoff TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0,
            illustrative INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (unit, period)
        );
        CREATE TABLE vals (
            unit TEXT NOT NULL REFERENCES units(code),
            period TEXT NOT NULL,
            key TEXT NOT NULL,
            row TEXT NOT NULL DEFAULT '',
            value,
            source TEXT NOT NULL DEFAULT 'local',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (unit, period, key, row)
        );
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            unit TEXT NOT NULL,
            period TEXT NOT NULL,
            key TEXT NOT NULL,
            row TEXT NOT NULL,
            old,
            new,
            source TEXT NOT NULL
        );
        CREATE INDEX audit_cell ON audit (unit, period, key, row);
        """
    )


def _v2(conn: sqlite3.Connection) -> None:
    """Exchange files: submissions imported (with the original bytes) and exported."""
    conn.executescript(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            content_sha256 TEXT NOT NULL,
            filename TEXT NOT NULL,
            unit TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            template_id TEXT NOT NULL,
            template_version INTEGER NOT NULL,
            app_version TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            who TEXT NOT NULL,
            original BLOB NOT NULL
        );
        CREATE INDEX imports_report ON imports (unit, period, revision);
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            unit TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            filename TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            who TEXT NOT NULL
        );
        CREATE INDEX submissions_report ON submissions (unit, period, revision);
        """
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; returns the version it started from."""
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    for version in range(start, SCHEMA_VERSION):
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return start
