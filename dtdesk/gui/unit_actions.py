"""File → "Gộp đơn vị…": several units became one (the 2025 mergers), as ``dtdesk units … merge`` does.

The dialog (:class:`dtdesk.gui.unit_dialog.MergeUnitsDialog`) loads when
first opened. After a merger ``units_changed`` is emitted: the window reads
the open report again (its tables and sums list the unit formed alone from
the period chosen) and the completeness view with it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from dtdesk.core.periods import parse_period
from dtdesk.gui.i18n import tr
from dtdesk.gui.window_part import WindowPart


class UnitActions(WindowPart):
    units_changed = Signal()  # units were merged: re-read what lists them

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions["actionMergeUnits"].triggered.connect(lambda: self.merge())

    def update_actions(self) -> None:
        self.actions["actionMergeUnits"].setEnabled(self.ws is not None and not self.ws.read_only)

    def merge(self) -> bool:
        """Ask which units merged into which and from when; True once stored."""
        if not self.writable():
            return False
        from dtdesk.gui.unit_dialog import MergeUnitsDialog

        self.flush()
        period = self.controller.data.info.period if self.controller is not None else None
        dialog = MergeUnitsDialog(self.ws, period, self.window)
        if not dialog.exec() or dialog.done is None:
            return False
        target, merged = dialog.done
        self.status(tr("Đã gộp {merged} vào {name} (mã {code}) từ kỳ {period}.",
                       merged=", ".join(u.name for u in merged), name=target.name, code=target.code,
                       period=dialog.period.period().label), 12000)
        self.units_changed.emit()
        return True
