"""Reports as JSON (``dtdesk dump`` / ``dtdesk load`` and the built-in demo).

Format ``dtdesk/1``::

    {"format": "dtdesk/1", "own_unit": "HA", "settings": {"document_system": "HP-eOffice"},
     "units":   [{"code", "name", "kind", "parent", "short", "row_label", "position", "email"}],
     "reports": [{"unit", "period", "template_id", "template_version", "start", "cutoff",
                  "revision", "illustrative"}],
     "values":  [{"unit", "period", "key", "row", "value"}]}

Keys are ``section.field`` from the template (``header.number``,
``chu_ky_so.signed``); ``row`` is a fixed row id (``buu_chinh``) or "".
Values keep their JSON type: integers, reals, text (NFC); a missing value is
simply absent. Loading is one transaction, audited like any edit: a bad document changes nothing.

:func:`dump_document` writes one report (``dtdesk dump``): ``units`` are the
unit's ancestors (root first), the unit and its children (bodies and
subunits, so its tables have their rows), in that order; ``reports`` is the
one report; ``values`` are the unit's and its bodies' values of the period
(with ``subunits=True`` also the subunits' reports and values), sorted by
unit, key and row. No timestamps, so dumping, loading into a fresh workspace
and dumping again gives the same JSON byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dtdesk.core.formats import nfc
from dtdesk.core.report import ReportInfo
from dtdesk.core.units import Unit, UnitError, check_tree, is_code
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
        check_tree(list({**ws.hierarchy().units, **{u.code: u for u in units}}.values()))  # no ward under a ward
        settings = _settings(data.get("settings", {}))
    except (KeyError, TypeError, ValueError, UnitError) as exc:
        raise WorkspaceError(f"Tệp JSON không đúng cấu trúc: {exc}.") from None
    ws._writable()
    conn = ws.conn
    at = now()
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        for unit in _parents_first(units):
            conn.execute(
                "INSERT INTO units (code, name, kind, parent, short, row_label, position, email)"
                " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                " kind = excluded.kind, parent = excluded.parent, short = excluded.short,"
                " row_label = excluded.row_label, position = excluded.position, email = excluded.email",
                (unit.code, nfc(unit.name), unit.kind, unit.parent, nfc(unit.short), nfc(unit.row_label),
                 unit.position, unit.email),
            )
        for r in reports:
            conn.execute(
                "INSERT OR REPLACE INTO reports VALUES (?,?,?,?,?,?,?,?)",
                (r.unit, r.period, r.template_id, r.template_version, r.start.isoformat(), r.cutoff.isoformat(),
                 r.revision, int(r.illustrative)),
            )
        by_period: dict[str, list[tuple]] = {}
        for unit, period, key, row, value in values:  # audited like any edit: what it replaced stays visible
            value = nfc(value) if isinstance(value, str) else value
            by_period.setdefault(period, []).append((unit, key, row, ws.value(unit, period, key, row), value))
        for period, rows in by_period.items():
            ws.write_changes(period, rows, "load", at)
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         [(f"setting.{k}", v) for k, v in settings.items()])
        if data.get("own_unit") and not ws.own_unit:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('unit', ?)", (data["own_unit"],))
    return len(values)


def _settings(raw) -> dict[str, str]:
    """A document's workspace settings ({"document_system": "HP-eOffice"}): short words, NFC."""
    if not isinstance(raw, dict) or not all(
            is_code(k) and isinstance(v, str) and len(v) <= 200 for k, v in raw.items()):
        raise ValueError("«settings» phải gồm các cặp tên – chữ ngắn")
    return {k: nfc(v) for k, v in raw.items()}


def _parents_first(units: list[Unit]) -> list[Unit]:
    """Units ordered so each comes after its parent when both are in the document (foreign keys)."""
    by_code = {u.code: u for u in units}

    def depth(unit: Unit) -> int:
        seen, d = set(), 0
        while unit.parent in by_code and unit.code not in seen:
            seen.add(unit.code)
            unit, d = by_code[unit.parent], d + 1
        return d

    return sorted(units, key=depth)


def dump_document(ws: Workspace, unit: str, period: str, *, subunits: bool = False) -> dict:
    """One report as a ``dtdesk/1`` document (see the module docstring)."""
    units = ws.hierarchy()
    own = units[unit]
    chain = []
    parent = own.parent
    while parent and parent in units and parent not in chain:
        chain.insert(0, parent)
        parent = units[parent].parent
    listed = [*(units[c] for c in chain), own, *units.children(unit)]
    owners = [unit, *(u.code for u in units.bodies(unit))]
    report_units = [unit]
    if subunits:
        for sub in units.subunits(unit):
            report_units.append(sub.code)
            owners += [sub.code, *(u.code for u in units.bodies(sub.code))]
            listed += [u for u in units.children(sub.code) if u not in listed]
    reports = [r for r in (ws.report(code, period) for code in report_units) if r is not None]
    if not reports or reports[0].unit != unit:
        raise WorkspaceError(f"Đơn vị «{unit}» chưa có báo cáo kỳ {period}.")
    values = ws.values(period, owners)
    return {
        "format": FORMAT,
        "own_unit": ws.own_unit or unit,
        "settings": ws.settings(),
        "units": [{k: getattr(u, k) for k in UNIT_FIELDS} for u in listed],
        "reports": [
            {"unit": r.unit, "period": r.period, "template_id": r.template_id, "template_version": r.template_version,
             "start": r.start.isoformat(), "cutoff": r.cutoff.isoformat(), "revision": r.revision,
             "illustrative": r.illustrative}
            for r in reports
        ],
        "values": [{"unit": u, "period": period, "key": k, "row": r, "value": values[(u, k, r)]}
                   for u, k, r in sorted(values)],
    }


def write_document(data: dict, path: Path) -> None:
    """Write a document as indented UTF-8 JSON (Vietnamese kept readable), whole or not at all."""
    from dtdesk.core.files import write_output

    write_output(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
