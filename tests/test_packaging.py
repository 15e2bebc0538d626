"""A normal (non-editable) install finds resources/ (dtdesk.paths) and carries the compiled forms and catalogs."""

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "dtdesk").rglob("__init__.py")}
    assert found <= listed


def test_an_installed_wheel_finds_its_resources(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("dtdesk-*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert {"dtdesk/gui/uic/main_window.py", "dtdesk/gui/uic/header_form.py", "dtdesk/resources/i18n/qtbase_vi.qm",
            "dtdesk/resources/i18n/en/LC_MESSAGES/dtdesk.mo"} <= set(zipfile.ZipFile(wheel).namelist())
    probe = (
        "from dtdesk.paths import resource; "
        "import dtdesk.core.template as t; "
        "assert resource('fonts', 'LiberationSerif-Regular.ttf').is_file(); "
        "print(resource('templates'), t.load_template().id)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                            env={"PYTHONPATH": str(site), "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert str(site) in result.stdout and "cds-quarterly" in result.stdout
