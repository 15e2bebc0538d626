"""The command registry: every command defined once, the test worker hidden, one command's parser built alone."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dtdesk.cli import build_parser, main
from dtdesk.cli.registry import COMMANDS


def test_help_lists_every_command_but_the_hidden_worker(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert "_edit-loop" not in shown and "SUPPRESS" not in shown
    for name in ("render", "import", "units", "sign", "verify-code"):
        assert f"\n    {name} " in shown or f"\n    {name}\n" in shown, name


def test_the_hidden_worker_still_runs_by_name():
    args = build_parser("_edit-loop").parse_args(["_edit-loop", "ws.sqlite", "--count", "3"])
    assert args.handler is COMMANDS["_edit-loop"].handler and args.count == 3


def test_a_named_command_builds_its_own_parser_alone():
    parser = build_parser("render")
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    assert list(sub.choices) == ["render"]
    args = parser.parse_args(["render", "ws.sqlite", "-o", "r.pdf", "--unit", "HA"])
    assert (args.output, args.unit, args.handler) == ("r.pdf", "HA", COMMANDS["render"].handler)


def test_an_unknown_command_is_refused_with_the_list(capsys):
    with pytest.raises(SystemExit) as done:
        main(["frobnicate"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "frobnicate" in err and "render" in err and "_edit-loop" not in err


def test_every_command_has_help_and_its_handler(capsys):
    for cmd in COMMANDS.values():
        assert cmd.hidden or cmd.help, cmd.name
        with pytest.raises(SystemExit):
            main([cmd.name, "--help"])
        assert capsys.readouterr().out.startswith(f"cách dùng: dtdesk {cmd.name}")  # argparse's words too


def test_units_speak_of_kinds_as_the_user_does(capsys):
    assert main(["units", "--official", "31"]) == 0
    kinds = {line.split("\t")[2] for line in capsys.readouterr().out.splitlines()}
    assert kinds == {"phường", "xã", "đặc khu"}


def _dtdesk(*args: str, lang: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    if lang:
        env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "dtdesk", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_the_command_line_speaks_the_language_of_lang(tmp_path):
    english = _dtdesk("units", "--official", "31", lang="en_US.UTF-8")
    assert "11413\tPhường Hải An\tward" in english.stdout.splitlines()
    refused = _dtdesk("check", str(tmp_path / "missing.sqlite"), lang="en_US.UTF-8")
    assert refused.returncode == 2 and refused.stderr == f"dtdesk: «{tmp_path / 'missing.sqlite'}» was not found.\n"
    vietnamese = _dtdesk("check", str(tmp_path / "missing.sqlite"), lang=None)
    assert vietnamese.stderr == f"dtdesk: Không tìm thấy tệp «{tmp_path / 'missing.sqlite'}».\n"
    assert "print the report to PDF" in _dtdesk("--help", lang="en_US.UTF-8").stdout
