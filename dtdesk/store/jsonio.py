"""Reports as JSON (``dtdesk dump`` / ``dtdesk load`` and the built-in demo).

Format ``dtdesk/1``::

    {"format": "dtdesk/1", "own_unit": "HA", "settings": {"document_system": "HP-eOffice"},
     "units":    [{"code", "name", "kind", "parent", "short", "row_label", "position", "email"}],
     "retired":  [{"code", "since", "merged_into"}],
     "formed":   [{"code", "since"}],
     "reports":  [{"unit", "period", "template_id", "template_version", "start", "cutoff",
                   "revision", "illustrative"}],
     "statuses": [{"unit", "period", "status", "revision", "reason", "at", "who", "file", "sha256", "side"}],
     "values":   [{"unit", "period", "key", "row", "value", "source"}]}

Keys are ``section.field`` from the template (``header.number``,
``chu_ky_so.signed``); ``row`` is a fixed row id (``buu_chinh``) or "".
Values keep their JSON type: integers, reals, text (NFC); a missing value is
simply absent. Loading is one transaction, audited like any edit: a bad
document changes nothing. Every part is checked first (:mod:`dtdesk.store.jsonparse`).

What a clerk moving a report to another PC expects comes along:

- each value's ``source``: typed here (``local``), keyed from a paper report
  (``keyed``), carried from the last period and still to review
  (``carried``, the mark the window shows after ``dtdesk next``), brought by an
  import (``import:`` or, from a filled workbook, ``xlsx:``, and the file's
  hash) or loaded (``load``);
- ``retired``: the listed units that were dissolved (``merged_into`` null) or
  merged into another unit from a date, and ``formed``: the listed units a
  merger made, with the first day reports list them. A merger's target is
  listed with its ancestors even when it sits elsewhere, so a loaded workspace
  neither lists merged-away wards again nor loses the new ward's start;
- ``statuses``: each report's steps through the cycle (sent, accepted,
  returned with its reason, reopened), oldest first, with when, who and which
  file. ``side`` says whose report it is from the dumping workspace's own unit;
  a workspace whose own unit is another loads each step for the report it
  belongs to as it would have recorded it, and says which it leaves out and
  why (:mod:`dtdesk.store.jsonsteps`). A step already there is not added
  twice, so loading a document again changes nothing;
- the own unit and the settings (a workspace that has an own unit keeps it).

What stays with the workspace, which a copy of the workspace file or its
backup moves whole: the audit (who changed what, when, here: a load writes its
own rows, source ``load``), the original files imported from the units below
(``imports``: the level above's evidence of what each unit sent; the values
they brought come along with their source, their receipt and the answer as
status steps) and the ledger of submission files exported (``submissions``:
the report's ``revision`` comes along, so the next export from the loaded
workspace goes above every one issued before).

Files written before ``retired``, ``formed``, ``statuses`` and ``source``
existed (the built-in demo among them) load as they did: their values are
loaded (``load``) and nothing is retired or sent. An older dtdesk reading a
newer file ignores the parts it does not know.

:func:`dump_document` writes one report (``dtdesk dump``): ``units`` are the
unit's ancestors (root first), the unit and its children (bodies and
subunits, so its tables have their rows), in that order, then the targets of
their mergers (with their ancestors) not listed yet; ``reports`` is the
one report; ``values`` are the unit's and its bodies' values of the period
(with ``subunits=True`` also the subunits' reports and values), sorted by
unit, key and row. No time of the dump itself, so dumping, loading into a
fresh workspace and dumping again gives the same JSON byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from dtdesk.core.files import write_output
from dtdesk.core.formats import nfc, os_reason, printable
from dtdesk.core.i18n import Phrase
from dtdesk.core.inputs import NotRegularFile, read_regular
from dtdesk.core.units import Hierarchy, Unit, UnitError, check_tree
from dtdesk.store.base import marks
from dtdesk.store.jsonparse import FORMAT, UNIT_FIELDS, BadDocument, Document
from dtdesk.store.jsonparse import parse_document as parse
from dtdesk.store.jsonsteps import PlacedSteps, place_steps
from dtdesk.store.status import STEP_COLUMNS
from dtdesk.store.workspace import Workspace, WorkspaceError, now

__all__ = ["FORMAT", "Loaded", "dump_document", "load_document", "parse_document", "read_document", "write_document"]

MAX_JSON_BYTES = 64 * 1024 * 1024


def _no_constant(name: str):
    raise BadDocument("«{name}» không phải là một số", name=name)


def read_document(path: Path) -> dict:
    """The JSON document in a file (a regular file, at most 64 MB), or one sentence saying why not."""
    name = printable(Path(path).name, 80)
    try:
        raw = read_regular(path, MAX_JSON_BYTES + 1)
    except NotRegularFile:
        raise WorkspaceError("Đường dẫn «{name}» không phải là một tệp JSON.", name=name) from None
    except OSError as exc:
        raise WorkspaceError("Không đọc được tệp JSON «{name}»: {reason}.", name=name, reason=os_reason(exc)) from None
    if len(raw) > MAX_JSON_BYTES:
        raise WorkspaceError("Tệp JSON «{name}» quá lớn so với một báo cáo.", name=name)
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)  # NaN and Infinity are no numbers
    except UnicodeDecodeError:
        raise WorkspaceError("Tệp JSON «{name}» không phải là chữ UTF-8.", name=name) from None
    except BadDocument as exc:
        raise WorkspaceError("Không đọc được tệp JSON «{name}»: {reason}.", name=name, reason=exc) from None
    except json.JSONDecodeError as exc:
        raise WorkspaceError("Tệp «{name}» không phải là JSON đúng cú pháp (dòng {line}, cột {column}).",
                             name=name, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise WorkspaceError("Tệp JSON «{name}» lồng nhau quá sâu.", name=name) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkspaceError("Tệp «{name}» không phải là báo cáo dtdesk dạng JSON (dtdesk/1).", name=name)
    return data


def parse_document(data: dict) -> Document:
    """The document's parts, each checked; one sentence (WorkspaceError) for the first fault."""
    try:
        return parse(data)
    except (BadDocument, UnitError) as exc:
        raise WorkspaceError("Tệp JSON không nạp được: {reason}; chưa nạp gì.", reason=exc) from None


