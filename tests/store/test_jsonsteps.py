"""A document's status steps loaded into a workspace whose own unit is another office: each for the report it belongs
to as that workspace records it, or left out with a sentence saying so, never silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from dtdesk.exchange.decision import answer, import_reply
from dtdesk.exchange.export import export_report
from dtdesk.exchange.importer import import_files
from dtdesk.store.jsonio import dump_document, load_document
from dtdesk.store.status import OUT, RETURNED, SENT
from dtdesk.store.workspace import Workspace
from tests.exchange.conftest import make_ward, open_ws

WARD, PERIOD = "HA-CATBI", "2022-Q1"
REASON = "Thiếu số hồ sơ trực tuyến."


@pytest.fixture
def cycle(demo_path, tmp_path) -> tuple[Path, Path, Path]:
    """The ward sent its report (r1 of its own), the district imported it and returned it. Returns (the ward's
    workspace, the district's, the reply file)."""
    ward = make_ward(tmp_path / "ward.sqlite", demo_path, WARD)
    with open_ws(ward) as ws:
        sent = export_report(ws, WARD, PERIOD, f"{tmp_path / 'up'}/").path
    with open_ws(demo_path) as ws:
        assert import_files(ws, [sent])[0].status == "imported"
        reply = answer(ws, WARD, PERIOD, RETURNED, f"{tmp_path / 'down'}/", reason=REASON).path
    return ward, demo_path, reply


def _steps(ws: Workspace, unit: str) -> list[tuple]:
    return [(s.status, s.revision, s.reason, s.side) for s in ws.status_history(unit, PERIOD)]


def _dump(path: Path) -> dict:
    with open_ws(path) as ws:
        return dump_document(ws, "HA", PERIOD, subunits=True)


def test_the_level_aboves_answer_reaches_the_unit_as_its_own_steps(cycle, tmp_path):
    """The ward's new PC, set up for the ward, loads the district's file: its report was sent and returned."""
    _ward, district, _reply = cycle
    with Workspace.create(tmp_path / "new-pc.sqlite", WARD) as ws:
        loaded = load_document(ws, _dump(district))
        [(_, revision, _, _), _] = _steps(ws, WARD)
        assert _steps(ws, WARD) == [(SENT, revision, "", OUT), (RETURNED, revision, REASON, OUT)]
        assert ws.is_locked(WARD, PERIOD) is None and loaded.steps == 2 and loaded.notes == []
        assert import_reply(ws, _reply).status == "duplicate"  # the same answer, known by its file


def test_an_answer_to_a_revision_left_since_is_left_out_and_said(cycle):
    ward, district, _reply = cycle
    with open_ws(ward) as ws:
        ws.reopen(WARD, PERIOD)  # the ward went on to its next revision before the answer came
        before = _steps(ws, WARD)
        loaded = load_document(ws, _dump(district))
        assert _steps(ws, WARD) == before and [s[0] for s in before] == [SENT, "draft"]  # its sending: not twice
        [note] = loaded.notes
        assert note.startswith(f"Không nạp 1 bước trạng thái của báo cáo {WARD} {PERIOD}") and "cũ hơn" in note


def test_the_units_own_sending_loaded_above_is_left_out_and_said(cycle):
    ward, district, _reply = cycle
    with open_ws(ward) as ws:
        doc = dump_document(ws, WARD, PERIOD)
        assert doc["statuses"]  # the ward's own record of sending: what this test is about
    with open_ws(district) as ws:
        before = _steps(ws, WARD)
        loaded = load_document(ws, doc)
        assert _steps(ws, WARD) == before and loaded.steps == 0
        [note] = loaded.notes
        assert f"Không nạp {len(doc['statuses'])} bước trạng thái của báo cáo {WARD} {PERIOD}" in note
        assert "Phường Cát Bi" in note and "Quận Hải An" in note
        assert "were not loaded" in note.say("en")


def test_the_same_office_loads_every_step_as_it_is(cycle, tmp_path):
    _ward, district, _reply = cycle
    with open_ws(district) as ws:
        doc = dump_document(ws, "HA", PERIOD, subunits=True)
        expected = _steps(ws, WARD)
    with Workspace.create(tmp_path / "fresh.sqlite") as fresh:
        loaded = load_document(fresh, doc)
        assert _steps(fresh, WARD) == expected and loaded.steps == len(expected) and loaded.notes == []
