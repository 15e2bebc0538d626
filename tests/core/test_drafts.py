from dtdesk.core.drafts import drafts_for, expand
from dtdesk.store.reports import report_data, resolve

P = "2022-Q1"


def drafts(ws):
    return drafts_for(report_data(ws, resolve(ws)))


def test_the_seed_sentences(demo_ws):
    d = drafts(demo_ws)
    assert d["portal_subunits"] == ('Có 1/8 phường (phường Đông Hải 1) đã xây dựng chuyên mục "Chuyển đổi số" '
                                    "trên Cổng thông tin điện tử phường, 07 phường còn lại chưa thực hiện.")
    assert d["overdue_subunits"] == "các phường còn để hồ sơ quá hạn gồm: Cát Bi, Đằng Hải, Đông Hải 1, Đông Hải 2, Tràng Cát"
    assert d["comm_plan_missing"] == "(riêng Ủy ban nhân dân phường Đông Hải 2 chưa ban hành kế hoạch về truyền thông chuyển đổi số)"


def test_counts_follow_the_data(demo_ws):
    demo_ws.set_value("HA-CATBI", P, "trien_khai.portal_section", 1)
    demo_ws.set_value("HA-CATBI", P, "dvc.late", 0)
    demo_ws.set_value("HA-CATBI", P, "dvc.overdue", 0)
    d = drafts(demo_ws)
    assert d["portal_subunits"].startswith("Có 2/8 phường (phường Cát Bi, phường Đông Hải 1)")
    assert "06 phường còn lại" in d["portal_subunits"]
    assert d["overdue_subunits"].endswith("gồm: Đằng Hải, Đông Hải 1, Đông Hải 2, Tràng Cát")


def test_variants_for_none_and_all(demo_ws):
    for ward in demo_ws.hierarchy().subunits("HA"):
        demo_ws.set_value(ward.code, P, "trien_khai.portal_section", 0)
        demo_ws.set_value(ward.code, P, "trien_khai.comm_plan", 1)
    d = drafts(demo_ws)
    assert d["portal_subunits"].startswith("Chưa có phường nào")
    assert d["comm_plan_missing"] == ""
    for ward in demo_ws.hierarchy().subunits("HA"):
        demo_ws.set_value(ward.code, P, "trien_khai.portal_section", 1)
    assert drafts(demo_ws)["portal_subunits"].startswith("Cả 8 phường")


def test_unknown_tokens_print_as_typed(demo_ws):
    data = report_data(demo_ws, resolve(demo_ws))
    assert expand("{{nope}} và {{portal_subunits}}", data).startswith("{{nope}} và Có 1/8")


def test_a_ward_has_no_drafts(demo_ws):
    assert set(drafts_for(report_data(demo_ws, resolve(demo_ws, "HA-CATBI"))).values()) == {""}


def test_a_draft_that_says_nothing_takes_its_space_along(demo_ws):
    demo_ws.set_value("HA-DONGHAI2", P, "trien_khai.comm_plan", 1)
    data = report_data(demo_ws, resolve(demo_ws))
    assert expand("trên địa bàn phường {{comm_plan_missing}}.", data) == "trên địa bàn phường."


def test_the_demo_narratives_use_the_drafts(demo_ws):
    """The sentences about wards follow the wards' data: a ward's new file changes them."""
    data = report_data(demo_ws, resolve(demo_ws))
    for section_id in ("chi_dao", "truyen_thong", "ton_tai"):
        section = data.template.section(section_id)
        assert section.drafts and all(f"{{{{{d}}}}}" in data.text(section) for d in section.drafts)
