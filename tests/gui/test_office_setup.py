"""Setting up an office: the first run and File › "Tạo tệp dữ liệu mới…"."""

import pytest

from dtdesk.core.periods import default_period
from dtdesk.store.workspace import Workspace


@pytest.fixture
def dialog(qtbot, places):
    from dtdesk.gui.office_setup import OfficeSetupDialog

    made = OfficeSetupDialog()
    qtbot.addWidget(made.dialog)
    return made


def test_a_ward_is_found_by_typing_part_of_its_name_without_accents(dialog, qtbot, places):
    w = dialog.w
    assert w["communes"].count() == 0 and dialog.province_code() is None
    dialog.select_province("31")
    assert w["communes"].count() == 114
    qtbot.keyClicks(w["communeSearch"], "hai an")
    found = [w["communes"].item(i).text() for i in range(w["communes"].count())]
    assert "Phường Hải An (11413)" in found and len(found) < 10
    assert dialog.select_commune("11413")
    assert w["path"].text() == str(places / "DocumentsLocation" / "hai-an.sqlite")
    assert w["period"].currentText() == default_period().title  # the quarter being reported today
    dialog.period.select("Quý III/2026")
    dialog.accept()
    assert dialog.path == places / "DocumentsLocation" / "hai-an.sqlite"
    with Workspace.open(dialog.path) as ws:
        assert ws.own_unit == "11413" and [(r.unit, r.period) for r in ws.reports()] == [("11413", "2026-Q3")]
        assert ws.hierarchy().units["11413"].parent == "31"


def test_a_province_gets_all_its_communes(dialog, places):
    dialog.select_province("31")
    dialog.w["provinceChoice"].setChecked(True)
    assert not dialog.w["communes"].isEnabled()
    dialog.accept()
    assert dialog.path.name == "hai-phong.sqlite"
    with Workspace.open(dialog.path) as ws:
        assert ws.own_unit == "31" and len(ws.hierarchy().subunits("31")) == 114


def test_a_unit_of_ones_own_in_the_district_era(dialog, places):
    w = dialog.w
    w["ownChoice"].setChecked(True)
    assert w["ownBox"].isVisibleTo(dialog.dialog)
    w["name"].setText("Quận Hải An")
    assert w["path"].text() == str(places / "DocumentsLocation" / "quan-hai-an.sqlite")  # named before the code
    w["code"].setText("HA")
    w["kind"].setCurrentIndex(w["kind"].findData("district"))
    w["path"].setText(str(places / "quan.sqlite"))
    w["path"].textEdited.emit("")
    dialog.period.select("I/2022")  # typed, not in the list
    dialog.accept()
    with Workspace.open(places / "quan.sqlite") as ws:
        assert ws.own_unit == "HA" and ws.reports()[0].period == "2022-Q1"


@pytest.mark.parametrize("step, says", [
    ("nothing", "tỉnh"),
    ("province", "xã, phường"),
    ("bad period", "Kỳ báo cáo"),
    ("taken file", "đã tồn tại"),
    ("no folder", "Không có thư mục"),
])
def test_an_unfinished_choice_is_said_and_makes_no_file(dialog, places, step, says):
    if step != "nothing":
        dialog.select_province("31")
    if step not in ("nothing", "province"):
        dialog.select_commune("11413")
    if step == "bad period":
        dialog.period.select("quý 5")
    path = places / "DocumentsLocation" / "hai-an.sqlite"
    if step == "taken file":
        path.write_bytes(b"keep")
    if step == "no folder":
        dialog.w["path"].setText(str(places / "missing" / "x.sqlite"))
    dialog.accept()
    assert dialog.path is None and says in dialog.w["message"].text()
    assert not path.exists() or path.read_bytes() == b"keep"


def test_the_demo_is_one_click_away(dialog, places):
    dialog.w["demo"].click()
    with Workspace.open(dialog.path) as ws:
        assert ws.own_unit == "HA"
    assert dialog.path.parent == places / "AppDataLocation"


def test_the_file_can_be_chosen_in_a_save_dialog(dialog, places, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(places / "chosen"), ""))
    dialog.w["browse"].click()
    dialog.select_province("31")
    dialog.select_commune("11413")
    assert dialog.w["path"].text() == str(places / "chosen.sqlite")  # a unit picked after keeps the clerk's name
