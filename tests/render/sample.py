"""A hand-built Document resembling the seed report, for layout tests and benchmarks.

It does not go through the core: the renderer is tested on its own, with text
taken from tests/fixtures/seed_report.txt (header block from seed_ocr.txt).
"""

from __future__ import annotations

from dtdesk.core.document import Closing, Document, Header, Paragraph, Row, Table

HEADER = Header(
    parent_body="ỦY BAN NHÂN DÂN QUẬN HẢI AN",
    issuing_body="VĂN PHÒNG HĐND - UBND",
    number="Số: 05/BC-VP",
    place_date="Hải An, ngày 31 tháng 3 năm 2022",
    doc_type="BÁO CÁO",
    abstract="Tình hình, kết quả thực hiện chuyển đổi số trên địa bàn quận Hải An",
    cutoff_line="(Tính đến ngày 30/3/2022)",
)

CAN_CU = (
    "Căn cứ Nghị quyết số 03-NQ/TU ngày 26/10/2021 của Ban Thường vụ Thành ủy; "
    "Quyết định số 284/QĐ-UBND ngày 24/01/2022 của Ủy ban nhân dân thành phố ban hành "
    "Chương trình hành động thực hiện Nghị quyết số 03-NQ/TU về chuyển đổi số thành phố "
    "Hải Phòng đến năm 2025, định hướng đến năm 2030 và thực hiện các Kế hoạch của Ủy ban "
    "nhân dân quận: số 55/KH-UBND ngày 10/3/2022 về triển khai thực hiện chuyển đổi số đến "
    "năm 2025, định hướng đến năm 2030 trên địa bàn quận; số 64/KH-UBND ngày 17/3/2022 "
    "truyền thông về chuyển đổi số quận Hải An giai đoạn 2022 - 2025."
)

INTRO = (
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận báo cáo tình hình, kết quả thực "
    "hiện chuyển đổi số trên địa bàn quận, cụ thể như sau:"
)

BODY_1 = (
    "Ủy ban nhân dân quận đã quyết định thành lập Ban Chỉ đạo về chuyển đổi số quận trên cơ "
    "sở kiện toàn và đổi tên Ban Chỉ đạo xây dựng Chính quyền điện tử quận (Quyết định số "
    "2894/QĐ-UBND ngày 27/12/2021); thành lập Tổ công tác giúp việc Ban Chỉ đạo về chuyển "
    "đổi số (Quyết định số 534/QĐ-BCĐ ngày 10/3/2022); ban hành Kế hoạch về triển khai thực "
    "hiện chuyển đổi số quận Hải An đến năm 2025, định hướng đến năm 2030 (Kế hoạch số "
    "55/KH-UBND ngày 10/3/2022)."
)

BODY_2 = (
    "Ngày 30/3/2022, Ủy ban nhân dân quận đã tổ chức Hội nghị quán triệt, triển khai Nghị "
    "quyết số 03-NQ/TU ngày 26/10/2021 của Ban Thường vụ Thành ủy; Quyết định số "
    "284/QĐ-UBND ngày 24/01/2022 của Ủy ban nhân dân thành phố ban hành Chương trình hành "
    "động thực hiện Nghị quyết số 03-NQ/TU về chuyển đổi số thành phố Hải Phòng đến năm "
    "2025, định hướng đến năm 2030 với gần 300 đại biểu dự tại Hội trường trung tâm quận. "
    "Tại Hội nghị đồng chí Phó Chủ tịch Ủy ban nhân dân thành phố Hoàng Minh Cường đã phát "
    "biểu chỉ đạo, quán triệt; lãnh đạo Sở Thông tin và Truyền thông phổ biến, giới thiệu "
    "một số nội dung trọng tâm, cơ bản về chuyển đổi số."
)

BODY_3 = (
    "- Văn phòng Hội đồng nhân dân và Ủy ban nhân dân đã xây dựng chuyên mục \"Chuyển đổi "
    "số\" trên Cổng thông tin điện tử quận để kịp thời cập nhật các văn bản chỉ đạo, đăng "
    "tải đầy đủ các tin, bài về chuyển đổi số."
)

