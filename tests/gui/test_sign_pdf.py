"""File > "Ký số PDF…": a clerk signs a saved report with the office's certificate file from the window."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from dtdesk.cli import main as cli
from dtdesk.gui.sign_pdf import SignPdfDialog, signed_name
from dtdesk.sign.verify import verify_pdf
from tests.sign.pki import make_pki

PASSWORD = "mật khẩu"


@pytest.fixture
def files(tmp_path, demo_path):
    """The demo report saved as PDF, a certificate file for it and its CA."""
    pdf = tmp_path / "bao-cao.pdf"
    assert cli(["render", str(demo_path), "-o", str(pdf)]) == 0
    pki = make_pki()
    (tmp_path / "ky.p12").write_bytes(pki.p12(PASSWORD))
    (tmp_path / "ca.pem").write_bytes(pki.ca_pem())
    return pdf, tmp_path / "ky.p12", tmp_path / "ca.pem"


def test_a_report_signed_from_the_window_verifies(qtbot, files, capsys):
    pdf, p12, ca = files
    dialog = SignPdfDialog(None, str(pdf))
    qtbot.addWidget(dialog.dialog)
    assert dialog.target.text() == signed_name(str(pdf)) == str(pdf.with_name("bao-cao-da-ky.pdf"))
    dialog.p12.setText(str(p12))
    dialog.secret.setText("sai")
    dialog.accept()
    assert "sai mật khẩu" in dialog.message.text() and dialog.signed is None
    assert dialog.secret.text() == "" and not Path(dialog.target.text()).exists()
    dialog.secret.setText(PASSWORD)
    dialog.accept()
    assert dialog.signed is not None and dialog.secret.text() == ""
    (report,) = verify_pdf(dialog.signed.path, [ca])
    assert report.ok and pdf.exists()
    capsys.readouterr()


def test_choosing_a_token_driver_selects_the_token(qtbot, files):
    dialog = SignPdfDialog(None, str(files[0]))
    qtbot.addWidget(dialog.dialog)
    dialog.library.setText("/no/such/driver.so")
    assert not dialog.use_p12.isChecked()
    dialog.secret.setText("1234")
    dialog.accept()
    assert "Không nạp được thư viện" in dialog.message.text() and dialog.signed is None


def test_the_file_menu_opens_the_dialog(main, monkeypatch):
    opened = []
    monkeypatch.setattr(SignPdfDialog, "exec", lambda self: opened.append(self) or QDialog.DialogCode.Rejected)
    action = main.actions["actionSignPdf"]
    assert action.isEnabled() and action in main.menus["menuFile"].actions()
    action.trigger()
    assert len(opened) == 1
