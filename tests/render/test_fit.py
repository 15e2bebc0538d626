"""Text in boxes that cannot continue on the next page is cut, visibly, never overflowing."""

from __future__ import annotations

import unicodedata

import pytest

from dtdesk.render import styles as st
from dtdesk.render.fit import ELLIPSIS, bounded, clean, fit

WIDTH = 180.0


@pytest.fixture(scope="module")
def style():
    return st.styles().recipient


def _lines(text, style, width=WIDTH):
    return round(bounded(text, style, width, 1000).height / style.leading)


def test_text_that_fits_is_kept_whole(style):
    text = "- Thường trực Quận ủy;\n- Lưu: VT."
    assert fit(text, style, WIDTH, 3) == text
    assert bounded(text, style, WIDTH, 3).height == pytest.approx(2 * style.leading)


@pytest.mark.parametrize("text", [
    "Nội dung rất dài " * 6000,  # 100 KB of words
    "Z" * 100_000,  # no space to break at
    "\n" * 10_000 + "x",  # only line breaks
    "a\u200b" * 50_000,  # zero-width spaces: more characters per line than any font could print
])
def test_long_text_is_cut_to_the_lines_allowed_with_a_mark(style, text):
    cut = fit(text, style, WIDTH, 4)
    assert cut.endswith(ELLIPSIS)
    assert text.startswith(cut[:-1].rstrip())
    para = bounded(text, style, WIDTH, 4)
    assert para.height <= 4 * style.leading + 0.01
    assert _lines(cut, style) <= 4


def test_cut_keeps_as_much_as_fits(style):
    text = "Nội dung rất dài " * 200
    cut = fit(text, style, WIDTH, 3)
    assert _lines(cut, style) == 3
    longer = text[: len(cut) + 8].rstrip() + ELLIPSIS  # a word more no longer fits
    assert _lines(longer, style) > 3


def test_clean_makes_text_printable():
    nfd = unicodedata.normalize("NFD", "Phường Cát Bi")
    assert clean(nfd) == "Phường Cát Bi"
    assert clean("A\x00B\x1b[31mC\x7f") == "AB[31mC"
    assert clean("tab\tand\nline") == "tab\tand\nline"
    assert clean("x\ud800y") == "x?y"
