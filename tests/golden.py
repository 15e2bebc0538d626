"""Compare a rendered report with the seed report's text, word for word.

The seed (``fixtures/seed_report.txt``) is the text of the signed PDF: its
lines break where Word broke them, words split at a hyphen ("03-" / "NQ/TU")
are joined, and its table headers repeat where its pages broke. We rejoin the
former and drop the repeats, then ask that every seed word appear in the PDF's
content-stream text in order. The PDF may add only what a different page
layout adds: the header block, page numbers and repeated table headers, and
the one line the seed has not, the verification code at the foot of the last
page ("Mã xác thực: 7KQ2-M9XD-4HTB").
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")  # a verification code as printed

# Table header rows, as the seed's cell-by-cell text gives them.
TABLE_HEADERS = [
    "TT Tên đơn vị Tổng số văn bản đi trên phần mềm HP-eOffice Số văn bản có ký số của đơn vị, địa phương "
    "Số văn bản lãnh đạo đơn vị, địa phương ký số Tỷ lệ % văn bản ký số của đơn vị/tổng số văn bản đi",
    "(1) (2) (3) (4=2/1)",
    "TT Lĩnh vực Hồ sơ tiếp nhận Hồ sơ trả kết quả",
]


def seed_text() -> str:
    lines = [line.strip() for line in (FIXTURES / "seed_report.txt").read_text(encoding="utf-8").splitlines()]
    text = ""
    for line in filter(None, lines):
        text += line if re.search(r"\S-$", text) else " " + line
    return text


def _drop_repeats(words: list[str], phrase: list[str]) -> list[str]:
    out, seen, i = [], False, 0
    while i < len(words):
        if words[i : i + len(phrase)] == phrase:
            if not seen:
                out += phrase
            seen = True
            i += len(phrase)
        else:
            out.append(words[i])
            i += 1
    return out


def seed_words() -> list[str]:
    words = seed_text().split()
    for header in TABLE_HEADERS:
        words = _drop_repeats(words, header.split())
    return words


def missing_words(expected: list[str], actual: list[str], allowed_extra: set[str]) -> list[str]:
    """Human-readable differences; empty when ``expected`` is in ``actual`` in order.

    ``actual`` may hold extra runs of words only if every word of the run is in
    ``allowed_extra`` (header block, page numbers, repeated table headers).
    """
    problems = []
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            problems.append(f"seed «{' '.join(expected[max(0, a0 - 3):a1 + 3])}» ≠ pdf «{' '.join(actual[max(0, b0 - 3):b1 + 3])}»")
        elif op == "insert":
            extra = [w for w in actual[b0:b1] if w not in allowed_extra and not w.isdigit() and not CODE.fullmatch(w)]
            if extra:
                problems.append(f"pdf adds «{' '.join(actual[b0:b1])}» after «{' '.join(expected[max(0, a0 - 5):a0])}»")
    return problems


def allowed_extras(header_strings: list[str]) -> set[str]:
    from dtdesk.render.stamp import LABEL

    words = set()
    for text in [*header_strings, *TABLE_HEADERS, LABEL]:
        words |= set(text.split())
    return words
