"""Where a stored value came from, as the ``source`` column of its row says it and as a clerk reads it.

A value is typed in the forms (``local``), keyed from a paper report
(``keyed``), loaded from JSON (``load``), carried over from the last period
(``carried``) or imported: from a submission file (``import:`` and the first
16 hex digits of the file's SHA-256) or from a filled Excel workbook
(``xlsx:`` and the same), so that a later submission file knows which values
came from Excel, and the import preview says so in words
(:func:`source_words`), in the user's language.

:func:`entered_here` is the one rule of what an import may not silently
replace: a value entered at this workspace (typed, keyed from paper, loaded
from JSON) that a file gives differently is a *conflict*, which "keep the
figures entered here" (``import --keep-local``, the import window's tick)
keeps. A value that an earlier submission file or filled workbook of the unit
brought is the unit's earlier answer, and its later file or workbook replaces
it whatever the tick says: the officer keeps what her office typed, never an
answer the unit has since corrected. A value carried over from the last
period is nobody's answer for this one and is replaced too.
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


def entered_here(source: str) -> bool:
    """Whether a value of ``source`` was entered at this workspace rather than sent by the unit or carried over:
    an import that changes it is in conflict with it, and keeping local figures keeps it.

    A source this version does not know counts as entered here, so that nothing unknown is silently replaced."""
    return kind(source) not in (FILE, WORKBOOK, CARRIED)


def replaced_words(source: str) -> Phrase | str:
    """What the import preview says after a value it would replace: its source in words ("nhập từ Excel") unless
    an earlier submission file brought it (the usual case, a newer file replacing an older one), else ""."""
    return "" if kind(source) == FILE else source_words(source)
