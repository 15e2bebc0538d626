"""The checks of a ``dtdesk/1`` document (see :mod:`dtdesk.store.jsonio`): every part, before anything is written.

A JSON file is hostile input: each record is checked for its fields, types,
lengths and words, and the first fault becomes one sentence
(:class:`BadDocument`, a catalog source with its values, so it is said in
the user's language), with what the file holds quoted short and without
control characters.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import NamedTuple

from dtdesk.core.errors import Failure
from dtdesk.core.formats import nfc, printable
from dtdesk.core.i18n import Phrase
from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.report import ReportInfo
from dtdesk.core.template import builtin_templates
from dtdesk.core.units import Unit, UnitError, check_code, check_tree, is_code
from dtdesk.store.status import LABELS, STEP_COLUMNS
from dtdesk.store.values import CARRIED, FILE, KEYED, LOADED, LOCAL, WORKBOOK

FORMAT = "dtdesk/1"
UNIT_FIELDS = ("code", "name", "kind", "parent", "short", "row_label", "position", "email")
VALUE_FIELDS = ("unit", "period", "key", "row", "value", "source")
RETIRED_FIELDS = ("code", "since", "merged_into")
FORMED_FIELDS = ("code", "since")

MAX_TEXT = 20_000  # characters of one text value, as in a submission file
MAX_REASON = 2_000  # characters of the reason a report was returned with
_SAFE_INT = 2**53  # integers beyond this are no count a report holds (and lose digits as reals)
# where a value came from (dtdesk.store.values): typed here, keyed from paper, loaded, carried from the last
# period, or imported from a submission file or a filled workbook, tagged with the file's hash
_SOURCE = re.compile(rf"({LOCAL}|{KEYED}|{LOADED}|{CARRIED}|({FILE}|{WORKBOOK})[0-9a-f]{{16}})")
_SHA256 = re.compile(r"([0-9a-f]{64})?")


class BadDocument(Failure, ValueError):
    """What in the document is wrong: a catalog source and its values (also what ``json`` raises for NaN)."""


class Document(NamedTuple):
    """A checked document's parts, as :func:`parse_document` gives them."""

    own_unit: str
    units: list[Unit]
    reports: list[ReportInfo]
    values: list[tuple]  # (unit, period, key, row, value, source or None when the file is older than sources)
    settings: dict[str, str]
    retired: list[tuple]  # (code, since, merged_into or None)
    formed: list[tuple]  # (code, since)
    statuses: list[tuple]  # one row of report_status each, in STEP_COLUMNS order


def _list(data: dict, name: str) -> list:
    items = data.get(name, [])
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise BadDocument("mục «{name}» không phải là danh sách các bản ghi", name=name)
    return items


def _fields(record: dict, known: tuple[str, ...], what: Phrase) -> None:
    if extra := sorted(set(record) - set(known)):
        raise BadDocument("{what} có trường lạ «{name}»", what=what, name=printable(extra[0]))


def _field(record: dict, name: str, what: Phrase):
    try:
        return record[name]
    except KeyError:
        raise BadDocument("{what} thiếu trường «{name}»", what=what, name=name) from None


def _word(value, what: Phrase, limit: int = 1000) -> str:
    if not isinstance(value, str) or len(value) > limit or not (value.isprintable() or value == ""):
        raise BadDocument("{what} «{value}» không phải là chữ hợp lệ", what=what, value=printable(value))
    return value


def _count(value, what: Phrase) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < _SAFE_INT:
        raise BadDocument("{what} «{value}» không phải là số nguyên hợp lệ", what=what, value=printable(value))
    return value


def _date(value) -> dt.date:
    try:
        if isinstance(value, str) and len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise BadDocument("ngày «{value}» không hợp lệ (viết như 2022-03-31)", value=printable(value))


def _period(value) -> str:
    try:
        code = parse_period(value).code if isinstance(value, str) else None
    except PeriodError:
        code = None
    if code != value:
        raise BadDocument("kỳ báo cáo «{value}» không hợp lệ (viết như 2022-Q1)", value=printable(value))
    return code


def _unit(u: dict) -> Unit:
    _fields(u, UNIT_FIELDS, Phrase("đơn vị"))
    for name in ("name", "short", "row_label", "email"):
        if name in u:
            _word(u[name], Phrase("trường «{name}» của đơn vị", name=name))
    if "position" in u:
        _count(u["position"], Phrase("thứ tự của đơn vị"))
    try:
        return Unit(**u)
    except TypeError:
        raise BadDocument("đơn vị thiếu mã, tên hoặc loại") from None


def _report(r: dict) -> ReportInfo:
    what = Phrase("báo cáo")
    unit, period = check_code(_field(r, "unit", what)), _period(_field(r, "period", what))
    template_id = _field(r, "template_id", what)
    version = _count(_field(r, "template_version", what), Phrase("phiên bản mẫu"))
    start, cutoff = _date(_field(r, "start", what)), _date(_field(r, "cutoff", what))
    if not isinstance(template_id, str) or (template_id, version) not in builtin_templates():
        raise BadDocument("mẫu báo cáo «{name}» phiên bản {version} không có trong dtdesk", name=printable(template_id),
                          version=version)
    if start > cutoff:
        raise BadDocument("báo cáo {unit} kỳ {period} có ngày bắt đầu sau ngày chốt số liệu", unit=unit,
                          period=period)
    illustrative = r.get("illustrative", False)
    if not isinstance(illustrative, bool):
        raise BadDocument("trường «illustrative» của báo cáo không phải là true hoặc false")
    return ReportInfo(unit, period, template_id, version, start, cutoff,
                      _count(r.get("revision", 0), Phrase("số lần nộp")), illustrative)


