"""The workspace schema and its migrations.

The migrations are a sqlite-utils :class:`~sqlite_utils.Migrations` set named
``dtdesk``: each step is a function here, recorded by its name in the
``_sqlite_migrations`` table once applied (so a step's name never changes).
:func:`migrate` runs every pending step and records it inside one
``BEGIN IMMEDIATE`` transaction (each step in its own savepoint, which is how
sqlite-utils nests them), so an interrupted upgrade leaves the file exactly as
it was. Statements are run one by one, never with ``executescript``, which
would commit the transaction it sits in.

``PRAGMA user_version`` mirrors the number of steps applied, written in the
same transaction: a workspace is opened without importing sqlite-utils when
it is current, and one written by a newer dtdesk (higher version) is refused
from its header rather than guessed at. Workspaces from before the record
existed (user_version 1 or 2, no ``_sqlite_migrations``) have their steps
recorded as applied, without running them again, by the first upgrade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

APP_ID = "dtdesk"
RECORD = "_sqlite_migrations"  # sqlite-utils' table of applied steps


def _run(db: Database, statements: tuple[str, ...]) -> None:
    for sql in statements:
        db.execute(sql)


def v1_workspace(db: Database) -> None:
    """Units, reports, values and the audit of every change."""
    _run(db, (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE units (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent TEXT REFERENCES units(code),
            short TEXT NOT NULL DEFAULT '',
            row_label TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            email TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE reports (
            unit TEXT NOT NULL REFERENCES units(code),
            period TEXT NOT NULL,
            template_id TEXT NOT NULL,
            template_version INTEGER NOT NULL,
            start TEXT NOT NULL,
            cutoff TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0,
            illustrative INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (unit, period)
        )""",
        """CREATE TABLE vals (
            unit TEXT NOT NULL REFERENCES units(code),
            period TEXT NOT NULL,
            key TEXT NOT NULL,
            row TEXT NOT NULL DEFAULT '',
            value,
            source TEXT NOT NULL DEFAULT 'local',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (unit, period, key, row)
        )""",
        """CREATE TABLE audit (
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
        )""",
        "CREATE INDEX audit_cell ON audit (unit, period, key, row)",
    ))


def v2_exchange_files(db: Database) -> None:
    """Exchange files: submissions imported (with the original bytes) and exported."""
    _run(db, (
        """CREATE TABLE imports (
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
        )""",
        "CREATE INDEX imports_report ON imports (unit, period, revision)",
        """CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            unit TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            filename TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            who TEXT NOT NULL
        )""",
        "CREATE INDEX submissions_report ON submissions (unit, period, revision)",
    ))


def v3_retired_units(db: Database) -> None:
    """Units no longer in use (merged or dissolved) and the first day whose reports leave them out."""
    _run(db, ("CREATE TABLE retired (code TEXT PRIMARY KEY REFERENCES units(code), since TEXT NOT NULL)",))


def v4_merged_units(db: Database) -> None:
    """Mergers (2025: several wards became one): a retired unit records the unit it became part of
    (``merged_into``, NULL when dissolved); a unit a merger formed, the first day whose reports list it."""
    _run(db, ("ALTER TABLE retired ADD COLUMN merged_into TEXT REFERENCES units(code)",
              "CREATE TABLE formed (code TEXT PRIMARY KEY REFERENCES units(code), since TEXT NOT NULL)"))


def v5_report_status(db: Database) -> None:
    """Each report's steps through the cycle (sent, accepted, returned, reopened); see dtdesk.store.status.

    Files already exported or imported become their reports' first steps, so an
    upgraded workspace knows what it has sent and received.
    """
    _run(db, (
        """CREATE TABLE report_status (
            id INTEGER PRIMARY KEY,
            unit TEXT NOT NULL,
            period TEXT NOT NULL,
            status TEXT NOT NULL,
            revision INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            file TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            side TEXT NOT NULL
        )""",
        "CREATE INDEX report_status_report ON report_status (unit, period, id)",
        """INSERT INTO report_status (unit, period, status, revision, at, who, file, sha256, side)
            SELECT unit, period, 'sent', revision, exported_at, who, filename, sha256, 'out' FROM submissions
            WHERE sha256 != '' ORDER BY id""",
        """INSERT INTO report_status (unit, period, status, revision, at, who, file, sha256, side)
            SELECT unit, period, 'sent', revision, imported_at, who, filename, sha256, 'in' FROM imports ORDER BY id""",
    ))


MIGRATIONS: list[Callable[[Database], None]] = [v1_workspace, v2_exchange_files, v3_retired_units, v4_merged_units,
                                               v5_report_status]
SCHEMA_VERSION = len(MIGRATIONS)


def _in_the_file_already(db: Database) -> None:
    """A step a workspace made before the record existed has: recorded as applied, not run."""


def _steps(db: Database) -> Migrations:
    from sqlite_utils import Migrations

    steps = Migrations(APP_ID)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    unrecorded = 0 if db[RECORD].exists() else version
    for number, step in enumerate(MIGRATIONS):
        steps(name=step.__name__)(step if number >= unrecorded else _in_the_file_already)
    return steps


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date in one transaction; returns the version it started from."""
    from sqlite_utils import Database  # only when creating or upgrading a workspace, never at start-up

    start = conn.execute("PRAGMA user_version").fetchone()[0]
    db = Database(conn, execute_plugins=False)
    conn.execute("BEGIN IMMEDIATE")
    try:
        _steps(db).apply(db)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return start
