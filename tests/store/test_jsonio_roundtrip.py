"""dump → load into a fresh workspace keeps what the clerk sees: review marks, where values came from, mergers and
retirements, and each report's steps through the cycle."""

from __future__ import annotations

import json

import pytest

from dtdesk.core.periods import parse_period
from dtdesk.core.units import Unit
from dtdesk.store.jsonio import dump_document, load_document, read_document, write_document
from dtdesk.store.reports import merge_units, retire_unit
from dtdesk.store.rollforward import roll_forward
from dtdesk.store.status import IN, OUT, RETURNED, SENT
from dtdesk.store.workspace import Workspace

PERIOD = "2022-Q2"
IMPORT_TAG = "import:0123456789abcdef"
WORKBOOK_TAG = "xlsx:fedcba9876543210"


@pytest.fixture
def moved(demo_ws, tmp_path):
    """The district a quarter on: two wards merged into a new one, one dissolved, the report rolled forward with
    one carried value reviewed, a ward's figures keyed and two others' imported (a submission file, a filled
    workbook), a ward's report received and returned, the district's own sent. Returns (that workspace, the
    dump's path)."""
    ws = demo_ws
    ws.add_units([Unit("HA-DONGHAI", "Phường Đông Hải", "ward", parent="HA", short="Đông Hải")])
    merge_units(ws, "HA-DONGHAI", ["HA-DONGHAI1", "HA-DONGHAI2"], PERIOD)
    retire_unit(ws, "HA-TRANGCAT", PERIOD)
    roll_forward(ws, "HA", "2022-Q1")
    reviewed = sorted(cell for cell in ws.carried(PERIOD) if cell.unit == "HA")[0]
    ws.set_value("HA", PERIOD, reviewed.key, "Đã xem lại", reviewed.row)
    ws.set_values("HA-CATBI", PERIOD, {("dvc.received", ""): 12}, source="keyed")
    ws.set_values("HA-NAMHAI", PERIOD, {("dvc.received", ""): 40}, source=IMPORT_TAG)
    ws.set_values("HA-DANGLAM", PERIOD, {("dvc.received", ""): 7}, source=WORKBOOK_TAG)
    with ws.transaction():
        ws.record_status("HA-THANHTO", PERIOD, SENT, 1, side=IN, file="HA-THANHTO_2022-Q2_r1.dtdesk.sqlite",
                         sha256="a" * 64)
        ws.record_status("HA-THANHTO", PERIOD, RETURNED, 1, side=IN, reason="Thiếu số hồ sơ trực tuyến",
                         file="HA-THANHTO_2022-Q2_r1.reply.json")
        ws.record_status("HA", PERIOD, SENT, 1, side=OUT, file="HA_2022-Q2_r1.dtdesk.sqlite", sha256="b" * 64)
    path = tmp_path / "a.json"
    write_document(dump_document(ws, "HA", PERIOD, subunits=True), path)
    return ws, path


def _fresh(tmp_path, path, name="b.sqlite", unit="") -> Workspace:
    ws = Workspace.create(tmp_path / name, unit)
    load_document(ws, read_document(path))
    return ws


def test_dump_load_dump_gives_the_same_bytes(moved, tmp_path):
    source, first = moved
    with _fresh(tmp_path, first) as fresh:
        second = tmp_path / "c.json"
        write_document(dump_document(fresh, "HA", PERIOD, subunits=True), second)
    assert second.read_bytes() == first.read_bytes()
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert doc["retired"] and doc["formed"] and doc["statuses"]  # the parts this test is about are in the file
    assert {v["source"] for v in doc["values"]} >= {"carried", "local", "keyed", IMPORT_TAG, WORKBOOK_TAG}


def test_the_loaded_workspace_shows_the_same_marks_and_sources(moved, tmp_path):
    source, path = moved
    owners = list(source.hierarchy().units)
    with _fresh(tmp_path, path) as fresh:
        assert fresh.carried(PERIOD) == source.carried(PERIOD) != set()
        assert fresh.values_with_source(PERIOD, owners) == source.values_with_source(PERIOD, owners)
        assert fresh.sources(PERIOD)["HA-CATBI"] == {"keyed"}


