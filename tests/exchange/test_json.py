"""dtdesk dump / load: a report as dtdesk/1 JSON, lossless."""

from __future__ import annotations

import json

from dtdesk.cli import main
from dtdesk.store.jsonio import dump_document, load_document
from dtdesk.store.workspace import Workspace
from tests.exchange.conftest import PERIOD, open_ws


def test_round_trip_is_identical(demo, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["dump", str(demo), "--unit", "HA", "--period", PERIOD, "-o", str(first)]) == 0
    fresh = tmp_path / "fresh.sqlite"
    assert main(["load", str(fresh), str(first)]) == 0
    assert main(["dump", str(fresh), "--unit", "HA", "--period", PERIOD, "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    with open_ws(demo) as a, open_ws(fresh) as b:
        codes = ["HA", *(u.code for u in a.hierarchy().bodies("HA"))]
        assert a.values(PERIOD, codes) == b.values(PERIOD, codes)
        assert a.report("HA", PERIOD) == b.report("HA", PERIOD)
        assert b.own_unit == "HA"


def test_document_shape(demo):
    with open_ws(demo) as ws:
        doc = dump_document(ws, "HA-CATBI", PERIOD)
    assert doc["format"] == "dtdesk/1"
    assert [u["code"] for u in doc["units"]] == ["HP", "HA", "HA-CATBI"]  # ancestors first, then the unit
    assert [r["unit"] for r in doc["reports"]] == ["HA-CATBI"]
    assert {v["unit"] for v in doc["values"]} == {"HA-CATBI"} and len(doc["values"]) == 67
    assert doc["values"] == sorted(doc["values"], key=lambda v: (v["unit"], v["key"], v["row"]))
    json.dumps(doc)  # plain JSON types only


def test_ward_dump_loads_into_a_fresh_workspace_and_keeps_types(demo, tmp_path):
    with open_ws(demo) as ws:
        ws.set_value("HA-CATBI", PERIOD, "cong_ttdt.per_week", 25.5)
        ws.set_value("HA-CATBI", PERIOD, "mo_dau.text", "Cát Bi <b>&</b>")
        doc = dump_document(ws, "HA-CATBI", PERIOD)
    with Workspace.create(tmp_path / "w.sqlite") as fresh:
        load_document(fresh, json.loads(json.dumps(doc)))
        assert fresh.value("HA-CATBI", PERIOD, "cong_ttdt.per_week") == 25.5
        assert fresh.value("HA-CATBI", PERIOD, "mo_dau.text") == "Cát Bi <b>&</b>"
        assert dump_document(fresh, "HA-CATBI", PERIOD) == doc


def test_load_of_a_bad_file_is_one_sentence(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["load", str(tmp_path / "w.sqlite"), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
