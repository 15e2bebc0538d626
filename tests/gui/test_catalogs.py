"""The Babel message catalogs: every visible string has English, and the .mo is the compiled .po."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
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
    # what the extraction must see: a tr() call, a bind(), a column title marked N_(), a .ui text, a hint, a tr()
    # inside an f-string (which Babel does not look into before Python 3.12)
    for message in ("Báo cáo chuyển đổi số", "Câu tự động từ số liệu", "Trong tệp", "&Báo cáo mới…", "{n} trang", "&Xem",
                    "Mở lại để sửa",
                    "Mỗi dòng là một đoạn văn; dòng bắt đầu bằng «- » là một gạch đầu dòng. "
                    "Nội dung được lưu ngay khi bạn ngừng gõ."):
        assert message in found


def test_placeholders_survive_translation(english):
    for message in english:
        if message.id and message.string:
            assert set(re.findall(r"{\w+}", message.id)) == set(re.findall(r"{\w+}", message.string)), message.id


# One English word for each word of the exchange: a submission file (tệp nộp) carries a revision (lần nộp, r2), as
# a province officer reads them; "submission r2" beside "revision r2" reads as two different things.
GLOSSARY = {"lần nộp": ("revision", ("submission r", "submission number", "new submission", "next submission",
                                    "imported submission", "older submission")),
            "tệp nộp": ("submission", ("revision file",))}


def test_the_words_of_the_exchange_are_said_one_way(english):
    mixed = []
    for vietnamese, (word, not_said) in GLOSSARY.items():
        for message in english:
            said = message.string.lower() if message.id and isinstance(message.string, str) else ""
            if vietnamese in str(message.id).lower() and (word not in said or any(w in said for w in not_said)):
                mixed.append(f"{message.id} → {message.string}")
    assert mixed == []


def test_compiled_catalog_matches_its_source(english):
    """The .mo says what the .po says (compared by meaning: each Babel release writes its own version in it)."""
    mo = catalogs.po_path("en").with_suffix(".mo")
    assert catalogs.meaning(mo.read_bytes()) == catalogs.meaning(catalogs.compiled(english)), \
        "run: python scripts/catalogs.py"
    messages, header = catalogs.meaning(mo.read_bytes())
    assert header["plural_forms"] == "nplurals=2; plural=(n != 1);" and header["charset"].lower() == "utf-8"
    assert messages[(None, "Trong tệp")] == "In the file"


def test_argparse_words_have_vietnamese_compiled_from_their_source():
    """The command line's default language gives argparse's usage, help and errors in Vietnamese: the .mo the
    app reads is the compiled .po, and what a clerk meets first is there."""
    from babel.messages.pofile import read_po

    with catalogs.ARGPARSE.open("rb") as handle:
        source = read_po(handle, locale="vi", domain="argparse")
    compiled = catalogs.meaning(catalogs.ARGPARSE.with_suffix(".mo").read_bytes())
    assert compiled == catalogs.meaning(catalogs.compiled(source)), "run: python scripts/catalogs.py"
    assert compiled[0][(None, "usage: ")] == "cách dùng: "
    assert compiled[0][(None, "the following arguments are required: %s")] == "thiếu các tham số bắt buộc: %s"


# What argparse came to say after Python 3.11, in the words newer releases use: section headings, deprecation
# warnings and "subcommands" (3.13), a suggestion for a mistyped choice (3.14).
NEWER_ARGPARSE = """
def format_help(heading):
    return _('%(heading)s:') % dict(heading=heading) + _(' (default: %(default)s)')

def warn(parser, option, name):
    parser._warning(_("option '%(option)s' is deprecated") % {'option': option})
    parser._warning(_("argument '%(argument_name)s' is deprecated") % {'argument_name': name})
    parser._warning(_("command '%(parser_name)s' is deprecated") % {'parser_name': name})
    fmt = _('%(prog)s: warning: %(message)s\\n')
    return _('subcommands'), _('invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)')
