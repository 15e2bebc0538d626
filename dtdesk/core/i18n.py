"""The message catalogs, read without Qt: what the command line and the window both word their sentences with.

Source strings are the Vietnamese ones (the clerk's language and the
default). Other languages are compiled gettext catalogs,
``resources/i18n/<lang>/LC_MESSAGES/dtdesk.mo``, kept by
``scripts/catalogs.py``; the standard library's :mod:`gettext` reads them, so
nothing heavier is loaded to say a sentence.
"""

from __future__ import annotations

import gettext
import os
from functools import cache

from dtdesk.paths import resource

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
SOURCE = "vi"


@cache
def catalog(language: str, domain: str = "dtdesk") -> gettext.NullTranslations:
    """The catalog of ``language``; the source language, or one without a catalog, says the sources as they are.

    ``domain`` "argparse" is the Vietnamese of Python's argparse, whose own
    words (usage, help, errors) are English: see :func:`argparse_words`.
    """
    path = resource("i18n", language, "LC_MESSAGES", f"{domain}.mo")
    if (language == SOURCE and domain == "dtdesk") or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def argparse_words(language: str) -> None:
    """Make Python's argparse say its own words ("usage:", "options", "the following arguments are required…")
    in ``language``.

    argparse looks each of them up through its module's ``_`` and
    ``ngettext`` (the standard library's gettext, which follows the
    environment and has no Vietnamese); they are pointed at this app's
    catalog instead. English needs nothing: argparse's words are English.
    """
    import argparse

    words = catalog(language, "argparse")
    argparse._, argparse.ngettext = words.gettext, words.ngettext


def translate(language: str, text: str, /, **words) -> str:
    """``text`` in ``language``; ``{name}`` placeholders are filled from ``words``.

    A :class:`Phrase` or a :class:`dtdesk.core.errors.Failure` given as a word
    (the reason of another failure) is said in the same language; an
    exception as a word loses its full stop, the sentence has its own.
    """
    out = catalog(language).gettext(text)
    if not words:
        return out
    return out.format(**{name: _word(value, language) for name, value in words.items()})


def _word(value, language: str):
    if isinstance(value, (Phrase, BaseException)):
        return (value.say(language) if hasattr(value, "say") else str(value)).rstrip(".")
    return value


class Phrase(str):
    """A sentence or words that can be said again in another language: the catalog source and its values.

    ``Phrase("cột «{column}» của đơn vị «{code}»", column=c, code=u)`` is the
    Vietnamese string itself (so code that stores, compares or prints it needs
    nothing new), and ``say("en")`` words it in English. Given as a value of
    another sentence, it is said in that sentence's language.
    """

    def __new__(cls, text: str, /, **values):
        self = super().__new__(cls, translate(SOURCE, text, **values))
        self.text, self.values = text, values
        return self

    def say(self, language: str = SOURCE) -> str:
        return translate(language, self.text, **self.values)


def listing(words: list[str]) -> Phrase:
    """Catalog words joined by commas ("phường, xã, đặc khu"), each said in the language of the sentence
    they are given to ("ward, commune, special zone")."""
    names = {f"word{i}": Phrase(word) for i, word in enumerate(words)}
    pattern = ", ".join("{%s}" % name for name in names)  # not a message: no literal in Phrase(…) for the catalog
    return Phrase(pattern, **names)


def N_(text: str) -> str:
    """Marks a message for the catalog where it is defined (a unit kind's word); it is translated where shown."""
    return text


def environment_language(environ=os.environ) -> str:
    """The language the environment asks for, the way gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).

    "en_US.UTF-8" → "en"; anything this app has no catalog for (or "C") is Vietnamese.
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(name):
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else SOURCE
    return SOURCE
