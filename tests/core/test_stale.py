"""A sentence typed over a draft warns once the data says otherwise."""

from dtdesk.core.rules import check
from dtdesk.core.stale import stale_sentences
from dtdesk.store.reports import report_data, resolve

P = "2022-Q1"
OVERDUE = "các phường còn để hồ sơ quá hạn gồm: Cát Bi, Đằng Hải, Đông Hải 1, Đông Hải 2, Tràng Cát"
PORTAL = ('Có 1/8 phường (phường Đông Hải 1) đã xây dựng chuyên mục "Chuyển đổi số" trên Cổng thông tin điện tử phường, '
          "07 phường còn lại chưa thực hiện.")


def stale(ws, section_id):
    data = report_data(ws, resolve(ws))
    return stale_sentences(data, data.template.section(section_id))


def type_over(ws, section_id, token, typed):
    text = ws.value("HA", P, f"{section_id}.text")
    assert token in text
    ws.set_value("HA", P, f"{section_id}.text", text.replace(token, typed))


def test_typed_text_that_agrees_with_the_data_is_left_alone(demo_ws):
    type_over(demo_ws, "ton_tai", "{{overdue_subunits}}", OVERDUE)
    type_over(demo_ws, "truyen_thong", "{{portal_subunits}}", PORTAL)
    assert stale(demo_ws, "ton_tai") == [] and stale(demo_ws, "truyen_thong") == []
    assert check(report_data(demo_ws, resolve(demo_ws))) == []


def test_a_name_that_no_longer_applies_warns(demo_ws):
    type_over(demo_ws, "ton_tai", "{{overdue_subunits}}", OVERDUE)
    for key in ("dvc.late", "dvc.overdue"):
        demo_ws.set_value("HA-CATBI", P, key, 0)
    (found,) = stale(demo_ws, "ton_tai")
    assert found.typed == OVERDUE
    assert found.today == "các phường còn để hồ sơ quá hạn gồm: Đằng Hải, Đông Hải 1, Đông Hải 2, Tràng Cát"
    messages = [p.message for p in check(report_data(demo_ws, resolve(demo_ws))) if p.section == "ton_tai"]
    assert len(messages) == 1 and "không còn khớp số liệu" in messages[0] and "gồm: Đằng Hải" in messages[0]


def test_a_count_that_no_longer_applies_warns(demo_ws):
    type_over(demo_ws, "truyen_thong", "{{portal_subunits}}", PORTAL)
    demo_ws.set_value("HA-CATBI", P, "trien_khai.portal_section", 1)
    (found,) = stale(demo_ws, "truyen_thong")
    assert found.today.startswith("Có 2/8 phường (phường Cát Bi, phường Đông Hải 1)")


def test_the_seeds_own_wording_names_the_wrong_ward(demo_ws):
    """The seed says "phường Đông Hải"; two wards bear that name and the data says Đông Hải 2."""
    type_over(demo_ws, "chi_dao", "{{comm_plan_missing}}",
              "(riêng Ủy ban nhân dân phường Đông Hải chưa ban hành kế hoạch về truyền thông chuyển đổi số)")
    (found,) = stale(demo_ws, "chi_dao")
    assert "Đông Hải 2" in found.today


def test_typed_as_if_every_ward_had_reported_warns(demo_ws):
    type_over(demo_ws, "ton_tai", "{{overdue_subunits}}", OVERDUE)
    for key in list(demo_ws.values(P, ["HA-NAMHAI"])):
        demo_ws.set_value("HA-NAMHAI", P, key[1], None, key[2])
    (found,) = stale(demo_ws, "ton_tai")
    assert found.today.startswith("7/8 phường đã báo cáo, trong đó")


def test_a_reworded_sentence_is_the_clerks(demo_ws):
    type_over(demo_ws, "ton_tai", "{{overdue_subunits}}", "nhiều phường còn hồ sơ quá hạn")
    demo_ws.set_value("HA-CATBI", P, "dvc.late", 0)
    assert stale(demo_ws, "ton_tai") == []
