"""The window opened on a damaged workspace says what is wrong and offers the newest good backup."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from dtdesk.gui import i18n
from dtdesk.store import backup as bk
from dtdesk.store.workspace import Workspace
from tests.store.test_backup import _damage


@pytest.fixture
def window(qtbot, settings):
    from dtdesk.gui.main_window import MainWindow

    i18n.set_language("vi")
    made = MainWindow(settings)
    qtbot.addWidget(made.window)
    yield made
    made.close_workspace()


@pytest.fixture
def asked(monkeypatch, said):
    """What the window asked, and the answer it gets; ``said`` holds its warnings."""
    record = {"answer": QMessageBox.StandardButton.Yes, "questions": [], "said": said}

    def question(parent, title, text, *args, **kwargs):
        record["questions"].append(text)
        return record["answer"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return record


@pytest.mark.parametrize("table", ["units", "vals"])
def test_yes_restores_the_newest_good_backup_and_opens_it(window, asked, demo_path, table):
    Workspace.open(demo_path).close()
    good = bk.list_backups(demo_path)[0]
    _damage(demo_path, table)
    assert window.open_workspace(demo_path)
    (question,) = asked["questions"]
    assert "ws.sqlite" in question and good.label in question and "bị hỏng" in question
    assert window.ws is not None and window.ws.value("HA", "2022-Q1", "dvc.received") == 1671
    assert "Hải An" in window.report_status.unit_label.text()
    assert [b.kind for b in bk.list_backups(demo_path)][:1] == ["damaged"]


def test_no_leaves_the_file_as_it_is_and_the_window_empty(window, asked, demo_path):
    Workspace.open(demo_path).close()
    _damage(demo_path)
    before = demo_path.read_bytes()
    asked["answer"] = QMessageBox.StandardButton.No
    assert not window.open_workspace(demo_path)
    assert window.ws is None and demo_path.read_bytes() == before
    assert [b.kind for b in bk.list_backups(demo_path)] == ["auto"]


def test_without_a_good_backup_it_says_so(window, asked, demo_path):
    Workspace.open(demo_path).close()
    _damage(demo_path)
    _damage(bk.list_backups(demo_path)[0].path)
    assert not window.open_workspace(demo_path)
    assert asked["questions"] == [] and [kind for kind, _ in asked["said"]] == ["warning"]
    assert "không có bản sao lưu" in asked["said"][0][1]
