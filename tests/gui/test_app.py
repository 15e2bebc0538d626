from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from dtdesk.gui import app
from dtdesk.gui.uiload import load_ui


def test_ui_files_load(qtbot):
    window = load_ui("main_window.ui")
    qtbot.addWidget(window)
    assert isinstance(window, QMainWindow)
    for name in ("outline", "stack", "problemsPanel", "problemsTitle", "problemsList"):
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


def _window(qtbot, settings):
    from dtdesk.gui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window.window)
    return window


def test_first_run_sets_up_the_office(qtbot, settings, monkeypatch, tmp_path):
    from dtdesk.gui.file_actions import FileActions

    monkeypatch.setattr(app, "default_workspace", lambda: tmp_path / "none.sqlite")
    asked = []
    monkeypatch.setattr(FileActions, "new_workspace", lambda self: asked.append(self))
    window = _window(qtbot, settings)
    app.start(window, None)
    assert asked == [window.files] and window.ws is None


def test_cancelling_the_first_run_leaves_the_choices_not_an_empty_window(qtbot, settings, monkeypatch, tmp_path,
                                                                         places):
    from dtdesk.gui.office_setup import OfficeSetupDialog

    monkeypatch.setattr(app, "default_workspace", lambda: tmp_path / "none.sqlite")
    monkeypatch.setattr(OfficeSetupDialog, "exec", lambda self: 0)  # the clerk closes the set-up dialog
    window = _window(qtbot, settings)
    app.start(window, None)
    assert window.ws is None and window.window.isVisible()
    start = window.start_page
    assert window.forms.stack.currentWidget() is window.forms.empty
    shown = {name for name, button in start.buttons.items() if button.isVisibleTo(window.window)}
    assert shown == {"startSetup", "startOpen", "startDemo"}
    asked = []
    monkeypatch.setattr(OfficeSetupDialog, "exec", lambda self: asked.append(self) or 0)
    start.buttons["startSetup"].click()  # the set-up dialog again
    assert len(asked) == 1
    start.buttons["startDemo"].click()  # "Xem báo cáo mẫu": the Hải An demo, ready to read
    assert window.controller is not None and window.controller.data.unit.code == "HA"
    assert window.forms.stack.currentWidget() is not window.forms.empty
    window.close_workspace()
    assert start.title.text() == "Chưa mở tệp dữ liệu nào." and start.buttons["startDemo"].isVisibleTo(window.window)


def test_a_workspace_without_a_report_offers_to_start_one(qtbot, settings, tmp_path):
    from dtdesk.store.workspace import Workspace

    Workspace.create(tmp_path / "new.sqlite").close()
    window = _window(qtbot, settings)
    assert window.open_workspace(tmp_path / "new.sqlite")
    window.window.show()
    start = window.start_page
    shown = {name for name, button in start.buttons.items() if button.isVisibleTo(window.window)}
    assert shown == {"startNewReport", "startSetup", "startOpen"}  # nothing to open yet, so no list of reports
    assert "new.sqlite" in start.title.text()
    window.set_language("en")
    try:
        assert start.title.text() == "The file «new.sqlite» is open; no report is open yet."
        assert start.buttons["startNewReport"].text() == "New report…"
    finally:
        window.set_language("vi")
        window.close_workspace()


def test_a_launch_reopens_the_last_report(qtbot, settings, demo_path, monkeypatch, tmp_path):
    monkeypatch.setattr(app, "default_workspace", lambda: tmp_path / "none.sqlite")
    settings.setValue("lastReport", [str(demo_path), "HA-CATBI", "2022-Q1"])
    window = _window(qtbot, settings)
    app.start(window, None)
    info = window.controller.data.info
    assert (info.unit, info.period) == ("HA-CATBI", "2022-Q1")
    assert window.window.windowTitle() == f"Phường Cát Bi — Quý I/2022 — {demo_path.name}"
    window.close_workspace()


def test_a_launch_whose_last_report_is_gone_lists_the_reports(qtbot, settings, demo_path, monkeypatch, tmp_path):
    from dtdesk.gui.report_list import ReportListDialog

    monkeypatch.setattr(app, "default_workspace", lambda: tmp_path / "none.sqlite")
    settings.setValue("lastReport", [str(demo_path), "HA-CATBI", "2023-Q4"])
    listed = []

    def pick_first(dialog):
        listed.append([(r.unit, r.period) for r in dialog.reports])
        dialog.accept()
        return 1

    monkeypatch.setattr(ReportListDialog, "exec", pick_first)
    window = _window(qtbot, settings)
    app.start(window, None)
    assert window.window.windowTitle() == f"Quận Hải An — {demo_path.name}"  # no report open yet: whose file
    qtbot.waitUntil(lambda: window.controller is not None)
    assert listed[0][0] == ("HA", "2022-Q1") and ("HA-CATBI", "2022-Q1") in listed[0]
    info = window.controller.data.info
    assert (info.unit, info.period) == ("HA", "2022-Q1")
    assert "--" not in window.window.statusBar().currentMessage()
    window.close_workspace()


def test_new_report_dialog_creates_the_report(main, qtbot):
    from dtdesk.gui.new_report import NewReportDialog

    dialog = NewReportDialog(main.ws, main.window)
    dialog.period.select("sai")
    dialog.accept()
    assert dialog.info is None and dialog.message.text()
    dialog.period.select("2022-Q2")
    dialog.accept()
    assert dialog.info.period == "2022-Q2" and dialog.info.unit == "HA"
    main.load_report(dialog.info)
    assert "Quý II/2022" in main.report_status.period_label.text()


def test_choosing_a_heading_keeps_the_form_and_the_panel_toggles(main):
    main.select_section("chu_ky_so")
    tree = main.outline.tree
    heading = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if tree.topLevelItem(i) not in main.outline.sections)
    tree.setCurrentItem(heading)
    assert main.forms.current_page() is main.pages["chu_ky_so"]  # a heading only groups
    assert [s.toString() for s in main.actions["actionRedo"].shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert main.problems.title.text().startswith("Lỗi và cảnh báo")
    main.actions["actionProblems"].setChecked(False)
    assert not main.problems_panel.isVisible()
    main.actions["actionProblems"].setChecked(True)
    assert main.problems_panel.isVisible()


def test_an_unexpected_failure_is_said_in_the_window(qtbot, said, capsys):
    from dtdesk.gui.messages import show_failure

    try:
        raise ValueError("mẫu báo cáo hỏng\nchi tiết")
    except ValueError as exc:
        show_failure(type(exc), exc, exc.__traceback__)
    assert said == [("critical", "Thao tác vừa rồi không thực hiện được: mẫu báo cáo hỏng")]
    assert "Traceback" in capsys.readouterr().err  # the details stay for support


def test_a_template_error_while_creating_a_report_is_a_sentence(main, monkeypatch):
    from dtdesk.core.template import TemplateError
    from dtdesk.gui import new_report

    def broken(*args, **kwargs):
        raise TemplateError("Không có mẫu báo cáo cds-quarterly phiên bản 9.")

    monkeypatch.setattr(new_report, "start_report", broken)
    dialog = new_report.NewReportDialog(main.ws, main.window)
    dialog.period.select("2022-Q2")
    dialog.accept()
    assert dialog.info is None and dialog.message.text() == "Không có mẫu báo cáo cds-quarterly phiên bản 9."