def _check_against(ws: Workspace, doc: Document) -> None:
    """What the document does to the workspace's own units: kinds where they may sit (which also rules out a cycle
    of parents, see check_tree), no value, report, retirement or merger of a unit that neither has."""
    merged = {u.code: u for u in ws.hierarchy().units.values()} | {u.code: u for u in doc.units}
    try:
        check_tree(list(merged.values()))
    except UnitError as exc:
        raise WorkspaceError("Tệp JSON không nạp được: {reason}; chưa nạp gì.", reason=exc) from None
    named = [r.unit for r in doc.reports] + [v[0] for v in doc.values] + [code for code, _s, _m in doc.retired]
    named += [into for _c, _s, into in doc.retired if into] + [code for code, _s in doc.formed]
    for code in named:
        if code not in merged:
            raise WorkspaceError("Tệp JSON không nạp được: không có đơn vị mã «{code}»; chưa nạp gì.", code=code)


class Loaded(NamedTuple):
    """What a load wrote: values, status steps, and the sentences saying which steps it left out and why."""

    values: int
    steps: int
    notes: list[Phrase]


def load_document(ws: Workspace, data: dict) -> Loaded:
    """Insert or replace everything in the document; returns what it loaded.

    Everything is checked first (:func:`parse_document`, then against the
    workspace's units), so a bad document changes nothing.
    """
    doc = parse_document(data)
    _check_against(ws, doc)
    conn = ws.conn
    at = now()
    with ws.transaction():  # rolled back whole on any failure, a full disk included
        for unit, period in sorted({(r.unit, r.period) for r in doc.reports} | {v[:2] for v in doc.values}):
            ws.refuse_if_locked(unit, period)  # a sent report changes only once reopened
        for unit in _parents_first(doc.units):
            conn.execute(
                "INSERT INTO units (code, name, kind, parent, short, row_label, position, email)"
                " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                " kind = excluded.kind, parent = excluded.parent, short = excluded.short,"
                " row_label = excluded.row_label, position = excluded.position, email = excluded.email",
                (unit.code, nfc(unit.name), unit.kind, unit.parent, nfc(unit.short), nfc(unit.row_label),
                 unit.position, unit.email),
            )
        conn.executemany("INSERT OR REPLACE INTO retired (code, since, merged_into) VALUES (?, ?, ?)", doc.retired)
        conn.executemany("INSERT OR REPLACE INTO formed (code, since) VALUES (?, ?)", doc.formed)
        for r in doc.reports:
            conn.execute(
                "INSERT OR REPLACE INTO reports VALUES (?,?,?,?,?,?,?,?)",
                (r.unit, r.period, r.template_id, r.template_version, r.start.isoformat(), r.cutoff.isoformat(),
                 r.revision, int(r.illustrative)),
            )
        _load_values(ws, doc.values, at)
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         [(f"setting.{k}", v) for k, v in doc.settings.items()])
        if doc.own_unit and not ws.own_unit:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('unit', ?)", (doc.own_unit,))
        placed = _load_statuses(ws, doc)
    return Loaded(len(doc.values), len(placed.rows), placed.notes)


