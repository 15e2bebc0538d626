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

from dtdesk.core.i18n import SOURCE, translate


class Failure(Exception):
    """Something the user can act on, said in one sentence: ``sentence`` (which failure) with its ``values``.

    The attribute is not called ``kind``: some subclasses name their case with
    a short ``kind`` ("own_file", "damaged") that programs test.
    """

    def __init__(self, sentence: str, /, **values):
        super().__init__(sentence)
        self.sentence, self.values = sentence, values

    def say(self, language: str = SOURCE) -> str:
        """The sentence in ``language``."""
        return translate(language, self.sentence, **self.values)

    def __str__(self) -> str:
        return self.say()


def reason(exc: BaseException, language: str = SOURCE) -> str:
    """A failure said as the reason inside another sentence: no closing full stop."""
    return (exc.say(language) if isinstance(exc, Failure) else str(exc)).rstrip(".")


def say(exc: BaseException, language: str = SOURCE) -> str:
    """Any exception as one sentence in ``language``: a :class:`Failure` translated, another one as it speaks."""
    return exc.say(language) if isinstance(exc, Failure) else str(exc)