def test_the_loaded_workspace_keeps_mergers_and_retirements(moved, tmp_path):
    source, path = moved
    start = parse_period(PERIOD).start
    with _fresh(tmp_path, path) as fresh:
        assert (fresh.retired(), fresh.merged(), fresh.formed()) == (source.retired(), source.merged(), source.formed())
        assert fresh.merged() == {"HA-DONGHAI1": "HA-DONGHAI", "HA-DONGHAI2": "HA-DONGHAI"}
        listed = [u.code for u in fresh.hierarchy(as_of=start).subunits("HA")]
        assert listed == [u.code for u in source.hierarchy(as_of=start).subunits("HA")]
        assert "HA-DONGHAI" in listed and not {"HA-DONGHAI1", "HA-TRANGCAT"} & set(listed)
        before = [u.code for u in fresh.hierarchy(as_of=parse_period("2022-Q1").start).subunits("HA")]
        assert "HA-DONGHAI" not in before and "HA-TRANGCAT" in before  # the last quarter prints as it did


def test_the_loaded_workspace_keeps_each_reports_steps(moved, tmp_path):
    source, path = moved
    with _fresh(tmp_path, path) as fresh:
        for unit in ("HA", "HA-THANHTO", "HA-CATBI"):
            assert fresh.status_history(unit, PERIOD) == source.status_history(unit, PERIOD)
        assert fresh.current_status("HA-THANHTO", PERIOD).reason == "Thiếu số hồ sơ trực tuyến"
        assert fresh.is_locked("HA", PERIOD)  # sent there, so sent here: reopened before it changes


def test_loading_again_adds_no_step_twice(moved, tmp_path):
    source, path = moved
    with _fresh(tmp_path, path) as fresh:
        fresh.reopen("HA", PERIOD)  # what was sent takes a load only once reopened
        load_document(fresh, read_document(path))
        assert [s.status for s in fresh.status_history("HA", PERIOD)] == ["sent", "draft"]
        assert len(fresh.status_history("HA-THANHTO", PERIOD)) == 2


def test_another_offices_steps_are_placed_by_whose_they_are(moved, tmp_path):
    """A ward's own workspace loading the district's file takes its values and its own report's steps (the
    district's receipt and answer, as the ward's sending and the answer it got); the district's own sending is
    left out and said."""
    source, path = moved
    ward = Workspace.create(tmp_path / "b.sqlite", "HA-THANHTO")
    with ward:
        loaded = load_document(ward, read_document(path))
        assert ward.value("HA-NAMHAI", PERIOD, "dvc.received") == 40
        theirs = source.status_history("HA-THANHTO", PERIOD)
        assert ward.status_history("HA-THANHTO", PERIOD) == [step._replace(side=OUT) for step in theirs]
        assert ward.status_history("HA", PERIOD) == [] and "HA 2022-Q2" in loaded.notes[0]


def test_a_merged_ward_dumped_alone_brings_the_ward_it_became(moved, tmp_path):
    source, _ = moved
    doc = dump_document(source, "HA-DONGHAI1", "2022-Q1")
    assert [u["code"] for u in doc["units"]][-1] == "HA-DONGHAI"
    with Workspace.create(tmp_path / "w.sqlite") as fresh:
        load_document(fresh, doc)
        assert fresh.merged() == {"HA-DONGHAI1": "HA-DONGHAI"} and fresh.formed() == source.formed()


def test_a_document_from_before_sources_and_steps_loads_as_it_did(demo_ws, tmp_path):
    doc = dump_document(demo_ws, "HA", "2022-Q1", subunits=True)
    older = {k: v for k, v in doc.items() if k not in ("retired", "formed", "statuses")}
    older["values"] = [{k: v for k, v in value.items() if k != "source"} for value in doc["values"]]
    with Workspace.create(tmp_path / "w.sqlite") as fresh:
        assert load_document(fresh, older).values == len(doc["values"])
        codes = list(demo_ws.hierarchy().units)
        assert fresh.values("2022-Q1", codes) == demo_ws.values("2022-Q1", codes)
        assert fresh.sources("2022-Q1") == {code: {"load"} for code in fresh.sources("2022-Q1")} != {}
        assert dump_document(fresh, "HA", "2022-Q1", subunits=True) == doc