POINT_A = (
    "a) Cấp quận: Tổng số hồ sơ tiếp nhận là 1.671 hồ sơ (tiếp nhận mới 1.432 hồ sơ; tồn "
    "trước 239 hồ sơ). Đã giải quyết 1.476 hồ sơ, đang giải quyết 195 hồ sơ, không có hồ sơ "
    "quá hạn; trong đó tiếp nhận và giải quyết 990 hồ sơ trực tuyến, đạt 59,2%."
)

POINT_B = (
    "b) Cấp phường: Tổng số hồ sơ tiếp nhận là 914 hồ sơ (tiếp nhận mới 905 hồ sơ; tồn "
    "trước 09 hồ sơ). Đã giải quyết 903 hồ sơ (882 hồ sơ đúng hạn, 21 hồ sơ quá hạn), đang "
    "giải quyết 11 hồ sơ (05 hồ sơ trong hạn, 06 hồ sơ quá hạn); trong đó tiếp nhận và giải "
    "quyết 700 hồ sơ trực tuyến, đạt 76,6%."
)

LAST = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận kính báo cáo./."

FIRST_UNIT = (
    "Ủy ban nhân dân quận (Chủ tịch, các Phó Chủ tịch) + Văn phòng Hội đồng nhân dân và "
    "Ủy ban nhân dân (Chánh Văn phòng, các Phó Chánh Văn phòng)"
)

QUAN = (
    (FIRST_UNIT, "1.282", "1.282", "1.064", "100"),
    ("Phòng Tư pháp", "66", "65", "63", "98,5"),
    ("Phòng Quản lý đô thị", "37", "37", "05", "100"),
    ("Phòng Văn hóa và Thông tin", "29", "29", "26", "100"),
    ("Thanh tra quận", "43", "43", "30", "100"),
    ("Phòng Tài nguyên và Môi trường", "29", "23", "07", "79,3"),
    ("Phòng Kinh tế", "28", "28", "28", "100"),
    ("Phòng Nội vụ", "16", "16", "16", "100"),
    ("Phòng Tài chính - Kế hoạch", "11", "11", "07", "100"),
    ("Phòng Lao động - Thương binh và Xã hội", "73", "73", "73", "100"),
    ("Phòng Y tế", "11", "09", "04", "81,8"),
    ("Phòng Giáo dục và Đào tạo", "101", "101", "101", "100"),
    ("Trung tâm Phát triển quỹ đất", "12", "12", "03", "100"),
    ("Ban Quản lý dự án đầu tư xây dựng", "01", "0", "0", "0"),
    ("Trung tâm Văn hóa - Thông tin và Thể thao", "0", "0", "0", "0"),
    ("Trung tâm Dân số - Kế hoạch hóa gia đình", "0", "0", "0", "0"),
    ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "04", "0", "0", "0"),
)

PHUONG = (
    ("Phường Cát Bi", "40", "39", "04", "97,5"),
    ("Phường Thành Tô", "180", "180", "160", "100"),
    ("Phường Đằng Lâm", "93", "93", "89", "100"),
    ("Phường Đằng Hải", "72", "72", "68", "100"),
    ("Phường Đông Hải 1", "48", "47", "03", "97,9"),
    ("Phường Đông Hải 2", "616", "616", "560", "100"),
    ("Phường Nam Hải", "60", "60", "0", "100"),
    ("Phường Tràng Cát", "54", "53", "0", "98,1"),
)

UNIT_HEADER = (
    Row(("TT", "Tên đơn vị", "Tổng số văn bản đi trên phần mềm HP-eOffice",
         "Số văn bản có ký số của đơn vị, địa phương",
         "Số văn bản lãnh đạo đơn vị, địa phương ký số",
         "Tỷ lệ % văn bản ký số của đơn vị/tổng số văn bản đi")),
    Row(("", "", "(1)", "(2)", "(3)", "(4=2/1)")),
)
UNIT_WIDTHS = (0.55, 3.0, 1.2, 1.2, 1.2, 1.25)
UNIT_ALIGN = ("center", "left", "center", "center", "center", "center")


def _group(label: str) -> Row:
    return Row((label, None, "", "", "", ""), kind="group")


def unit_table() -> Table:
    """Like 3.2 in the seed: two header rows, two group rows, 25 data rows."""
    rows = [_group("I. KHỐI QUẬN")]
    rows += [Row((str(i), *r)) for i, r in enumerate(QUAN, 1)]
    rows.append(_group("II. KHỐI PHƯỜNG"))
    rows += [Row((str(i), *r)) for i, r in enumerate(PHUONG, 1)]
    return Table(header=UNIT_HEADER, rows=tuple(rows), widths=UNIT_WIDTHS, align=UNIT_ALIGN)


