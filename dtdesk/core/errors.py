"""The one family of expected failures: the kind of failure, as its sentence's catalog source, and its values.

Core, store and exchange never word a failure for one language: they raise
``UnitError("Mã đơn vị «{code}» không hợp lệ.", code=code)``, and whoever shows
it, the command line or the window, says it in the user's language with
:meth:`Failure.say`. The sentence names the kind of failure: it is Vietnamese with ``{name}``
placeholders, which is also its message id in the catalog, so
``scripts/catalogs.py`` finds it at the raise site; ``str(exc)`` is the
Vietnamese sentence (the default language). A value that is itself a
:class:`Failure` (the reason one step failed) is said in the same language.
"""

from __future__ import annotations

from dtdesk.core.i18n import SOURCE, Phrase, translate


class Failure(Exception):
    """Something the user can act on, said in one sentence: ``sentence`` (which failure) with its ``values``.

    The attribute is not called ``kind``: some subclasses name their case with
    a short ``kind`` ("own_file", "damaged") that programs test.
    """

    def __init__(self, sentence: str, /, **values):
        super().__init__(sentence)
        self.sentence, self.values = sentence, values

    @classmethod
    def of(cls, said: "Failure | Phrase") -> "Failure":
        """The same sentence and values as another kind of failure (a period that cannot be read, met by the store),
        or as a sentence kept to be said (why a report is locked)."""
        if isinstance(said, Phrase):
            return cls(said.text, **said.values)
        return cls(said.sentence, **said.values)

    def say(self, language: str = SOURCE) -> str:
        """The sentence in ``language``."""
        return translate(language, self.sentence, **self.values)

    def __str__(self) -> str:
        return self.say()


def phrase(exc: BaseException) -> Phrase:
    """An exception kept as a sentence to show later (an import plan's message), still sayable in any language."""
    return Phrase(exc.sentence, **exc.values) if isinstance(exc, Failure) else Phrase(str(exc))


def say(said, language: str = SOURCE) -> str:
    """A failure or a :class:`~dtdesk.core.i18n.Phrase` in ``language``; another exception or text as it is."""
    return said.say(language) if isinstance(said, (Failure, Phrase)) else str(said)
