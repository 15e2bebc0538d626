"""A ward's file for a period the level above has rolled forward: its values replace the carried ones."""

import datetime as dt

from dtdesk.exchange.export import export_report
from dtdesk.exchange.importer import IMPORTED, commit, plan_import
from dtdesk.store.rollforward import roll_forward
from tests.exchange.conftest import copy_ws, open_ws

TODAY = dt.date(2022, 6, 28)


def test_the_wards_file_replaces_what_was_carried_without_conflicts(demo, demo_template, tmp_path):
    ward = copy_ws(demo_template, tmp_path / "ward.sqlite")
    with open_ws(ward) as ws:
        roll_forward(ws, "HA-CATBI", today=TODAY)
        ws.set_value("HA-CATBI", "2022-Q2", "dvc.new", 30)
        ws.set_value("HA-CATBI", "2022-Q2", "header.number", "07/BC-UBND")  # carried at the district too
        sent = export_report(ws, "HA-CATBI", "2022-Q2", tmp_path).path
    with open_ws(demo) as ws:
        roll_forward(ws, today=TODAY)
        carried = ws.value("HA-CATBI", "2022-Q2", "dvc.carried")
        (plan,) = plan_import(ws, [sent])
        assert plan.conflicts == [] and {"dvc.new", "header.number"} <= {c.key for c in plan.changes}
        assert commit(ws, [plan])[0].status == IMPORTED
        assert ws.value("HA-CATBI", "2022-Q2", "dvc.carried") == carried
        assert ws.value("HA-CATBI", "2022-Q2", "dvc.new") == 30
        assert "HA-CATBI" in ws.sources("2022-Q2")  # now it has reported
