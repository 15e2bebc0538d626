"""Render a :class:`~dtdesk.core.document.Document` to PDF with ReportLab platypus.

The core has already decided every string; this module only lays them out in
the Decree 30/2020 format (see docs/printed-report.md). Text is normalised to NFC
(ReportLab does not shape combining marks) and XML-escaped before it reaches a
``Paragraph`` (its mini-markup would otherwise eat "<b>" or "&" typed by a
clerk). Text in a box that cannot continue on the next page (header, table
cell, closing block) is cut to a number of lines with a visible "…" (see
:mod:`dtdesk.render.fit`), so no input, however long, stops the PDF. Output is
reproducible: the same Document gives the same bytes.
"""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.flowables import Flowable

from dtdesk.core.document import Closing, Document, Header
from dtdesk.core.document import Paragraph as DocParagraph
from dtdesk.core.document import Table as DocTable
from dtdesk.render import fonts
from dtdesk.render.annex import annex_story
from dtdesk.render import styles as st
from dtdesk.render.fit import bounded, clean, fit, markup
from dtdesk.render.signature_space import SignatureSpace
from dtdesk.render.table import bordered_table
from dtdesk.render.stamp import Stamp
from dtdesk.render.tail import KeepTail

__all__ = ["render_pdf", "render_bytes", "build_story"]

_HEADER_SPLIT = 0.4  # left column share of the text width (header and closing)
_ABSTRACT_RULE_MAX = 90.0  # points: the rule under the abstract stays short
_ENDING_BLOCKS = 3  # body blocks before the closing sentence that may give lines to the signer's page
_META_CHARS = 500  # the PDF's title and author: enough for any real one
# The most lines a text may take in a box that cannot continue on the next page; past that it is cut with "…".
# Real values take one to three lines; the limits only stop a pasted page from taking the layout down.
_LINES = {"parent": 3, "issuing": 4, "number": 2, "place_date": 2, "doc_type": 2, "abstract": 6,
          "cutoff": 2, "recipients": 30, "signer": 3}


def _para(text: str, style) -> RLParagraph:
    return RLParagraph(markup(text), style)


class Rule(Flowable):
    """A horizontal line of a fixed length, centred in whatever width it gets.

    HRFlowable centres itself through hAlign, which table cells ignore (they
    left-align flowables), so the header rules use this instead. It takes the
    full available width and draws the line in the middle of it.
    """

    def __init__(self, length: float, *, above: float = 1.0, below: float = 2.0):
        super().__init__()
        self.length = length
        self.above = above
        self.below = below

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.above + self.below
        return self.width, self.height

    def draw(self):
        x0 = (self.width - self.length) / 2
        canv = self.canv
        canv.setLineWidth(st.RULE_WIDTH)
        canv.setStrokeColor(black)
        canv.line(x0, self.below, x0 + self.length, self.below)


def _rule(width: float, *, before: float = 4.0, after: float = 3.0) -> Rule:
    """A centred horizontal line of an absolute width (not underscores)."""
    return Rule(width, above=before, below=after)


