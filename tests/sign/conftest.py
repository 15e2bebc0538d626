"""Fixtures for signing: the demo report rendered once, a test CA with its signer, and a SoftHSM2 token."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dtdesk.cli import main
from tests.sign.pki import make_pki

P12_PASSWORD = "mật khẩu 123"
TOKEN_LABEL = "dtdesk-test"
TOKEN_PIN = "246810"
_SOFTHSM_LIBS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                 "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so")


@pytest.fixture(scope="session")
def pki():
    return make_pki()


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> Path:
    """The demo district report as ``dtdesk render`` writes it (read-only: copy it before writing beside it)."""
    folder = tmp_path_factory.mktemp("sign")
    ws, pdf = folder / "ws.sqlite", folder / "report.pdf"
    assert main(["demo", str(ws)]) == 0
    assert main(["render", str(ws), "-o", str(pdf)]) == 0
    return pdf


@pytest.fixture
def report(rendered, tmp_path) -> Path:
    return Path(shutil.copyfile(rendered, tmp_path / "report.pdf"))


@pytest.fixture
def p12(pki, tmp_path) -> Path:
    path = tmp_path / "signer.p12"
    path.write_bytes(pki.p12(P12_PASSWORD))
    return path


@pytest.fixture
def ca_pem(pki, tmp_path) -> Path:
    path = tmp_path / "ca.pem"
    path.write_bytes(pki.ca_pem())
    return path


def _softhsm_library() -> str | None:
    return next((lib for lib in _SOFTHSM_LIBS if os.path.exists(lib)), None)


@pytest.fixture(scope="session")
def token(pki, tmp_path_factory) -> str:
    """A SoftHSM2 token holding the signer's key and certificate (ID 01); returns the PKCS#11 library's path.

    The library reads SOFTHSM2_CONF once per process, when it is first loaded, so
    the token store is set up once for the whole run.
    """
    library, util = _softhsm_library(), shutil.which("softhsm2-util")
    if library is None or util is None:
        if os.environ.get("CI"):  # .ci/run installs it: a CI run that cannot sign with a token must say so
            pytest.fail("softhsm2 is not installed")
        pytest.skip("softhsm2 is not installed (.ci/run installs it)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    key = folder / "key.pem"
    key.write_bytes(pki.key_pem())

    def run(*args):
        subprocess.run([util, *args], check=True, capture_output=True, text=True)

    run("--init-token", "--free", "--label", TOKEN_LABEL, "--pin", TOKEN_PIN, "--so-pin", "13579")
    run("--import", str(key), "--token", TOKEN_LABEL, "--label", "signer", "--id", "01", "--pin", TOKEN_PIN)
    key.unlink()
    _store_certificate(library, pki.cert_der())
    return library


def _store_certificate(library: str, der: bytes) -> None:
    """The certificate beside its key, as a CA's token carries it (softhsm2-util imports keys only)."""
    import pkcs11
    from pkcs11 import Attribute
    from pkcs11.util.x509 import decode_x509_certificate

    token = pkcs11.lib(library).get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=TOKEN_PIN) as session:
        attributes = decode_x509_certificate(der)
        attributes.update({Attribute.TOKEN: True, Attribute.ID: b"\x01", Attribute.LABEL: "signer"})
        session.create_object(attributes)
