"""The annex after the report: the key ratio per subunit as a bar chart, then who reported.

The chart is drawn with ReportLab's own graphics (``reportlab.graphics``) in
the report's fonts, inside the same Decree 30 frame, on pages that carry on
the report's page numbers. Bars are horizontal, one line per subunit, so a
province's hundred-odd communes stay readable: the chart is a flowable that
splits between rows, each part with its own scale, over as many pages as it
needs. A name too long for its column is cut with "…" (the table below prints
it whole); a subunit without the figure gets no bar and says so.
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, PageBreak, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.flowables import Flowable

from dtdesk.core.document import Annex, Bar
from dtdesk.render import fonts
from dtdesk.render import styles as st
from dtdesk.render.fit import ELLIPSIS, clean, markup
from dtdesk.render.table import bordered_table

LABEL_SIZE = st.TABLE_SIZE  # subunit names and figures, as in the report's tables
TICK_SIZE = 10
PITCH = 17.0  # points from one bar's row to the next
BAR = 10.0  # a bar's thickness
AXIS = 20.0  # the scale under the bars: its line, ticks and figures
GAP = 4.0  # between a name, its bar and its figure
LABEL_SHARE = 0.38  # the most of the width the names may take
TICKS = 5  # the scale is cut in fifths: 0, 20, 40, 60, 80, 100
BAR_FILL = Color(0.35, 0.35, 0.35)  # prints the same grey on any printer, colour or not
GRID = Color(0.75, 0.75, 0.75)


def one_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with "…" to fit ``width`` on one line."""
    text = " ".join(clean(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest beginning that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if stringWidth(text[:mid].rstrip() + ELLIPSIS, font, size) <= width else (lo, mid - 1)
    return text[:lo].rstrip() + ELLIPSIS


def _tick(value: float) -> str:
    return f"{value:g}".replace(".", ",")


class BarChart(Flowable):
    """Horizontal bars of ``bars`` against a 0–``scale`` axis; splits between rows at a page's foot."""

    def __init__(self, bars: tuple[Bar, ...], scale: float, label_width: float, text_width: float):
        super().__init__()
        self.bars, self.scale = bars, scale
        self.label_width, self.text_width = label_width, text_width

    @classmethod
    def of(cls, bars: tuple[Bar, ...], width: float) -> BarChart:
        """A chart of all ``bars`` sized for ``width``: names' column, figures' column, scale."""
        widest = max((stringWidth(clean(b.label), fonts.NORMAL, LABEL_SIZE) for b in bars), default=0)
        texts = max((stringWidth(clean(b.text), fonts.ITALIC, LABEL_SIZE) for b in bars), default=0)
        top = max((b.value for b in bars if b.value is not None), default=0)
        scale = 100.0 if top <= 100 else float(-(-top // TICKS) * TICKS)  # a share over 100 widens the scale
        return cls(bars, scale, min(widest + GAP, width * LABEL_SHARE), texts + GAP)

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = len(self.bars) * PITCH + AXIS
        return self.width, self.height

    def split(self, avail_width, avail_height):
        rows = int((avail_height - AXIS) // PITCH)
        if rows < 1 or rows >= len(self.bars):
            return []
        return [BarChart(self.bars[:rows], self.scale, self.label_width, self.text_width),
                BarChart(self.bars[rows:], self.scale, self.label_width, self.text_width)]

    def drawing(self) -> Drawing:
        plot_left = self.label_width
        plot_width = max(self.width - self.label_width - self.text_width, 1.0)
        drawing = Drawing(self.width, self.height)
        top = self.height
        for i in range(TICKS + 1):
            x = plot_left + plot_width * i / TICKS
            drawing.add(Line(x, AXIS - 3, x, top, strokeColor=GRID if i else black, strokeWidth=st.RULE_WIDTH))
            drawing.add(String(x, AXIS - 3 - TICK_SIZE, _tick(self.scale * i / TICKS), fontName=fonts.NORMAL,
                               fontSize=TICK_SIZE, textAnchor="middle"))
        drawing.add(Line(plot_left, AXIS - 3, plot_left + plot_width, AXIS - 3, strokeWidth=st.RULE_WIDTH))
        for n, bar in enumerate(self.bars):
            middle = top - (n + 0.5) * PITCH
            baseline = middle - LABEL_SIZE * 0.35
            name = one_line(bar.label, fonts.NORMAL, LABEL_SIZE, self.label_width - GAP)
            drawing.add(String(plot_left - GAP, baseline, name, fontName=fonts.NORMAL, fontSize=LABEL_SIZE,
                               textAnchor="end"))
            length = 0.0
            if bar.value is not None:
                length = plot_width * min(max(bar.value, 0.0), self.scale) / self.scale
                drawing.add(Rect(plot_left, middle - BAR / 2, length, BAR, fillColor=BAR_FILL, strokeColor=None))
            font = fonts.NORMAL if bar.value is not None else fonts.ITALIC
            drawing.add(String(plot_left + length + GAP, baseline, clean(bar.text), fontName=font,
                               fontSize=LABEL_SIZE))
        return drawing

    def draw(self):
        renderPDF.draw(self.drawing(), self.canv, 0, 0)


def annex_story(annex: Annex) -> list:
    """The annex's flowables, starting on a page of its own."""
    s = st.styles()
    story: list = [PageBreak(), RLParagraph(markup(annex.title), s.doc_type),
                   RLParagraph(markup(annex.subtitle), s.abstract),
                   RLParagraph(markup(annex.reference), s.place_date), Spacer(1, 12)]
    if annex.bars:
        story += [RLParagraph(markup(annex.chart_title), s.abstract), Spacer(1, 6),
                  BarChart.of(annex.bars, st.TEXT_WIDTH), Spacer(1, 12)]
    story += [CondPageBreak(st.HEADING_KEEP), RLParagraph(markup(annex.table_title), s.abstract), Spacer(1, 6),
              bordered_table(annex.table)]
    return story
