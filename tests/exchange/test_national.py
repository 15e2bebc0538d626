"""National export: the demo's data as DHIS2 dataValueSets JSON and ADX XML through the template's mapping."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from lxml import etree

from dtdesk.cli import main
from dtdesk.core.template import load_template
from dtdesk.exchange.national import (NationalError, adx_document, adx_period, collect, data_value_set,
                                      dhis2_period, load_mapping)
from dtdesk.store.reports import define_unit, start_report
from dtdesk.store.workspace import Workspace
from tests.exchange.conftest import PERIOD, WARDS

ADX_SCHEMA = Path(__file__).with_name("adx.xsd")
ADX = "{urn:ihe:qrph:adx:2015}"


def _mapped_stored(ws, units) -> dict:
    """What the workspace holds for the mapped fields of ``units``: {(unit, key, row): value}."""
    mapping = load_mapping(load_template())
    return {(u, k, r): v for (u, k, r), v in ws.values(PERIOD, units).items()
            if k in mapping.fields and v is not None and (not mapping.fields[k].rows or r in mapping.fields[k].rows)}


def test_the_mapping_covers_every_figure_the_clerk_types():
    template = load_template()
    mapping = load_mapping(template)
    typed = {s.key(f.id) for s in template.sections for f in s.inputs if f.type in ("int", "bool")}
    assert typed and set(mapping.fields) == typed


def test_the_eight_wards_every_mapped_value_exactly_once(demo_ws):
    export = collect(demo_ws, "HA", PERIOD, subunits=True)
    stored = _mapped_stored(demo_ws, WARDS)
    keys = [(v.data_element, v.org_unit, v.option) for v in export.values]
    assert len(keys) == len(set(keys)) == len(stored) > 8 * 20
    mapping = load_mapping(load_template())
    assert {v.org_unit for v in export.values} == {mapping.org_units[w] for w in WARDS}
    by_target = {(v.data_element, v.org_unit, v.option): v.value for v in export.values}
    template = load_template()
    for (unit, key, row), value in stored.items():
        target = mapping.fields[key]
        sent = by_target[(target.data_element, mapping.org_units[unit], target.rows.get(row, ""))]
        section, _, field = key.partition(".")
        is_flag = template.section(section).field(field).type == "bool"
        assert sent == (("true" if value else "false") if is_flag else str(value))


def test_own_unit_means_the_unit_and_its_bodies(demo_ws):
    export = collect(demo_ws, "HA", PERIOD)
    mapping = load_mapping(load_template())
    units = ["HA", *(b.code for b in demo_ws.hierarchy().bodies("HA"))]
    assert {v.org_unit for v in export.values} == {mapping.org_units[u] for u in units if _mapped_stored(demo_ws, [u])}
    assert len(export.values) == len(_mapped_stored(demo_ws, units))


def test_dhis2_json_from_the_command_line(demo_path, tmp_path, capsys):
    out = tmp_path / "wards.json"
    assert main(["dhis2", str(demo_path), "--subunits", "-o", str(out)]) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["dataSet"] == "CDS_QUARTERLY" and payload["period"] == "2022Q1"
    rows = payload["dataValues"]
    keys = [(r["dataElement"], r["period"], r["orgUnit"], r.get("categoryOptionCombo", "")) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(isinstance(r["value"], str) and r["period"] == "2022Q1" for r in rows)
    with Workspace.open(demo_path, read_only=True) as ws:
        assert len(rows) == len(_mapped_stored(ws, WARDS))
        received = ws.value("HA-CATBI", PERIOD, "dvc.received")
    assert {"dataElement": "CDS_DVC_RECEIVED", "period": "2022Q1", "orgUnit": "VN_HA_CATBI",
            "value": str(received)} in rows
    assert f"{len(rows)} số liệu" in capsys.readouterr().out


def test_adx_is_valid_against_the_adx_structure(demo_path, tmp_path):
    out = tmp_path / "wards.xml"
    assert main(["dhis2", str(demo_path), "--subunits", "--adx", "-o", str(out)]) == 0
    document = etree.parse(str(out))
    schema = etree.XMLSchema(etree.parse(str(ADX_SCHEMA)))
    assert schema.validate(document), schema.error_log
    groups = document.getroot().findall(f"{ADX}group")
    assert len(groups) == len(WARDS)
    assert {g.get("period") for g in groups} == {"2022-01-01/P3M"}
    assert {g.get("dataSet") for g in groups} == {"CDS_QUARTERLY"}
    values = [v for g in groups for v in g.findall(f"{ADX}dataValue")]
    with Workspace.open(demo_path, read_only=True) as ws:
        assert len(values) == len(_mapped_stored(ws, WARDS))
    rows = [v for v in values if v.get("CDS_LINH_VUC")]
    assert rows and all(v.get("dataElement").startswith("CDS_BCCI_") for v in rows)
    flags = [v.get("value") for v in values if v.get("dataElement").startswith("CDS_TK_")]
    assert flags and set(flags) <= {"0", "1"}


def test_a_changed_value_is_what_is_sent(demo_ws):
    demo_ws.set_value("HA-CATBI", PERIOD, "buu_chinh.received", 17, row="y_te")
    export = collect(demo_ws, "HA", PERIOD, subunits=True)
    sent = {(v.data_element, v.org_unit, v.option, v.value) for v in export.values}
    assert ("CDS_BCCI_RECEIVED", "VN_HA_CATBI", "CDS_LV_Y_TE", "17") in sent
    assert b'CDS_LINH_VUC="CDS_LV_Y_TE" value="17"' in adx_document(export, dt.datetime(2022, 4, 1, tzinfo=dt.UTC))


def test_a_unit_without_an_organisation_unit_is_named_not_dropped(demo_ws):
    define_unit(demo_ws, "HA-MOI", "Phường Mới", "ward", parent="HA")
    demo_ws.set_value("HA-MOI", PERIOD, "dvc.received", 5)
    with pytest.raises(NationalError) as caught:
        collect(demo_ws, "HA", PERIOD, subunits=True)
    assert caught.value.kind == "org_unit" and "HA-MOI" in str(caught.value)


@pytest.mark.parametrize("period, dhis2, adx", [
    ("2022-Q1", "2022Q1", "2022-01-01/P3M"), ("2022-Q4", "2022Q4", "2022-10-01/P3M"),
    ("2022-M03", "202203", "2022-03-01/P1M"), ("2022-H2", "2022S2", "2022-07-01/P6M"),
    ("2022", "2022", "2022-01-01/P1Y"),
])
def test_periods_as_each_system_writes_them(period, dhis2, adx):
    assert dhis2_period(period) == dhis2 and adx_period(period) == adx


def test_a_unit_without_values_exports_nothing_and_says_so(demo_ws):
    define_unit(demo_ws, "HA-MOI", "Phường Mới", "ward", parent="HA")
    start_report(demo_ws, "HA-MOI", PERIOD)
    with pytest.raises(NationalError) as caught:
        collect(demo_ws, "HA-MOI", PERIOD)
    assert caught.value.kind == "empty"


def test_a_refusal_is_one_sentence_and_writes_nothing(demo_path, tmp_path, capsys):
    with Workspace.open(demo_path) as ws:
        define_unit(ws, "HA-MOI", "Phường Mới", "ward", parent="HA")
        ws.set_value("HA-MOI", PERIOD, "dvc.received", 5)
    out = tmp_path / "wards.json"
    assert main(["dhis2", str(demo_path), "--subunits", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HA-MOI" in err and not out.exists()


def test_the_json_payload_is_plain_data():
    from dtdesk.exchange.national import DataValue, Export

    export = Export("DS", "2022-M03", (DataValue("DE", "OU", "", "", "3"), DataValue("DE", "OU", "CAT", "OPT", "4")))
    assert data_value_set(export) == {"dataSet": "DS", "period": "202203", "dataValues": [
        {"dataElement": "DE", "period": "202203", "orgUnit": "OU", "value": "3"},
        {"dataElement": "DE", "period": "202203", "orgUnit": "OU", "categoryOptionCombo": "OPT", "value": "4"}]}


@pytest.mark.parametrize("damage", [
    lambda m: m["fields"].update({"dvc.nothing": {"data_element": "X"}}),
    lambda m: m["fields"].update({"dvc.online_ratio": {"data_element": "X"}}),  # computed, not typed in
    lambda m: m["fields"]["buu_chinh.received"]["rows"].pop("y_te"),
    lambda m: m["fields"]["dvc.new"].update({"data_element": m["fields"]["dvc.received"]["data_element"]}),
    lambda m: m.update({"template_version": 99}),
    lambda m: m.pop("org_units"),
])
def test_a_mapping_that_does_not_fit_the_template_is_refused(monkeypatch, tmp_path, damage):
    from dtdesk.exchange import national

    mapping = json.loads(national.mapping_path("cds-quarterly", 1).read_text(encoding="utf-8"))
    damage(mapping)
    broken = tmp_path / "broken.national.json"
    broken.write_text(json.dumps(mapping), encoding="utf-8")
    monkeypatch.setattr(national, "mapping_path", lambda *_: broken)
    with pytest.raises(NationalError) as caught:
        load_mapping(load_template())
    assert caught.value.kind == "mapping" and "broken.national.json" in str(caught.value)


def test_a_mapping_that_is_not_json_is_one_sentence(monkeypatch, tmp_path):
    from dtdesk.exchange import national

    broken = tmp_path / "broken.national.json"
    broken.write_bytes(b"{not json")
    monkeypatch.setattr(national, "mapping_path", lambda *_: broken)
    with pytest.raises(NationalError, match="tệp hỏng"):
        load_mapping(load_template())


def test_never_over_the_workspace(demo_path, capsys):
    before = demo_path.read_bytes()
    assert main(["dhis2", str(demo_path), "--subunits", "-o", str(demo_path)]) == 2
    assert demo_path.read_bytes() == before
    assert capsys.readouterr().err.count("\n") == 1
