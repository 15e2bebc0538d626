"""Layout of the sample report measured with pdfplumber (Decree 30, docs/printed-report.md)."""

from __future__ import annotations

import dataclasses

import pdfplumber
import pytest

from dtdesk.core.document import Paragraph
from dtdesk.render import render_pdf
from tests import pdftext
from tests.render.sample import CLOSING, FIRST_UNIT, INTRO, sample_document

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.27, 841.89
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM
TEXT_CENTER = (LEFT + PAGE_W - RIGHT) / 2
INDENT = 1.27 / 2.54 * 72


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "sample.pdf"
    render_pdf(sample_document(), path)
    return path


@pytest.fixture(scope="module")
def pages(pdf):
    return pdftext.page_chars(pdf)


def _size(chars):
    sizes = {round(c["size"], 1) for c in chars}
    assert len(sizes) == 1, sizes
    return sizes.pop()


def _bold(chars):
    return all("Bold" in c["fontname"] for c in chars)


def _italic(chars):
    return all("Italic" in c["fontname"] for c in chars)


def _center(chars):
    return (min(c["x0"] for c in chars) + max(c["x1"] for c in chars)) / 2


def _find(chars, text):
    found = pdftext.find(chars, text)
    assert found, f"{text!r} not found"
    return found


def _content(page_no, chars):
    """Chars of the page without its page number (top margin)."""
    return [c for c in chars if not (page_no > 0 and c["bottom"] < TOP)]


def test_page_is_a4(pdf):
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) >= 3
        for page in doc.pages:
            assert page.width == pytest.approx(PAGE_W, abs=0.1)
            assert page.height == pytest.approx(PAGE_H, abs=0.1)


def test_margins(pages):
    for n, chars in enumerate(pages):
        content = _content(n, chars)
        assert min(c["top"] for c in content) >= TOP - 0.5
        assert max(c["bottom"] for c in content) <= PAGE_H - BOTTOM + 0.5
        assert max(c["x1"] for c in content) <= PAGE_W - RIGHT + 0.5
    # continuation lines of body paragraphs start exactly at the left margin
    body = [c for chars in pages for c in chars if round(c["size"]) == 14]
    assert min(c["x0"] for c in body) == pytest.approx(LEFT, abs=1.5)
    assert min(c["x0"] for chars in pages for c in chars) >= LEFT - 1.5


def test_header_left_column(pages):
    p1 = pages[0]
    parent = _find(p1, "ỦY BAN NHÂN DÂN")
    assert _size(parent) == 13 and not _bold(parent)
    issuing = _find(p1, "VĂN PHÒNG HĐND - UBND")
    assert _size(issuing) == 13 and _bold(issuing)
    number = _find(p1, "Số: 05/BC-VP")
    assert _size(number) == 13 and not _bold(number) and not _italic(number)
    # the left column is centred on itself and lies left of the right column
    motto = _find(p1, "Độc lập - Tự do - Hạnh phúc")
    assert _center(issuing) == pytest.approx(_center(number), abs=2)
    assert _center(issuing) < min(c["x0"] for c in motto)


