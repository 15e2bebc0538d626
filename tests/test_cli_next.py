"""dtdesk next: the next period's report from the last one, checked against it by dtdesk check."""

import pytest

from dtdesk.cli import main
from dtdesk.store.demo import create_demo
from dtdesk.store.workspace import Workspace


@pytest.fixture
def ws_path(tmp_path):
    create_demo(tmp_path / "ws.sqlite").close()
    return tmp_path / "ws.sqlite"


def test_next_then_a_wrong_carried_over_value_fails_check(ws_path, capsys):
    assert main(["next", str(ws_path)]) == 0
    assert "Quý II/2022 từ Quý I/2022, cùng 8 báo cáo" in capsys.readouterr().out
    with Workspace.open(ws_path, read_only=True) as ws:
        assert ws.value("HA", "2022-Q2", "dvc.carried") == ws.value("HA", "2022-Q1", "dvc.pending")
    assert main(["check", str(ws_path)]) == 0  # the latest period: 2022-Q2, with warnings only
    with Workspace.open(ws_path) as ws:
        ws.set_value("HA", "2022-Q2", "dvc.carried", 100)
    assert main(["check", str(ws_path)]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if line.startswith("LỖI")]
    assert len(errors) == 1 and "Quý II/2022" in errors[0] and "Quý I/2022" in errors[0]


def test_next_refuses_a_period_already_started(ws_path, capsys):
    assert main(["next", str(ws_path), "--from", "Quý I/2022"]) == 0
    assert main(["next", str(ws_path), "--from", "2022-Q1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "đã có báo cáo Quý II/2022" in err[0]


def test_next_for_one_ward(ws_path, capsys):
    assert main(["next", str(ws_path), "--unit", "HA-CATBI"]) == 0
    assert "cùng" not in capsys.readouterr().out
    with Workspace.open(ws_path, read_only=True) as ws:
        assert ws.report("HA-CATBI", "2022-Q2") is not None and ws.report("HA", "2022-Q2") is None