def _borderless() -> list:
    """Layout tables (header, closing): no padding, top-aligned, our font."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # cells hold flowables, but Table still sets its default font (Helvetica)
        ("FONTNAME", (0, 0), (-1, -1), fonts.NORMAL),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]


def _header(h: Header) -> list:
    s = st.styles()
    left_w = st.TEXT_WIDTH * _HEADER_SPLIT
    right_w = st.TEXT_WIDTH - left_w
    issuing = fit(h.issuing_body, s.issuing, left_w, _LINES["issuing"])
    motto = "Độc lập - Tự do - Hạnh phúc"
    issuing_w = min(max(stringWidth(line, fonts.BOLD, st.HEADER_SIZE) for line in issuing.splitlines() or [""]),
                    left_w)
    motto_w = stringWidth(motto, fonts.BOLD, st.MOTTO_SIZE)

    left = [bounded(h.parent_body, s.parent, left_w, _LINES["parent"])] if h.parent_body.strip() else []
    left += [_para(issuing, s.issuing), _rule(issuing_w / 3)]
    right = [
        RLParagraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.nation),
        RLParagraph(motto, s.motto),
        _rule(motto_w),
    ]
    # "Số:" and the place/date share a table row so they share a line; the
    # smaller "Số:" gets extra top padding so both baselines coincide.
    gap = 6
    table = Table(
        [[left, right], [bounded(h.number, s.number, left_w, _LINES["number"]),
                         bounded(h.place_date, s.place_date, right_w, _LINES["place_date"])]],
        colWidths=[left_w, right_w],
        style=TableStyle([
            *_borderless(),
            ("TOPPADDING", (0, 1), (1, 1), gap),
            ("TOPPADDING", (0, 1), (0, 1), gap + st.MOTTO_SIZE - st.HEADER_SIZE),
        ]),
    )
    abstract = fit(h.abstract, s.abstract, st.TEXT_WIDTH, _LINES["abstract"])
    abstract_w = min(stringWidth(abstract, fonts.BOLD, st.BODY_SIZE), st.TEXT_WIDTH)
    story = [
        table,
        Spacer(1, 18),
        bounded(h.doc_type, s.doc_type, st.TEXT_WIDTH, _LINES["doc_type"]),
        _para(abstract, s.abstract),
        _rule(min(abstract_w / 3, _ABSTRACT_RULE_MAX), before=4, after=5),
    ]
    if h.cutoff_line.strip():
        story.append(bounded(h.cutoff_line, s.cutoff, st.TEXT_WIDTH, _LINES["cutoff"]))
    story.append(Spacer(1, 12))
    return story


def _closing(c: Closing) -> list:
    """"Nơi nhận" and the signer's block, side by side (kept in one piece by :class:`KeepTail`)."""
    s = st.styles()
    left_w = st.TEXT_WIDTH * _HEADER_SPLIT
    right_w = st.TEXT_WIDTH - left_w
    left = [RLParagraph("Nơi nhận:", s.recipients_title)]
    if c.recipients:  # one paragraph, a line each: the list as a whole is cut when it would outgrow the page
        left.append(bounded("\n".join(c.recipients), s.recipient, left_w, _LINES["recipients"]))
    signer = [c.authority] if c.authority.strip() else []
    right = [bounded(line, s.signer, right_w, _LINES["signer"]) for line in (*signer, c.title)]
    right += [SignatureSpace(st.SIGNATURE_SPACE), bounded(c.name, s.signer, right_w, _LINES["signer"])]
    table = Table(
        [[left, right]],
        colWidths=[left_w, right_w],
        style=TableStyle([
            *_borderless(),
            # level the baselines of "Nơi nhận:" (12 pt) and the signer (14 pt)
            ("TOPPADDING", (0, 0), (0, 0), st.BODY_SIZE - st.RECIPIENTS_TITLE_SIZE),
        ]),
    )
    return [Spacer(1, 10), table]


def _with_closing(body: list, closing: list) -> list:
    """The body's last blocks and the closing under one :class:`KeepTail`.

    The last block is the closing sentence ("… kính báo cáo./."), kept whole;
    the up to three before it give at least two lines to the signer's page.
    ``CondPageBreak``s among them go: the group itself never ends a page with
    a heading; one before the group's first block stays where it is.
    """
    ending: list = []
    while body and len(ending) < _ENDING_BLOCKS + 1:
        flowable = body.pop()
        if not isinstance(flowable, CondPageBreak):
            ending.insert(0, flowable)
    heads, sentence = ending[:-1], ending[-1:]
    sticky = frozenset(i for i, f in enumerate(heads) if _is_heading(f))
    keep = 2 * st.styles().body.leading
    return [*body, KeepTail(heads, sentence, closing, keep=keep, page_height=st.TEXT_HEIGHT, sticky=sticky)]


