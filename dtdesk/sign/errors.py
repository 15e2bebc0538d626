"""The error of signing and verifying: a kind a program can test, values, and one sentence for the clerk."""

from __future__ import annotations

from dtdesk.core.errors import Failure


class SignError(Failure):
    """A signing or verifying failure: ``kind`` names the case (``"secret"``, ``"token"``…), the sentence (said in
    the user's language, see :class:`~dtdesk.core.errors.Failure`) says it with its values."""

    def __init__(self, kind: str, sentence: str, /, **values):
        super().__init__(sentence, **values)
        self.kind = kind
