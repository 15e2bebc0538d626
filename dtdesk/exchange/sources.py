"""Where a stored value came from, as the ``source`` column of its row says it and as a clerk reads it.

A value is typed in the forms (``local``), keyed from a paper report
(``keyed``), loaded from JSON (``load``), carried over from the last period
(``carried``) or imported: from a submission file (``import:`` and the first
16 hex digits of the file's SHA-256) or from a filled Excel workbook
(``xlsx:`` and the same), so that a later submission file knows which values
came from Excel, and the import preview's conflicts say so in words
(:func:`source_words`), in the user's language.
"""

from __future__ import annotations

from dtdesk.core.i18n import N_, Phrase
from dtdesk.store.values import CARRIED, FILE, KEYED, LOADED, LOCAL, WORKBOOK

_WORDS = {LOCAL: N_("gõ tay"), KEYED: N_("nhập tay từ bản giấy"), LOADED: N_("nhập từ tệp JSON"),
          CARRIED: N_("chuyển từ kỳ trước"), FILE: N_("nhập từ tệp nộp báo cáo"), WORKBOOK: N_("nhập từ Excel")}


def source_tag(sha256: str, *, workbook: bool = False) -> str:
    """The source of the values an imported file brought: which kind of file, and which file."""
    return f"{WORKBOOK if workbook else FILE}{sha256[:16]}"


def kind(source: str) -> str:
    """``source`` without the file it names: "local", "keyed", "import:", "xlsx:"…"""
    head, colon, _file = source.partition(":")
    return head + colon


def source_words(source: str) -> Phrase:
    """Where a value came from, in words ("gõ tay", "nhập từ Excel"…); a source this version does not know is
    quoted as it is."""
    words = _WORDS.get(kind(source))
    return Phrase(words) if words else Phrase("«{source}»", source=source[:40])