def _heading_keep(heading, following) -> float:
    """The room a heading needs below it on its page: HEADING_KEEP, or, before a table, the heading and the
    table's opening (header and first rows), which a five-line header as 3.2's makes taller than HEADING_KEEP."""
    opening = getattr(following, "opening_height", None)
    if opening is None:
        return st.HEADING_KEEP
    height = heading.wrap(st.TEXT_WIDTH, st.TEXT_HEIGHT)[1] + heading.getSpaceBefore() + heading.getSpaceAfter()
    return max(st.HEADING_KEEP, height + opening)


def _is_heading(flowable) -> bool:
    return getattr(flowable, "style", None) is st.styles().heading


def build_story(document: Document) -> list:
    """The platypus flowables for a document (exposed for tests and benchmarks)."""
    s = st.styles()
    by_style = {"heading": s.heading, "body": s.body, "italic": s.italic, "point": s.point}
    story = _header(document.header)
    flowables = []
    for block in document.blocks:
        if isinstance(block, DocParagraph):
            flowables.append(_para(block.text, by_style.get(block.style, s.body)))
        elif isinstance(block, DocTable):
            flowables.append(bordered_table(block))
        else:  # pragma: no cover - the contract has only two block types
            raise TypeError(f"unknown block {type(block).__name__}")
    body: list = []
    for i, flowable in enumerate(flowables):
        if _is_heading(flowable):  # never leave a heading alone at the foot of a page
            following = flowables[i + 1] if i + 1 < len(flowables) else None
            body.append(CondPageBreak(_heading_keep(flowable, following)))
        body.append(flowable)
    if document.closing is not None:
        body = _with_closing(body, _closing(document.closing))
    return story + body


def _page_number(canvas, doc) -> None:
    """Pages 2..n: the number centred in the top margin."""
    canvas.saveState()
    canvas.setFont(fonts.NORMAL, st.PAGE_NUMBER_SIZE)
    canvas.drawCentredString(st.MARGIN_LEFT + st.TEXT_WIDTH / 2, st.PAGE_NUMBER_BASELINE,
                             str(doc.page))
    canvas.restoreState()


def _doc_template(out, document: Document) -> BaseDocTemplate:
    frame = Frame(st.MARGIN_LEFT, st.MARGIN_BOTTOM, st.TEXT_WIDTH, st.TEXT_HEIGHT,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc = BaseDocTemplate(
        out,
        pagesize=(st.PAGE_WIDTH, st.PAGE_HEIGHT),
        leftMargin=st.MARGIN_LEFT, rightMargin=st.MARGIN_RIGHT,
        topMargin=st.MARGIN_TOP, bottomMargin=st.MARGIN_BOTTOM,
        title=clean(document.title or document.header.abstract)[:_META_CHARS],
        author=clean(document.header.issuing_body)[:_META_CHARS],
        creator="dtdesk",
        invariant=1,  # no timestamps or random ids: same Document, same bytes
        # the canvas would otherwise declare Helvetica as its initial font
        initialFontName=fonts.NORMAL,
        initialFontSize=st.BODY_SIZE,
    )
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[frame], autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[frame], onPage=_page_number),
    ])
    return doc


def render_pdf(document: Document, out: str | os.PathLike | BinaryIO, *, code: str | None = None) -> int:
    """Write the PDF to a path or binary file object; return the page count.

    ``code``, the report's verification code (:mod:`dtdesk.exchange.verification`),
    is printed with its QR code in the footer of the report's last page (the
    signed one); the document's annex, if any, follows on pages of its own.
    """
    st.styles()
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    doc = _doc_template(target, document)
    annex = annex_story(document.annex) if document.annex else []  # after the stamp: it stays on the signed page
    doc.build(build_story(document) + ([Stamp(code)] if code else []) + annex)
    return doc.page


def render_bytes(document: Document, *, code: str | None = None) -> bytes:
    """The PDF as bytes."""
    buf = io.BytesIO()
    render_pdf(document, buf, code=code)
    return buf.getvalue()
