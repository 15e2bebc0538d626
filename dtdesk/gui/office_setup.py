"""The first run and File → "Tạo tệp dữ liệu mới…": set up your office (ui/office_setup.ui).

The clerk picks the province, then the commune, ward or special zone from the
official list (:mod:`dtdesk.core.official`), or the province itself (whose
workspace holds all its communes as subunits), or types a unit of her own
(a body, or a unit of the district era) with its kind and parent; then the
period and where the workspace file goes. Accepting makes the workspace
(:func:`dtdesk.store.reports.create_office`) with that unit as its own and
its report for the period started; the window then opens it, ready to type.
"Xem báo cáo mẫu" opens the Hải An demo instead.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFileDialog, QLineEdit, QListWidgetItem, QWidget

from dtdesk.core import official
from dtdesk.core.periods import PeriodError
from dtdesk.core.units import KINDS, Unit, UnitError
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.period_picker import PeriodPicker
from dtdesk.gui.uiload import load_form
from dtdesk.store.demo import create_demo
from dtdesk.store.reports import create_office
from dtdesk.store.workspace import WorkspaceError

DEMO_NAME = "bao-cao-mau-hai-an.sqlite"
SUFFIX = ".sqlite"
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 1  # a province's name without accents, for the completer


def folder(location: QStandardPaths.StandardLocation) -> Path:
    """One of the user's standard folders (documents, the app's data), created if needed."""
    path = Path(QStandardPaths.writableLocation(location))
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_stem(name: str) -> str:
    """A file name for a unit's workspace: "Hải An" → "hai-an"."""
    return "-".join(official.plain(name).split()) or "dtdesk"


def demo_workspace() -> Path:
    """The Hải An demo's workspace in the app's data folder, made the first time it is asked for."""
    path = folder(QStandardPaths.StandardLocation.AppDataLocation) / DEMO_NAME
    if not path.exists():
        create_demo(path).close()
    return path