def _value(v: dict) -> tuple:
    what = Phrase("số liệu")
    unit, period, key = check_code(_field(v, "unit", what)), _period(_field(v, "period", what)), _field(v, "key", what)
    value = _field(v, "value", what)
    key, row = _word(key, Phrase("khóa số liệu"), 200), _word(v.get("row", ""), Phrase("mã dòng"), 200)
    if not key:
        raise BadDocument("số liệu có khóa để trống")
    source = v.get("source")
    if source is not None and not (isinstance(source, str) and _SOURCE.fullmatch(source)):
        raise BadDocument("số liệu «{key}» của {unit} có nguồn «{value}» mà dtdesk không ghi", key=printable(key),
                          unit=unit, value=printable(source))
    return unit, period, key, row, _number_or_text(value, key, unit), source


def _number_or_text(value, key: str, unit: str):
    """A value as stored: an integer JSON keeps exactly, a finite real, or text (NFC) within the limit."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        if not -_SAFE_INT < value < _SAFE_INT:
            raise BadDocument("số liệu «{key}» của {unit} quá lớn ({value})", key=printable(key), unit=unit,
                              value=printable(value, 20))
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BadDocument("số liệu «{key}» của {unit} không phải là số hữu hạn", key=printable(key), unit=unit)
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT or any("\ud800" <= c <= "\udfff" for c in value):
            raise BadDocument("số liệu «{key}» của {unit} không phải là chữ hợp lệ", key=printable(key), unit=unit)
        return nfc(value)
    # {}, [], null: a missing value is simply absent
    raise BadDocument("số liệu «{key}» của {unit} không phải là số hay chữ", key=printable(key), unit=unit)


def _settings(raw) -> dict[str, str]:
    """A document's workspace settings ({"document_system": "HP-eOffice"}): short words, NFC."""
    if not isinstance(raw, dict) or not all(
            is_code(k) and isinstance(v, str) and len(v) <= 200 and v.isprintable() for k, v in raw.items()):
        raise BadDocument("«settings» phải gồm các cặp tên – chữ ngắn")
    return {k: nfc(v) for k, v in raw.items()}


def _retired(r: dict) -> tuple:
    what = Phrase("mục thôi dùng đơn vị")
    _fields(r, RETIRED_FIELDS, what)
    code, since = check_code(_field(r, "code", what)), _date(_field(r, "since", what))
    into = r.get("merged_into")
    if into is not None and check_code(into) == code:
        raise BadDocument("đơn vị «{code}» không thể gộp vào chính nó", code=code)
    return code, since.isoformat(), into


def _formed(f: dict) -> tuple:
    what = Phrase("mục đơn vị mới lập do gộp")
    _fields(f, FORMED_FIELDS, what)
    return check_code(_field(f, "code", what)), _date(_field(f, "since", what)).isoformat()


def _status(s: dict, reports: set[tuple[str, str]]) -> tuple:
    """One step of a report's history (:mod:`dtdesk.store.status`), of a report the document holds."""
    what = Phrase("bước trạng thái của báo cáo")
    _fields(s, STEP_COLUMNS, what)
    unit, period = check_code(_field(s, "unit", what)), _period(_field(s, "period", what))
    if (unit, period) not in reports:
        raise BadDocument("bước trạng thái của báo cáo {unit} kỳ {period} không thuộc báo cáo nào trong tệp",
                          unit=unit, period=period)
    status, side = _field(s, "status", what), _field(s, "side", what)
    if status not in LABELS:
        raise BadDocument("trạng thái «{value}» không phải là nháp, đã gửi, đã tiếp nhận hay trả lại",
                          value=printable(status))
    if side not in ("out", "in"):
        raise BadDocument("phía «{value}» của bước trạng thái không phải là out hay in", value=printable(side))
    at = _word(_field(s, "at", what), Phrase("thời điểm"), 40)
    try:
        dt.datetime.fromisoformat(at)
    except ValueError:
        raise BadDocument("thời điểm «{value}» không hợp lệ", value=printable(at)) from None
    sha256 = _word(s.get("sha256", ""), Phrase("mã SHA-256"), 64)
    if not _SHA256.fullmatch(sha256):
        raise BadDocument("mã SHA-256 «{value}» không hợp lệ", value=printable(sha256))
    return (unit, period, status, _count(_field(s, "revision", what), Phrase("số lần nộp")),
            nfc(_word(s.get("reason", ""), Phrase("lý do"), MAX_REASON)), at,
            nfc(_word(_field(s, "who", what), Phrase("tên người thực hiện"), 200)),
            nfc(_word(s.get("file", ""), Phrase("tên tệp"), 1000)), sha256, side)


def parse_document(data: dict) -> Document:
    """The document's parts, each checked; :class:`BadDocument` or :class:`UnitError` for the first fault."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadDocument("tệp không phải là báo cáo dtdesk dạng JSON ({format})", format=FORMAT)
    own = check_code(data["own_unit"]) if data.get("own_unit") else ""
    units = [_unit(u) for u in _list(data, "units")]
    check_tree(units)
    reports = [_report(r) for r in _list(data, "reports")]
    held = {(r.unit, r.period) for r in reports}
    return Document(own, units, reports, [_value(v) for v in _list(data, "values")],
                    _settings(data.get("settings", {})), [_retired(r) for r in _list(data, "retired")],
                    [_formed(f) for f in _list(data, "formed")], [_status(s, held) for s in _list(data, "statuses")])
