"""Shared fixtures: every test gets its own workspace in pytest's tmp_path."""

import pytest

from dtdesk.store.demo import create_demo


@pytest.fixture
def demo_ws(tmp_path):
    ws = create_demo(tmp_path / "ws.sqlite")
    yield ws
    ws.close()


@pytest.fixture
def demo_path(tmp_path):
    """A closed demo workspace file, for tests that open it themselves (or in another process)."""
    path = tmp_path / "ws.sqlite"
    create_demo(path).close()
    return path