"""


def test_the_argparse_words_of_newer_pythons_have_vietnamese(tmp_path):
    """Whatever Python runs the command line, argparse says its words in Vietnamese: the messages of a newer
    release's argparse, read as the script reads the running one's, are all in the catalog already."""
    newer = tmp_path / "argparse.py"
    newer.write_text(NEWER_ARGPARSE, encoding="utf-8")
    messages = catalogs.argparse_messages(newer)
    assert len(messages) == 8 and "%(prog)s: warning: %(message)s\n" in messages
    catalog = catalogs.read_argparse()
    assert catalogs.with_argparse(catalog, messages) == []
    assert catalogs.with_argparse(catalog, [*messages, "a message no release says"]) == ["a message no release says"]


def test_every_argparse_message_kept_has_vietnamese():
    """The catalog keeps the messages of every release it met; none is left untranslated, whichever Python
    added it."""
    assert catalogs.with_argparse(catalogs.read_argparse(), []) == []


def test_a_percent_sign_is_not_read_as_a_printf_format(english):
    """Sentences are filled with str.format; the "%" of "quá 50% so với" is a percent sign, which Babel and
    msgfmt -c take for a printf directive ("% s" against the English "% f") unless the message says it is none."""
    guessed = [m.id for m in english if m.id and m.python_format and "no-python-format" not in m.flags]
    assert guessed == []
    assert any("%" in m.id for m in english if m.id)  # there is such a message to judge
    if msgfmt := shutil.which("msgfmt"):  # GNU gettext's own check, where it is installed
        checked = subprocess.run([msgfmt, "-c", "-o", os.devnull, str(catalogs.po_path("en"))], capture_output=True,
                                 text=True)
        assert checked.returncode == 0, checked.stderr


def test_meaning_sees_a_changed_translation(english):
    """The comparison above can fail: one changed translation or a dropped message is seen."""
    original = catalogs.meaning(catalogs.compiled(english))
    changed = english.get("Trong tệp")
    kept = changed.string
    try:
        changed.string = "Inside the file"
        assert catalogs.meaning(catalogs.compiled(english)) != original
    finally:
        changed.string = kept
    assert catalogs.meaning(catalogs.compiled(english)) == original


def test_compiled_qt_catalog_matches_its_source(qapp):
    """Qt reads from each .qm exactly the translations its .ts gives (whatever lrelease wrote the bytes)."""
    assert catalogs.qt_catalogs(), "Qt's own texts in Vietnamese (resources/i18n/qtbase_vi.ts)"
    for ts in catalogs.qt_catalogs():
        wanted = catalogs.ts_messages(ts)
        assert wanted[("QPlatformTheme", "Cancel")] == "Hủy"
        assert catalogs.qm_texts(ts.with_suffix(".qm"), wanted) == wanted, "run: python scripts/catalogs.py"


def test_qt_standard_buttons_speak_the_app_language(qapp):
    """Qt has no Vietnamese catalog: its Yes/No/OK/Cancel come from resources/i18n/qtbase_vi.qm."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    def texts():
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        return [box.button(QMessageBox.StandardButton.Yes).text(), box.button(QMessageBox.StandardButton.No).text(),
                buttons.button(QDialogButtonBox.StandardButton.Ok).text(),
                buttons.button(QDialogButtonBox.StandardButton.Cancel).text()]

    try:
        i18n.set_language("vi")
        assert texts() == ["&Có", "&Không", "Đồng ý", "Hủy"]
        i18n.set_language("en")
        assert texts() == ["&Yes", "&No", "OK", "Cancel"]
    finally:
        i18n.set_language("vi")
    assert texts()[0] == "&Có"


def test_the_app_reads_the_compiled_catalog():
    i18n.set_language("en")
    try:
        assert i18n.tr("Trong tệp") == "In the file"
        assert i18n.tr("Đã gửi {n} trang tới máy in.", n=3).startswith("Sent 3 page")
        assert i18n.tr("chưa có trong danh mục") == "chưa có trong danh mục"  # unknown text stays as is
    finally:
        i18n.set_language("vi")
    assert i18n.tr("Trong tệp") == "Trong tệp"
