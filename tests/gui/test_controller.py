"""The controller refuses edits it cannot store, with a sentence, instead of failing."""

from dtdesk.core import values
from dtdesk.core.rules import check
from dtdesk.core.values import Cell
from dtdesk.gui import controller as controller_module
from dtdesk.gui.controller import Controller
from dtdesk.store import session as session_module
from dtdesk.store.reports import resolve
from dtdesk.store.session import ReportSession
from dtdesk.store.workspace import Workspace

CELL = Cell("HA-TUPHAP", "chu_ky_so.total")


def test_a_second_window_is_read_only_and_says_why(qtbot, demo_path):
    first = Workspace.open(demo_path)
    second = Workspace.open(demo_path)  # the file is in use: this one is read-only
    try:
        assert second.read_only and second.notice
        controller = Controller(ReportSession(second, resolve(second)))
        refusals = []
        controller.refused.connect(refusals.append)
        assert controller.edit(CELL, "70") is False
        controller.put_many({CELL: 1})
        assert refusals == [second.notice, second.notice]
        assert controller.undo_stack.count() == 0
        assert first.value("HA-TUPHAP", "2022-Q1", "chu_ky_so.total") == 66
    finally:
        second.close()
        first.close()


def test_a_store_failure_is_a_refusal_not_a_crash(qtbot, demo_ws, monkeypatch):
    import sqlite3

    controller = Controller(ReportSession(demo_ws, resolve(demo_ws)))
    refusals = []
    controller.refused.connect(refusals.append)

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(demo_ws, "set_values", full)
    assert controller.edit(CELL, "70") is False
    assert refusals and "disk is full" in refusals[0]
    assert controller.undo_stack.count() == 0


def test_the_main_window_says_read_only(main, demo_path, qtbot, said):
    from dtdesk.gui.main_window import MainWindow

    other = MainWindow(main.settings)
    qtbot.addWidget(other.window)
    assert other.open_workspace(demo_path)  # the first window still holds the file
    try:
        assert other.ws.read_only
        assert other.window.windowTitle().endswith("Chỉ đọc")
        assert other.report_status.banner.text() == other.ws.notice and said == []  # said above the form, no box
    finally:
        other.close_workspace()


def test_problems_follow_an_import(main, tmp_path):
    """After an import the problems panel is recomputed, not the cached list of before."""
    ws = main.ws
    assert not main.controller.problems()
    ws.set_value("HA-TUPHAP", "2022-Q1", "chu_ky_so.signed", 99)  # as an import writes: not through the session
    main._imported(1)
    assert any(p.unit == "HA-TUPHAP" for p in main.controller.problems())
    assert "Phòng Tư pháp" in main.problems.lines()[0]


def test_the_preview_prints_and_saves_what_it_shows(main, qtbot, tmp_path, monkeypatch):
    printing = main.printing
    printing.show_preview()
    qtbot.waitUntil(lambda: bool(printing.preview.pdf_bytes), timeout=20000)
    rendered = []
    monkeypatch.setattr(printing, "_render", lambda on_done: rendered.append(on_done))
    monkeypatch.setattr(printing, "_ask_pdf_path", lambda: str(tmp_path / "saved.pdf"))
    printing._save_previewed()
    assert rendered == [] and (tmp_path / "saved.pdf").read_bytes() == printing.preview.pdf_bytes


def test_an_edit_is_parsed_once(qtbot, demo_ws, monkeypatch):
    calls = []

    def counted(field, text):
        calls.append(text)
        return values.parse(field, text)

    for module in (controller_module, session_module):
        monkeypatch.setattr(module, "parse", counted)
    controller = Controller(ReportSession(demo_ws, resolve(demo_ws)))
    assert controller.edit(CELL, "1.671")
    assert calls == ["1.671"]
    assert demo_ws.value("HA-TUPHAP", "2022-Q1", "chu_ky_so.total") == 1671


def test_edits_paste_undo_and_redo_keep_the_problems_of_a_full_check(qtbot, demo_ws):
    controller = Controller(ReportSession(demo_ws, resolve(demo_ws)))
    assert controller.problems() == []
    signed, leader = Cell("HA-CATBI", "chu_ky_so.signed"), Cell("HA-TUPHAP", "chu_ky_so.leader")
    assert controller.edit(CELL, "1")  # (2) and (3) now exceed (1)
    assert controller.problems() == check(controller.data) != []
    controller.put_many({CELL: 5000, signed: 41, leader: 7})  # one block over two rows
    assert controller.problems() == check(controller.data) != []
    for step in (controller.undo_stack.undo, controller.undo_stack.undo, controller.undo_stack.redo):
        step()
        assert controller.problems() == check(controller.data)
    assert [p.section for p in controller.problems()] and controller.problems_of("chu_ky_so")