class OfficeSetupDialog(QObject):
    """Who the clerk is, the period and the file; ``path`` is the workspace made (or the demo's) once accepted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self._path_typed = False  # the clerk chose the file: a new unit no longer renames it
        self._shown_province: str | None = None  # whose communes the list holds
        self.dialog, named = load_form("office_setup.ui", parent)
        self.w = named
        self.province: QComboBox = named["province"]
        self.period = PeriodPicker(named["period"])
        self._fill_provinces()
        self._fill_kinds()
        self.province.currentTextChanged.connect(self._province_changed)
        named["communeSearch"].textChanged.connect(self._fill_communes)
        named["communes"].currentItemChanged.connect(lambda *_: self._suggest_path())
        named["communes"].itemDoubleClicked.connect(lambda *_: self.accept())
        for choice in ("communeChoice", "provinceChoice", "ownChoice"):
            named[choice].toggled.connect(self._choice_changed)
        named["name"].textChanged.connect(lambda *_: self._suggest_path())
        named["path"].textEdited.connect(self._typed_path)
        named["browse"].clicked.connect(self.choose_path)
        named["create"].clicked.connect(self.accept)
        named["cancel"].clicked.connect(self.dialog.reject)
        named["demo"].clicked.connect(self.open_demo)
        labels = [named[n] for n in ("provinceLabel", "periodLabel", "pathLabel")]  # two forms, one column
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        self._choice_changed()

    def exec(self) -> int:
        return self.dialog.exec()

    # -- filling the lists -----------------------------------------------------------------
    def _fill_provinces(self) -> None:
        """Pick from the list, or type part of the name with or without accents ("hai phong")."""
        for row, unit in enumerate(official.provinces()):
            self.province.addItem(unit.name, unit.code)
            self.province.setItemData(row, official.plain(unit.name), PLAIN_ROLE)
        self.province.setEditable(True)
        self.province.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.province.setCurrentIndex(-1)
        self.province.lineEdit().setPlaceholderText(tr("Chọn hoặc gõ tên tỉnh, thành phố…"))
        completer = QCompleter(self.province.model(), self.province)  # matches the name without accents
        completer.setCompletionRole(PLAIN_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.province.setCompleter(completer)

    def _fill_kinds(self) -> None:
        kind = self.w["kind"]
        for code, (word, _level) in KINDS.items():
            kind.addItem(word, code)
        kind.setCurrentIndex(kind.findData("department"))

    def province_code(self) -> str | None:
        """The province picked, or the only one whose name holds what was typed."""
        text = self.province.currentText()
        index = self.province.findText(text)
        if index >= 0:
            return self.province.itemData(index)
        found = official.find(text) if text.strip() else []
        return found[0].code if len(found) == 1 else None

    def select_province(self, code: str) -> None:
        self.province.setCurrentIndex(self.province.findData(code))

    def _province_changed(self) -> None:
        code = self.province_code()
        if code == self._shown_province:
            return
        self._shown_province = code
        self._fill_communes()
        parent = self.w["parent"]
        parent.clear()
        parent.addItem(tr("(không có)"), "")
        if code:
            parent.addItem(official.official_unit(code).name, code)
            for unit in official.communes(code):
                parent.addItem(unit.name, unit.code)
            parent.setCurrentIndex(1)
        self._suggest_path()

    def _fill_communes(self) -> None:
        communes = self.w["communes"]
        communes.clear()
        code = self.province_code()
        if not code:
            return
        for unit in official.find(self.w["communeSearch"].text(), code):
            item = QListWidgetItem(f"{unit.name} ({unit.code})")
            item.setData(Qt.ItemDataRole.UserRole, unit.code)
            communes.addItem(item)

    def select_commune(self, code: str) -> bool:
        communes = self.w["communes"]
        for row in range(communes.count()):
            if communes.item(row).data(Qt.ItemDataRole.UserRole) == code:
                communes.setCurrentRow(row)
                return True
        return False

    def _choice_changed(self) -> None:
        commune = self.w["communeChoice"].isChecked()
        self.w["communeSearch"].setEnabled(commune)
        self.w["communes"].setEnabled(commune)
        self.w["ownBox"].setVisible(self.w["ownChoice"].isChecked())
        self._suggest_path()

    # -- the file --------------------------------------------------------------------------
    def _typed_path(self) -> None:
        self._path_typed = True

    def _suggest_path(self) -> None:
        """Name the file after the unit chosen, in the documents folder, until the clerk names it herself."""
        if self._path_typed:
            return
        if self.w["ownChoice"].isChecked():  # named as typed, before the code and kind are
            name = self.w["name"].text().strip()
        else:
            try:
                units, own = self.chosen()
            except UnitError:
                return
            unit = next(u for u in units if u.code == own)
            name = unit.short or unit.name
        if not name:
            return
        self.w["path"].setText(str(folder(QStandardPaths.StandardLocation.DocumentsLocation)
                                   / f"{file_stem(name)}{SUFFIX}"))

    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.dialog, tr("Lưu tệp dữ liệu mới"), self.w["path"].text(),
                                              tr("Tệp dữ liệu dtdesk (*.sqlite)"))
        if path:
            if not path.endswith(SUFFIX):
                path += SUFFIX
            self.w["path"].setText(path)
            self._path_typed = True

    # -- the result ------------------------------------------------------------------------
    def chosen(self) -> tuple[list[Unit], str]:
        """The units the new workspace holds and the code of its own unit; UnitError while the choice is unfinished."""
        province = self.province_code()
        if self.w["ownChoice"].isChecked():
            w = self.w
            units = official.own_office(w["code"].text(), w["name"].text(), w["kind"].currentData(),
                                        w["parent"].currentData() or "")
            return units, units[-1].code
        if not province:
            raise UnitError(tr("Hãy chọn tỉnh, thành phố."))
        if self.w["provinceChoice"].isChecked():
            return official.office_units(province), official.official_code(province)
        item = self.w["communes"].currentItem()
        if item is None:
            raise UnitError(tr("Hãy chọn xã, phường hoặc đặc khu trong danh sách."))
        code = item.data(Qt.ItemDataRole.UserRole)
        return official.office_units(code), code

    def accept(self) -> None:
        """Make the workspace; a choice not finished or a file that cannot be made is said in one sentence."""
        message = self.w["message"]
        try:
            units, own = self.chosen()
            period = self.period.period()
        except (UnitError, PeriodError) as exc:
            message.setText(said(exc))
            return
        text = self.w["path"].text().strip()
        if not text:
            message.setText(tr("Hãy chọn nơi lưu tệp dữ liệu."))
            return
        path = Path(text)
        if not path.parent.is_dir():
            message.setText(tr("Không có thư mục «{folder}».", folder=str(path.parent)))
            return
        try:
            create_office(path, units, own, period.code)
        except (WorkspaceError, OSError, sqlite3.Error) as exc:
            message.setText(said(exc))
            return
        self.path = path
        self.dialog.accept()

    def open_demo(self) -> None:
        """The Hải An demo, made in the app's data folder the first time."""
        try:
            self.path = demo_workspace()
        except (WorkspaceError, OSError, sqlite3.Error) as exc:
            self.w["message"].setText(said(exc))
            return
        self.dialog.accept()
