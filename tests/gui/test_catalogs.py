"""The Babel message catalogs: every visible string has English, and the .mo is the compiled .po."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6.QtWidgets")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import catalogs  # noqa: E402

from dtdesk.gui import i18n  # noqa: E402


@pytest.fixture(scope="module")
def english():
    return catalogs.read_catalog("en")


def test_every_message_of_code_and_ui_files_has_english(english):
    found = catalogs.messages()
    missing = [f"{places[0][0]}:{places[0][1]} {m}" for m, places in found.items()
               if not (english.get(m) and english.get(m).string)]
    assert missing == []
    # what the extraction must see: a tr() call, a bind(), a column title marked N_(), a .ui text, a hint
    for message in ("Báo cáo chuyển đổi số", "Câu tự động từ số liệu", "Trong tệp", "&Báo cáo mới…", "{n} trang", "&Xem"):
        assert message in found


def test_placeholders_survive_translation(english):
    for message in english:
        if message.id and message.string:
            assert set(re.findall(r"{\w+}", message.id)) == set(re.findall(r"{\w+}", message.string)), message.id


def test_compiled_catalog_matches_its_source(english):
    mo = catalogs.po_path("en").with_suffix(".mo")
    assert mo.read_bytes() == catalogs.compiled(english), "run: python scripts/catalogs.py"


def test_the_app_reads_the_compiled_catalog():
    i18n.set_language("en")
    try:
        assert i18n.tr("Trong tệp") == "In the file"
        assert i18n.tr("Đã gửi {n} trang tới máy in.", n=3).startswith("Sent 3 page")
        assert i18n.tr("chưa có trong danh mục") == "chưa có trong danh mục"  # unknown text stays as is
    finally:
        i18n.set_language("vi")
    assert i18n.tr("Trong tệp") == "Trong tệp"
