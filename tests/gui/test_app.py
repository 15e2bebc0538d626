from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from dtdesk.gui.app import first_run
from dtdesk.gui.uiload import load_ui
from dtdesk.paths import ui_file
from dtdesk.store.workspace import Workspace


def test_ui_files_load(qtbot):
    window = load_ui("main_window.ui")
    qtbot.addWidget(window)
    assert isinstance(window, QMainWindow)
    for name in ("outline", "stack", "problemsList", "problemsDock"):
        assert window.findChild(QWidget, name) is not None, name
    dialog = load_ui("new_report.ui")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QDialog)
    assert dialog.findChild(QWidget, "period") is not None
    form = load_ui("header_form.ui")
    qtbot.addWidget(form)
    for field in ("parent_body", "issuing_body", "number", "place", "date", "abstract", "closing",
                  "authority", "signer_title", "signer_name", "recipients"):
        assert form.findChild(QWidget, field) is not None, field
    assert ui_file("main_window.ui").is_file()


def test_first_run_offers_the_demo(tmp_path):
    asked = []
    path = first_run(tmp_path / "a.sqlite", lambda: asked.append(1) or True)
    assert asked == [1]
    with Workspace.open(path) as ws:
        assert ws.own_unit == "HA" and ws.reports()
    assert first_run(path, lambda: asked.append(2) or True) == path and asked == [1]  # asked once


def test_first_run_without_demo_gives_an_empty_workspace(tmp_path, qtbot, settings):
    from dtdesk.gui.main_window import MainWindow

    path = first_run(tmp_path / "b.sqlite", lambda: False)
    with Workspace.open(path) as ws:
        assert ws.reports() == []
    window = MainWindow(settings)
    qtbot.addWidget(window.window)
    assert window.open_workspace(path)
    assert window.stack.currentWidget() is window.empty
    assert not window.actions["actionPreview"].isEnabled()
    window.close_workspace()


def test_new_report_dialog_creates_the_report(main, qtbot):
    from dtdesk.gui.main_window import NewReportDialog

    dialog = NewReportDialog(main.ws, main.window)
    dialog.period.setText("sai")
    dialog.accept()
    assert dialog.info is None and dialog.message.text()
    dialog.period.setText("2022-Q2")
    dialog.accept()
    assert dialog.info.period == "2022-Q2" and dialog.info.unit == "HA"
    main.load_report(dialog.info)
    assert "quý II/2022" in main.period_label.text()
