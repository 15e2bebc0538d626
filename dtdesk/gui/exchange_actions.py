"""Submissions from the File menu: export the open report as a submission file or an Excel "biểu chi tiết",
import the units' files.

Import opens :class:`~dtdesk.gui.exchange_import.ImportDialog`; after an
import ``imported`` is emitted with the number of files, and the window
re-reads the report (and the completeness dock its period).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from dtdesk.core.formats import os_reason
from dtdesk.gui.i18n import language, said, tr
from dtdesk.gui import messages
from dtdesk.gui.messages import inform
from dtdesk.gui.window_part import WindowPart
from dtdesk.store.workspace import WorkspaceError

if TYPE_CHECKING:
    from dtdesk.gui.exchange_import import ImportDialog


class ExchangeActions(WindowPart):
    imported = Signal(int)  # files imported into the workspace
    sent = Signal()  # the open report was exported: it is locked until reopened
    replied = Signal()  # the level above's answer was imported: the report is accepted, or returned and open again

    def __init__(self, window, actions, flush, settings: QSettings, parent=None):
        super().__init__(window, actions, flush, parent)
        self.settings = settings
        actions["actionExportSubmission"].triggered.connect(lambda: self.export_submission())
        actions["actionExportSubmissionEml"].triggered.connect(lambda: self.export_submission(eml=True))
        actions["actionExportXlsx"].triggered.connect(lambda: self.export_xlsx())
        actions["actionImportSubmissions"].triggered.connect(lambda: self.import_submissions())
        actions["actionVerifyCode"].triggered.connect(lambda: self.verify_code())

    def update_actions(self) -> None:
        """Import needs a workspace; export an open report. A read-only window says why when they are tried."""
        self.actions["actionImportSubmissions"].setEnabled(self.ws is not None)
        self.actions["actionVerifyCode"].setEnabled(self.ws is not None)
        for name in ("actionExportSubmission", "actionExportSubmissionEml", "actionExportXlsx"):
            self.actions[name].setEnabled(self.controller is not None)

    def export_submission(self, eml: bool = False) -> Path | None:
        """Write the open report as a submission file (and an .eml draft) into a folder the clerk picks."""
        if self.controller is None or not self.writable():
            return None
        from dtdesk.exchange.export import export_report  # the exchange modules load with their first use

        self.flush()
        start = str(self.settings.value("exportFolder", "") or "")
        folder = QFileDialog.getExistingDirectory(self.window, tr("Chọn thư mục để lưu tệp nộp"), start)
        if not folder:
            return None
        if not Path(folder).is_dir():
            self.warn(tr("Không có thư mục «{folder}» để ghi tệp nộp.", folder=folder))
            return None
        self.settings.setValue("exportFolder", folder)
        info = self.controller.data.info
        notice = ""
        if eml:
            from dtdesk.exchange.eml import address_notice

            notice = address_notice(self.ws, info.unit)  # said with the result; the draft is still useful
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_report(self.ws, info.unit, info.period, Path(folder), eml=eml)
        except WorkspaceError as exc:
            self.warn(said(exc))
            return None
        except OSError as exc:  # the .eml draft could not be written (the submission file is)
            self.warn(tr("Không ghi được thư nháp: {error}.", error=os_reason(exc)))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if result.eml is not None:
            message = tr("Đã xuất tệp nộp {name} (lần nộp r{revision}) và thư nháp {eml} vào thư mục {folder}.",
                         name=result.path.name, revision=result.revision, eml=result.eml.name, folder=folder)
            message += f" {said(notice)}" if notice else ""
        else:
            message = tr("Đã xuất tệp nộp {name} (lần nộp r{revision}) vào thư mục {folder}.",
                         name=result.path.name, revision=result.revision, folder=folder)
        inform(self.window, message)
        self.sent.emit()
        return result.path

    def export_xlsx(self, target: str | None = None) -> Path | None:
        """Write the open report's tables as an Excel "biểu chi tiết" where the clerk says (reading only: a
        read-only window may do it too)."""
        if self.controller is None:
            return None
        from dtdesk.exchange.xlsx_export import export_xlsx  # openpyxl loads with the first workbook

        self.flush()
        info = self.controller.data.info
        if target is None:
            start = Path(str(self.settings.value("exportFolder", "") or "")) / f"{info.unit}_{info.period}.xlsx"
            target, _ = QFileDialog.getSaveFileName(self.window, tr("Xuất biểu chi tiết Excel"), str(start),
                                                    tr("Biểu chi tiết Excel") + " (*.xlsx)")
            if not target:
                return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = export_xlsx(self.ws, info.unit, info.period, target, language())
        except WorkspaceError as exc:
            self.warn(said(exc))
            return None
        except OSError as exc:
            self.warn(tr("Không ghi được tệp «{name}»: {error}.", name=Path(target).name, error=os_reason(exc)))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.settings.setValue("exportFolder", str(path.parent))
        self.status(tr("Đã xuất biểu chi tiết Excel {name}.", name=path.name), 10000)
        return path

    def import_submissions(self, paths: list[str] | None = None) -> ImportDialog | None:
        """The import dialog on the open workspace."""
        if not self.writable():
            return None
        from dtdesk.gui.exchange_import import ImportDialog  # a dialog's module loads when it is first opened

        self.flush()
        dialog = ImportDialog(self.ws, paths, self.window)
        dialog.importedFiles.connect(self._imported)
        dialog.repliesImported.connect(self.replied)
        dialog.exec()
        dialog.deleteLater()
        return dialog

    def _imported(self, count: int) -> None:
        self.imported.emit(count)
        self.status(tr("Đã nhập {n} tệp nộp.", n=count), 10000)

    def verify_code(self, typed: str | None = None) -> bool:
        """Does a printed copy match a revision this workspace imported or exported? The code at its foot says."""
        if self.ws is None:
            return False
        from dtdesk.exchange.verification import CodeError, describe, find, parse_code, workbooks

        if typed is None:
            typed, ok = QInputDialog.getText(self.window, tr("Kiểm tra mã xác thực"),
                                             tr("Mã xác thực in ở cuối trang cuối của bản in (gõ hoặc quét):"))
            if not ok or not typed.strip():
                return False
        try:
            code = parse_code(typed)
        except CodeError as exc:
            self.warn(said(exc))
            return False
        self.flush()
        matches = find(self.ws, code)
        names = {unit.code: unit.name for unit in self.ws.hierarchy().walk()}
        message = "\n".join(said(line) for line in describe(code, matches, names, workbooks(self.ws)))
        (inform if matches else messages.warn)(self.window, message)
        return bool(matches)