def _load_values(ws: Workspace, values: list[tuple], at: str) -> None:
    """Values written like any edit (audited, source ``load``), then given the source the document says."""
    by_period: dict[str, list[tuple]] = {}
    for unit, period, key, row, value, _source in values:  # what it replaced stays visible in the audit
        by_period.setdefault(period, []).append((unit, key, row, ws.value(unit, period, key, row), value))
    for period, rows in by_period.items():
        ws.write_changes(period, rows, "load", at)
    ws.conn.executemany("UPDATE vals SET source = ? WHERE unit = ? AND period = ? AND key = ? AND row = ?",
                        [(source, unit, period, key, row) for unit, period, key, row, _v, source in values
                         if source is not None])


def _load_statuses(ws: Workspace, doc: Document) -> PlacedSteps:
    """The document's status steps the workspace does not have yet, each for its report and from this workspace's
    side (:mod:`dtdesk.store.jsonsteps`), in the document's order."""
    reports = {(unit, period) for unit, period, *_ in doc.statuses}
    held = {(unit, period): [(unit, period, *step) for step in ws.status_history(unit, period)]
            for unit, period in reports}
    placed = place_steps(doc.statuses, doc.own_unit, ws.own_unit, ws.hierarchy(), held)
    ws.conn.executemany(f"INSERT INTO report_status ({', '.join(STEP_COLUMNS)})"
                        f" VALUES ({marks(len(STEP_COLUMNS))})", placed.rows)
    return placed


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


def _with_ancestors(units: Hierarchy, code: str) -> list[Unit]:
    """The unit and its ancestors, root first."""
    chain: list[Unit] = []
    while code and code in units and all(u.code != code for u in chain):
        chain.insert(0, units[code])
        code = units[code].parent
    return chain


def dump_document(ws: Workspace, unit: str, period: str, *, subunits: bool = False) -> dict:
    """One report as a ``dtdesk/1`` document (see the module docstring)."""
    units = ws.hierarchy()
    listed = [*_with_ancestors(units, unit), *units.children(unit)]
    owners = [unit, *(u.code for u in units.bodies(unit))]
    report_units = [unit]
    if subunits:
        for sub in units.subunits(unit):
            report_units.append(sub.code)
            owners += [sub.code, *(u.code for u in units.bodies(sub.code))]
            listed += [u for u in units.children(sub.code) if u not in listed]
    reports = [r for r in (ws.report(code, period) for code in report_units) if r is not None]
    if not reports or reports[0].unit != unit:
        raise WorkspaceError("Đơn vị «{unit}» chưa có báo cáo kỳ {period}.", unit=unit, period=period)
    retired, merged, formed = ws.retired(), ws.merged(), ws.formed()
    for target in sorted({merged[u.code] for u in listed if u.code in merged}):
        listed += [u for u in _with_ancestors(units, target) if u not in listed]
    codes = {u.code for u in listed}
    values = ws.values_with_source(period, owners)
    return {
        "format": FORMAT,
        "own_unit": ws.own_unit or unit,
        "settings": ws.settings(),
        "units": [{k: getattr(u, k) for k in UNIT_FIELDS} for u in listed],
        "retired": [{"code": code, "since": retired[code].isoformat(), "merged_into": merged.get(code)}
                    for code in sorted(codes & set(retired))],
        "formed": [{"code": code, "since": formed[code].isoformat()} for code in sorted(codes & set(formed))],
        "reports": [
            {"unit": r.unit, "period": r.period, "template_id": r.template_id, "template_version": r.template_version,
             "start": r.start.isoformat(), "cutoff": r.cutoff.isoformat(), "revision": r.revision,
             "illustrative": r.illustrative}
            for r in reports
        ],
        "statuses": [dict(zip(STEP_COLUMNS, (r.unit, r.period, *step)))
                     for r in reports for step in ws.status_history(r.unit, r.period)],
        "values": [{"unit": u, "period": period, "key": k, "row": r, "value": values[(u, k, r)][0],
                    "source": values[(u, k, r)][1]} for u, k, r in sorted(values)],
    }


def write_document(data: dict, path: Path) -> None:
    """Write a document as indented UTF-8 JSON (Vietnamese kept readable), whole or not at all."""
    write_output(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
