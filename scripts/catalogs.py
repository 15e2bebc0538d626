"""The translation catalogs under ``resources/i18n``, kept with Babel.

    python scripts/catalogs.py          # extract, update the .po files, compile the .mo files

Messages are the Vietnamese source strings: the literal first argument of
``tr(...)``, ``N_(...)``, ``Phrase(...)`` and ``hint_label(...)`` and the
third of ``bind(widget, prop, ...)`` in ``dtdesk/gui``, ``dtdesk/cli``, core,
store, exchange and sign; the sentence each failure is raised with
(``UnitError("…", code=…)``, see :mod:`dtdesk.core.errors`); the help texts
of every command line command; the message of every rule of the templates;
and every user-visible text property in ``ui/*.ui``. The .po file is what a
translator edits; the .mo file beside it is what the app reads (with the
standard library's ``gettext``, so Babel is not loaded at start-up).
tests/gui/test_catalogs.py checks that every message has a translation and
that each .mo is the compiled form of its .po.

Python's argparse words its usage, help and errors in English through
gettext; ``resources/i18n/vi/LC_MESSAGES/argparse.po`` gives them in
Vietnamese (the command line's default language). This script adds the
messages of the running Python's argparse to it, keeps those of other Python
releases, compiles the ``.mo`` beside it and lists what still needs
translating.

Qt's own texts (the standard buttons: OK, Cancel, Yes, No…) have no
Vietnamese catalog in Qt, so ``resources/i18n/qtbase_vi.ts`` gives them, in Qt
Linguist's format; this script compiles it to the ``.qm`` beside it with the
``lrelease`` that PySide6 ships, and the test checks that too.
"""

from __future__ import annotations

import ast
import io
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
DOMAIN = "dtdesk"
KEYWORDS = {"tr": None, "tr_": None, "N_": None, "Phrase": None, "hint_label": None, "bind": (3,)}
SOURCES = ("gui", "cli", "core", "store", "exchange", "sign")  # folders of dtdesk/ whose messages are extracted
UI_TEXT_PROPERTIES = {"text", "title", "windowTitle", "toolTip", "statusTip", "placeholderText", "whatsThis"}
NOT_MESSAGES = {"Tiếng Việt", "English"}  # the language menu names each language in itself


def _ui_strings(fileobj, keywords, comment_tags, options):
    """A Babel extraction method for Qt Designer files: (line, funcname, message, comments).

    Every string of a property the user reads (text, title, tool tip…), unless
    Designer's "translatable" box is off (``notr="true"``).
    """
    data = fileobj.read().decode("utf-8")
    lines = data.splitlines()
    for prop in ElementTree.fromstring(data).iter("property"):
        string = prop.find("string")
        if prop.get("name") not in UI_TEXT_PROPERTIES or string is None or string.get("notr") == "true":
            continue
        text = string.text or ""
        if text and text not in NOT_MESSAGES:
            escaped = escape(text)
            yield next((n for n, line in enumerate(lines, 1) if escaped in line), 0), None, text, []


def messages() -> dict[str, list[tuple[str, int]]]:
    """Every message of the app and where it is used (file, line)."""
    found: dict[str, list[tuple[str, int]]] = {}
    keywords = {**KEYWORDS, **dict.fromkeys(failure_kinds()), "NationalError": (2,), "SignError": (2,)}
    python = [p for folder in SOURCES for p in sorted((ROOT / "dtdesk" / folder).glob("*.py"))]
    sources = [(p, "python") for p in python] + [(p, _ui_strings) for p in sorted((ROOT / "ui").glob("*.ui"))]
    for path, method in sources:
        with path.open("rb") as handle:
            for line, message, _comments, _context in extract(method, handle, keywords):
                if isinstance(message, tuple):
                    message = message[0]
                if message:
                    found.setdefault(message, []).append((path.relative_to(ROOT).as_posix(), line))
    for path in python:
        for line, message in _formatted_messages(path, keywords):
            places = found.setdefault(message, [])
            place = (path.relative_to(ROOT).as_posix(), line)
            if place not in places:  # Python 3.12's tokenizer lets Babel see into f-strings too
                places.append(place)
    for message, place in [*command_texts(), *rule_messages()]:
        found.setdefault(message, []).append(place)
    return found


