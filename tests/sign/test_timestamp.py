"""`--tsa URL`: a timestamp from the server the clerk names (B-T), here a TSA on this machine's loopback."""

from __future__ import annotations

import http.server
import io
import threading

import pytest

from dtdesk.cli import main
from tests.sign.conftest import P12_PASSWORD
from tests.sign.pki import make_tsa


@pytest.fixture
def tsa(pki):
    """A timestamp server on 127.0.0.1 answering with pyHanko's test TSA; yields its URL and the requests seen."""
    from asn1crypto import tsp
    from pyhanko.sign.timestamps import DummyTimeStamper

    cert, key = make_tsa(pki)
    stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=key)
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the name http.server calls
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append(request)
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", seen
    server.shutdown()
    server.server_close()


def test_a_named_timestamp_server_dates_the_signature(monkeypatch, tsa, report, p12, ca_pem, tmp_path, capsys):
    url, seen = tsa
    out = tmp_path / "signed.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO(P12_PASSWORD + "\n"))
    assert main(["sign", str(report), "-o", str(out), "--p12", str(p12), "--tsa", url]) == 0
    assert seen  # pyHanko asks once more to size the signature
    capsys.readouterr()
    assert main(["verify", str(out), "--trust", str(ca_pem)]) == 0
    assert "theo dấu thời gian" in capsys.readouterr().out


def test_an_unreachable_timestamp_server_is_one_sentence_and_writes_nothing(monkeypatch, report, p12, tmp_path,
                                                                           capsys):
    out = tmp_path / "signed.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO(P12_PASSWORD + "\n"))
    assert main(["sign", str(report), "-o", str(out), "--p12", str(p12), "--tsa", "http://127.0.0.1:9/"]) == 2
    err = capsys.readouterr().err
    assert "dấu thời gian" in err and err.count("\n") == 1 and not out.exists()
