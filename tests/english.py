"""What is still Vietnamese in a sentence said in English: the words outside «quoted» names.

Quoted text is what the user or a file named (a unit, a file, a section's
title as printed in the report), which stays as it was written.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTED = re.compile(r"«[^»]*»")


def vietnamese_left(sentence: str) -> list[str]:
    """The words outside «…» with a Vietnamese letter (a tone mark, ă â ê ô ơ ư or đ)."""
    words = _QUOTED.sub(" ", sentence).split()
    return [w for w in words if "đ" in w.lower() or any(unicodedata.combining(c)
                                                         for c in unicodedata.normalize("NFD", w))]
