"""Render speed against a bare ReportLab story of the same size.

Run: python benchmarks/bench_render.py [--runs N]

Each case is a Document factory. For every case we time ``render_bytes``
(median of N runs after a warm-up) and, in the same process, a "bare" story:
the same text as plain Paragraphs and one plain Table with the same rows and
columns, default styles, same fonts and sizes. The ratio shows what the
Decree 30 layout costs on top of ReportLab itself. To add a case (e.g. the
demo report), append ``Case("render_demo", factory)`` to CASES.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph as RLParagraph  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table as RLTable  # noqa: E402
from xml.sax.saxutils import escape  # noqa: E402

from dtdesk.core.document import Document, Paragraph, Table  # noqa: E402
from dtdesk.render import fonts, render_bytes  # noqa: E402
from dtdesk.render import styles as st  # noqa: E402
from tests.render.sample import document_with_rows  # noqa: E402


@dataclass
class Case:
    name: str
    factory: Callable[[], Document]

    def timed(self):
        """The document, and the function whose time is measured."""
        document = self.factory()
        return document, lambda: render_bytes(document)


def _demo_data(extra_wards: int = 0):
    """The demo's district report, optionally with more wards (rows in 3.2, 3.5, 3.1 b)."""
    import tempfile

    from dtdesk.core.units import Unit
    from dtdesk.store.demo import create_demo
    from dtdesk.store.reports import report_data, resolve

    ws = create_demo(Path(tempfile.mkdtemp()) / "bench.sqlite")
    if extra_wards:
        ws.add_units(Unit(f"W{i}", f"Phường Thử {i}", "ward", "HA", f"Thử {i}", position=200 + i)
                     for i in range(extra_wards))
        for i in range(extra_wards):
            ws.set_values(f"W{i}", "2022-Q1", {("chu_ky_so.total", ""): 50 + i, ("chu_ky_so.signed", ""): 40 + i,
                                               ("chu_ky_so.leader", ""): 10, ("cong_ttdt.articles", ""): 100 + i,
                                               ("cong_ttdt.per_week", ""): 8, ("dvc.received", ""): 10})
    data = report_data(ws, resolve(ws))
    ws.close()
    return data


@dataclass
class ComposedCase(Case):
    """A case timed from the stored data: compose + render, as `dtdesk render` does."""

    def timed(self):
        from dtdesk.core.compose import compose

        data = self.factory()
        return compose(data), lambda: render_bytes(compose(data))


CASES: list[Case] = [
    ComposedCase("render_demo", _demo_data),
    ComposedCase("units_200", lambda: _demo_data(200)),
    Case("rows_200", lambda: document_with_rows(200)),
    Case("rows_2500", lambda: document_with_rows(2500)),
]


def bare_bytes(document: Document) -> tuple[bytes, int]:
    """The same content as a plain ReportLab story: default styles, same fonts."""
    fonts.register()
    normal = getSampleStyleSheet()["Normal"]
    para = ParagraphStyle("bare", parent=normal, fontName=fonts.NORMAL,
                          fontSize=st.BODY_SIZE, leading=st.BODY_SIZE * 1.2)
    cell = ParagraphStyle("bare-cell", parent=para, fontSize=st.TABLE_SIZE, leading=st.TABLE_SIZE * 1.2)
    h = document.header
    story = [RLParagraph(escape(t), para) for t in
             (h.parent_body, h.issuing_body, h.number, h.place_date, h.doc_type, h.abstract,
              h.cutoff_line) if t]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            story.append(RLParagraph(escape(block.text), para))
        elif isinstance(block, Table):
            total = sum(block.widths)
            # Label cells wrap, as they must to fit the page: plain Paragraphs, default style.
            rows = [[RLParagraph(escape(c), cell) if i == 1 and c else (c or "") for i, c in enumerate(r.cells)]
                    for r in (*block.header, *block.rows)]
            story.append(RLTable(rows, colWidths=[st.TEXT_WIDTH * w / total for w in block.widths],
                                 repeatRows=len(block.header),
                                 style=[("FONTNAME", (0, 0), (-1, -1), fonts.NORMAL),
                                        ("FONTSIZE", (0, 0), (-1, -1), st.TABLE_SIZE),
                                        ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    if document.closing:
        c = document.closing
        story += [RLParagraph(escape(t), para) for t in
                  ("Nơi nhận:", *c.recipients, c.authority, c.title, c.name) if t]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1, initialFontName=fonts.NORMAL)
    doc.build(story)
    return buf.getvalue(), doc.page


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: font loading, caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="run only the case with this name")
    args = parser.parse_args(argv)
    print(f"{'case':<12} {'pages':>5} {'median ms':>10} {'ms/page':>8} "
          f"{'bare pages':>10} {'bare ms':>8} {'ratio':>6}")
    for case in CASES:
        if args.only and case.name != args.only:
            continue
        document, work = case.timed()
        from dtdesk.render.pdf import render_pdf

        pages = render_pdf(document, io.BytesIO())
        ms = _median_ms(work, args.runs)
        _, bare_pages = bare_bytes(document)
        bare_ms = _median_ms(lambda: bare_bytes(document), args.runs)
        print(f"{case.name:<12} {pages:>5} {ms:>10.1f} {ms / pages:>8.1f} "
              f"{bare_pages:>10} {bare_ms:>8.1f} {ms / bare_ms:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
