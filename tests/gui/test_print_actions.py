"""The window prints what ``dtdesk render`` prints, the verification code included."""

from dtdesk.exchange.verification import report_code
from dtdesk.render.stamp import footer_text
from dtdesk.store.workspace import Workspace
from tests import pdftext


def test_saved_pdf_carries_the_reports_verification_code(main, qtbot, tmp_path, demo_path):
    out = tmp_path / "out.pdf"
    main.printing.export_pdf(str(out))
    qtbot.waitUntil(out.exists, timeout=20000)
    with Workspace.open(demo_path, read_only=True) as ws:
        code = report_code(ws, "HA", "2022-Q1")
    assert pdftext.page_texts(out.read_bytes())[-1].splitlines()[-1] == footer_text(code)


def test_the_annex_tick_adds_the_chart_pages_after_the_signed_one(main, qtbot, tmp_path):
    plain, annexed = tmp_path / "plain.pdf", tmp_path / "annex.pdf"
    main.printing.export_pdf(str(plain))
    qtbot.waitUntil(plain.exists, timeout=20000)
    main.actions["actionAnnex"].setChecked(True)
    main.printing.export_pdf(str(annexed))
    qtbot.waitUntil(annexed.exists, timeout=20000)
    before, after = pdftext.page_texts(plain.read_bytes()), pdftext.page_texts(annexed.read_bytes())
    assert after[:len(before)] == before
    assert after[len(before)].splitlines()[1] == "PHỤ LỤC" and "Phường Tràng Cát" in after[-1]


def test_a_failed_rendering_is_said_in_the_windows_language(main, qtbot, tmp_path, monkeypatch):
    """The rendering runs in a thread; its failure reaches the window as the failure itself, worded there."""
    from dtdesk.core.errors import Failure
    from dtdesk.render import pdf

    def broken(*args, **kwargs):
        raise Failure("Tệp «{name}» không phải là tệp Excel (.xlsx) hoặc đã bị hỏng.", name="x.xlsx")

    monkeypatch.setattr(pdf, "render_bytes", broken)
    warned = []
    monkeypatch.setattr(main.printing, "warn", warned.append)
    main.set_language("en")
    main.printing.export_pdf(str(tmp_path / "out.pdf"))
    qtbot.waitUntil(lambda: bool(warned), timeout=20000)
    assert "«x.xlsx» is not an Excel file" in warned[0] and not (tmp_path / "out.pdf").exists()
