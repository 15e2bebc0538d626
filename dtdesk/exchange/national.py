"""A period's data for the national level: DHIS2 ``dataValueSets`` JSON and ADX XML, through a mapping file.

The mapping is data beside the template (``resources/templates/<id>-v<n>.national.json``):
which template field is which DHIS2 data element, which fixed-table row is
which category option (combo), and which unit code is which organisation
unit. Only mapped fields leave (narratives stay in the report); a unit with
values to send but no organisation unit is refused rather than dropped.

Values are read through the store's public methods; nothing here speaks SQL.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple
from xml.etree import ElementTree as ET

from dtdesk.core.errors import Failure
from dtdesk.core.i18n import Phrase
from dtdesk.core.periods import parse_period
from dtdesk.core.template import Template, load_template
from dtdesk.paths import resource
from dtdesk.store.workspace import WorkspaceError

FORMAT = "dtdesk-national-mapping"
ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"
_ADX_SPAN = {"Q": "P3M", "M": "P1M", "H": "P6M", "": "P1Y"}


class NationalError(WorkspaceError):
    """The mapping or the data cannot be exported; ``str(exc)`` is one sentence, ``kind`` names the case."""

    def __init__(self, kind: str, sentence: str, /, **values):
        super().__init__(sentence, **values)
        self.kind = kind


class FieldMap(NamedTuple):
    data_element: str
    category: str = ""  # the ADX attribute naming a fixed-table row's category; "" when not disaggregated
    rows: MappingProxyType = MappingProxyType({})  # template row id -> category option (combo) code


class Mapping(NamedTuple):
    data_set: str
    fields: MappingProxyType  # "section.field" -> FieldMap
    org_units: MappingProxyType  # unit code -> organisation unit code


class DataValue(NamedTuple):
    data_element: str
    org_unit: str
    category: str  # the category's code (ADX names the option by it); "" for the default
    option: str  # category option (combo) code; "" for the default
    value: str  # DHIS2's own spelling: "120", "true"


class _Unusable(Failure, ValueError):
    """What is wrong with a mapping file, in the words of the sentence that refuses it."""


def mapping_path(template_id: str, version: int) -> Path:
    return resource("templates", f"{template_id}-v{version}.national.json")


def _mapped_field(template: Template, key: str, raw: dict) -> FieldMap:
    section_id, _, field_id = key.partition(".")
    try:
        section = template.section(section_id)
        field = section.field(field_id)
    except KeyError:
        raise _Unusable("trường «{key}» không có trong mẫu báo cáo", key=key) from None
    if field.computed or field.type not in ("int", "bool"):
        raise _Unusable("trường «{key}» không phải là số liệu nhập", key=key)
    rows = {str(r): str(code) for r, code in dict(raw.get("rows", {})).items()}
    fixed = {row.id for row in section.fixed_rows}
    if set(rows) != fixed or (fixed and not raw.get("category")):
        raise _Unusable("trường «{key}» phải ghi mã danh mục và mã cho đúng từng dòng của bảng", key=key)
    return FieldMap(str(raw["data_element"]), str(raw.get("category", "")), MappingProxyType(rows))


def load_mapping(template: Template) -> Mapping:
    """The template's mapping, checked against it: every field exists and is typed in, every row has a code."""
    path = mapping_path(template.id, template.version)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT or (raw["template"], raw["template_version"]) != (template.id,
                                                                                          template.version):
            raise _Unusable("tệp không dành cho mẫu báo cáo này")
        fields = {key: _mapped_field(template, key, spec) for key, spec in raw["fields"].items()}
        targets = [(f.data_element, option) for f in fields.values() for option in (f.rows.values() or [""])]
        if len(set(targets)) != len(targets):
            raise _Unusable("hai trường trùng một mã phần tử dữ liệu")
        org_units = {str(unit): str(code) for unit, code in raw["org_units"].items()}
        return Mapping(str(raw["data_set"]), MappingProxyType(fields), MappingProxyType(org_units))
    except FileNotFoundError:
        raise NationalError("mapping", "Mẫu báo cáo {template} phiên bản {version} chưa có bảng mã cho hệ thống "
                                       "quốc gia.", template=template.id, version=template.version) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = exc if isinstance(exc, _Unusable) else Phrase("tệp hỏng")
        raise NationalError("mapping", "Bảng mã «{name}» không dùng được: {reason}.", name=path.name, path=str(path),
                            reason=reason) from None


