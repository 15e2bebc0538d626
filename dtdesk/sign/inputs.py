"""Files the clerk names (the PDF, a certificate file, a CA file, a PIN file): read whole, but bounded.

Each is small by nature; a size far beyond that is a wrong file, refused in
one sentence before anything parses it.
"""

from __future__ import annotations

from pathlib import Path

from dtdesk.core.formats import os_reason
from dtdesk.sign.errors import SignError


def read_limited(path: str | Path, limit: int, kind: str, what: str) -> bytes:
    """At most ``limit`` bytes of ``path``; ``what`` names the file in the sentence ("tệp chứng thư số")."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise SignError(kind, f"Không đọc được {what} «{path.name}»: {os_reason(exc)}.", path=str(path)) from None
    if len(data) > limit:
        raise SignError(kind, f"Tệp «{path.name}» quá lớn để là {what}.", path=str(path))
    return data
