"""The import's checks and plan driven against a tiny workspace in memory: no workspace file at all."""

from __future__ import annotations

from dtdesk.core.units import Unit
from dtdesk.exchange.importer import IMPORTED, PLANNED, REJECTED, commit, plan_import
from dtdesk.store.reports import start_report
from dtdesk.store.workspace import Workspace
from tests.exchange.conftest import PERIOD


def _district(code: str = "HA") -> Workspace:
    ws = Workspace.in_memory(code)
    ws.add_units([Unit(code, "Quận Hải An", "district")])
    start_report(ws, code, PERIOD)
    return ws


def test_a_ward_file_is_planned_then_written_into_a_workspace_in_memory(ward_files):
    with _district() as ws:
        (plan,) = plan_import(ws, [ward_files["HA-CATBI"]])
        assert plan.status == PLANNED
        assert [u["code"] for u in plan.new_units] == ["HA-CATBI"]  # the ward is new here
        assert len(plan.changes) == 67 and plan.conflicts == []
        commit(ws, [plan], add_units=True)  # the district lists no ward yet: accepted explicitly
        assert plan.status == IMPORTED
        assert ws.value("HA-CATBI", PERIOD, "chu_ky_so.total") == 40
        assert ws.latest_import("HA-CATBI", PERIOD).revision == plan.submission.revision
        assert ws.hierarchy()["HA-CATBI"].parent == "HA"


def test_a_file_from_another_district_is_refused_in_memory_too(ward_files):
    with _district("KA") as ws:
        (plan,) = plan_import(ws, [ward_files["HA-CATBI"]])
        assert plan.status == REJECTED and "không phải đơn vị cấp dưới" in plan.message
        assert ws.known_units(["HA-CATBI"]) == set()
