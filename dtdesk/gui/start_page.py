"""The page the window shows with no report open: what the clerk can do next, as buttons.

With no workspace open (the first run's set-up cancelled, the file closed)
it offers "Thiết lập đơn vị…", "Mở tệp dữ liệu…" and "Xem báo cáo mẫu"; with a
workspace open but no report, "Mở báo cáo…" (when it has reports) and "Báo
cáo mới…" (when this window may write) come first. A window is never left
with nothing to do. The buttons trigger the File menu's own actions; the
demo is opened through ``open_requested``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Signal

from dtdesk.gui.i18n import said, tr
from dtdesk.gui.window_part import WindowPart
from dtdesk.store.workspace import WorkspaceError

BUTTONS = {"startOpenReport": "actionOpenReport", "startNewReport": "actionNewReport",
           "startSetup": "actionNewWorkspace", "startOpen": "actionOpen"}


class StartPage(WindowPart):
    open_requested = Signal(str)  # the demo's workspace, to open

    def __init__(self, window, actions, flush, named: dict, parent=None):
        super().__init__(window, actions, flush, parent)
        self.title = named["startTitle"]
        self.buttons = {name: named[name] for name in (*BUTTONS, "startDemo")}
        for name, action in BUTTONS.items():
            self.buttons[name].clicked.connect(actions[action].trigger)
        self.buttons["startDemo"].clicked.connect(self.open_demo)

    def update_actions(self) -> None:
        """The choices that make sense for what is open (the page itself shows only while no report is)."""
        ws = self.ws
        shown = {"startSetup", "startOpen"}
        if ws is None:
            shown.add("startDemo")
            self.title.setText(tr("Chưa mở tệp dữ liệu nào."))
        else:
            shown |= {"startOpenReport"} if ws.reports() else set()
            shown |= {"startNewReport"} if not ws.read_only else set()
            self.title.setText(tr("Tệp «{name}» đang mở, chưa mở báo cáo nào.", name=Path(ws.path).name))
        for name, button in self.buttons.items():
            button.setVisible(name in shown)

    def retranslate(self) -> None:
        self.update_actions()

    def open_demo(self) -> None:
        """The Hải An demo, made in the app's data folder the first time."""
        from dtdesk.gui.office_setup import demo_workspace

        try:
            path = demo_workspace()
        except (WorkspaceError, OSError, sqlite3.Error) as exc:
            self.warn(tr("Không mở được báo cáo mẫu: {reason}", reason=said(exc)))
            return
        self.open_requested.emit(str(path))
