"""A clerk with an empty workspace adds their unit, then starts a report."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from dtdesk.gui import i18n
from dtdesk.gui.new_report import NewReportDialog
from dtdesk.gui.unit_dialog import NewUnitDialog
from dtdesk.store.workspace import Workspace


def test_empty_workspace_to_first_report(qtbot, tmp_path):
    ws = Workspace.create(tmp_path / "new.sqlite")
    try:
        report = NewReportDialog(ws)
        qtbot.addWidget(report.dialog)
        report.period.select("2023-Q2")
        report.accept()
        assert report.info is None and "Đơn vị mới" in report.message.text()

        unit = NewUnitDialog(ws, report.dialog)
        unit.name.setText("Phường Cát Bi")
        unit.short.setText("Cát Bi")
        unit.code.setText("HA CATBI")  # a space: refused, nothing stored
        unit.accept()
        assert "Mã đơn vị" in unit.message.text() and ws.hierarchy().units == {}
        unit.code.setText("HA-CATBI")
        unit.accept()
        assert unit.unit is not None and ws.own_unit == ""

        report._fill_units(unit.unit.code)
        report.cutoff.setText("31/6/2023")  # no such day
        report.accept()
        assert report.info is None and "không phải là ngày hợp lệ" in report.message.text()
        report.cutoff.setText("")
        report.accept()
        assert report.info is not None and report.info.cutoff.isoformat() == "2023-06-30"
        assert ws.report("HA-CATBI", "2023-Q2") is not None and ws.own_unit == "HA-CATBI"
    finally:
        ws.close()


def test_kinds_are_offered_in_vietnamese(qtbot, tmp_path):
    ws = Workspace.create(tmp_path / "new.sqlite")
    try:
        dialog = NewUnitDialog(ws)
        qtbot.addWidget(dialog.dialog)
        kinds = dialog.dialog.findChild(QComboBox, "kind")
        assert kinds.currentText() == "phường"
        assert dialog.dialog.findChild(QLineEdit, "code").placeholderText().startswith("mã do cấp trên")
    finally:
        ws.close()


def _listed(main) -> set[str]:
    view = main.status_dock.view()
    return {view.model.row(i).payload for i in range(view.model.rowCount())} - {None}


def test_units_merged_in_the_window_leave_the_completeness_view(main, monkeypatch):
    from dtdesk.gui.unit_dialog import MergeUnitsDialog
    from dtdesk.store.reports import define_unit

    define_unit(main.ws, "HA-DONGHAI", "Phường Đông Hải", "ward", "HA")  # the ward the merger formed
    main.actions["actionCompleteness"].setChecked(True)
    assert {"HA-DONGHAI1", "HA-DONGHAI2"} <= _listed(main)

    def merge_as_the_clerk(dialog):
        assert dialog.period.period().code == "2022-Q1"  # from the open report's period unless changed
        dialog.into.setCurrentIndex(dialog.into.findData("HA-DONGHAI"))
        dialog.tick("HA-DONGHAI1", "HA-DONGHAI2")
        dialog.accept()
        return dialog.done is not None

    monkeypatch.setattr(MergeUnitsDialog, "exec", merge_as_the_clerk)
    assert main.actions["actionMergeUnits"].isEnabled()
    main.actions["actionMergeUnits"].trigger()
    assert main.ws.merged() == {"HA-DONGHAI1": "HA-DONGHAI", "HA-DONGHAI2": "HA-DONGHAI"}
    listed = _listed(main)
    assert "HA-DONGHAI" in listed and not {"HA-DONGHAI1", "HA-DONGHAI2"} & listed
    assert "Đã gộp Phường Đông Hải 1, Phường Đông Hải 2 vào Phường Đông Hải" in main.window.statusBar().currentMessage()
    wards = {u.code for u in main.controller.data.units.subunits("HA")}  # the open report lists the merged ward
    assert "HA-DONGHAI" in wards and "HA-DONGHAI1" not in wards


def _refuses_a_period_there_is_not(dialog) -> None:
    dialog.period.select("Quý 5/2022")
    dialog.accept()
    assert "Quý 5/2022" in dialog.message.text() and "\n" not in dialog.message.text() and dialog.done is None


def test_each_refused_merger_is_one_sentence_and_changes_nothing(main):
    from dtdesk.gui.unit_dialog import MergeUnitsDialog

    dialog = MergeUnitsDialog(main.ws, "2022-Q1")
    dialog.into.setCurrentIndex(dialog.into.findData("HA-CATBI"))
    dialog.accept()  # nothing ticked
    assert dialog.message.text() == "Hãy cho biết các đơn vị gộp vào «Phường Cát Bi»."
    offered = {dialog.sources.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.sources.count())}
    assert "HA-DONGHAI1" in offered and not {"HA-CATBI", "HA-TUPHAP", "HA", "HP"} & offered  # wards into a ward
    dialog.tick("HA-NAMHAI")
    _refuses_a_period_there_is_not(dialog)
    assert main.ws.merged() == {}
    i18n.set_language("en")
    dialog.period.select("Quý I/2022")
    dialog.into.setCurrentIndex(dialog.into.findData("HA-NAMHAI"))
    dialog.accept()
    assert dialog.message.text() == "Say the units merged into «Phường Nam Hải»."


def test_a_unit_retired_in_the_window_leaves_the_completeness_view(main, monkeypatch):
    import datetime as dt

    from dtdesk.gui.unit_dialog import RetireUnitDialog

    main.actions["actionCompleteness"].setChecked(True)
    assert "HA-CATBI" in _listed(main)

    def retire_as_the_clerk(dialog):
        assert dialog.period.period().code == "2022-Q1"  # from the open report's period unless changed
        dialog.choose("HA-CATBI")
        dialog.accept()
        return dialog.done is not None

    monkeypatch.setattr(RetireUnitDialog, "exec", retire_as_the_clerk)
    assert main.actions["actionRetireUnit"].isEnabled()
    main.actions["actionRetireUnit"].trigger()
    assert main.ws.retired() == {"HA-CATBI": dt.date(2022, 1, 1)}
    assert "HA-CATBI" not in _listed(main)
    assert "Đã thôi dùng Phường Cát Bi (mã HA-CATBI) từ quý I/2022." in main.window.statusBar().currentMessage()
    assert "HA-CATBI" not in {u.code for u in main.controller.data.units.subunits("HA")}


def test_the_retire_dialog_says_what_follows_before_and_refuses_in_one_sentence(main):
    from dtdesk.gui.unit_dialog import RetireUnitDialog
    from dtdesk.store.reports import define_unit

    define_unit(main.ws, "HA-CATBI-VP", "Văn phòng phường Cát Bi", "office", "HA-CATBI")
    dialog = RetireUnitDialog(main.ws, "2022-Q2")
    offered = {dialog.unit.itemData(i) for i in range(dialog.unit.count())}
    assert "HA-CATBI" in offered and not {"HA", "HP"} & offered  # the own unit and those above are not this office's
    dialog.choose("HA-CATBI")
    assert dialog.consequences.text() == ("1 cơ quan của Phường Cát Bi (Văn phòng phường Cát Bi) cũng thôi dùng từ "
                                          "quý II/2022.")
    _refuses_a_period_there_is_not(dialog)
    assert main.ws.retired() == {}
    i18n.set_language("en")
    dialog.period.select("Quý II/2022")
    assert dialog.consequences.text() == ("The bodies of Phường Cát Bi (1: Văn phòng phường Cát Bi) are retired with it "
                                          "from Q2 2022.")
