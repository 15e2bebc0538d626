"""The built-in demo: Hải An district, 2022-Q1, with its eight wards."""

from __future__ import annotations

from pathlib import Path

from dtdesk.paths import resource
from dtdesk.store.jsonio import load_document, read_document
from dtdesk.store.workspace import Workspace

DEMO_FILE = "hai-an-2022-q1.json"


def create_demo(path: str | Path) -> Workspace:
    """A new workspace holding the demo; the caller closes it."""
    data = read_document(resource("demo", DEMO_FILE))
    ws = Workspace.create(path, data["own_unit"])
    load_document(ws, data)
    return ws
