"""File → "Gộp đơn vị…": several units became one (the 2025 mergers), as ``dtdesk units … merge`` does; File →
"Thôi dùng đơn vị…": one was dissolved, as ``dtdesk units … retire`` does.

The dialogs (:mod:`dtdesk.gui.unit_dialog`) load when first opened. After a
change ``units_changed`` is emitted: the window reads the open report again
(its tables and sums list the units of the period chosen) and the
completeness view with it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from dtdesk.core.periods import parse_period
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.window_part import WindowPart


class UnitActions(WindowPart):
    units_changed = Signal()  # units were merged or retired: re-read what lists them

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions["actionMergeUnits"].triggered.connect(lambda: self.merge())
        self.actions["actionRetireUnit"].triggered.connect(lambda: self.retire())

    def update_actions(self) -> None:
        for name in ("actionMergeUnits", "actionRetireUnit"):
            self.actions[name].setEnabled(self.ws is not None and not self.ws.read_only)

    def _period(self) -> str | None:
        return self.controller.data.info.period if self.controller is not None else None

    def _ask(self, dialog_class):
        """The dialog (shown on the open report's period) once the clerk confirmed it and it stored; else None."""
        if not self.writable():
            return None
        self.flush()
        dialog = dialog_class(self.ws, self._period(), self.window)
        return dialog if dialog.exec() and dialog.done is not None else None

    def merge(self) -> bool:
        """Ask which units merged into which and from when; True once stored."""
        from dtdesk.gui.unit_dialog import MergeUnitsDialog

        dialog = self._ask(MergeUnitsDialog)
        if dialog is None:
            return False
        target, merged = dialog.done
        self.status(tr("Đã gộp {merged} vào {name} (mã {code}) từ kỳ {period}.",
                       merged=", ".join(u.name for u in merged), name=target.name, code=target.code,
                       period=dialog.period.period().label), 12000)
        self.units_changed.emit()
        return True

    def retire(self) -> bool:
        """Ask which unit was dissolved and from when; True once stored. The status line says what followed."""
        from dtdesk.gui.unit_dialog import RetireUnitDialog

        dialog = self._ask(RetireUnitDialog)
        if dialog is None:
            return False
        done, label = dialog.done, parse_period(dialog.done.period).label
        told = [tr("Đã thôi dùng {name} (mã {code}) từ {period}.", name=done.unit.name, code=done.unit.code,
                   period=label), *(said(sentence) for sentence in done.consequences(label))]
        self.status(" ".join(told), 12000)
        self.units_changed.emit()
        return True
