"""`dtdesk sign` and `dtdesk verify` with a PKCS#12 file made by the test's own CA."""

from __future__ import annotations

import hashlib
import io
import socket

import pdfplumber
import pytest

from dtdesk.cli import main
from tests import golden, pdftext
from tests.sign.conftest import P12_PASSWORD
from tests.sign.pki import SIGNER_NAME, make_pki
from tests.test_golden import OCR_HEADER


def sign(monkeypatch, report, out, p12, password=P12_PASSWORD, *extra) -> int:
    """`dtdesk sign` with the password piped in, as a script would."""
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["sign", str(report), "-o", str(out), "--p12", str(p12), *extra])


@pytest.fixture
def signed(monkeypatch, report, p12, tmp_path):
    out = tmp_path / "signed.pdf"
    assert sign(monkeypatch, report, out, p12) == 0
    return out


def test_signed_report_is_intact_and_trusted_with_its_ca_and_untrusted_without(signed, ca_pem, capsys):
    capsys.readouterr()
    assert main(["verify", str(signed), "--trust", str(ca_pem)]) == 0
    out = capsys.readouterr().out
    assert SIGNER_NAME in out and "nguyên vẹn" in out and "không thay đổi sau khi ký" in out
    assert main(["verify", str(signed)]) == 1
    assert "KHÔNG tin cậy" in capsys.readouterr().out


def test_another_ca_does_not_make_it_trusted(signed, tmp_path, capsys):
    stranger = tmp_path / "other-ca.pem"
    stranger.write_bytes(make_pki("Another CA").ca_pem())
    assert main(["verify", str(signed), "--trust", str(stranger)]) == 1
    assert "KHÔNG tin cậy" in capsys.readouterr().out


def test_the_unsigned_report_is_kept_and_the_signature_is_appended_to_its_bytes(rendered, report, signed):
    unsigned = rendered.read_bytes()
    assert report.read_bytes() == unsigned  # the input is untouched
    assert signed.read_bytes().startswith(unsigned)  # an incremental update: nothing re-rendered
    assert len(signed.read_bytes()) > len(unsigned)


def test_the_signature_widget_lies_in_the_signers_block_on_the_last_page(signed):
    with pdfplumber.open(signed) as pdf:
        last = pdf.pages[-1]
        widgets = [a for a in last.annots if a["data"].get("FT") and a["data"]["FT"].name == "Sig"]
        assert all(not page.annots for page in pdf.pages[:-1])
        chars = last.chars
        title = pdftext.find(chars, "CHÁNH VĂN PHÒNG")
        name = pdftext.find(chars, SIGNER_NAME)
    assert len(widgets) == 1 and title and name
    widget = widgets[0]
    assert max(c["bottom"] for c in title) <= widget["top"] < widget["bottom"] <= min(c["top"] for c in name)
    left = min(c["x0"] for c in title + name)
    right = max(c["x1"] for c in title + name)
    middle = (widget["x0"] + widget["x1"]) / 2
    assert left < middle < right
    assert abs(middle - (left + right) / 2) < 5  # centred under the title, like the name


def test_the_signed_report_still_reads_as_the_seed_word_for_word(signed):
    words = pdftext.words(pdftext.text(signed.read_bytes()))
    assert golden.missing_words(golden.seed_words(), words, golden.allowed_extras(OCR_HEADER)) == []


def test_a_change_appended_after_signing_is_reported(signed, ca_pem, tmp_path, capsys):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    forged = generic.StreamObject(stream_data=b"BT /F1 40 Tf 100 400 Td (0) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(forged))
    changed = tmp_path / "changed.pdf"
    with open(changed, "wb") as handle:
        writer.write(handle)
    capsys.readouterr()
    assert main(["verify", str(changed), "--trust", str(ca_pem)]) == 1
    out = capsys.readouterr().out
    assert "ĐÃ BỊ THAY ĐỔI sau khi ký" in out and "nguyên vẹn" in out


def test_a_changed_byte_inside_the_signed_part_breaks_the_signature(signed, ca_pem, tmp_path, capsys):
    data = bytearray(signed.read_bytes())
    at = data.index(b"ReportLab")  # the generator's comment near the top: still a readable PDF
    data[at] = ord("r")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["verify", str(broken), "--trust", str(ca_pem)]) == 1
    assert "KHÔNG nguyên vẹn" in capsys.readouterr().out


def test_a_second_signature_keeps_the_first_one_whole(monkeypatch, signed, p12, ca_pem, tmp_path, capsys):
    twice = tmp_path / "twice.pdf"
    assert sign(monkeypatch, signed, twice, p12) == 0
    capsys.readouterr()
    assert main(["verify", str(twice), "--trust", str(ca_pem)]) == 0
    out = capsys.readouterr().out
    assert "Chữ ký 1 (Signature1)" in out and "Chữ ký 2 (Signature2)" in out and "THAY ĐỔI" not in out


def test_an_unsigned_pdf_does_not_verify(rendered, capsys):
    assert main(["verify", str(rendered)]) == 1
    assert "không có chữ ký số nào" in capsys.readouterr().out


@pytest.mark.parametrize("same", ["itself", "hard link"])
def test_never_over_the_unsigned_report(monkeypatch, report, p12, tmp_path, capsys, same):
    target = report
    if same == "hard link":
        target = tmp_path / "link.pdf"
        target.hardlink_to(report)
    before = hashlib.sha256(report.read_bytes()).hexdigest()
    assert sign(monkeypatch, report, target, p12) == 2
    assert "khác tệp" in capsys.readouterr().err
    assert hashlib.sha256(report.read_bytes()).hexdigest() == before


def test_a_wrong_password_is_one_sentence_and_never_echoed(monkeypatch, report, p12, tmp_path, capsys):
    out = tmp_path / "signed.pdf"
    assert sign(monkeypatch, report, out, p12, "sai-mat-khau") == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "sai mật khẩu" in captured.err
    assert "sai-mat-khau" not in captured.err + captured.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf", "signer.p12"]  # no output, no leftover


def test_a_pdf_without_the_signers_block_is_refused(monkeypatch, p12, tmp_path, capsys):
    from reportlab.pdfgen.canvas import Canvas

    foreign = tmp_path / "foreign.pdf"
    canvas = Canvas(str(foreign))
    canvas.drawString(100, 700, "not a dtdesk report")
    canvas.save()
    assert sign(monkeypatch, foreign, tmp_path / "out.pdf", p12) == 2
    assert "Không tìm thấy chỗ ký" in capsys.readouterr().err
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n garbage", b"SQLite format 3\x00" + bytes(100)])
def test_hostile_files_are_one_sentence(monkeypatch, p12, ca_pem, tmp_path, capsys, content):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    assert main(["verify", str(bad), "--trust", str(ca_pem)]) == 2
    assert sign(monkeypatch, bad, tmp_path / "out.pdf", p12) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "Traceback" not in err


def test_a_trust_file_that_is_not_a_certificate_is_refused(signed, tmp_path, capsys):
    bogus = tmp_path / "ca.pem"
    bogus.write_bytes(b"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")
    assert main(["verify", str(signed), "--trust", str(bogus)]) == 2
    assert "không phải là chứng thư số CA" in capsys.readouterr().err


def test_signing_and_verifying_never_reach_the_network(monkeypatch, report, p12, ca_pem, tmp_path):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network refused by the test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    out = tmp_path / "signed.pdf"
    assert sign(monkeypatch, report, out, p12) == 0
    assert main(["verify", str(out), "--trust", str(ca_pem)]) == 0
    assert attempts == []
