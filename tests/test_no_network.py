"""dtdesk never opens a socket: clerks' PCs are often offline and must never depend on a network.

A fixture replaces the socket constructors and name lookup with functions that
fail the test, then every command runs in-process, and the main window is built
offscreen (and its preview rendered) if Qt can start.
"""

from __future__ import annotations

import socket
import sys

import pytest

from dtdesk.cli import main


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(name)
            raise NetworkUsed(f"dtdesk tried to use the network: socket.{name}")

        return blocked

    # the class stays a class (ssl subclasses it at import); making one is what fails
    monkeypatch.setattr(socket.socket, "__init__", refuse("socket"))
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
                 "gethostbyname_ex", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert not attempts, f"network used: {attempts}"


def test_the_fixture_really_blocks(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    no_network.clear()


def test_every_command_runs_without_network(no_network, tmp_path, capsys):
    ws, out = str(tmp_path / "ws.sqlite"), tmp_path
    assert main(["demo", ws]) == 0
    assert main(["units", ws]) == 0
    assert main(["render", ws, "-o", str(out / "r.pdf")]) == 0
    assert main(["check", ws]) in (0, 1)
    assert main(["backup", ws]) == 0
    assert main(["export", ws, "--unit", "HA-CATBI", "--period", "2022-Q1", "-o", str(out / "ward.sqlite")]) == 0
    assert main(["import", ws, str(out / "ward.sqlite")]) == 0
    assert main(["status", ws, "--period", "2022-Q1"]) == 0
    assert main(["dump", ws, "-o", str(out / "d.json")]) == 0
    assert main(["load", ws, str(out / "d.json")]) == 0
    from dtdesk.store.backup import list_backups

    assert main(["restore", ws, str(list_backups(ws)[-1].path)]) == 0
    assert (out / "r.pdf").stat().st_size > 10_000
    capsys.readouterr()


def test_the_app_window_builds_offscreen_without_network(no_network, tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    pytest.importorskip("PySide6.QtWidgets")
    from dtdesk.gui.app import build
    from dtdesk.store.demo import create_demo

    ws = tmp_path / "ws.sqlite"
    create_demo(ws).close()
    app, window = build(ws)
    app.processEvents()
    assert "PySide6.QtNetwork" not in sys.modules  # the app does not even load Qt's network module
    close = getattr(window, "close", None)
    if close:
        close()
    app.processEvents()
