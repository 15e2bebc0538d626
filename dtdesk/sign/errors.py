"""The error of signing and verifying: a kind a program can test, values, and one sentence for the clerk."""

from __future__ import annotations


class SignError(Exception):
    """``str(exc)`` is one Vietnamese sentence; ``kind`` names the case (``"secret"``, ``"token"``…)."""

    def __init__(self, kind: str, message: str, **values):
        super().__init__(message)
        self.kind = kind
        self.values = values
