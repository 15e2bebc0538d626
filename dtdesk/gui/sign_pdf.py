"""Signing a saved report from the window (ui/sign_pdf.ui): what ``dtdesk sign`` does, with a dialog.

The checks, the key and the signature are :mod:`dtdesk.sign`'s; the dialog
collects the files and the password or PIN (never kept once the dialog is
closed) and shows the one sentence when signing is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QPushButton, QRadioButton

from dtdesk.gui.i18n import said, tr
from dtdesk.gui.uiload import load_form
from dtdesk.gui.window_part import WindowPart


def signed_name(source: str) -> str:
    """Where the signed copy goes unless the clerk says otherwise: beside the report, "-da-ky" added."""
    path = Path(source)
    return str(path.with_name(f"{path.stem}-da-ky{path.suffix or '.pdf'}")) if source else ""


class SignPdfDialog(QObject):
    def __init__(self, parent=None, source: str = ""):
        super().__init__(parent)
        self.signed = None  # dtdesk.sign.signing.Signed, once done
        self.dialog, named = load_form("sign_pdf.ui", parent)
        self.source, self.target, self.p12, self.library, self.secret = (
            named[n] for n in ("source", "target", "p12", "library", "secret"))
        self.use_p12: QRadioButton = named["useP12"]
        self.message: QLabel = named["message"]
        self.source.textChanged.connect(lambda text: self.target.setText(signed_name(text)))
        self.source.setText(source)
        pdfs = tr("Tệp PDF (*.pdf)")
        self._browse(named["sourceBrowse"], self.source, QFileDialog.getOpenFileName, pdfs)
        self._browse(named["targetBrowse"], self.target, QFileDialog.getSaveFileName, pdfs)
        self._browse(named["p12Browse"], self.p12, QFileDialog.getOpenFileName, tr("Tệp chứng thư số (*.p12 *.pfx)"))
        self._browse(named["libraryBrowse"], self.library, QFileDialog.getOpenFileName,
                     tr("Thư viện PKCS#11 (*.dll *.so *.dylib)"))
        for line, choice in ((self.p12, self.use_p12), (self.library, named["useToken"])):
            line.textChanged.connect(lambda _text, choice=choice: choice.setChecked(True))
        buttons: QDialogButtonBox = named["buttons"]
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.dialog.reject)

    def _browse(self, button: QPushButton, line: QLineEdit, ask, pattern: str) -> None:
        def choose():
            path, _ = ask(self.dialog, tr("Chọn tệp"), line.text(), pattern)
            if path:
                line.setText(path)

        button.clicked.connect(choose)

    def exec(self) -> int:
        return self.dialog.exec()

    def accept(self) -> None:
        from dtdesk.sign.errors import SignError
        from dtdesk.sign.keys import load_p12, token_signer
        from dtdesk.sign.signing import prepare, sign_report

        secret = self.secret.text()
        try:
            job = prepare(self.source.text(), self.target.text())
            if self.use_p12.isChecked():
                self.signed = sign_report(job, load_p12(self.p12.text(), secret))
            else:
                with token_signer(self.library.text(), secret) as signer:
                    self.signed = sign_report(job, signer)
        except SignError as exc:
            self.message.setText(said(exc))
            return
        finally:
            self.secret.clear()
        self.dialog.accept()


class SignActions(WindowPart):
    """File > "Ký số PDF…": sign a report saved as PDF, like ``dtdesk sign``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions["actionSignPdf"].triggered.connect(lambda: self.sign_pdf())

    def sign_pdf(self, source: str = "") -> None:
        dialog = SignPdfDialog(self.window, source)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.signed is not None:
            self.status(tr("Đã ký số: {path} ({signer}).", path=dialog.signed.path, signer=dialog.signed.signer))
