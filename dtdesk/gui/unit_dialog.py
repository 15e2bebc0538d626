"""Adding a unit (ui/new_unit.ui): what a clerk needs before the first report of an empty workspace.

The checks and the storing are :func:`dtdesk.store.reports.define_unit`'s; this
dialog only collects the fields and shows its sentence when it refuses.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from dtdesk.core.units import KINDS
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.uiload import load_ui
from dtdesk.store.reports import define_unit
from dtdesk.store.workspace import Workspace, WorkspaceError


class NewUnitDialog(QObject):
    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.unit = None
        self.dialog: QDialog = load_ui("new_unit.ui", parent)
        find = self.dialog.findChild
        self.name, self.short, self.code = (find(QLineEdit, n) for n in ("name", "short", "code"))
        self.kind, self.parent = find(QComboBox, "kind"), find(QComboBox, "parent")
        self.message = find(QLabel, "message")
        for kind, (word, _admin) in KINDS.items():
            self.kind.addItem(word, kind)
        self.kind.setCurrentIndex(self.kind.findData("ward"))
        self.parent.addItem(tr("(không có)"), "")
        for unit in ws.hierarchy().walk():
            self.parent.addItem(f"{unit.name} ({unit.code})", unit.code)
        if ws.own_unit:
            self.parent.setCurrentIndex(self.parent.findData(ws.own_unit))
        buttons = find(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.dialog.reject)

    def exec(self) -> int:
        return self.dialog.exec()

    def accept(self) -> None:
        try:
            self.unit = define_unit(self.ws, self.code.text(), self.name.text(), self.kind.currentData(),
                                    self.parent.currentData(), self.short.text())
        except WorkspaceError as exc:
            self.message.setText(said(exc))
            return
        self.dialog.accept()
