"""A window never pretends: the file it already has is not opened again, a read-only window says so and takes no typing."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit

from dtdesk.gui.main_window import MainWindow
from tests.gui.conftest import stored


def test_reopening_the_open_file_is_a_no_op(main, demo_path, said):
    ws, controller = main.ws, main.controller
    main.files.recent.chosen.emit(str(demo_path))  # File → recent → the same file
    assert main.ws is ws and main.controller is controller and not ws.read_only
    assert main.report_status.saved_label.text() == "Đã lưu" and not main.report_status.banner.isVisible()
    assert said == []


def test_a_read_only_window_takes_no_typing_and_never_says_saved(main, demo_path, qtbot, said):
    other = MainWindow(main.settings)
    qtbot.addWidget(other.window)
    try:
        assert other.open_workspace(demo_path)  # the first window holds the file
        other.window.show()
        status = other.report_status
        assert status.banner.isVisible() and status.banner.text() == other.ws.notice
        assert "cửa sổ khác" in other.ws.notice  # says what is really the case
        assert status.saved_label.text() == "Chỉ đọc"
        header = other.page("header")
        assert all(w.isReadOnly() for w in header.edits.values() if isinstance(w, QLineEdit))
        number = header.edits["number"].palette()  # greyed where typing would go, not only refused
        assert number.color(QPalette.ColorRole.Base) == number.color(QPalette.ColorRole.Window)
        other.select_section("chu_ky_so")
        model = other.pages["chu_ky_so"].model
        index = model.locate("HA-TUPHAP", "", "total")
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not model.setData(index, "70")
        assert status.saved_label.text() == "Chỉ đọc"
        assert stored(demo_path, "HA-TUPHAP", "chu_ky_so.total") == 66
        assert not other.actions["actionNewReport"].isEnabled()
        other.exchange.export_submission()  # refused with the reason, before any folder is asked for
        assert said[-1] == ("warning", other.ws.notice)
        other.set_language("en")
        assert status.saved_label.text() == "Read-only"
        assert status.banner.text() == ("The file is open in another window or on another computer; it is opened "
                                        "read-only.")  # the store's notice, said in the window's language
        other.exchange.export_submission()
        assert said[-1] == ("warning", status.banner.text())
    finally:
        other.close_workspace()


def test_a_locked_report_never_says_saved(main, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    label = main.report_status.saved_label
    assert label.text() == "Đã lưu"
    sent = main.exchange.export_submission()
    revision = int(sent.name.split("_r")[1].split(".")[0])
    assert label.text() == f"Đã gửi r{revision} — chỉ xem"
    main.set_language("en")
    assert label.text() == f"Sent r{revision} — view only"
    main.set_language("vi")
    main.cycle.reopen()
    assert label.text() == "Đã lưu"
