"""Reports as JSON (``dtdesk dump`` / ``dtdesk load`` and the built-in demo).

Format ``dtdesk/1``::

    {"format": "dtdesk/1", "own_unit": "HA",
     "units":   [{"code", "name", "kind", "parent", "short", "row_label", "position", "email"}],
     "reports": [{"unit", "period", "template_id", "template_version", "start", "cutoff",
                  "revision", "illustrative"}],
     "values":  [{"unit", "period", "key", "row", "value"}]}

Keys are ``section.field`` from the template (``header.number``,
``chu_ky_so.signed``); ``row`` is a fixed row id (``buu_chinh``) or "".
Loading is one transaction: a bad document changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dtdesk.core.formats import nfc
from dtdesk.core.report import ReportInfo
from dtdesk.core.units import Unit, UnitError
from dtdesk.store.workspace import Workspace, WorkspaceError, now

FORMAT = "dtdesk/1"
UNIT_FIELDS = ("code", "name", "kind", "parent", "short", "row_label", "position", "email")


def read_document(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WorkspaceError(f"Không đọc được tệp JSON «{Path(path).name}»: {exc}.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkspaceError(f"Tệp «{Path(path).name}» không phải là báo cáo dtdesk dạng JSON ({FORMAT}).")
    return data


def load_document(ws: Workspace, data: dict) -> int:
    """Insert or replace everything in the document; returns the number of values."""
    try:
        units = [Unit(**{k: u[k] for k in UNIT_FIELDS if k in u}) for u in data.get("units", [])]
        reports = [
            ReportInfo(r["unit"], r["period"], r["template_id"], int(r["template_version"]),
                       dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["cutoff"]),
                       int(r.get("revision", 0)), bool(r.get("illustrative", False)))
            for r in data.get("reports", [])
        ]
        values = [(v["unit"], v["period"], v["key"], v.get("row", ""), v["value"]) for v in data.get("values", [])]
    except (KeyError, TypeError, ValueError, UnitError) as exc:
        raise WorkspaceError(f"Tệp JSON không đúng cấu trúc: {exc}.") from None
    conn = ws.conn
    at = now()
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        for unit in sorted(units, key=lambda u: u.parent is not None):
            conn.execute(
                "INSERT OR REPLACE INTO units (code, name, kind, parent, short, row_label, position, email)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (unit.code, nfc(unit.name), unit.kind, unit.parent, nfc(unit.short), nfc(unit.row_label),
                 unit.position, unit.email),
            )
        for r in reports:
            conn.execute(
                "INSERT OR REPLACE INTO reports VALUES (?,?,?,?,?,?,?,?)",
                (r.unit, r.period, r.template_id, r.template_version, r.start.isoformat(), r.cutoff.isoformat(),
                 r.revision, int(r.illustrative)),
            )
        for unit, period, key, row, value in values:
            if isinstance(value, str):
                value = nfc(value)
            conn.execute(
                "INSERT OR REPLACE INTO vals (unit, period, key, row, value, source, updated_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (unit, period, key, row, value, "load", at),
            )
        if data.get("own_unit") and not ws.own_unit:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('unit', ?)", (data["own_unit"],))
    return len(values)
