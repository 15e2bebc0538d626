"""The import dialog and a file from a unit not listed here: a tick accepts it, left unticked it is refused."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from dtdesk.exchange.export import export_report  # noqa: E402
from dtdesk.exchange.importer import IMPORTED, REJECTED  # noqa: E402
from dtdesk.gui.exchange_import import ImportDialog  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402
from tests.exchange.conftest import build, read_parts  # noqa: E402


@pytest.fixture
def ward_file(demo_path, tmp_path):
    with Workspace.open(demo_path, backup=False) as ws:
        return export_report(ws, "HA-CATBI", "2022-Q1", tmp_path).path


@pytest.fixture
def lookalike(ward_file, tmp_path):
    """Cát Bi's file under the code HA-CATBl (a lower-case L), still named "Phường Cát Bi"."""
    manifest, units, reports, values = read_parts(ward_file)
    code = "HA-CATBl"
    units = [dict(u, code=code) if u["code"] == "HA-CATBI" else u for u in units]
    return build(tmp_path / f"{code}_2022-Q1_r2.dtdesk.sqlite", dict(manifest, unit=code),
                 units, [dict(reports[0], unit=code)], [(code, *rest) for _u, *rest in values])


def _dialog(qtbot, ws, paths):
    dialog = ImportDialog(ws, paths)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.planning and bool(dialog.plans))
    return dialog


@pytest.mark.parametrize("accept", [False, True])
def test_the_tick_decides_whether_a_new_unit_comes_in(qtbot, demo_path, lookalike, accept):
    with Workspace.open(demo_path, backup=False) as ws:
        dialog = _dialog(qtbot, ws, [lookalike])
        assert dialog.add_units.isVisibleTo(dialog)
        assert "chưa có trong danh sách đơn vị" in dialog.changes_model.text(0, 0)
        dialog.add_units.setChecked(accept)
        dialog.do_import()
        assert dialog.plans[0].status == (IMPORTED if accept else REJECTED)
        assert ("HA-CATBl" in ws.hierarchy()) == accept


def test_the_tick_is_hidden_when_every_unit_is_known(qtbot, demo_path, ward_file):
    with Workspace.open(demo_path, backup=False) as ws:
        dialog = _dialog(qtbot, ws, [ward_file])
        assert not dialog.add_units.isVisibleTo(dialog)
