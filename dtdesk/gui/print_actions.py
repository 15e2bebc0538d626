"""Preview, print and "save as PDF" of the open report: the very PDF ``dtdesk render`` writes.

The document is composed on the GUI thread and rendered off it (see
:mod:`dtdesk.gui.preview`); each action gets the bytes when they arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog

from dtdesk.core.files import write_output
from dtdesk.core.formats import os_reason
from dtdesk.gui import i18n
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.window_part import WindowPart
from dtdesk.store.backup import refuse_own_file
from dtdesk.store.workspace import WorkspaceError

if TYPE_CHECKING:
    from dtdesk.gui.preview import PreviewDialog

NAMES = ("actionPreview", "actionPrint", "actionExportPdf", "actionAnnex")


class PrintActions(WindowPart):
    preview_ready = Signal()  # the preview shows the pages of the latest rendering

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview: PreviewDialog | None = None
        self._jobs = []  # renderings under way (kept alive until their bytes arrive)
        self.actions["actionPreview"].triggered.connect(self.show_preview)
        self.actions["actionPrint"].triggered.connect(self.print_report)
        self.actions["actionExportPdf"].triggered.connect(lambda: self.export_pdf())

    def update_actions(self) -> None:
        for name in NAMES:
            self.actions[name].setEnabled(self.controller is not None)

    # -- rendering ---------------------------------------------------------------------
    def _render(self, on_done: Callable[[bytes], None]) -> None:
        from dtdesk.exchange.verification import report_code
        from dtdesk.gui.preview import render_async  # the preview and ReportLab load with the first rendering

        self.flush()
        session = self.controller.session
        document = self._with_annex(session.document())
        code = report_code(session.ws, session.info.unit, session.info.period)  # printed in the last page's footer
        self.window.statusBar().showMessage(tr("Đang dựng bản in…"))
        self._jobs.append(render_async(document, lambda data: self._rendered(on_done, data), self._render_failed,
                                       code=code))

    def _with_annex(self, document):
        """The document with its annex when the tick asks for one; a report without subunits prints without."""
        if not self.actions["actionAnnex"].isChecked():
            return document
        import dataclasses

        from dtdesk.exchange.annex import NoAnnex, compose_annex

        try:
            return dataclasses.replace(document, annex=compose_annex(self.ws, self.controller.data))
        except NoAnnex:
            self.status(tr("Báo cáo này không có số liệu của đơn vị cấp dưới gửi lên nên in không kèm phụ lục biểu đồ."))
            return document

    def _rendered(self, on_done: Callable[[bytes], None], data: bytes) -> None:
        self._jobs = self._jobs[-4:]
        self.window.statusBar().clearMessage()
        on_done(data)

    def _render_failed(self, exc: Exception) -> None:
        self.warn(tr("Không dựng được bản in: {message}", message=said(exc)))

    # -- the actions -------------------------------------------------------------------
    def show_preview(self) -> None:
        if self.controller is None:
            return
        if self.preview is None:
            from dtdesk.gui.preview import PreviewDialog

            self.preview = PreviewDialog(self.window, tr, self._print_previewed, self._save_previewed)
            self.preview.ready.connect(self.preview_ready)
            geometry = self.window.geometry()
            self.preview.resize(min(900, geometry.width()), geometry.height())
        self.preview.setWindowTitle(tr("Xem trước khi in"))
        self.preview.show()
        self.preview.raise_()
        self._render(self.preview.show_pdf)

    def print_report(self) -> None:
        if self.controller is not None:
            self._render(self._print_bytes)

    def export_pdf(self, path: str | None = None) -> None:
        if self.controller is None:
            return
        path = path or self._ask_pdf_path()
        if path:
            self._render(lambda data: self._write_pdf(path, data))

    def _print_previewed(self) -> None:
        """The preview's "In…": the pages already shown, not a second rendering."""
        if self.preview.pdf_bytes:
            self._print_bytes(self.preview.pdf_bytes)
        else:
            self.print_report()

    def _save_previewed(self) -> None:
        if not self.preview.pdf_bytes:
            self.export_pdf()
        elif path := self._ask_pdf_path():
            self._write_pdf(path, self.preview.pdf_bytes)

    def _ask_pdf_path(self) -> str:
        from dtdesk.gui.preview import safe_file_name

        data = self.controller.data
        suggested = safe_file_name(f"bao-cao-{data.unit.code}-{data.info.period}") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Lưu PDF"), suggested, tr("Tệp PDF (*.pdf)"))
        return path

    def _print_bytes(self, data: bytes) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QDialog

        from dtdesk.gui.preview import load_pdf, print_pdf, safe_file_name

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(safe_file_name(self.window.windowTitle()))
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(tr("In báo cáo"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = print_pdf(load_pdf(data), printer)
        self.status(tr("Đã gửi {n} trang tới máy in.", n=pages))

    def _write_pdf(self, path: str, data: bytes) -> None:
        """Whole or not at all (dtdesk.core.files), and never over the workspace or its backups."""
        try:
            if self.ws is not None:
                refuse_own_file(self.ws.path, path)
            write_output(path, data)
        except WorkspaceError as exc:
            self.warn(said(exc))
            return
        except OSError as exc:
            self.warn(tr("Không ghi được tệp «{path}»: {error}.", path=path, error=os_reason(exc)))
            return
        self.status(tr("Đã lưu PDF vào {path}", path=path))

    def retranslate(self) -> None:
        if self.preview is not None:
            i18n.retranslate(self.preview)
