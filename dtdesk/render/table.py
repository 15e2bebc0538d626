"""The report's bordered tables (3.2, 3.3, 3.5 and the annex's), drawn fast enough for thousands of rows."""

from __future__ import annotations

from functools import cache

from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Table, TableStyle

from dtdesk.core.document import Table as DocTable
from dtdesk.render import fonts
from dtdesk.render import styles as st
from dtdesk.render.fit import bounded, clean

OPENING_ROWS = 2  # the body rows a table must start with below its heading: a group row and a unit's row
CELL_LINES = 12  # the most lines a cell may take before it is cut with "…" (it cannot continue on the next page)


@cache
def widest_glyph(font: str) -> float:
    """The advance of the font's widest glyph, in ems."""
    return max(getFont(font).face.charWidths.values()) / 1000


def column_widths(t: DocTable, pad: float) -> list[float]:
    """The columns' widths on the page: the template's shares of the text width, except that no column is narrower
    than the longest word of its body cells ("114" in a province's numbering column must not break into "11" and
    "4"); the width it needs is taken from the other columns in proportion to their widths."""
    total = float(sum(t.widths)) or 1.0
    shares = [st.TEXT_WIDTH * w / total for w in t.widths]
    # a word of n characters is at most n widest glyphs wide: only longer words can fail to fit
    widest = max(widest_glyph(fonts.NORMAL), widest_glyph(fonts.BOLD)) * st.TABLE_SIZE
    fits = [int((share - 2 * pad) // widest) for share in shares]
    needed = [0.0] * len(shares)
    for row in t.rows:
        font = fonts.NORMAL if row.kind == "data" else fonts.BOLD
        for j, text in enumerate(row.cells[:len(shares)]):
            merged = j + 1 < len(row.cells) and row.cells[j + 1] is None
            if text and not merged and len(text) > fits[j]:
                longest = max((stringWidth(word, font, st.TABLE_SIZE) for word in clean(text).split()
                               if len(word) > fits[j]), default=0.0)
                needed[j] = max(needed[j], longest + 2 * pad)
    short = sum(max(n - w, 0.0) for n, w in zip(needed, shares))
    giving = sum(w for n, w in zip(needed, shares) if n <= w)
    if short == 0 or giving == 0:
        return shares
    widths = [n if n > w else w - short * w / giving for n, w in zip(needed, shares)]
    return widths if all(w >= n for n, w in zip(needed, widths)) else shares  # no room: the template's widths


def bordered_table(t: DocTable) -> Table:
    """A bordered table; short cells stay plain strings (cheap), long ones wrap.

    Speed matters for long tables, so two ReportLab costs are avoided:

    * SPAN commands make every re-wrap after a page split walk all remaining
      cells (``_calcSpanRanges``), which is quadratic over a long table. A
      merged cell is drawn instead as its first cell with a negative right
      padding that widens it over the merged columns (text and Paragraph
      wrapping then use the whole merged width), and the grid leaves out
      the vertical lines inside the merge.
    * Row heights are measured here, once, and passed to the table: without
      them ReportLab re-measures every remaining row after each page split
      (quadratic; its LongTable shortcut only applies to tables with spans).
    """
    s = st.styles()
    ncols = len(t.widths)
    pad = st.TABLE_PADDING
    col_w = column_widths(t, pad)
    nh = len(t.header)
    size = st.TABLE_SIZE
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.NORMAL),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), round(size * st.LEADING, 2)),  # = leading below
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("BOX", (0, 0), (-1, -1), st.RULE_WIDTH, black),
        ("LINEBELOW", (0, 0), (-1, -2), st.RULE_WIDTH, black),
    ]
    for j, a in enumerate(t.align[:ncols]):
        if a != "left":
            commands.append(("ALIGN", (j, nh), (j, -1), st.TABLE_ALIGN[a]))
    if nh:
        commands += [("FONTNAME", (0, 0), (-1, nh - 1), fonts.BOLD),
                     ("ALIGN", (0, 0), (-1, nh - 1), "CENTER")]

    # rows in which the vertical line before column c is hidden by a merge
    hidden: list[set[int]] = [set() for _ in range(ncols)]
    data = []
    heights: list[float] = []
    leading = round(size * st.LEADING, 2)
    one_line = leading + 2 * pad
    bold_font, normal_font = fonts.BOLD, fonts.NORMAL
    all_rows = (*t.header, *t.rows)
    for i, row in enumerate(all_rows):
        is_header = i < nh
        bold = is_header or row.kind != "data"
        if bold and not is_header:
            commands.append(("FONTNAME", (0, i), (-1, i), bold_font))
        font = bold_font if bold else normal_font
        cells = row.cells
        out: list = []
        h = one_line
        j = 0
        while j < ncols:
            text = cells[j] if j < len(cells) else ""
            k = j + 1
            while k < ncols and k < len(cells) and cells[k] is None:
                hidden[k].add(i)
                k += 1
            width = col_w[j]
            if k - j > 1:
                width = sum(col_w[j:k])
                commands.append(("RIGHTPADDING", (j, i), (j, i), pad - (width - col_w[j])))
            text = clean(text or "")
            group_label = row.kind == "group" and j == 0 and not is_header
            if group_label:
                commands.append(("ALIGN", (j, i), (j, i), "LEFT"))
            if "\n" in text or stringWidth(text, font, size) > width - 2 * pad:
                align = ("center" if is_header else "left" if group_label
                         else t.align[j] if j < len(t.align) else "left")
                para = bounded(text, s.cell[(bold, align)], width - 2 * pad, CELL_LINES)
                h = max(h, para.height + 2 * pad)
                out.append(para)
            else:
                out.append(text)
            out.extend([""] * (k - j - 1))
            j = k
        data.append(out)
        heights.append(h)

    last = len(all_rows) - 1
    for c in range(1, ncols):
        start = 0
        for r in sorted(hidden[c]) + [last + 1]:
            if r > start:
                commands.append(("LINEBEFORE", (c, start), (c, r - 1), st.RULE_WIDTH, black))
            start = r + 1
    table = Table(data, colWidths=col_w, rowHeights=heights, repeatRows=nh,
                  style=TableStyle(commands),
                  hAlign="CENTER", spaceBefore=2, spaceAfter=8)
    # what must fit below a heading for the table to start there: its header and first two rows (a group row
    # alone, "I. KHỐI PHƯỜNG", is no start)
    table.opening_height = table.spaceBefore + sum(heights[:nh + OPENING_ROWS])
    return table
