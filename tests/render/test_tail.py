"""The signer's page never stands alone: the closing sentence and the body's last lines go with it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pdfplumber
import pytest

from dtdesk.core.compose import compose
from dtdesk.core.document import Paragraph
from dtdesk.core.report import ReportData, ReportInfo
from dtdesk.core.template import load_template
from dtdesk.core.units import Hierarchy, Unit
from dtdesk.render import render_bytes
from tests import pdftext
from tests.render.sample import LAST, sample_document

BODY_SIZE = 14
TOP = 20 * 72 / 25.4  # page numbers print above the top margin
LAST_BODY = ("Ủy ban nhân dân phường tiếp tục triển khai các nhiệm vụ chuyển đổi số theo kế hoạch của "
             "quận, tập trung vào dịch vụ công trực tuyến, chữ ký số và truyền thông; rà soát, bổ sung "
             "các chỉ tiêu còn thiếu, báo cáo kết quả thực hiện về Văn phòng đúng thời hạn quy định.")


def _last_page(pdf: bytes) -> list[dict]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [{k: c[k] for k in ("text", "size", "x0", "top", "bottom")} for c in doc.pages[-1].chars]


def _pages(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def _signer_page(pdf: bytes, closing_sentence: str, signer: str) -> int:
    """Body lines above the closing sentence on the last page, which holds the sentence and the signer."""
    chars = _last_page(pdf)
    for text in ("Nơi nhận:", signer):
        assert pdftext.find(chars, text), text
    sentence = pdftext.find(chars, closing_sentence)
    assert sentence, "the closing sentence is not on the signer's page"
    return len({round(c["bottom"]) for c in chars
                if round(c["size"]) == BODY_SIZE and TOP < c["bottom"] < sentence[0]["top"]})


def _sweep(make_pdf, closing_sentence, signer, *, lines=36, window=14):
    """Grow the body line by line past a page end; each time the signer's page has two body lines.

    A coarse scan of page counts finds where the report gains a page; from a
    little before that, ``window`` renders are measured one line apart: first the
    end of the last paragraph goes over, then whole blocks do.
    """
    coarse = {k: _pages(make_pdf(k)) for k in range(0, lines + 1, 4)}
    turn = next(k for k in coarse if coarse[k] > coarse[0])
    splits = moves = 0
    for k in range(max(0, turn - 4), turn + window):
        pdf = make_pdf(k)
        above = _signer_page(pdf, closing_sentence, signer)
        assert above >= 2, (k, above)
        if _pages(pdf) > coarse[0]:
            splits += above < 4  # only the end of a paragraph went over
            moves += above >= 4
    return splits, moves


def test_sample_report_keeps_body_lines_with_the_signer():
    base = sample_document()
    last_paragraph = Paragraph(LAST_BODY)

    def make(k):
        filler = tuple(Paragraph(f"Đoạn {i}: nội dung một dòng.") for i in range(k))
        return render_bytes(dataclasses.replace(base, blocks=base.blocks[:3] + filler
                                                + (last_paragraph, Paragraph(LAST))))

    splits, moves = _sweep(make, LAST, "CHÁNH VĂN PHÒNG")
    assert splits >= 1 and moves >= 1  # both ways of keeping them together were exercised


def _ward_report(text: str) -> bytes:
    """A ward's report made from scratch: the template, one unit, a few header fields and one text."""
    template = load_template("cds-quarterly", 1)
    ward = Unit("W", "Phường Mới", "ward", None, "Mới")
    info = ReportInfo("W", "2026-Q3", "cds-quarterly", 1, dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    header = {"issuing_body": "Ủy ban nhân dân phường Mới", "abstract": "Tình hình chuyển đổi số",
              "closing": "Ủy ban nhân dân phường kính báo cáo./.", "recipients": "- UBND quận;\n- Lưu: VT.",
              "signer_title": "Chủ tịch", "signer_name": "Nguyễn Văn A"}
    values = {("W", f"header.{k}", ""): v for k, v in header.items()}
    values[("W", "mo_dau.text", "")] = text
    return render_bytes(compose(ReportData(template, Hierarchy([ward]), info, values)))


def test_ward_report_from_scratch_never_leaves_the_signature_alone():
    lines = [f"- Nội dung thứ {i} của báo cáo." for i in range(60)]

    def make(k):
        return _ward_report("\n".join(lines[:k] + [LAST_BODY]))

    splits, moves = _sweep(make, "kính báo cáo./.", "CHỦ TỊCH")
    assert splits + moves >= 10  # most of the sweep has the signer on a page of its own making


@pytest.mark.parametrize("sentence", ["Kính báo cáo./. " * 400])
def test_a_closing_too_long_for_one_page_still_prints(sentence):
    base = sample_document()
    pdf = render_bytes(dataclasses.replace(base, blocks=base.blocks[:3] + (Paragraph(sentence),)))
    flat = " ".join(pdftext.words(pdftext.text(pdf)))
    assert "Nơi nhận:" in flat and "Lê Long Hưng" in flat
