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
import math
from pathlib import Path

from dtdesk.core.files import write_output
from dtdesk.core.formats import nfc, os_reason
from dtdesk.core.inputs import NotRegularFile, read_regular
from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.report import ReportInfo
from dtdesk.core.template import builtin_templates
from dtdesk.core.units import Unit, UnitError, check_code, check_tree, is_code
from dtdesk.store.workspace import Workspace, WorkspaceError, now

FORMAT = "dtdesk/1"
UNIT_FIELDS = ("code", "name", "kind", "parent", "short", "row_label", "position", "email")


MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_TEXT = 20_000  # characters of one text value, as in a submission file
_SAFE_INT = 2**53  # integers beyond this are no count a report holds (and lose digits as reals)


def _no_constant(name: str):
    raise ValueError(f"{name} không phải là một số")


def read_document(path: Path) -> dict:
    """The JSON document in a file (a regular file, at most 64 MB), or one sentence saying why not."""
    name = _shown(Path(path).name, 80)
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
    except (ValueError, RecursionError) as exc:
        raise WorkspaceError("Không đọc được tệp JSON «{name}»: {reason}.",
                             name=name, reason=_shown(exc, 120)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkspaceError("Tệp «{name}» không phải là báo cáo dtdesk dạng JSON (dtdesk/1).", name=name)
    return data


def _shown(value, limit: int = 40) -> str:
    """Something from the document, quoted short and without control characters."""
    text = str(value)
    return "".join(c if c.isprintable() else "?" for c in text[:limit]) + ("…" if len(text) > limit else "")


class _Bad(ValueError):
    """One sentence about what in the document is wrong."""


def _list(data: dict, name: str) -> list:
    items = data.get(name, [])
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise _Bad(f"mục «{name}» không phải là danh sách các bản ghi")
    return items


def _word(value, what: str, limit: int = 1000) -> str:
    if not isinstance(value, str) or len(value) > limit or not (value.isprintable() or value == ""):
        raise _Bad(f"{what} «{_shown(value)}» không phải là chữ hợp lệ")
    return value


def _count(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < _SAFE_INT:
        raise _Bad(f"{what} «{_shown(value)}» không phải là số nguyên hợp lệ")
    return value


def _period(value) -> str:
    try:
        code = parse_period(value).code if isinstance(value, str) else None
    except PeriodError:
        code = None
    if code != value:
        raise _Bad(f"kỳ báo cáo «{_shown(value)}» không hợp lệ (viết như 2022-Q1)")
    return code


def _unit(u: dict) -> Unit:
    if extra := sorted(set(u) - set(UNIT_FIELDS)):
        raise _Bad(f"đơn vị có trường lạ «{_shown(extra[0])}»")
    for name in ("name", "short", "row_label", "email"):
        if name in u:
            _word(u[name], f"trường «{name}» của đơn vị")
    if "position" in u:
        _count(u["position"], "thứ tự của đơn vị")
    try:
        return Unit(**u)
    except TypeError:
        raise _Bad("đơn vị thiếu mã, tên hoặc loại") from None


def _report(r: dict) -> ReportInfo:
    try:
        unit, period, template_id = check_code(r["unit"]), _period(r["period"]), r["template_id"]
        version = _count(r["template_version"], "phiên bản mẫu")
        start, cutoff = (dt.date.fromisoformat(_word(r[k], "ngày", 10)) for k in ("start", "cutoff"))
    except KeyError as exc:
        raise _Bad(f"báo cáo thiếu trường «{exc.args[0]}»") from None
    except ValueError as exc:
        raise _Bad(str(exc).rstrip(".") if isinstance(exc, (_Bad, UnitError)) else "ngày không hợp lệ") from None
    if not isinstance(template_id, str) or (template_id, version) not in builtin_templates():
        raise _Bad(f"mẫu báo cáo «{_shown(template_id)}» phiên bản {version} không có trong dtdesk")
    if start > cutoff:
        raise _Bad(f"báo cáo {unit} kỳ {period} có ngày bắt đầu sau ngày chốt số liệu")
    illustrative = r.get("illustrative", False)
    if not isinstance(illustrative, bool):
        raise _Bad("trường «illustrative» của báo cáo không phải là true hoặc false")
    return ReportInfo(unit, period, template_id, version, start, cutoff,
                      _count(r.get("revision", 0), "số lần nộp"), illustrative)


def _value(v: dict) -> tuple:
    try:
        unit, period, key, value = check_code(v["unit"]), _period(v["period"]), v["key"], v["value"]
    except KeyError as exc:
        raise _Bad(f"số liệu thiếu trường «{exc.args[0]}»") from None
    key, row = _word(key, "khóa số liệu", 200), _word(v.get("row", ""), "mã dòng", 200)
    if not key:
        raise _Bad("số liệu có khóa để trống")
    if isinstance(value, bool):
        value = int(value)
    elif isinstance(value, int):
        if not -_SAFE_INT < value < _SAFE_INT:
            raise _Bad(f"số liệu «{_shown(key)}» của {unit} quá lớn ({_shown(value, 20)})")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _Bad(f"số liệu «{_shown(key)}» của {unit} không phải là số hữu hạn")
    elif isinstance(value, str):
        if len(value) > MAX_TEXT or any("\ud800" <= c <= "\udfff" for c in value):
            raise _Bad(f"số liệu «{_shown(key)}» của {unit} không phải là chữ hợp lệ")
        value = nfc(value)
    else:  # {}, [], null: a missing value is simply absent
        raise _Bad(f"số liệu «{_shown(key)}» của {unit} không phải là số hay chữ")
    return unit, period, key, row, value


def _settings(raw) -> dict[str, str]:
    """A document's workspace settings ({"document_system": "HP-eOffice"}): short words, NFC."""
    if not isinstance(raw, dict) or not all(
            is_code(k) and isinstance(v, str) and len(v) <= 200 and v.isprintable() for k, v in raw.items()):
        raise _Bad("«settings» phải gồm các cặp tên – chữ ngắn")
    return {k: nfc(v) for k, v in raw.items()}


def parse_document(data: dict) -> tuple[list[Unit], list[ReportInfo], list[tuple], dict[str, str]]:
    """The document's units, reports, values and settings, each checked; one sentence (WorkspaceError) for the
    first fault."""
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise _Bad(f"tệp không phải là báo cáo dtdesk dạng JSON ({FORMAT})")
        if data.get("own_unit"):
            check_code(data["own_unit"])
        units = [_unit(u) for u in _list(data, "units")]
        check_tree(units)
        reports = [_report(r) for r in _list(data, "reports")]
        values = [_value(v) for v in _list(data, "values")]
        settings = _settings(data.get("settings", {}))
    except (_Bad, UnitError) as exc:
        raise WorkspaceError("Tệp JSON không nạp được: {reason}; chưa nạp gì.", reason=exc) from None
    return units, reports, values, settings


def _check_against(ws: Workspace, units: list[Unit], reports: list[ReportInfo], values: list[tuple]) -> None:
    """What the document does to the workspace's own units: kinds where they may sit (which also rules out a cycle
    of parents, see check_tree), no value or report of a unit that neither has."""
    merged = {u.code: u for u in ws.hierarchy().units.values()} | {u.code: u for u in units}
    try:
        check_tree(list(merged.values()))
    except UnitError as exc:
        raise WorkspaceError("Tệp JSON không nạp được: {reason}; chưa nạp gì.", reason=exc) from None
    for code in [r.unit for r in reports] + [v[0] for v in values]:
        if code not in merged:
            raise WorkspaceError("Tệp JSON không nạp được: không có đơn vị mã «{code}»; chưa nạp gì.", code=code)


def load_document(ws: Workspace, data: dict) -> int:
    """Insert or replace everything in the document; returns the number of values.

    Everything is checked first (:func:`parse_document`, then against the
    workspace's units), so a bad document changes nothing.
    """
    units, reports, values, settings = parse_document(data)
    _check_against(ws, units, reports, values)
    conn = ws.conn
    at = now()
    with ws.transaction():  # rolled back whole on any failure, a full disk included
        for unit, period in sorted({(r.unit, r.period) for r in reports} | {(v[0], v[1]) for v in values}):
            ws.refuse_if_locked(unit, period)  # a sent report changes only once reopened
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
            by_period.setdefault(period, []).append((unit, key, row, ws.value(unit, period, key, row), value))
        for period, rows in by_period.items():
            ws.write_changes(period, rows, "load", at)
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         [(f"setting.{k}", v) for k, v in settings.items()])
        if data.get("own_unit") and not ws.own_unit:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('unit', ?)", (data["own_unit"],))
    return len(values)


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
        raise WorkspaceError("Đơn vị «{unit}» chưa có báo cáo kỳ {period}.", unit=unit, period=period)
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
    write_output(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