FIELDS = (
    ("Xây dựng", "435", "0"), ("Kế hoạch và Đầu tư", "0", "0"), ("Tư pháp", "0", "02"),
    ("Tài nguyên và Môi trường", "0", "0"), ("Lao động - Thương binh và Xã hội", "0", "28"),
    ("Giáo dục và Đào tạo", "0", "04"), ("Công thương", "0", "0"), ("Nội vụ", "0", "0"),
    ("Phát thanh, truyền hình và thông tin điện tử", "0", "0"), ("Tài chính", "0", "106"),
    ("Y tế", "0", "0"), ("Giao thông vận tải", "0", "0"),
    ("Thông tin và Truyền thông", "0", "0"), ("Giải quyết khiếu nại", "0", "0"),
    ("Nông nghiệp và Phát triển nông thôn", "0", "0"),
)


def field_table() -> Table:
    """Like 3.3 in the seed: 4 fixed columns and a total row whose label spans two."""
    rows = [Row((str(i), *r)) for i, r in enumerate(FIELDS, 1)]
    rows.append(Row(("Tổng", None, "435", "140"), kind="total"))
    return Table(
        header=(Row(("TT", "Lĩnh vực", "Hồ sơ tiếp nhận", "Hồ sơ trả kết quả")),),
        rows=tuple(rows), widths=(0.6, 4.0, 1.4, 1.4),
        align=("center", "left", "center", "center"),
    )


CLOSING = Closing(
    recipients=("- TTQU, TT HĐND quận;", "- CT, các PCT UBND quận;",
                "- Các phòng quản lý nhà nước;", "- Các đơn vị sự nghiệp trực thuộc;",
                "- UBND các phường;", "- C, các PCVP;", "- Lưu: VT."),
    authority="",
    title="CHÁNH VĂN PHÒNG",
    name="Lê Long Hưng",
)


def sample_blocks() -> tuple:
    P = Paragraph
    return (
        P(CAN_CU, "italic"),
        P(INTRO),
        P("I. TÌNH HÌNH, KẾT QUẢ", "heading"),
        P("1. Công tác chỉ đạo, điều hành", "heading"),
        P(BODY_1),
        P(BODY_2),
        P("2. Công tác thông tin, truyền thông", "heading"),
        P(BODY_3),
        P("3. Một số kết quả chủ yếu", "heading"),
        P("3.1. Về thực hiện dịch vụ công trực tuyến mức độ 3, 4:", "heading"),
        P("Tính từ ngày 01/01 đến ngày 30/3/2022 (có biểu chi tiết kèm theo):"),
        P(POINT_A, "point"),
        P(POINT_B, "point"),
        P("3.2. Về ứng dụng chữ ký số:", "heading"),
        unit_table(),
        P("3.3. Về tiếp nhận, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu "
          "chính công ích:", "heading"),
        field_table(),
        P(BODY_2),
        P(LAST),
    )


def sample_document(**changes) -> Document:
    """The seed-like document; keyword arguments replace Document fields."""
    fields = dict(header=HEADER, blocks=sample_blocks(), closing=CLOSING,
                  title="Báo cáo chuyển đổi số quý I/2022")
    fields.update(changes)
    return Document(**fields)


def document_with_rows(n: int) -> Document:
    """A document whose unit table has ``n`` data rows (for the benchmark)."""
    base = (*QUAN[1:], *PHUONG)  # short labels, one line each, like most real rows
    rows = []
    for i in range(n):
        if i % 50 == 0:
            rows.append(_group(f"{i // 50 + 1}. KHỐI {i // 50 + 1}"))
        label, *nums = base[i % len(base)]
        rows.append(Row((str(i + 1), label if i % 25 else FIRST_UNIT, *nums)))
    table = Table(header=UNIT_HEADER, rows=tuple(rows), widths=UNIT_WIDTHS, align=UNIT_ALIGN)
    P = Paragraph
    blocks = (P(CAN_CU, "italic"), P(INTRO), P(BODY_1), P(BODY_2),
              P("3.2. Về ứng dụng chữ ký số:", "heading"), table, P(BODY_2), P(LAST))
    return Document(header=HEADER, blocks=blocks, closing=CLOSING, title="Benchmark")
