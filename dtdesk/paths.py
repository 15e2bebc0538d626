"""Where ``resources/`` is, whichever way dtdesk was installed.

Three layouts exist: a source checkout (folders beside the package), a wheel
(``pyproject.toml`` maps it inside the package) and a PyInstaller bundle
(``build.spec`` puts it under ``sys._MEIPASS``). One function hides that.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _base(name: str) -> Path:
    candidates = [_PACKAGE / name, _PACKAGE.parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"dtdesk cannot find its {name}/ folder; the installation is incomplete")


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return _base("resources").joinpath(*parts)
