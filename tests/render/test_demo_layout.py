"""The demo report itself, measured: what the clerk prints, not only the sample."""

import pytest

from dtdesk.cli import main
from tests import pdftext
from tests.render.test_layout import LEFT, PAGE_W, RIGHT, TOP, _bold, _center, _find, _italic, _size


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-layout")
    main(["demo", str(folder / "ws.sqlite")])
    main(["render", str(folder / "ws.sqlite"), "-o", str(folder / "r.pdf")])
    return pdftext.page_chars(folder / "r.pdf")


def test_header_elements(pages):
    first = pages[0]
    issuing = _find(first, "VĂN PHÒNG HĐND - UBND")
    assert _size(issuing) == 13 and _bold(issuing)
    parent = _find(first, "QUẬN HẢI AN")
    assert _size(parent) == 13 and not _bold(parent)
    place = _find(first, "Hải An, ngày 31 tháng 3 năm 2022")
    number = _find(first, "Số: 05/BC-VP")
    assert _italic(place) and _size(place) == 14
    assert abs(place[0]["bottom"] - number[0]["bottom"]) < 1
    title = _find(first, "BÁO CÁO")
    assert _bold(title) and abs(_center(title) - (LEFT + PAGE_W - RIGHT) / 2) < 2


def test_tables_stay_inside_the_margins(pages):
    for chars in pages:
        assert min(c["x0"] for c in chars) >= LEFT - 1.5
        assert max(c["x1"] for c in chars) <= PAGE_W - RIGHT + 1.5


def test_page_numbers_from_page_two(pages):
    assert not [c for c in pages[0] if c["bottom"] < TOP]
    for number, chars in enumerate(pages[1:], start=2):
        top = [c for c in chars if c["bottom"] < TOP]
        assert "".join(c["text"] for c in top) == str(number)


def test_the_closing_block_is_on_one_page(pages):
    texts = ["".join(c["text"] for c in chars) for chars in pages]
    holding = [i for i, t in enumerate(texts) if "Nơinhận:" in t.replace(" ", "") or "Nơi nhận:" in t]
    assert len(holding) == 1
    page = texts[holding[0]]
    assert "CHÁNH VĂN PHÒNG" in page and "Lê Long Hưng" in page and "Lưu: VT." in page


def test_no_heading_is_left_at_the_foot_of_a_page(pages):
    for chars in pages[:-1]:  # the last page ends with the signer's name, bold 14 too
        lines = pdftext.char_lines(chars)
        last = lines[-1]
        assert not (_bold(last) and _size(last) == 14 and last[0]["x0"] > LEFT + 10), "".join(c["text"] for c in last)
