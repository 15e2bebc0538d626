"""The PIN or password: asked for on the terminal, or read from standard input or a file, never an argument.

An argument would sit in the shell's history and in every process listing, so
there is none. Scripts pipe the secret in or name a file holding it (its first
line). The secret is never printed or logged; only its source is named in an
error.
"""

from __future__ import annotations

import getpass
import sys

from dtdesk.core.i18n import Phrase
from dtdesk.sign.errors import SignError
from dtdesk.sign.inputs import read_limited

_MAX_SECRET = 4096  # bytes: a PIN or a password, not a file that was named by mistake


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


def read_secret(prompt: str, secret_file: str | None = None, stdin=None) -> str:
    """The secret from ``secret_file``, else from a piped standard input, else asked for without echo."""
    if secret_file is not None:
        raw = read_limited(secret_file, _MAX_SECRET, "secret", Phrase("tệp mật khẩu"))
        return _first_line(raw.decode("utf-8", errors="replace"))
    stdin = stdin if stdin is not None else sys.stdin
    if stdin is None:
        raise SignError("secret", "Không có nơi để nhập mật khẩu; hãy dùng --secret-file.")
    if not stdin.isatty():
        return _first_line(stdin.read(_MAX_SECRET))

    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise SignError("secret", "Chưa nhập mật khẩu.") from None