def _formatted_messages(path: Path, keywords) -> list[tuple[int, str]]:
    """Messages of calls inside an f-string's braces (``f'<a>{tr("Mở lại để sửa")}</a>'``), with their lines.

    Before Python 3.12 an f-string is one token, and Babel's extractor does not look into it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for call in ast.walk(node):
            name = call.func.id if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) else None
            if name in keywords and keywords[name] is None and call.args:  # the message is the first argument
                first = call.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append((call.lineno, first.value))
    return found


def rule_messages():
    """(message, place) of each rule of each template (a section's, or one every narrative has): a rule's
    message is shown to the clerk, never printed."""
    import json

    for path in sorted((ROOT / "resources" / "templates").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text)
        sections = raw.get("sections", ()) if isinstance(raw, dict) else ()  # (a national code table lies beside)
        rules = [*raw.get("text_rules", ()), *(r for s in sections for r in s.get("rules", ()))] if sections else []
        for rule in rules:
            line = text[:text.find(json.dumps(rule["message"], ensure_ascii=False))].count("\n") + 1
            yield rule["message"], (path.relative_to(ROOT).as_posix(), line)


def failure_kinds() -> list[str]:
    """The names of every class of :class:`dtdesk.core.errors.Failure`: its first argument is a message."""
    import importlib
    import pkgutil

    import dtdesk
    from dtdesk.core.errors import Failure

    for module in pkgutil.walk_packages(dtdesk.__path__, "dtdesk."):
        if module.name.split(".")[1] in SOURCES[2:]:
            importlib.import_module(module.name)
    kinds, pending = [], [Failure]
    while pending:
        kind = pending.pop()
        kinds.append(kind.__name__)
        pending += kind.__subclasses__()
    return kinds


def command_texts():
    """(message, place) of each command line command's help and its arguments' help and metavar."""
    import dtdesk.cli  # noqa: F401  (registers every command)
    from dtdesk.cli.registry import COMMANDS, OneOf

    for cmd in (c for c in COMMANDS.values() if not c.hidden):
        code = cmd.handler.__code__
        place = (Path(code.co_filename).resolve().relative_to(ROOT).as_posix(), code.co_firstlineno)
        args = [a for arg in cmd.arguments for a in (arg.args if isinstance(arg, OneOf) else (arg,))]
        texts = [cmd.help] + [arg.options.get(word) for arg in args for word in ("help", "metavar")]
        yield from ((text, place) for text in texts if isinstance(text, str) and text)


def po_path(language: str) -> Path:
    return I18N / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def meaning(mo: bytes) -> tuple[dict, dict]:
    """What a compiled catalog says, whatever Babel release wrote it.

    The messages (with their contexts and plural forms) and the header fields a
    reader acts on; not the bytes, which carry "Generated-By: Babel x.y".
    """
    catalog = read_mo(io.BytesIO(mo))
    messages = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)):
                m.string if isinstance(m.string, str) else tuple(m.string) for m in catalog if m.id}
    return messages, {"charset": catalog.charset, "plural_forms": catalog.plural_forms,
                      "language": str(catalog.locale)}


def ts_messages(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation, as a Qt Linguist file gives them."""
    root = ElementTree.parse(ts).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.findtext("translation")
            for context in root.iter("context") for message in context.iter("message")}


def qm_texts(qm: Path, keys) -> dict[tuple[str, str], str]:
    """What Qt itself reads from a compiled .qm for each (context, source): the catalog's meaning."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(qm)):
        return {}
    return {(context, source): translator.translate(context, source) for context, source in keys}


def percent_signs(catalog: Catalog) -> None:
    """Mark every message that looks like a printf format "no-python-format": this app fills its sentences with
    ``str.format`` ("{period}"), so a "%" in one is a percent sign.

    Babel flags "tăng quá 50% so với" as python-format ("% s" is a printf
    directive), and ``msgfmt -c`` then refuses its translation ("50% from":
    "% f"). The flag changes nothing the clerk reads.
    """
    for message in catalog:
        if message.id and "python-format" in message.flags:
            message.flags.discard("python-format")
            message.flags.add("no-python-format")


def update(language: str) -> list[str]:
    """Add new messages (untranslated), drop unused ones, rewrite the .po and the .mo; returns the untranslated."""
    template = Catalog(locale=language, domain=DOMAIN, project="dtdesk")
    for message, places in messages().items():
        template.add(message, locations=places)
    catalog = read_catalog(language) if po_path(language).is_file() else Catalog(locale=language, domain=DOMAIN)
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    percent_signs(catalog)
    with po_path(language).open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
    po_path(language).with_suffix(".mo").write_bytes(compiled(catalog))
    return [m.id for m in catalog if m.id and not m.string]


def lrelease() -> Path:
    """Qt's lrelease as PySide6 ships it (what ``pyside6-lrelease`` runs)."""
    import PySide6

    return Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def compiled_qt(ts: Path) -> bytes:
    """The .qm that Qt's lrelease makes of a Qt Linguist file."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(out)], check=True)
        return out.read_bytes()


def qt_catalogs() -> list[Path]:
    return sorted(I18N.glob("qtbase_*.ts"))


ARGPARSE = I18N / "vi" / "LC_MESSAGES" / "argparse.po"


def argparse_messages(module: Path | None = None) -> list[str | tuple[str, str]]:
    """The messages an argparse module says through gettext (a plural one as its two forms); by default the
    running Python's."""
    if module is None:
        import argparse

        module = Path(argparse.__file__)
    with module.open("rb") as handle:
        return [message for _line, message, _comments, _context in
                extract("python", handle, {"_": None, "ngettext": (1, 2)}) if message]


def read_argparse() -> Catalog:
    """The Vietnamese of argparse: the messages of every Python release it was brought up to date on (3.11–3.14)."""
    with ARGPARSE.open("rb") as handle:
        return read_po(handle, locale="vi", domain="argparse")


def with_argparse(catalog: Catalog, messages) -> list[str]:
    """Add to ``catalog`` the ``messages`` it lacks (untranslated), keeping those of other releases; returns what
    in it has no Vietnamese yet."""
    for message in messages:
        if catalog.get(message[0] if isinstance(message, tuple) else message) is None:
            catalog.add(message)
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog
            if m.id and not (m.string and (isinstance(m.string, str) or all(m.string)))]  # one added has None


def update_argparse() -> list[str]:
    """Add this Python's argparse messages (untranslated) to the Vietnamese catalog, keep the others, compile it;
    returns the untranslated."""
    catalog = read_argparse()
    missing = with_argparse(catalog, argparse_messages())
    with ARGPARSE.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)
    ARGPARSE.with_suffix(".mo").write_bytes(compiled(catalog))
    return missing


def main() -> int:
    for ts in qt_catalogs():
        ts.with_suffix(".qm").write_bytes(compiled_qt(ts))
    missing = [f"vi (argparse): {m}" for m in update_argparse()]
    for folder in sorted(p for p in I18N.iterdir() if p.is_dir() and p.name != "vi"):  # vi: the sources
        missing += [f"{folder.name}: {m}" for m in update(folder.name)]
    for line in missing:
        print("untranslated", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
