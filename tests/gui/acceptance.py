"""What the acceptance flows share: launching the app as ``dtdesk`` does, and a clerk's set-up of her office."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def launch(qtbot, settings, monkeypatch):
    """The app started with no workspace named, as a clerk starts it; its main window, painted and checked."""
    from dtdesk.gui import app, i18n

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own; pytest-qt keeps its own
    _application, window = app.build(None, settings=settings)
    i18n.set_language("vi")
    qtbot.addWidget(window.window)
    qtbot.waitExposed(window.window)
    window.window.activateWindow()  # the set-up dialog had the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.window)
    qtbot.waitUntil(lambda: not window.checks_pending)  # the rules run just after the first paint
    return window


def set_up(qtbot, monkeypatch, province: str, search: str | None, commune: str | None, period: str):
    """Answer the set-up dialog as a clerk would: type the province (QTest types ASCII only, so without
    accents, as many clerks do), find the commune (or take the province
    itself), pick the period, and click "Tạo tệp dữ liệu". Returns what each dialog said, if anything."""
    from dtdesk.gui.office_setup import OfficeSetupDialog

    said = []

    def as_the_clerk(dialog):
        dialog.dialog.show()  # as exec() would
        qtbot.waitExposed(dialog.dialog)
        qtbot.keyClicks(dialog.province.lineEdit(), province)
        if commune is None:
            qtbot.mouseClick(dialog.w["provinceChoice"], Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClicks(dialog.w["communeSearch"], search)
            communes = dialog.w["communes"]
            (found,) = communes.findItems(commune, Qt.MatchFlag.MatchStartsWith)
            rect = communes.visualItemRect(found)
            qtbot.mouseClick(communes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        dialog.period.select(period)
        qtbot.mouseClick(dialog.w["create"], Qt.MouseButton.LeftButton)
        said.append(dialog.w["message"].text())
        return dialog.dialog.result()

    monkeypatch.setattr(OfficeSetupDialog, "exec", as_the_clerk)
    return said
