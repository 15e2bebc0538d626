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



@pytest.fixture
def small_disk(tmp_path):
    """``small_disk(kb)``: a file system of that size to fill up (tmpfs; skips where mounting is not allowed)."""
    import subprocess

    mounted = []

    def make(kb: int):
        mount = tmp_path / f"disk{len(mounted)}"
        mount.mkdir()
        try:
            made = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kb}k", "tmpfs", str(mount)],
                                  capture_output=True)
        except OSError:  # no mount command (Windows)
            made = None
        if made is None or made.returncode != 0:
            pytest.skip("cannot mount a small tmpfs here")
        mounted.append(mount)
        return mount

    yield make
    for mount in mounted:
        subprocess.run(["umount", "-l", str(mount)], check=False)
