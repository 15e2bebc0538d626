"""Files the clerk names (the PDF, a certificate file, a CA file, a PIN file): read whole, but bounded.

Each is small by nature; a size far beyond that is a wrong file, refused in
one sentence before anything parses it.
"""

from __future__ import annotations

from pathlib import Path

from dtdesk.core.formats import os_reason
from dtdesk.core.i18n import Phrase
from dtdesk.sign.errors import SignError


def read_limited(path: str | Path, limit: int, kind: str, what: Phrase) -> bytes:
    """At most ``limit`` bytes of ``path``; ``what`` names the file in the sentence ("tệp chứng thư số")."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise SignError(kind, "Không đọc được {what} «{name}»: {reason}.", what=what, name=path.name,
                        reason=os_reason(exc), path=str(path)) from None
    if len(data) > limit:
        raise SignError(kind, "Tệp «{name}» quá lớn để là {what}.", name=path.name, what=what, path=str(path))
    return data
