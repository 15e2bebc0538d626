"""Test utility: text of a PDF in content-stream order, and chars for layout tests.

pdfplumber's ``extract_text`` sorts by position; we keep the order in which
the PDF draws characters instead. ReportLab draws tables row by row and cell by
cell, so a table row whose cells are each one line comes out as one line
("2 Phòng Tư pháp 66 65 63 98,5"), which makes assertions about tables simple.
"""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

GAP = 0.2  # a horizontal gap wider than this × font size is a space
SAME_BASELINE = 0.5  # points


def _open(pdf: bytes | str | Path):
    return pdfplumber.open(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)


def char_lines(chars: list[dict]) -> list[list[dict]]:
    """Group chars (in stream order) into lines: a new line starts when the
    baseline changes or x goes backwards."""
    out: list[list[dict]] = []
    prev = None
    for ch in chars:
        if (prev is None or abs(ch["bottom"] - prev["bottom"]) > SAME_BASELINE
                or ch["x0"] < prev["x0"] - 0.01):
            out.append([])
        out[-1].append(ch)
        prev = ch
    return out


def find(chars: list[dict], target: str) -> list[dict]:
    """The chars spelling ``target`` (spaces ignored) in the first line holding it.

    Returns [] when absent. Used by layout tests to measure one header element.
    """
    want = "".join(target.split())
    for line in char_lines(chars):
        ink = [c for c in line if not c["text"].isspace()]
        joined = "".join(c["text"] for c in ink)
        at = joined.find(want)
        if at >= 0:
            return ink[at:at + len(want)]
    return []


def _page_lines(chars: list[dict]) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    prev = None
    for ch in chars:
        text = ch["text"]
        if prev is not None:
            new_line = (abs(ch["bottom"] - prev["bottom"]) > SAME_BASELINE
                        or ch["x0"] < prev["x0"] - 0.01)
            if new_line:
                lines.append("".join(current))
                current = []
            elif ch["x0"] - prev["x1"] > GAP * max(ch["size"], prev["size"]):
                if current and current[-1] != " " and text != " ":
                    current.append(" ")
        current.append(text)
        prev = ch
    if current:
        lines.append("".join(current))
    return [" ".join(line.split()) for line in lines if line.strip()]


def page_texts(pdf: bytes | str | Path) -> list[str]:
    """One string per page, lines joined by newlines, in content-stream order."""
    with _open(pdf) as doc:
        return ["\n".join(_page_lines(page.chars)) for page in doc.pages]


def text(pdf: bytes | str | Path) -> str:
    """The whole document's text in content-stream order, pages separated by newlines."""
    return "\n".join(page_texts(pdf))


def lines(pdf: bytes | str | Path) -> list[str]:
    """All lines of the document, in content-stream order."""
    return [line for page in page_texts(pdf) for line in page.split("\n") if line]


def words(s: str) -> list[str]:
    """Whitespace-separated words."""
    return s.split()


def page_chars(pdf: bytes | str | Path) -> list[list[dict]]:
    """Per page, the chars as dicts with text, fontname, size, x0, x1, top, bottom."""
    keys = ("text", "fontname", "size", "x0", "x1", "top", "bottom")
    with _open(pdf) as doc:
        return [[{k: c[k] for k in keys} for c in page.chars] for page in doc.pages]
