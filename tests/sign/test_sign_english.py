"""With LANG=en, `dtdesk sign` and `dtdesk verify` say every refusal and every line of their report in English."""

from __future__ import annotations

import argparse
import io

import pytest

from dtdesk.cli import main, registry
from dtdesk.sign.errors import SignError
from dtdesk.sign.keys import load_p12
from dtdesk.sign.signing import prepare
from tests.english import vietnamese_left
from tests.sign.conftest import P12_PASSWORD
from tests.sign.pki import SIGNER_NAME


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(registry, "LANGUAGE", "en")
    monkeypatch.setattr(argparse, "_", argparse._)
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)


def _said(capsys, monkeypatch, *argv, password: str = P12_PASSWORD) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, (out + err).replace(SIGNER_NAME, "«»")


def test_signing_and_verifying_speak_english(english, monkeypatch, report, p12, ca_pem, tmp_path, capsys):
    signed, foreign, bogus = tmp_path / "signed.pdf", tmp_path / "foreign.pdf", tmp_path / "bogus.pem"
    foreign.write_bytes(b"%PDF-1.4\n garbage")
    bogus.write_bytes(b"not a certificate")
    said = {
        "sign": _said(capsys, monkeypatch, "sign", report, "-o", signed, "--p12", p12),
        "wrong password": _said(capsys, monkeypatch, "sign", report, "-o", tmp_path / "x.pdf", "--p12", p12,
                                password="sai"),
        "over itself": _said(capsys, monkeypatch, "sign", report, "-o", report, "--p12", p12),
        "not a pdf": _said(capsys, monkeypatch, "sign", foreign, "-o", tmp_path / "y.pdf", "--p12", p12),
        "trusted": _said(capsys, monkeypatch, "verify", signed, "--trust", ca_pem),
        "untrusted": _said(capsys, monkeypatch, "verify", signed),
        "unsigned": _said(capsys, monkeypatch, "verify", report),
        "bad trust": _said(capsys, monkeypatch, "verify", signed, "--trust", bogus),
        "missing": _said(capsys, monkeypatch, "verify", tmp_path / "missing.pdf"),
    }
    left = {name: vietnamese_left(text) for name, (_code, text) in said.items() if vietnamese_left(text)}
    assert left == {}
    assert {name: code for name, (code, _text) in said.items()} == {
        "sign": 0, "wrong password": 2, "over itself": 2, "not a pdf": 2, "trusted": 0, "untrusted": 1,
        "unsigned": 1, "bad trust": 2, "missing": 2}
    assert "Signature 1 (Signature1): «», signed at " in said["trusted"][1]
    assert "  intact; trusted (the certificate was issued by a CA named); not changed after signing." \
        in said["trusted"][1]
    assert "NOT trusted" in said["untrusted"][1] and "has no digital signature" in said["unsigned"][1]
    assert "a wrong password" in said["wrong password"][1]


def test_a_sign_error_is_one_sentence_in_either_language(report, p12, tmp_path):
    with pytest.raises(SignError) as caught:
        load_p12(p12, "sai")
    assert caught.value.kind == "p12" and "sai mật khẩu" in str(caught.value)
    assert caught.value.say("en") == (f"Cannot open the certificate file «{p12.name}»: a wrong password, or not a "
                                      "PKCS#12 file (.p12, .pfx).")
    with pytest.raises(SignError) as caught:
        prepare(report, report)
    assert caught.value.kind == "target" and vietnamese_left(caught.value.say("en")) == []
    assert vietnamese_left(str(caught.value))  # Vietnamese by default