def test_header_right_column(pages):
    p1 = pages[0]
    nation = _find(p1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert _size(nation) == 13 and _bold(nation)
    motto = _find(p1, "Độc lập - Tự do - Hạnh phúc")
    assert _size(motto) == 14 and _bold(motto)
    date = _find(p1, "Hải An, ngày 31 tháng 3 năm 2022")
    assert _size(date) == 14 and _italic(date) and not _bold(date)
    number = _find(p1, "Số: 05/BC-VP")
    assert date[0]["bottom"] == pytest.approx(number[0]["bottom"], abs=1)
    assert _center(nation) == pytest.approx(_center(motto), abs=2)


def test_title_block(pages):
    p1 = pages[0]
    title = _find(p1, "BÁO CÁO")
    assert _size(title) == 14 and _bold(title)
    assert _center(title) == pytest.approx(TEXT_CENTER, abs=2)
    abstract = _find(p1, "Tình hình, kết quả thực hiện chuyển đổi số")
    assert _size(abstract) == 14 and _bold(abstract)
    assert abstract[0]["top"] > title[0]["bottom"]
    cutoff = _find(p1, "(Tính đến ngày 30/3/2022)")
    assert not _bold(cutoff) and _center(cutoff) == pytest.approx(TEXT_CENTER, abs=2)


def test_header_rules(pdf, pages):
    p1 = pages[0]
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        segments = [(ln["x0"], ln["x1"], ln["top"]) for ln in page.lines]
        segments += [(r["x0"], r["x1"], r["top"]) for r in page.rects if r["height"] < 1.5]

    def rule_under(chars):
        x0, x1 = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
        bottom = max(c["bottom"] for c in chars)
        below = [s for s in segments if bottom < s[2] < bottom + 12
                 and x0 - 2 <= s[0] and s[1] <= x1 + 2]
        assert below, "no rule under " + "".join(c["text"] for c in chars)
        return below[0], x1 - x0, (x0 + x1) / 2

    (a, b, _), width, center = rule_under(_find(p1, "Độc lập - Tự do - Hạnh phúc"))
    assert b - a == pytest.approx(width, abs=2)
    assert (a + b) / 2 == pytest.approx(center, abs=2)
    (a, b, _), width, center = rule_under(_find(p1, "VĂN PHÒNG HĐND - UBND"))
    assert 0.2 * width < b - a < 0.5 * width
    assert (a + b) / 2 == pytest.approx(center, abs=2)
    (a, b, _), width, center = rule_under(_find(p1, "Tình hình, kết quả thực hiện chuyển đổi số"))
    assert b - a < 0.5 * width
    assert (a + b) / 2 == pytest.approx(TEXT_CENTER, abs=2)


def test_body_paragraphs(pages):
    p1 = pages[0]
    can_cu = _find(p1, "Căn cứ Nghị quyết số 03-NQ/TU")
    assert _italic(can_cu) and _size(can_cu) == 14
    intro = _find(p1, INTRO[:40])
    assert _size(intro) == 14 and not _bold(intro) and not _italic(intro)
    assert intro[0]["x0"] == pytest.approx(LEFT + INDENT, abs=1)
    heading = _find(p1, "I. TÌNH HÌNH, KẾT QUẢ")
    assert _bold(heading) and heading[0]["x0"] == pytest.approx(LEFT + INDENT, abs=1)
    # justified: many 14 pt regular lines end exactly at the right margin
    flush = 0
    for chars in pages:
        for line in pdftext.char_lines(chars):
            ink = [c for c in line if not c["text"].isspace()]
            if ink and round(ink[0]["size"]) == 14 and not _bold(ink):
                if abs(ink[-1]["x1"] - (PAGE_W - RIGHT)) <= 1:
                    flush += 1
    assert flush >= 5


def test_spacing_between_paragraphs(pages):
    p1 = pages[0]
    can_cu_last = _find(p1, "giai đoạn 2022 - 2025.")
    intro = _find(p1, INTRO[:40])
    gap = intro[0]["bottom"] - can_cu_last[0]["bottom"]
    assert 14 * 1.2 + 6 - 1 <= gap <= 14 * 1.5 + 12  # leading + space after


def test_closing_block(pages):
    last = pages[-1]
    rec = _find(last, "Nơi nhận:")
    assert _size(rec) == 12 and _bold(rec) and _italic(rec)
    assert rec[0]["x0"] == pytest.approx(LEFT, abs=0.5)
    recipient = _find(last, CLOSING.recipients[0])
    assert _size(recipient) == 11 and not _bold(recipient)
    assert recipient[0]["x0"] == pytest.approx(LEFT, abs=0.5)
    title = _find(last, "CHÁNH VĂN PHÒNG")
    assert _size(title) == 14 and _bold(title)
    assert rec[0]["bottom"] == pytest.approx(title[0]["bottom"], abs=1)
    name = _find(last, "Lê Long Hưng")
    assert _size(name) == 14 and _bold(name)
    assert _center(name) == pytest.approx(_center(title), abs=2)
    assert name[0]["top"] - title[0]["bottom"] >= 2.5 / 2.54 * 72 - 1


def _closing_pages(pdf_bytes):
    pages = pdftext.page_chars(pdf_bytes)
    where = {}
    for key in ("Nơi nhận:", "CHÁNH VĂN PHÒNG", "Lê Long Hưng", "Lưu: VT."):
        where[key] = [n for n, chars in enumerate(pages) if pdftext.find(chars, key)]
    return pages, where


def test_closing_never_splits():
    from dtdesk.render import render_bytes

    moved = 0
    for k in range(0, 40, 2):
        filler = tuple(Paragraph(f"Đoạn {i}: nội dung một dòng.") for i in range(k))
        doc = dataclasses.replace(sample_document(), blocks=sample_document().blocks[:3] + filler)
        pages, where = _closing_pages(render_bytes(doc))
        found = {key: pages_ for key, pages_ in where.items()}
        assert all(len(v) == 1 for v in found.values()), (k, found)
        assert len({v[0] for v in found.values()}) == 1, (k, found)
        # did the block move to a new page although the last paragraph left some room?
        n = found["Nơi nhận:"][0]
        if n > 0:
            prev = [c for c in _content(n - 1, pages[n - 1])]
            if prev and max(c["bottom"] for c in prev) < PAGE_H - BOTTOM - 40:
                moved += 1
    assert moved >= 1  # the sweep did exercise the keep-together case


def test_page_numbers(pages):
    assert not [c for c in pages[0] if c["bottom"] < TOP]
    for n, chars in enumerate(pages[1:], start=2):
        number = [c for c in chars if c["bottom"] < TOP]
        assert "".join(c["text"] for c in number) == str(n)
        assert _center(number) == pytest.approx(TEXT_CENTER, abs=2)
        assert round(number[0]["size"]) in (13, 14) and not _bold(number)


def test_table_header_repeats(pages):
    with_rows = [n for n, chars in enumerate(pages)
                 if pdftext.find(chars, "Phường Tràng Cát") or pdftext.find(chars, FIRST_UNIT[:30])
                 or pdftext.find(chars, "Ban Quản lý dự án")]
    assert len(set(with_rows)) >= 2, "the unit table should break across pages"
    for n in set(with_rows):
        header = pdftext.find(pages[n], "(1) (2) (3) (4=2/1)")
        assert header and _bold(header)
        assert pdftext.find(pages[n], "Tên đơn vị")


def test_table_cells(pages):
    chars = [c for p in pages for c in p]
    group = _find(chars, "I. KHỐI QUẬN")
    assert _bold(group)
    total = _find(chars, "Tổng 435 140")
    assert _bold(total)
    row = _find(chars, "Phòng Tư pháp")
    assert 12 <= _size(row) <= 13 and not _bold(row)
