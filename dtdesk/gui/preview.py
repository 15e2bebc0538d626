"""Preview and print: the same PDF engine as ``dtdesk render``, off the GUI thread.

The document is composed on the GUI thread (fast, reads the session) and
rendered to PDF bytes in a QThreadPool worker; the bytes arrive by signal.
Those very bytes are rasterised by PDFium (pypdfium2), for the screen at the
window's width and for the printer at its own resolution, capped at 600 dpi so
that a page never becomes a raster of hundreds of megabytes.

Why PDFium and not Qt's own QtPdf: QtPdf is a separate wheel that exists only
for PySide6 6.12, and PySide6 6.12.0 on Python 3.11 corrupts None's reference
count on every void call (the window died after ~110 edits). pypdfium2 works
with every PySide6 and Python the app supports.
"""

from __future__ import annotations

import re

import pypdfium2

from PySide6.QtCore import QObject, QRectF, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

PRINT_DPI_CAP = 600


class _Signals(QObject):
    done = Signal(bytes)
    failed = Signal(object)  # the exception, worded by the receiver in the window's language


class RenderJob(QRunnable):
    def __init__(self, document, code: str | None = None):
        super().__init__()
        self.document = document
        self.code = code  # the report's verification code, for the last page's footer
        self.signals = _Signals()

    def run(self) -> None:
        try:
            from dtdesk.render.pdf import render_bytes  # ReportLab is loaded only when first needed

            self.signals.done.emit(render_bytes(self.document, code=self.code))
        except Exception as exc:  # noqa: BLE001 - the window must say something, never die
            self.signals.failed.emit(exc)


def render_async(document, on_done, on_failed, *, code: str | None = None) -> RenderJob:
    job = RenderJob(document, code)
    job.setAutoDelete(False)
    job.signals.done.connect(on_done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(on_failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
    return job


class PdfPages:
    """The pages of a PDF held in memory, rasterised on demand by PDFium."""

    def __init__(self, pdf_bytes: bytes):
        self.data = pdf_bytes
        self._document = pypdfium2.PdfDocument(pdf_bytes)

    def pageCount(self) -> int:  # noqa: N802 - reads like the Qt objects around it
        return len(self._document)

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height in points."""
        return self._document[index].get_size()

    def image(self, index: int, dpi: float) -> QImage:
        """One page as an image at ``dpi`` (a copy: it outlives PDFium's buffer)."""
        bitmap = self._document[index].render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
        return image.copy()


def load_pdf(pdf_bytes: bytes) -> PdfPages:
    """The pages of rendered PDF bytes."""
    return PdfPages(pdf_bytes)


def print_dpi(printer) -> int:
    """The printer's own resolution, capped: more dots than that only make the spool file larger."""
    return max(72, min(printer.resolution(), PRINT_DPI_CAP))


def print_pdf(pdf: PdfPages, printer) -> int:
    """Paint every page on a printer at its resolution (capped); returns the number of pages."""
    dpi = print_dpi(printer)
    printer.setResolution(dpi)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(pdf.pageCount()):
            if page:
                printer.newPage()
            image = pdf.image(page, dpi)
            target = painter.viewport()
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
    finally:
        painter.end()
    return pdf.pageCount()


def safe_file_name(title: str) -> str:
    """A document or file name without path characters ("quý I/2022" → "quý I-2022")."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") or "bao-cao"


class PageView(QScrollArea):
    """The pages one under another on a grey desk, each as wide as the view."""

    SPACING = 12

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pdf: PdfPages | None = None
        self.setWidgetResizable(True)
        self.setStyleSheet("QScrollArea { background: #7a7a7a; } #pageDesk { background: #7a7a7a; }")
        desk = QWidget()
        desk.setObjectName("pageDesk")
        self._column = QVBoxLayout(desk)
        self._column.setSpacing(self.SPACING)
        self._column.setContentsMargins(self.SPACING, self.SPACING, self.SPACING, self.SPACING)
        self._column.addStretch(1)
        self.setWidget(desk)
        self._labels: list[QLabel] = []
        self._width = 0
        self._resized = QTimer(self, singleShot=True, interval=150)
        self._resized.timeout.connect(self._draw)

    def document(self) -> PdfPages | None:
        return self.pdf

    def setDocument(self, pdf: PdfPages) -> None:  # noqa: N802 - as QPdfView named it
        self.pdf = pdf
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        for _ in range(pdf.pageCount()):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._column.insertWidget(self._column.count() - 1, label)
            self._labels.append(label)
        self._width = 0
        self._draw()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._resized.start()

    def _draw(self) -> None:
        """Rasterise each page for the view's width (again only when the width changed)."""
        width = max(200, self.viewport().width() - 2 * self.SPACING)
        if self.pdf is None or width == self._width:
            return
        self._width = width
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self._labels):
            points = self.pdf.page_size(index)[0]
            image = self.pdf.image(index, 72 * width * ratio / points)
            image.setDevicePixelRatio(ratio)
            label.setPixmap(QPixmap.fromImage(image))


class PreviewDialog(QDialog):
    """Xem trước khi in: the pages as they will print, with In… and Lưu PDF…."""

    ready = Signal()

    def __init__(self, parent, tr, on_print, on_save):
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.setWindowTitle(tr("Xem trước khi in"))
        self.pdf: PdfPages | None = None
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
        self.view = PageView(self)
        layout.addWidget(self.view, 1)
        self.tr_ = tr

    def show_pdf(self, pdf_bytes: bytes) -> None:
        self.pdf_bytes = pdf_bytes
        self.pdf = load_pdf(pdf_bytes)
        self.view.setDocument(self.pdf)
        self.status.setText(self.tr_("{n} trang", n=self.pdf.pageCount()))
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.ready.emit()

    def show_error(self, message: str) -> None:
        self.status.setText(self.tr_("Không dựng được bản in: {message}", message=message))
