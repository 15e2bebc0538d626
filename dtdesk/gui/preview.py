"""Preview and print: the same PDF engine as ``dtdesk render``, off the GUI thread.

The document is composed on the GUI thread (fast, reads the session) and
rendered to PDF bytes in a QThreadPool worker; the bytes arrive by signal and
are shown with QtPdf. Printing paints each page, rendered by QPdfDocument at
the printer's resolution, onto a QPrinter.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


class _Signals(QObject):
    done = Signal(bytes)
    failed = Signal(str)


class RenderJob(QRunnable):
    def __init__(self, document):
        super().__init__()
        self.document = document
        self.signals = _Signals()

    def run(self) -> None:
        try:
            from dtdesk.render.pdf import render_bytes  # ReportLab is loaded only when first needed

            self.signals.done.emit(render_bytes(self.document))
        except Exception as exc:  # noqa: BLE001 - the window must say something, never die
            self.signals.failed.emit(str(exc))


def render_async(document, on_done, on_failed) -> RenderJob:
    job = RenderJob(document)
    job.setAutoDelete(False)
    job.signals.done.connect(on_done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(on_failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
    return job


def load_pdf(pdf_bytes: bytes, parent: QObject | None = None):
    """A QPdfDocument over bytes (the buffer is kept alive as its child)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._buffer = buffer
    return document


def print_pdf(pdf, printer) -> int:
    """Paint every page of a loaded QPdfDocument on a printer; returns the number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        for page in range(pdf.pageCount()):
            if page:
                printer.newPage()
            points = pdf.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = pdf.render(page, size)
            target = painter.viewport()
            scale = min(target.width() / size.width(), target.height() / size.height())
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
    finally:
        painter.end()
    return pdf.pageCount()


class PreviewDialog(QDialog):
    """Xem trước khi in: the pages as they will print, with In… and Lưu PDF…."""

    ready = Signal()

    def __init__(self, parent, tr, on_print, on_save):
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.setWindowTitle(tr("Xem trước khi in"))
        self.pdf = None
        self.pdf_bytes = b""
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status = QLabel(tr("Đang dựng trang…"))
        self.print_button = QPushButton(tr("In…"))
        self.save_button = QPushButton(tr("Lưu PDF…"))
        close = QPushButton(tr("Đóng"))
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        self.print_button.clicked.connect(on_print)
        self.save_button.clicked.connect(on_save)
        close.clicked.connect(self.close)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("background: #7a7a7a;")
        layout.addWidget(self.view, 1)
        self.tr_ = tr

    def show_pdf(self, pdf_bytes: bytes) -> None:
        self.pdf_bytes = pdf_bytes
        self.pdf = load_pdf(pdf_bytes, self)
        self.view.setDocument(self.pdf)
        self.status.setText(self.tr_("{n} trang", n=self.pdf.pageCount()))
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.ready.emit()

    def show_error(self, message: str) -> None:
        self.status.setText(self.tr_("Không dựng được bản in: {message}", message=message))