def _spelled(value, type_: str) -> str:
    if type_ == "bool":
        return "true" if value else "false"
    return str(value)


class Export(NamedTuple):
    data_set: str
    period: str  # dtdesk's code, "2022-Q1"
    values: tuple[DataValue, ...]


def collect(ws, unit: str, period: str, *, subunits: bool = False) -> Export:
    """The mapped values of ``unit`` (with its bodies), or of each of its subunits (with theirs)."""
    info = ws.report(unit, period)
    if info is None:
        raise NationalError("report", "Đơn vị «{unit}» chưa có báo cáo kỳ {period}.", unit=unit, period=period)
    template = load_template(info.template_id, info.template_version)
    mapping = load_mapping(template)
    hierarchy = ws.hierarchy()
    heads = [u.code for u in hierarchy.subunits(unit)] if subunits else [unit]
    units = [code for head in heads for code in [head, *(b.code for b in hierarchy.bodies(head))]]
    stored = ws.values(period, units)
    values, unmapped = [], set()
    for (code, key, row), value in sorted(stored.items()):
        target = mapping.fields.get(key)
        if target is None or value is None or (target.rows and row not in target.rows):
            continue
        if code not in mapping.org_units:
            unmapped.add(code)
            continue
        field = template.section(key.partition(".")[0]).field(key.partition(".")[2])
        option = target.rows.get(row, "")
        values.append(DataValue(target.data_element, mapping.org_units[code], target.category if option else "",
                                option, _spelled(value, field.type)))
    if unmapped:
        names = ", ".join(sorted(unmapped))
        raise NationalError("org_unit", "Chưa có mã đơn vị của hệ thống quốc gia cho: {names}.", names=names,
                            units=sorted(unmapped))
    if not values:
        raise NationalError("empty", "Kỳ {period} chưa có số liệu nào để gửi hệ thống quốc gia.", period=period)
    return Export(mapping.data_set, period, tuple(values))


def data_value_set(export: Export) -> dict:
    """The DHIS2 ``dataValueSets`` payload: one set, each value naming its organisation unit and period."""
    period = dhis2_period(export.period)
    values = []
    for v in export.values:
        entry = {"dataElement": v.data_element, "period": period, "orgUnit": v.org_unit}
        if v.option:
            entry["categoryOptionCombo"] = v.option
        values.append({**entry, "value": v.value})
    return {"dataSet": export.data_set, "period": period, "dataValues": values}


def adx_document(export: Export, exported: dt.datetime) -> bytes:
    """ADX XML: a group per organisation unit (data set, ISO 8601 period), its values as attributes.

    ADX values are decimals, so a yes/no field is 1 or 0; a row's category
    option is an attribute named by the category's code.
    """
    root = ET.Element("adx", {"xmlns": ADX_NAMESPACE,
                              "exported": exported.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
    period = adx_period(export.period)
    groups: dict[str, ET.Element] = {}
    for v in export.values:
        group = groups.get(v.org_unit)
        if group is None:
            group = groups[v.org_unit] = ET.SubElement(
                root, "group", {"orgUnit": v.org_unit, "period": period, "dataSet": export.data_set})
        attributes = {"dataElement": v.data_element, **({v.category: v.option} if v.option else {}),
                      "value": {"true": "1", "false": "0"}.get(v.value, v.value)}
        ET.SubElement(group, "dataValue", attributes)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def dhis2_period(period: str) -> str:
    """DHIS2's period id: 2022-Q1 → 2022Q1, 2022-M03 → 202203, 2022-H1 → 2022S1, 2022 → 2022."""
    year, _, part = parse_period(period).code.partition("-")
    return year + {"Q": part, "M": part[1:], "H": "S" + part[1:]}.get(part[:1], "")


def adx_period(period: str) -> str:
    """ADX's period: an ISO 8601 start date and duration, 2022-Q1 → 2022-01-01/P3M."""
    parsed = parse_period(period)
    return f"{parsed.start.isoformat()}/{_ADX_SPAN[parsed.code[5:6]]}"
