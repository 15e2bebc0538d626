"""`dtdesk sign --pkcs11` with a SoftHSM2 token holding the signer's key and certificate, as a USB token does."""

from __future__ import annotations

import pytest

from dtdesk.cli import main
from dtdesk.sign.errors import SignError
from dtdesk.sign.keys import token_signer
from tests.sign.conftest import TOKEN_LABEL, TOKEN_PIN
from tests.sign.pki import SIGNER_NAME


@pytest.fixture
def pin_file(tmp_path):
    path = tmp_path / "pin.txt"
    path.write_text(TOKEN_PIN + "\n")
    return path


@pytest.mark.parametrize("choice", [[], ["--label", TOKEN_LABEL]])
def test_a_token_signature_is_intact_and_trusted(token, report, pin_file, ca_pem, tmp_path, capsys, choice):
    out = tmp_path / "signed.pdf"
    assert main(["sign", str(report), "-o", str(out), "--pkcs11", token, "--secret-file", str(pin_file),
                 *choice]) == 0
    assert SIGNER_NAME in capsys.readouterr().out
    assert main(["verify", str(out), "--trust", str(ca_pem)]) == 0
    assert main(["verify", str(out)]) == 1


def test_the_token_is_found_by_its_slot(token):
    import pkcs11

    slot = next(s for s in pkcs11.lib(token).get_slots(token_present=True) if s.get_token().label == TOKEN_LABEL)
    with token_signer(token, TOKEN_PIN, slot=slot.slot_id) as signer:
        assert signer.signing_cert.subject.native["common_name"] == SIGNER_NAME


def test_a_wrong_pin_is_one_sentence_and_never_echoed(token, report, tmp_path, capsys):
    wrong = tmp_path / "pin.txt"
    wrong.write_text("999999\n")
    assert main(["sign", str(report), "-o", str(tmp_path / "o.pdf"), "--pkcs11", token,
                 "--secret-file", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert "Mã PIN" in err and "không đúng" in err and "999999" not in err
    assert not (tmp_path / "o.pdf").exists()


@pytest.mark.parametrize("where, kind", [({"label": "no-such-token"}, "token"), ({"slot": 4242}, "token")])
def test_an_absent_token_is_named(token, where, kind):
    with pytest.raises(SignError) as caught:
        with token_signer(token, TOKEN_PIN, **where):
            pass
    assert caught.value.kind == kind


def test_a_library_that_is_not_a_pkcs11_driver_is_one_sentence(report, tmp_path, capsys):
    fake = tmp_path / "driver.so"
    fake.write_bytes(b"not a shared object")
    pin = tmp_path / "pin.txt"
    pin.write_text("1234\n")
    assert main(["sign", str(report), "-o", str(tmp_path / "o.pdf"), "--pkcs11", str(fake),
                 "--secret-file", str(pin)]) == 2
    assert "Không nạp được thư viện" in capsys.readouterr().err
