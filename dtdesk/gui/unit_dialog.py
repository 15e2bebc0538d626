"""Adding a unit (ui/new_unit.ui): what a clerk needs before the first report of an empty workspace;
merging units (ui/merge_units.ui): several units became one; retiring a unit (ui/retire_unit.ui): one dissolved.

The checks and the storing are :func:`dtdesk.store.reports.define_unit`'s,
:func:`~dtdesk.store.reports.merge_units`'s and
:func:`~dtdesk.store.reports.retire_unit`'s; these dialogs only collect the
fields and show the sentence of a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QWidget)

from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.retirement import plan_retirement
from dtdesk.core.units import KINDS, UnitError
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.period_picker import PeriodPicker
from dtdesk.gui.uiload import load_form, load_ui
from dtdesk.store.reports import define_unit, merge_units, retire_unit
from dtdesk.store.workspace import Workspace, WorkspaceError


def units_in_use(ws: Workspace) -> list:
    """The units a merger or a retirement may name: in use today and under the workspace's own unit (which is
    neither merged nor retired; the levels above are not this office's to change)."""
    retired, own, units = ws.retired(), ws.own_unit, ws.hierarchy()
    return [u for u in units.walk() if u.code not in retired and u.code != own
            and (not own or units.is_descendant(u.code, own))]


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


class MergeUnitsDialog(QObject):
    """Which units became one, and from which period (ui/merge_units.ui): ``dtdesk units … merge`` in the window.

    The checks and the storing are :func:`dtdesk.store.reports.merge_units`'s;
    this dialog offers the units in use besides the workspace's own, adds the
    unit a merger formed when it is not listed yet ("Đơn vị mới…"), and shows
    the sentence of a refusal. ``done`` is (the unit, those merged) once accepted.
    """

    def __init__(self, ws: Workspace, period: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.done = None
        self.dialog, named = load_form("merge_units.ui", parent)
        self.into: QComboBox = named["into"]
        self.sources: QListWidget = named["sources"]
        self.message: QLabel = named["message"]
        self.period = PeriodPicker(named["period"])
        if period:
            self.period.select(parse_period(period).title)
        self._fill_into("")
        self.into.currentIndexChanged.connect(lambda _i: self._fill_sources())
        named["newUnit"].clicked.connect(self.new_unit)
        named["buttons"].accepted.connect(self.accept)
        named["buttons"].rejected.connect(self.dialog.reject)

    def exec(self) -> int:
        return self.dialog.exec()

    def _in_use(self) -> list:
        return units_in_use(self.ws)

    def _fill_into(self, current: str) -> None:
        self.into.blockSignals(True)
        self.into.clear()
        for unit in self._in_use():
            self.into.addItem(f"{unit.name} ({unit.code})", unit.code)
        self.into.setCurrentIndex(max(0, self.into.findData(current)))
        self.into.blockSignals(False)
        self._fill_sources()

    def _fill_sources(self) -> None:
        """The units of the same level as the one chosen above, each to tick; ticks on units still listed stay."""
        ticked = set(self.chosen())
        self.sources.clear()
        into = self.into.currentData()
        level = next((u.level for u in self._in_use() if u.code == into), None)
        for unit in self._in_use():
            if unit.code != into and unit.level == level:  # wards merge into a ward, bodies into a body
                item = QListWidgetItem(f"{unit.name} ({unit.code})", self.sources)
                item.setData(Qt.ItemDataRole.UserRole, unit.code)
                item.setCheckState(Qt.CheckState.Checked if unit.code in ticked else Qt.CheckState.Unchecked)

    def tick(self, *codes: str) -> None:
        for i in range(self.sources.count()):
            item = self.sources.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in codes:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[str]:
        items = (self.sources.item(i) for i in range(self.sources.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def new_unit(self) -> None:
        """The unit the merger formed, added first when the file does not list it yet."""
        dialog = NewUnitDialog(self.ws, self.dialog)
        if dialog.exec() and dialog.unit is not None:
            self._fill_into(dialog.unit.code)

    def accept(self) -> None:
        into = self.into.currentData()
        if not into:
            self.message.setText(tr("Tệp chưa có đơn vị nào để gộp."))
            return
        try:
            self.done = merge_units(self.ws, into, self.chosen(), self.period.period().code)
        except (PeriodError, WorkspaceError) as exc:
            self.message.setText(said(exc))
            return
        self.dialog.accept()


class RetireUnitDialog(QObject):
    """Which unit was dissolved, and from which period (ui/retire_unit.ui): ``dtdesk units … retire`` in the window.

    Before the clerk confirms it says what follows (its subunits under its
    parent, its bodies retired with it), as :mod:`dtdesk.core.retirement`
    decides; ``done`` is the retirement once stored.
    """

    def __init__(self, ws: Workspace, period: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.done = None
        self.dialog, named = load_form("retire_unit.ui", parent)
        self.unit: QComboBox = named["unit"]
        self.consequences: QLabel = named["consequences"]
        self.message: QLabel = named["message"]
        self.period = PeriodPicker(named["period"])
        if period:
            self.period.select(parse_period(period).title)
        for unit in units_in_use(ws):
            self.unit.addItem(f"{unit.name} ({unit.code})", unit.code)
        self.unit.currentIndexChanged.connect(lambda _i: self.foresee())
        self.period.combo.currentTextChanged.connect(lambda _t: self.foresee())
        named["buttons"].accepted.connect(self.accept)
        named["buttons"].rejected.connect(self.dialog.reject)
        self.foresee()

    def exec(self) -> int:
        return self.dialog.exec()

    def choose(self, code: str) -> None:
        self.unit.setCurrentIndex(self.unit.findData(code))

    def foresee(self) -> None:
        """What retiring the chosen unit from the chosen period would do to the units under it."""
        text = ""
        try:
            span = self.period.period()
            if self.unit.currentData():
                plan = plan_retirement(self.ws.hierarchy(as_of=span.start), self.unit.currentData(), span.code)
                text = " ".join(said(sentence) for sentence in plan.consequences(span.label))
        except (PeriodError, UnitError):  # a period being typed, or a unit gone by then: said on OK
            pass
        self.consequences.setText(text)

    def accept(self) -> None:
        if not self.unit.currentData():
            self.message.setText(tr("Tệp không có đơn vị nào để thôi dùng."))
            return
        try:
            self.done = retire_unit(self.ws, self.unit.currentData(), self.period.period().code)
        except (PeriodError, WorkspaceError) as exc:
            self.message.setText(said(exc))
            return
        self.dialog.accept()
