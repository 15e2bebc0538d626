"""The password or PIN: from a file, a pipe or the terminal, never from the command line."""

from __future__ import annotations

import io

import pytest

from dtdesk.cli import build_parser
from dtdesk.sign.errors import SignError
from dtdesk.sign.secret import read_secret


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_secret_file_gives_its_first_line(tmp_path):
    path = tmp_path / "pin.txt"
    path.write_text("1234\nanything after\n")
    assert read_secret("PIN: ", str(path)) == "1234"


def test_a_missing_secret_file_is_named_not_shown(tmp_path):
    with pytest.raises(SignError) as caught:
        read_secret("PIN: ", str(tmp_path / "pin.txt"))
    assert caught.value.kind == "secret" and "pin.txt" in str(caught.value)


def test_a_huge_secret_file_is_refused(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 100_000)
    with pytest.raises(SignError):
        read_secret("PIN: ", str(path))


def test_a_pipe_gives_its_first_line():
    assert read_secret("PIN: ", stdin=io.StringIO("mật khẩu có dấu cách \nrest")) == "mật khẩu có dấu cách "


def test_a_terminal_is_asked_without_echo(monkeypatch):
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "0000")
    assert read_secret("Mã PIN: ", stdin=Terminal()) == "0000"
    assert asked == ["Mã PIN: "]


@pytest.mark.parametrize("option", ["--pin", "--password", "--passphrase", "--pass"])
def test_no_option_takes_the_secret_itself(option, capsys):
    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(["sign", "r.pdf", "-o", "s.pdf", "--p12", "k.p12", option, "1234"])
    assert caught.value.code == 2
    capsys.readouterr()
